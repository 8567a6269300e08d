import pytest
from django.core.management import call_command

from finsam.models import Forbund, User


@pytest.mark.django_db(transaction=True)
def test_demodata_is_idempotent_and_reset_rebuilds_it(capsys):
    call_command("demodata")
    counts = (Forbund.objects.count(), User.objects.count())
    call_command("demodata")
    assert (Forbund.objects.count(), User.objects.count()) == counts
    assert "finns redan" in capsys.readouterr().out
    call_command("demodata", "--reset")
    assert (Forbund.objects.count(), User.objects.count()) == counts
    out = capsys.readouterr().out
    assert "kansli" in out and "finsam-demo" in out


@pytest.mark.django_db
def test_the_demo_lives_in_the_present():
    import datetime as dt

    from django.utils import timezone

    from finsam.demo import build_demo, build_ostra_sodertorn
    from finsam.models import Avgiftsbeslut, Medlem, Uppdrag
    from finsam.selectors import styrelse_sammansattning
    from insatser.models import Insats, Strukturaktivitet
    from insatser.selectors import sena_rapporter
    from styrelse.models import Sammantrade

    idag = timezone.localdate()
    ctx = build_demo()
    forbund = ctx.forbund
    # One or two late or returned reports, not forty.
    sena = sena_rapporter(forbund=forbund, idag=idag)
    assert 1 <= len(sena) <= 2
    insatser = {i.namn: i for i in Insats.objects.for_forbund(forbund)}
    assert insatser["MIA-projektet"].status == Insats.AVSLUTAD
    assert insatser["Slussen"].status == Insats.AVSLUTAD
    assert insatser["START"].status == Insats.PAGAENDE
    # The seven frukostmöten of 2017 sum to seed 004's 726.
    frukost = Strukturaktivitet.objects.for_forbund(forbund).filter(
        typ="frukostmote", datum__year=2017
    )
    assert sum(frukost.values_list("deltagare", flat=True)) == 726
    # The region's name follows its history.
    region = Medlem.objects.for_forbund(forbund).get(typ=Medlem.REGION)
    assert region.namn_pa(dt.date(2018, 12, 31)) == "Stockholms läns landsting"
    assert region.namn_pa(dt.date(2019, 1, 1)) == "Region Stockholm"
    namn_2017 = [
        r.namn
        for r in styrelse_sammansattning(forbund=forbund, datum=dt.date(2017, 12, 31))
    ]
    assert "Stockholms läns landsting" in namn_2017
    assert "Region Stockholm" in [
        r.namn for r in styrelse_sammansattning(forbund=forbund, datum=idag)
    ]
    beslut = Avgiftsbeslut.objects.for_forbund(forbund)
    rader_2018 = beslut.get(ar=2018).rader.values_list("benamning", flat=True)
    assert "Stockholms läns landsting" in rader_2018
    assert beslut.get(ar=idag.year).status == Avgiftsbeslut.EXPEDIERAT
    assert beslut.get(ar=idag.year + 1).status == Avgiftsbeslut.UTKAST
    # A meeting held in the last weeks waits for justering; the next is called.
    motena = Sammantrade.objects.for_forbund(forbund)
    vantar = motena.get(status=Sammantrade.UTKAST)
    assert idag - dt.timedelta(days=14) <= vantar.datum < idag
    assert motena.filter(status=Sammantrade.KALLAT, datum__gt=idag).exists()
    assert (
        motena.filter(status=Sammantrade.PLANERAT, datum__year=idag.year + 1).count()
        >= 4
    )
    # No placeholder names.
    assert not forbund.personer.filter(efternamn="Beredare").exists()
    # A board for today.
    assert (
        Uppdrag.objects.for_forbund(forbund)
        .pa_datum(idag)
        .filter(typ=Uppdrag.LEDAMOT)
        .count()
        == 6
    )

    os_ = build_ostra_sodertorn()
    assert (
        Uppdrag.objects.for_forbund(os_)
        .pa_datum(idag)
        .filter(typ=Uppdrag.LEDAMOT)
        .count()
        == 6
    )
    assert set(os_.users.values_list("roll", flat=True)) >= {
        "kansli",
        "styrelse",
        "revisor",
        "insatsrapportor",
    }
