from decimal import Decimal
from fractions import Fraction

import pytest

from finsam.numbers import avrunda, format_tal, procent, procent_text

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("del_", "av", "decimaler", "vantat"),
    [
        (1, 8, 0, Decimal("13")),  # 12,5 % rounds half up; round() would give 12
        (3, 8, 0, Decimal("38")),  # 37,5 %
        (1, 3, 1, Decimal("33.3")),
        (2, 3, 0, Decimal("67")),
        (Fraction(1, 8), 1, 0, Decimal("13")),
        (Decimal("0.125"), 1, 1, Decimal("12.5")),
        (Decimal("0.00125"), 1, 1, Decimal("0.1")),
    ],
)
def test_it_rounds_percentages_half_up(del_, av, decimaler, vantat):
    assert procent(del_, av, decimaler=decimaler) == vantat


def test_a_percentage_without_a_base_is_empty():
    assert procent(3, 0) is None
    assert procent(None, 4) is None
    assert procent_text(3, 0) == ""
    assert procent_text(3, None) == ""


def test_percent_text_and_printed_figures_round_alike():
    # The same half-up rule for a computed share and a printed figure.
    assert procent_text(1, 8) == f"13{NBSP}%"
    assert format_tal(Decimal("12.5"), 0) == "13"
    assert avrunda(Decimal("-2.5")) == Decimal("-3")
    assert procent_text(114, 296) == f"39{NBSP}%"


def test_amounts_print_as_swedish_kronor():
    assert format_tal(17378000) == f"17{NBSP}378{NBSP}000"
    assert format_tal(Decimal("4344500.00")) == f"4{NBSP}344{NBSP}500"
    assert format_tal(Decimal("1234.5")) == f"1{NBSP}234,50"
    assert format_tal(-362) == "\u2212362"
    assert format_tal(0) == "0"
    assert format_tal(None) == ""
