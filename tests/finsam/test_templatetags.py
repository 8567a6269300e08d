import datetime as dt
from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

NBSP = "\xa0"


def test_templates_show_kronor_percent_and_iso_dates():
    with translation.override("sv"):
        out = Template("{{ a|kr }} | {{ p|procent }} | {{ d }}").render(
            Context({"a": 17378000, "p": Decimal("44"), "d": dt.date(2018, 3, 23)})
        )
    assert out == f"17{NBSP}378{NBSP}000{NBSP}kr | 44,0{NBSP}% | 2018-03-23"
