"""Figures the förvaltningsberättelse counts itself."""

from __future__ import annotations

import datetime as dt

import pytest

from ekonomi.arsredovisning import selectors
from styrelse import services as styrelse_services
from styrelse.models import Sammantrade

pytestmark = pytest.mark.django_db


def test_meetings_held_are_counted_from_the_protocols(forbund):
    organ = styrelse_services.organ_styrelse(forbund=forbund)
    datum = [dt.date(2017, 2, 10), dt.date(2017, 5, 12), dt.date(2017, 11, 24)]
    moten = [
        styrelse_services.sammantrade_create(organ=organ, datum=d, plats="Kansliet")
        for d in datum
    ]
    styrelse_services.sammantrade_create(
        organ=organ, datum=dt.date(2018, 3, 23), plats="Kansliet"
    )
    # Only planned so far: none held.
    assert selectors.sammantraden_under_aret(forbund=forbund, ar=2017) == 0
    Sammantrade.objects.filter(pk=moten[0].pk).update(status=Sammantrade.JUSTERAT)
    Sammantrade.objects.filter(pk=moten[1].pk).update(status=Sammantrade.GENOMFORT)
    assert selectors.sammantraden_under_aret(forbund=forbund, ar=2017) == 2


def test_a_section_not_written_this_year_starts_from_last_years_text(forbund):
    from ekonomi.arsredovisning.services import avsnittstext_save

    avsnittstext_save(
        forbund=forbund, ar=2015, avsnitt="lagrum", text="2015", user=None
    )
    avsnittstext_save(
        forbund=forbund, ar=2016, avsnitt="lagrum", text="2016", user=None
    )
    avsnittstext_save(
        forbund=forbund, ar=2018, avsnitt="lagrum", text="2018", user=None
    )
    lagrum = {a.kod: a for a in selectors.avsnitt_list(forbund=forbund, ar=2017)}[
        "lagrum"
    ]
    assert (lagrum.text, lagrum.fran_ar, lagrum.egen) == ("2016", 2016, False)
