import datetime as dt

import pytest

from insatser.management.commands.deltagarstatistik import tabellrader
from insatser.models import Insats, Periodrapport
from insatser.selectors import flodessammanfattning, rapport_deadline, sena_rapporter
from insatser.services import insats_save, periodrapport_save
from tests.insatser.factories import many_insatser

# Seed 004, "Sammanfattning av deltagarflöden i finansierade insatser, årsredovisning 2017".
SEED_004 = """\
ADRIAN	11	6	4	1	1	11	1	5
HälsoSam	96	69	27	0	96	96	ej tillämpligt	ej tillämpligt
Lyra	22	14	8	0	13	11	0	2
MIA-projektet	152	100	48	4	152	17	5	0
Möjliggörarna *	108	32	75	1	114	114	ej tillämpligt	ej tillämpligt
Samverkansteam Botkyrka	66	46	20	0	2	66	3	4
Samverkansteam Huddinge	59	42	16	1	11	59	7	0
Slussen	141	62	79	0	84	78	66	5
START	61	23	38	0	21	31	14	17
Ungdomsprojektet i Salem	44	13	31	0	35	23	18\t
Totalt	760	407	346	7	529	506	114	33"""


def test_demo_reproduces_seed_004_flow_table_to_the_digit(demo):
    rader, total, unika = flodessammanfattning(forbund=demo.forbund, ar=2017)
    got = "\n".join("\t".join(r) for r in tabellrader(rader, total))
    assert got == SEED_004
    assert unika == 624
    mojl = next(r for r in rader if r.namn == "Möjliggörarna")
    assert "uppsökande" in mojl.avvikelse


def test_only_approved_helar_reports_count(forbund, insats, orsaker):
    rapport = periodrapport_save(
        insats=insats,
        ar=2017,
        period=Periodrapport.HELAR,
        siffror={"aktuella_totalt": 5, "aktuella_kvinnor": 5},
        avslut={},
    )
    _, total, _ = flodessammanfattning(forbund=forbund, ar=2017)
    assert total.aktuella == 0
    rapport.status = Periodrapport.GODKAND
    rapport.save()
    _, total, _ = flodessammanfattning(forbund=forbund, ar=2017)
    assert total.aktuella == 5


@pytest.mark.parametrize("n", [3, 300])
def test_flow_summary_uses_fixed_number_of_queries(
    forbund, orsaker, n, django_assert_num_queries
):
    many_insatser(forbund, orsaker, n)
    with django_assert_num_queries(4):
        rader, total, _ = flodessammanfattning(forbund=forbund, ar=2017)
    assert len(rader) == n
    assert total.aktuella == 2 * n and total.arbete_studier == n


def test_deadline_rule():
    assert rapport_deadline(2018, Periodrapport.T1) == dt.date(2018, 5, 15)
    assert rapport_deadline(2018, Periodrapport.T2) == dt.date(2018, 9, 15)
    assert rapport_deadline(2018, Periodrapport.HELAR) == dt.date(2019, 1, 31)


def test_late_reports_list_missing_and_unsubmitted(forbund, orsaker):
    insats = insats_save(
        forbund=forbund, namn="Slussen", startdatum=dt.date(2018, 1, 1)
    )
    periodrapport_save(
        insats=insats, ar=2018, period=Periodrapport.T1, siffror={}, avslut={}
    )
    sena = sena_rapporter(forbund=forbund, idag=dt.date(2018, 9, 20))
    assert [(s.period, s.status) for s in sena] == [
        ("t1", Periodrapport.UTKAST),
        ("t2", "saknas"),
    ]
    assert sena_rapporter(forbund=forbund, idag=dt.date(2018, 5, 15)) == []


def test_statistics_details_from_demo(demo):
    from insatser.selectors import statistik_detaljer

    d = statistik_detaljer(forbund=demo.forbund, ar=2017)
    assert d["kon"]["aktuella_totalt"] == 760 and d["kon"]["nya_totalt"] == 529
    assert sum(o["totalt"] for o in d["orsaker"]) == 506
    # Till arbete/studier: 114 of the 296 avslutade in insatser where it applies.
    assert d["andel_arbete"]["totalt"]["antal"] == 114
    assert d["andel_arbete"]["totalt"]["av"] == 506 - 96 - 114
    # The insatser's own yearly goals from Bilaga 2 (HälsoSam 80, START 40, UPIS 30, MIA 158).
    assert d["arsmal"]["aktuella"] == 308 and d["arsmal"]["nya"] == 53


def test_konsultationer_summed_from_approved_helar(forbund, insats, orsaker):
    from insatser.selectors import statistik_detaljer

    rapport = periodrapport_save(
        insats=insats,
        ar=2017,
        period=Periodrapport.HELAR,
        siffror={"konsultationer_kvinnor": 7, "konsultationer_man": 5},
        avslut={},
    )
    Periodrapport.objects.filter(pk=rapport.pk).update(status=Periodrapport.GODKAND)
    kon = statistik_detaljer(forbund=forbund, ar=2017)["kon"]
    assert (kon["konsultationer_kvinnor"], kon["konsultationer_man"]) == (7, 5)


def test_late_reports_read_only_the_last_three_years(
    forbund, orsaker, django_assert_num_queries
):
    from tests.insatser.factories import InsatsFactory, PeriodrapportFactory

    nu = insats_save(forbund=forbund, namn="Pågår", startdatum=dt.date(2016, 1, 1))
    # An insats that ended long ago, with ten years of reports: neither is read.
    gammal = InsatsFactory(
        forbund=forbund,
        status=Insats.AVSLUTAD,
        startdatum=dt.date(2005, 1, 1),
        slutdatum=dt.date(2014, 12, 31),
    )
    for ar in range(2005, 2015):
        PeriodrapportFactory(insats=gammal, ar=ar, period=Periodrapport.HELAR)
    with django_assert_num_queries(2):
        sena = sena_rapporter(forbund=forbund, idag=dt.date(2018, 9, 20))
    assert {s.insats for s in sena} == {nu}
    assert min(s.ar for s in sena) == 2016
