import datetime as dt

import pytest
from django.utils import timezone

from finsam.demo import build_demo
from styrelse.frister import justering_forsenad
from styrelse.models import Kommentar, Sammantrade

pytestmark = pytest.mark.django_db


def test_demo_has_the_justerat_2018_meetings_and_a_draft_waiting_for_justering():
    ctx = build_demo()
    mars = Sammantrade.objects.for_forbund(ctx.forbund).get(datum=dt.date(2018, 3, 23))
    assert mars.status == Sammantrade.ANSLAGET
    assert list(mars.paragrafer.values_list("nummer", flat=True)) == list(range(1, 12))
    assert mars.paragrafer.get(nummer=4).arende.diarienummer == "HBS 2018/18"
    assert mars.paragrafer.get(nummer=4).rubrik == "Årsredovisning 2017"
    assert mars.anslag.uppsatt == dt.date(2018, 3, 29)
    assert mars.anslag.nedtas == dt.date(2018, 4, 19)
    assert mars.justerat_tid.date() == dt.date(2018, 3, 28)
    maj = Sammantrade.objects.for_forbund(ctx.forbund).get(datum=dt.date(2018, 5, 25))
    assert maj.status == Sammantrade.ANSLAGET
    assert maj.paragrafer.first().nummer == 12
    assert (
        Kommentar.objects.for_forbund(ctx.forbund)
        .filter(paragraf__sammantrade=maj, lost=True)
        .exists()
    )
    delegation = maj.paragrafer.get(typ="delegationsbeslut")
    assert delegation.delegationsbeslut.count() == 1
    # The present: one protocol waits for justering, held within the last fortnight.
    utkast = Sammantrade.objects.for_forbund(ctx.forbund).get(status=Sammantrade.UTKAST)
    assert not justering_forsenad(utkast, timezone.localdate())


def test_demo_builds_twice_in_one_database():
    build_demo()
    other = build_demo(
        orgnr="222000-1701", namn="Förbund B", kortnamn="B", user_prefix="b-"
    )
    assert (
        Sammantrade.objects.for_forbund(other.forbund).count()
        == Sammantrade.objects.for_forbund(
            Sammantrade.objects.first().organ.forbund
        ).count()
    )
