import pytest
from django.core.exceptions import ValidationError

from finsam.validators import luhn_ok, validate_orgnr


@pytest.mark.parametrize(
    ("digits", "ok"),
    [
        ("2220003020", True),  # Botkyrka Huddinge Salem (seed 004)
        ("2220003021", False),
        ("8112189876", True),  # Skatteverket's example personnummer
        ("8112189875", False),
    ],
)
def test_the_one_luhn_check_serves_orgnr_and_personnummer(digits, ok):
    assert luhn_ok(digits) is ok


def test_an_orgnr_is_checked_for_form_and_check_digit():
    validate_orgnr("222000-3020")
    with pytest.raises(ValidationError, match="NNNNNN-NNNN"):
        validate_orgnr("2220003020")
    with pytest.raises(ValidationError, match="kontrollsiffra"):
        validate_orgnr("222000-3021")


def test_it_refuses_an_orgnr_with_a_wrong_check_digit():
    validate_orgnr("222000-3020")
    with pytest.raises(ValidationError, match="kontrollsiffra"):
        validate_orgnr("222000-3021")
    with pytest.raises(ValidationError, match="NNNNNN-NNNN"):
        validate_orgnr("2220003020")
