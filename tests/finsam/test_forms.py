import datetime as dt

import pytest

from finsam.forms import AvgiftsbeslutForm
from styrelse import services as styrelse_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def sex_sammantraden(forbund):
    organ = styrelse_services.organ_styrelse(forbund=forbund)
    return [
        styrelse_services.sammantrade_create(
            organ=organ, datum=dt.date(2017, month, 10), standardpunkter=False
        )
        for month in range(1, 7)
    ]


def _paragraf(sammantrade, rubrik):
    return styrelse_services.paragraf_add(sammantrade=sammantrade, rubrik=rubrik)


def test_the_fee_decision_offers_the_paragraphs_of_the_last_meetings(
    forbund, sex_sammantraden
):
    aldst, *senaste = sex_sammantraden
    gammal = _paragraf(aldst, "Medlemsavgifter 2017")
    nya = [_paragraf(s, f"Ärende {s.datum}") for s in senaste]
    form = AvgiftsbeslutForm(forbund=forbund)
    erbjudna = {p.pk for p in form.fields["beslutsparagraf"].queryset}
    assert erbjudna == {p.pk for p in nya}
    # A search by heading finds the older one; a posted older one is accepted.
    sokt = AvgiftsbeslutForm(forbund=forbund, sok="avgifter 2017")
    assert gammal in sokt.fields["beslutsparagraf"].queryset
    postad = AvgiftsbeslutForm(
        {
            "ar": 2018,
            "total": 1000,
            "metod": "befolkning",
            "beslutsparagraf": gammal.pk,
        },
        forbund=forbund,
    )
    postad.is_valid()
    assert "beslutsparagraf" not in postad.errors


def test_the_chosen_paragraph_stays_a_choice_when_editing(forbund, sex_sammantraden):
    gammal = _paragraf(sex_sammantraden[0], "Medlemsavgifter 2017")
    form = AvgiftsbeslutForm(forbund=forbund, initial={"beslutsparagraf": gammal.pk})
    assert gammal in form.fields["beslutsparagraf"].queryset
