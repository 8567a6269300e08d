import datetime as dt
import io

import pytest

from insatser.models import Insats, Periodrapport
from insatser.services import periodrapport_save
from tests.insatser.conftest import siffror
from tests.insatser.factories import many_insatser


@pytest.fixture
def rapport(insats, orsaker):
    return periodrapport_save(
        insats=insats,
        ar=2018,
        period=Periodrapport.T1,
        siffror=siffror(),
        avslut={orsaker["Arbete"].pk: {"kvinnor": 2, "man": 2}},
    )


def grid(orsaker, **over):
    data = {k: str(v) for k, v in siffror().items()}
    data[f"avslut_{orsaker['Arbete'].pk}_kvinnor"] = "2"
    data[f"avslut_{orsaker['Arbete'].pk}_man"] = "2"
    data.update(over)
    return data


def test_rapportor_sees_only_assigned_insatser(
    as_user, rapportor, insats, annan_insats
):
    client = as_user(rapportor)
    page = client.get("/insatser/").content.decode()
    assert "Slussen" in page and "Lyra" not in page
    assert client.get(f"/insatser/{insats.pk}/").status_code == 200
    assert client.get(f"/insatser/{annan_insats.pk}/").status_code == 404
    assert client.get(f"/insatser/{annan_insats.pk}/rapport/ny/").status_code == 404


def test_rapportor_refused_another_insats_report(
    as_user, rapportor, annan_insats, orsaker
):
    other = periodrapport_save(
        insats=annan_insats, ar=2018, period="t1", siffror={}, avslut={}
    )
    client = as_user(rapportor)
    assert client.get(f"/insatser/rapport/{other.pk}/").status_code == 404
    assert client.post(f"/insatser/rapport/{other.pk}/andra/", {}).status_code == 404


def test_rapportor_submits_valid_report(as_user, rapportor, rapport, orsaker):
    client = as_user(rapportor)
    response = client.post(
        f"/insatser/rapport/{rapport.pk}/andra/", {**grid(orsaker), "lamna_in": "1"}
    )
    assert response.status_code == 302
    rapport.refresh_from_db()
    assert rapport.status == Periodrapport.INLAMNAD


def test_exit_reasons_not_adding_up_shown_next_to_field_and_not_submitted(
    as_user, rapportor, rapport, orsaker
):
    client = as_user(rapportor)
    data = grid(orsaker, **{f"avslut_{orsaker['Arbete'].pk}_man": "5"})
    response = client.post(
        f"/insatser/rapport/{rapport.pk}/andra/", {**data, "lamna_in": "1"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Avslutsorsakerna för män är tillsammans 5" in page
    assert "skillnad 3" in page
    rapport.refresh_from_db()
    assert rapport.status == Periodrapport.UTKAST


def test_personnummer_in_narrative_refused(as_user, rapportor, rapport, orsaker):
    client = as_user(rapportor)
    response = client.post(
        f"/insatser/rapport/{rapport.pk}/andra/",
        {**grid(orsaker), "berattelse": "Deltagare 811218-9876 slutade"},
    )
    assert response.status_code == 200
    assert "personnummer" in response.content.decode()
    rapport.refresh_from_db()
    assert rapport.berattelse == ""


def test_kansli_approves_and_returns(as_user, kanslist, rapportor, rapport):
    from insatser.services import periodrapport_submit

    periodrapport_submit(rapport=rapport, user=rapportor)
    client = as_user(kanslist)
    assert (
        "Godkänn rapporten"
        in client.get(f"/insatser/rapport/{rapport.pk}/").content.decode()
    )
    client.post(f"/insatser/rapport/{rapport.pk}/atersand/", {"kommentar": "Fel kön"})
    rapport.refresh_from_db()
    assert rapport.status == Periodrapport.ATERSAND and rapport.kommentar == "Fel kön"
    periodrapport_submit(rapport=rapport, user=rapportor)
    client.post(f"/insatser/rapport/{rapport.pk}/godkann/")
    rapport.refresh_from_db()
    assert rapport.status == Periodrapport.GODKAND


@pytest.mark.parametrize("fixture", ["rapportor", "styrelseledamot", "revisor"])
def test_only_kansli_approves(request, as_user, rapport, fixture):
    user = request.getfixturevalue(fixture)
    rapport.status = Periodrapport.INLAMNAD
    rapport.save()
    response = as_user(user).post(f"/insatser/rapport/{rapport.pk}/godkann/")
    assert response.status_code == 403
    rapport.refresh_from_db()
    assert rapport.status == Periodrapport.INLAMNAD


def test_kansli_accepts_deviation(as_user, kanslist, insats, orsaker):
    rapport = periodrapport_save(
        insats=insats,
        ar=2018,
        period="t1",
        siffror=siffror(akt=(3, 1, 2, 0), nya=(3, 1, 2, 0)),
        avslut={orsaker["Arbete"].pk: {"kvinnor": 2, "man": 2}},
    )
    client = as_user(kanslist)
    client.post(
        f"/insatser/rapport/{rapport.pk}/avvikelse/",
        {"koder": ["avslutade_over_aktuella"], "motivering": "Uppsökande"},
    )
    rapport.refresh_from_db()
    assert rapport.avvikelse_koder == ["avslutade_over_aktuella"]
    assert (
        "Godkänd avvikelse"
        in client.get(f"/insatser/rapport/{rapport.pk}/").content.decode()
    )


def test_insats_edit_kansli_only_and_scoped_huvudman(
    as_user, kanslist, styrelseledamot, insats, annat_forbund
):
    from tests.factories import MedlemFactory

    other = MedlemFactory(forbund=annat_forbund)
    assert (
        as_user(styrelseledamot).get(f"/insatser/{insats.pk}/andra/").status_code == 403
    )
    client = as_user(kanslist)
    response = client.post(
        f"/insatser/{insats.pk}/andra/",
        {
            "namn": "Slussen",
            "inriktning": "individ",
            "status": "pagaende",
            "huvudman": other.pk,
            "sortering": 0,
        },
    )
    # Another förbund's member is not a choice: the form is refused (400), nothing saved.
    assert response.status_code == 400
    response = client.post(
        "/insatser/ny/",
        {
            "namn": "Ny insats",
            "inriktning": "struktur",
            "status": "planerad",
            "sortering": 0,
        },
    )
    assert response.status_code == 302


def test_statistics_page_shows_seed_table(as_user, db):
    from finsam.demo import build_demo

    ctx = build_demo()
    client = as_user(ctx.users["styrelse"])
    page = client.get("/insatser/statistik/2017/").content.decode()
    assert (
        "<td>760</td><td>407</td><td>346</td><td>7</td><td>529</td><td>506</td><td>114</td><td>33</td>"
        in page
    )
    assert "<svg" in page and "624" in page
    assert (
        as_user(ctx.users["rapportor"]).get("/insatser/statistik/2017/").status_code
        == 403
    )


def test_late_reports_page(as_user, kanslist, insats):
    page = as_user(kanslist).get("/insatser/sena/").content.decode()
    assert "Sena rapporter" in page


def test_report_form_saves_konsultationer_and_categories(
    as_user, rapportor, rapport, orsaker, forbund
):
    from insatser.models import Kategori
    from insatser.services import standarddata_seed

    standarddata_seed(forbund=forbund)
    lon = Kategori.objects.get(forbund=forbund, dimension="forsorjning", namn="Lön")
    af = Kategori.objects.get(forbund=forbund, namn="Arbetsförmedlingen")
    data = grid(
        orsaker,
        konsultationer_kvinnor="3",
        konsultationer_man="1",
        **{f"kat_{lon.pk}_slut_man": "2", f"kat_{af.pk}_x_kvinnor": "4"},
    )
    client = as_user(rapportor)
    assert (
        client.post(f"/insatser/rapport/{rapport.pk}/andra/", data).status_code == 302
    )
    rapport.refresh_from_db()
    assert rapport.konsultationer_kvinnor == 3
    rader = {(r.kategori_id, r.tillfalle): r for r in rapport.antal.all()}
    assert rader[(lon.pk, "slut")].man == 2 and rader[(af.pk, "")].kvinnor == 4
    page = client.get(f"/insatser/rapport/{rapport.pk}/").content.decode()
    assert "Försörjning (vid avslut): Lön" in page


def test_kansli_assigns_and_removes_rapportor(
    as_user, kanslist, insatsrapportor, annan_insats, outsider
):
    from insatser.models import Insatsrapportor

    client = as_user(kanslist)
    # A user of another förbund cannot be chosen.
    client.post(f"/insatser/{annan_insats.pk}/rapportorer/", {"user": outsider.pk})
    assert not Insatsrapportor.objects.exists()
    client.post(
        f"/insatser/{annan_insats.pk}/rapportorer/", {"user": insatsrapportor.pk}
    )
    uppdrag = Insatsrapportor.objects.get()
    assert uppdrag.insats == annan_insats
    client.post(f"/insatser/rapportorer/{uppdrag.pk}/ta-bort/")
    assert not Insatsrapportor.objects.exists()


def test_kansli_adds_goal_and_result_is_computed(as_user, kanslist, insats, orsaker):
    from insatser.models import Mal

    client = as_user(kanslist)
    response = client.post(
        f"/insatser/{insats.pk}/mal/ny/",
        {"ar": 2017, "typ": "andel_arbete_studier", "malvarde": "50", "ordning": 0},
    )
    assert response.status_code == 302
    assert Mal.objects.get().insats == insats
    rapport = periodrapport_save(
        insats=insats,
        ar=2017,
        period=Periodrapport.HELAR,
        siffror=siffror(),
        avslut={orsaker["Arbete"].pk: {"kvinnor": 1, "man": 2}},
    )
    rapport.status = Periodrapport.GODKAND
    rapport.save()
    page = client.get(f"/insatser/{insats.pk}/").content.decode()
    assert "75\xa0% (3 av 4)" in page


def test_kansli_enters_unique_participants(as_user, kanslist, styrelseledamot):
    from insatser.models import UnikaDeltagare

    assert (
        as_user(styrelseledamot)
        .post("/insatser/statistik/2018/unika/", {"antal": 5})
        .status_code
        == 403
    )
    as_user(kanslist).post("/insatser/statistik/2018/unika/", {"antal": 500})
    assert UnikaDeltagare.objects.get().antal == 500


def test_statistics_page_shows_forbund_goals_with_computed_results(as_user, db):
    from finsam.demo import build_demo

    ctx = build_demo()
    page = (
        as_user(ctx.users["kansli"]).get("/insatser/statistik/2017/").content.decode()
    )
    # Seed 004, 1.3.3: "Totalt 624 individer", "39 % arbetar/studerar vid avslut".
    assert "624 unika deltagare" in page
    assert "39\xa0% (114 av 296)" in page


def test_structural_activities_list_and_create(as_user, kanslist, styrelseledamot):
    from insatser.models import Strukturaktivitet

    assert as_user(styrelseledamot).get("/insatser/struktur/ny/").status_code == 403
    client = as_user(kanslist)
    response = client.post(
        "/insatser/struktur/ny/",
        {
            "datum": "2018-02-09",
            "typ": "frukostmote",
            "tema": "Psykisk hälsa",
            "deltagare": 80,
        },
    )
    assert response.status_code == 302
    assert Strukturaktivitet.objects.get().deltagare == 80
    assert "2018: 80 deltagare" in client.get("/insatser/struktur/").content.decode()


def test_indicator_grid_saves_and_compares_with_previous_year(
    as_user, kanslist, forbund
):
    from insatser.models import Indikatorfraga, Indikatorresultat
    from insatser.services import standarddata_seed

    standarddata_seed(forbund=forbund)
    fraga = Indikatorfraga.objects.filter(forbund=forbund, grupp="deltagare").first()
    client = as_user(kanslist)
    prefix = f"r_{fraga.pk}_kvinnor"
    bad = client.post(
        "/insatser/indikatorer/2018/andra/",
        {f"{prefix}_pos": "80", f"{prefix}_neg": "30", f"{prefix}_antal": "10"},
    )
    assert "mer än 100" in bad.content.decode()
    assert not Indikatorresultat.objects.exists()
    client.post(
        "/insatser/indikatorer/2017/andra/",
        {f"{prefix}_pos": "70", f"{prefix}_neg": "10", f"{prefix}_antal": "20"},
    )
    client.post(
        "/insatser/indikatorer/2018/andra/",
        {f"{prefix}_pos": "80", f"{prefix}_neg": "5", f"{prefix}_antal": "25"},
    )
    assert Indikatorresultat.objects.count() == 2
    page = client.get("/insatser/indikatorer/2018/").content.decode()
    assert "80,0" in page and "70,0" in page


def test_forbund_extends_exit_reasons(as_user, kanslist, orsaker, forbund):
    from insatser.models import Avslutsorsak

    client = as_user(kanslist)
    client.post(
        "/insatser/kategorier/",
        {
            "orsak-namn": "Föräldraledighet",
            "orsak-grupp": "ovrigt",
            "orsak-sortering": 20,
        },
    )
    assert Avslutsorsak.objects.filter(
        forbund=forbund, namn="Föräldraledighet"
    ).exists()


def test_dashboard_panel_for_kansli_and_rapportor(
    as_user, kanslist, rapportor, rapport
):
    from insatser.services import periodrapport_submit

    periodrapport_submit(rapport=rapport, user=rapportor)
    page = as_user(kanslist).get("/").content.decode()
    assert "1 rapport att granska" in page
    page = as_user(rapportor).get("/").content.decode()
    assert "Mina insatser" in page and "Slussen" in page


def test_saved_draft_lists_its_broken_rules_on_the_form(
    as_user, rapportor, insats, orsaker
):
    rapport = periodrapport_save(
        insats=insats,
        ar=2018,
        period="t1",
        siffror=siffror(akt=(10, 4, 5, 0)),
        avslut={orsaker["Arbete"].pk: {"kvinnor": 2, "man": 2}},
    )
    page = (
        as_user(rapportor)
        .get(f"/insatser/rapport/{rapport.pk}/andra/")
        .content.decode()
    )
    assert "kan inte lämnas in förrän" in page and "skillnad 1" in page


def test_12_month_follow_up_above_followed_up_is_refused(
    as_user, rapportor, rapport, orsaker
):
    data = grid(orsaker, uppfoljda_12m="3", egen_forsorjning_12m="5", lamna_in="1")
    page = as_user(rapportor).post(f"/insatser/rapport/{rapport.pk}/andra/", data)
    assert (
        "Fler med egen försörjning (5) än uppföljda (3), skillnad 2"
        in page.content.decode()
    )


def test_kansli_edits_forbund_goal_and_structural_activity(as_user, kanslist, forbund):
    import datetime as dt

    from insatser.models import ForbundsMal, Strukturaktivitet

    mal = ForbundsMal.objects.create(
        forbund=forbund, ar=2018, typ="unika", malvarde=500
    )
    akt = Strukturaktivitet.objects.create(
        forbund=forbund, datum=dt.date(2018, 2, 1), typ="seminarium", tema="X"
    )
    client = as_user(kanslist)
    client.post(
        f"/insatser/forbundsmal/{mal.pk}/andra/",
        {"ar": 2018, "typ": "unika", "malvarde": "550", "beskrivning": "Når 550"},
    )
    mal.refresh_from_db()
    assert mal.malvarde == 550
    client.post(
        f"/insatser/struktur/{akt.pk}/andra/",
        {"datum": "2018-02-01", "typ": "seminarium", "tema": "Y", "deltagare": 12},
    )
    akt.refresh_from_db()
    assert akt.tema == "Y" and akt.deltagare == 12


def test_rapportor_creates_report_for_own_insats_once(as_user, rapportor, insats):
    client = as_user(rapportor)
    first = client.post(
        f"/insatser/{insats.pk}/rapport/ny/", {"ar": 2019, "period": "t2"}
    )
    again = client.post(
        f"/insatser/{insats.pk}/rapport/ny/", {"ar": 2019, "period": "t2"}
    )
    assert first["Location"] == again["Location"]
    assert (
        Periodrapport.objects.filter(insats=insats, ar=2019, period="t2").count() == 1
    )


# --- Statistics, uppföljning and their documents --------------------------------


def test_statistics_page_queries_do_not_grow_with_insatser(
    forbund, orsaker, kanslist, client
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(kanslist)
    counts = []
    for start, n in ((0, 3), (3, 297)):
        many_insatser(forbund, orsaker, n, start)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/insatser/statistik/2017/")
        assert response.status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


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


def test_the_insats_list_hides_insatser_ended_before_this_year(
    as_user, kanslist, forbund
):
    from finsam import dates
    from tests.insatser.factories import InsatsFactory

    i_ar = dates.today().year
    InsatsFactory(forbund=forbund, namn="Pågående")
    InsatsFactory(forbund=forbund, namn="Slutar i år", slutdatum=dt.date(i_ar, 6, 30))
    InsatsFactory(
        forbund=forbund,
        namn="Avslutad förr",
        status=Insats.AVSLUTAD,
        slutdatum=dt.date(i_ar - 3, 12, 31),
    )
    client = as_user(kanslist)
    page = client.get("/insatser/").content.decode()
    assert "Pågående" in page and "Slutar i år" in page
    assert "Avslutad förr" not in page
    assert "Avslutad förr" in client.get("/insatser/?visa=alla").content.decode()
