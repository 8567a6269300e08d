import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from finsam.validators import luhn_ok
from insatser.validators import find_personnummer, validate_no_personnummer


def kontrollsiffra(nio: str) -> str:
    for d in "0123456789":
        if luhn_ok(nio + d):
            return d
    raise AssertionError


datum = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 12, 31))
lopnr = st.integers(min_value=0, max_value=999).map(lambda n: f"{n:03d}")


def pnr(d: dt.date, nr: str) -> tuple[str, str]:
    kort = d.strftime("%y%m%d")
    return kort, nr + kontrollsiffra(kort + nr)


@given(datum, lopnr, st.sampled_from(["-", "+", ""]), st.booleans())
def test_valid_personnummer_is_refused_in_every_form(d, nr, sep, langt):
    kort, slut = pnr(d, nr)
    forst = d.strftime("%Y%m%d") if langt else kort
    text = f"Deltagaren {forst}{sep}{slut} har slutat."
    assert find_personnummer(text)
    with pytest.raises(ValidationError, match="personnummer"):
        validate_no_personnummer(text)


@given(datum, lopnr, st.integers(min_value=1, max_value=9))
def test_wrong_check_digit_is_accepted(d, nr, fel):
    kort, slut = pnr(d, nr)
    fel_siffra = str((int(slut[-1]) + fel) % 10)
    assert find_personnummer(f"{kort}-{slut[:3]}{fel_siffra}") is None


@given(st.integers(min_value=0, max_value=10**6))
def test_ordinary_numbers_pass(n):
    validate_no_personnummer(f"Vi hade {n} deltagare och 17 378 000 kr.")


def test_known_test_personnummer():
    assert find_personnummer("811218-9876") == "811218-9876"
    assert find_personnummer("19811218-9876")
    assert find_personnummer("8112189876")
    assert find_personnummer("811218-9877") is None
