import datetime as dt
from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

from finsam.templatetags.finsam import format_tal

NBSP = "\xa0"


def test_amounts_print_as_swedish_kronor():
    assert format_tal(17378000) == f"17{NBSP}378{NBSP}000"
    assert format_tal(Decimal("4344500.00")) == f"4{NBSP}344{NBSP}500"
    assert format_tal(Decimal("1234.5")) == f"1{NBSP}234,50"
    assert format_tal(-362) == "\u2212362"
    assert format_tal(0) == "0"
    assert format_tal(None) == ""


def test_templates_show_kronor_percent_and_iso_dates():
    with translation.override("sv"):
        out = Template("{{ a|kr }} | {{ p|procent }} | {{ d }}").render(
            Context({"a": 17378000, "p": Decimal("44"), "d": dt.date(2018, 3, 23)})
        )
    assert out == f"17{NBSP}378{NBSP}000{NBSP}kr | 44,0{NBSP}% | 2018-03-23"
