import datetime as dt
import io

import pytest
from django.core.management import call_command

from finsam.demo import build_demo
from insatser.management.commands.deltagarstatistik import tabellrader
from insatser.models import Insats, Periodrapport
from insatser.selectors import flodessammanfattning, rapport_deadline, sena_rapporter
from insatser.services import insats_save, periodrapport_save

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


@pytest.fixture
def demo(db):
    return build_demo()


def test_demo_reproduces_seed_004_flow_table_to_the_digit(demo):
    rader, total, unika = flodessammanfattning(forbund=demo.forbund, ar=2017)
    got = "\n".join("\t".join(r) for r in tabellrader(rader, total))
    assert got == SEED_004
    assert unika == 624
    mojl = next(r for r in rader if r.namn == "Möjliggörarna")
    assert "uppsökande" in mojl.avvikelse


def test_demo_builds_twice_in_one_database(demo):
    other = build_demo(
        orgnr="222000-1701",
        namn="Samordningsförbundet Två",
        kortnamn="TV",
        user_prefix="b-",
    )
    _, total, _ = flodessammanfattning(forbund=other.forbund, ar=2017)
    assert total.aktuella == 760
    _, total_a, _ = flodessammanfattning(forbund=demo.forbund, ar=2017)
    assert total_a.aktuella == 760


def test_deltagarstatistik_command_prints_seed_table(demo):
    out = io.StringIO()
    call_command("deltagarstatistik", demo.forbund.orgnr, "2017", stdout=out)
    text = out.getvalue()
    assert "Totalt\t760\t407\t346\t7\t529\t506\t114\t33" in text
    assert "Varav unika deltagare\t624" in text
    assert "Möjliggörarna *\t108\t32\t75\t1\t114\t114" in text


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


def _many(forbund, orsaker, n, start=0):
    arbete = orsaker["Arbete"].pk
    for i in range(start, start + n):
        insats = Insats.objects.create(forbund=forbund, namn=f"Insats {i:03d}")
        rapport = periodrapport_save(
            insats=insats,
            ar=2017,
            period=Periodrapport.HELAR,
            siffror={
                "aktuella_totalt": 2,
                "aktuella_kvinnor": 2,
                "avslutade_totalt": 1,
                "avslutade_kvinnor": 1,
            },
            avslut={arbete: {"kvinnor": 1}},
        )
        Periodrapport.objects.filter(pk=rapport.pk).update(status=Periodrapport.GODKAND)


@pytest.mark.parametrize("n", [3, 300])
def test_flow_summary_uses_fixed_number_of_queries(
    forbund, orsaker, n, django_assert_num_queries
):
    _many(forbund, orsaker, n)
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


def test_statistics_page_queries_do_not_grow_with_insatser(
    forbund, orsaker, kanslist, client
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(kanslist)
    counts = []
    for start, n in ((0, 3), (3, 297)):
        _many(forbund, orsaker, n, start)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/insatser/statistik/2017/")
        assert response.status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


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


def test_statistics_excel_reads_back_the_seed_table(demo, client):
    from openpyxl import load_workbook

    client.force_login(demo.users["revisor"])
    response = client.get("/insatser/statistik/2017/excel/")
    ws = load_workbook(io.BytesIO(response.content))["Deltagarflöden"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    total = next(r for r in rows if r[0] == "Totalt")
    assert total[1:9] == [760, 407, 346, 7, 529, 506, 114, 33]
    assert ["Varav unika deltagare", 624] == rows[-1][:2]


def test_uppfoljning_finsam_page_and_excel(demo, client):
    from openpyxl import load_workbook

    client.force_login(demo.users["kansli"])
    page = client.get("/insatser/uppfoljning/2017/").content.decode()
    assert "Underlag för Uppföljning Finsam 2017" in page and "Slussen" in page
    ws = load_workbook(
        io.BytesIO(client.get("/insatser/uppfoljning/2017/excel/").content)
    ).active
    rows = {r[0]: r for r in ws.iter_rows(values_only=True) if r and r[0]}
    assert rows["Slussen"][4:8] == (62, 79, 0, 141)


def test_statistics_pdf_prints_table_and_flag(demo, client):
    from pypdf import PdfReader

    client.force_login(demo.users["revisor"])
    response = client.get("/insatser/statistik/2017/pdf/")
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "760" in text and "407" in text and "624" in text
    assert "Möjliggörarna *" in text and "godkänd avvikelse" in text
    docs = client.get("/dokument/?ar=2017").content.decode()
    assert "Deltagarstatistik 2017" in docs


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
