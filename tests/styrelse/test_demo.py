import datetime as dt

import pytest

from finsam.demo import build_demo
from styrelse.models import Kommentar, Sammantrade

pytestmark = pytest.mark.django_db


def test_demo_has_the_justerat_march_meeting_and_a_draft_with_comment():
    ctx = build_demo()
    mars = Sammantrade.objects.for_forbund(ctx.forbund).get(datum=dt.date(2018, 3, 23))
    assert mars.status == Sammantrade.ANSLAGET
    assert list(mars.paragrafer.values_list("nummer", flat=True)) == list(range(1, 12))
    assert mars.paragrafer.get(nummer=4).arende.diarienummer == "BHS 2018/18"
    assert mars.paragrafer.get(nummer=4).rubrik == "Årsredovisning 2017"
    assert mars.anslag.uppsatt == dt.date(2018, 3, 29)
    assert mars.anslag.nedtas == dt.date(2018, 4, 19)
    assert mars.justerat_tid.date() == dt.date(2018, 3, 28)
    utkast = Sammantrade.objects.for_forbund(ctx.forbund).get(
        datum=dt.date(2018, 5, 25)
    )
    assert utkast.status == Sammantrade.UTKAST
    assert utkast.paragrafer.first().nummer == 12
    assert (
        Kommentar.objects.for_forbund(ctx.forbund)
        .filter(paragraf__sammantrade=utkast)
        .exists()
    )
    delegation = utkast.paragrafer.get(typ="delegationsbeslut")
    assert delegation.delegationsbeslut.count() == 1


def test_demo_builds_twice_in_one_database():
    build_demo()
    other = build_demo(
        orgnr="222000-1701", namn="Förbund B", kortnamn="B", user_prefix="b-"
    )
    assert Sammantrade.objects.for_forbund(other.forbund).count() == 2
