"""The bookkeeping pages: upload, chart confirmation, mapping, manual figures, statements,
avstämning, nyckeltal and the Excel export."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from ekonomi import kontoplan as kp
from ekonomi.models import Bokforingsimport, Kontoregel, Manuellrad, Nyckeltalsgrans
from tests.ekonomi.conftest import DEMO_SIE, FILES


def _sie(name="bhs-2017.se", data=None):
    return SimpleUploadedFile(name, data if data is not None else DEMO_SIE.read_bytes())


def test_the_kansli_uploads_a_sie_file_and_confirms_the_chart(
    as_user, kanslist, forbund
):
    client = as_user(kanslist)
    response = client.post(reverse("ekonomi:bokforing"), {"fil": _sie()})
    imp = Bokforingsimport.objects.get(forbund=forbund)
    assert response.status_code == 302
    assert response["Location"] == reverse("ekonomi:bokforing_import", args=[imp.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Gissning: <strong>Kommun-Bas (SKR)</strong>" in page
    assert "5010 Löner kansli" in page
    client.post(response["Location"], {"kontoplan": kp.BAS})
    imp.refresh_from_db()
    assert (imp.kontoplan, imp.kontoplan_bekraftad) == (kp.BAS, True)


def test_a_broken_file_is_refused_with_every_error_and_nothing_saved(
    as_user, kanslist, forbund
):
    data = DEMO_SIE.read_bytes().replace(
        b"#TRANS 4611 {} 20858.00", b"#TRANS 4611 {} 20859.00"
    )
    data = data.replace(b"#TRANS 4612 {}", b"#TRANS 4699 {}", 1)
    response = as_user(kanslist).post(
        reverse("ekonomi:bokforing"), {"fil": _sie(data=data)}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ingenting importerades" in page
    assert "balanserar inte" in page
    assert "konto 4699 finns inte i kontoplanen" in page
    assert not Bokforingsimport.objects.exists()


def test_a_second_upload_of_the_year_needs_the_replace_box(as_user, kanslist, forbund):
    client = as_user(kanslist)
    client.post(reverse("ekonomi:bokforing"), {"fil": _sie()})
    response = client.post(reverse("ekonomi:bokforing"), {"fil": _sie()})
    assert response.status_code == 400
    assert "redan importerad" in response.content.decode()
    response = client.post(
        reverse("ekonomi:bokforing"), {"fil": _sie(), "ersatt": "on"}
    )
    assert response.status_code == 302
    assert Bokforingsimport.objects.count() == 1


def test_an_excel_ledger_imports_like_sie(as_user, kanslist, forbund):
    wb = Workbook()
    ws = wb.active
    ws.append(["Verifikation", "Datum", "Konto", "Kontonamn", "Belopp", "Text"])
    ws.append(["IB", None, "1930", "Bank", 1000, "Ingående"])
    ws.append(["IB", None, "2010", "Eget kapital", -1000, "Ingående"])
    ws.append(["1", "2019-02-01", "1930", "Bank", 500, "Avgift"])
    ws.append(["1", "2019-02-01", "3011", "Medlemsavgift staten", -500, "Avgift"])
    ws.append(["2", "2019-03-05", "5010", "Löner", 200.5, "Lön"])
    ws.append(["2", "2019-03-05", "1930", "Bank", -200.5, "Lön"])
    buf = io.BytesIO()
    wb.save(buf)
    response = as_user(kanslist).post(
        reverse("ekonomi:bokforing"),
        {"fil": SimpleUploadedFile("huvudbok.xlsx", buf.getvalue())},
    )
    assert response.status_code == 302
    imp = Bokforingsimport.objects.get()
    assert (imp.ar, imp.format, imp.antal_verifikationer) == (2019, "excel", 2)
    assert imp.kontoplan == kp.KOMMUNBAS


def test_an_excel_ledger_names_every_bad_row(as_user, kanslist):
    wb = Workbook()
    ws = wb.active
    ws.append(["Verifikation", "Datum", "Konto", "Kontonamn", "Belopp", "Text"])
    ws.append(["1", "2019-02-01", "1930", "Bank", "femhundra", ""])
    ws.append(["1", "2019-02-30", "3011", "Avgift", -500, ""])
    ws.append(["2", "2019-03-01", "abc", "", 5, ""])
    buf = io.BytesIO()
    wb.save(buf)
    response = as_user(kanslist).post(
        reverse("ekonomi:bokforing"),
        {"fil": SimpleUploadedFile("huvudbok.xlsx", buf.getvalue())},
    )
    page = response.content.decode()
    assert response.status_code == 400
    for rad in ("Rad 2:", "Rad 3:", "Rad 4:"):
        assert rad in page
    assert not Bokforingsimport.objects.exists()


def test_other_roles_may_read_but_not_upload(as_user, styrelseledamot, revisor):
    assert as_user(revisor).get(reverse("ekonomi:bokforing")).status_code == 200
    response = as_user(styrelseledamot).post(
        reverse("ekonomi:bokforing"), {"fil": _sie()}
    )
    assert response.status_code == 403
    assert not Bokforingsimport.objects.exists()


def test_the_statements_page_in_tkr_and_kr(
    as_user, revisor, bhs_2017, django_assert_max_num_queries
):
    client = as_user(revisor)
    # Session, user, förbund; per year (2017, and 2016 from 2017's file): the imports
    # looked for, the balances, the mapping rules, the account names, the typed figures;
    # then the fee decision and the utfall per budget line for the avstämning (each
    # resolving the mapping again). A constant number: no query per account or line.
    with django_assert_max_num_queries(36):
        page = client.get(reverse("ekonomi:rakenskaper", args=[2017])).content.decode()
    assert "16\xa0008,0" in page and "17\xa0383,2" in page
    assert "1\xa0360,6" in page
    assert "\u2212362,0" in page
    page = client.get(
        reverse("ekonomi:rakenskaper", args=[2017]) + "?enhet=kr"
    ).content.decode()
    assert "5\xa0523\xa0320" in page


def test_another_forbunds_import_is_404(as_user, outsider, bhs_2017):
    response = as_user(outsider).get(
        reverse("ekonomi:bokforing_import", args=[bhs_2017.pk])
    )
    assert response.status_code == 404
    page = (
        as_user(outsider)
        .get(reverse("ekonomi:rakenskaper", args=[2017]))
        .content.decode()
    )
    assert "16\xa0008,0" not in page


def test_the_excel_export_has_formats_and_formula_sums(as_user, revisor, bhs_2017):
    response = as_user(revisor).get(reverse("ekonomi:rakenskaper_excel", args=[2017]))
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb["Balansräkning"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=1)}
    assert rows["Fordringar"][1].value == 1812.3
    assert rows["Fordringar"][1].number_format == "#,##0.0;-#,##0.0"
    summa = rows["Summa tillgångar"][1].value
    assert summa.startswith("=SUM(")
    rr = {r[0].value: r for r in wb["Resultaträkning"].iter_rows()}
    assert rr["Verksamhetens nettokostnad"][1].value == "=SUM(B3,B4,B5,B6)"
    assert rr["Verksamhetens kostnader"][2].value == -17415.1
    noter = [r[0].value for r in wb["Noter"].iter_rows()]
    assert "Not 1. Verksamhetens medlemsavgifter" in noter


def test_manual_figures_by_form_are_reconciled(as_user, kanslist, forbund, bhs_2017):
    client = as_user(kanslist)
    response = client.post(
        reverse("ekonomi:manuella", args=[2016]),
        {"enhet": "tkr", "br_kassa": "12 621,6", "rr_kostnader": "-17 415,1"},
    )
    assert response.status_code == 302
    assert Manuellrad.objects.get(kod="br_kassa").belopp == Decimal("12621600")
    page = client.get(reverse("ekonomi:avstamning", args=[2017])).content.decode()
    assert "Inga avvikelser" in page
    client.post(
        reverse("ekonomi:manuella", args=[2016]),
        {"enhet": "kr", "br_kassa": "12621630"},
    )
    page = client.get(reverse("ekonomi:avstamning", args=[2017])).content.decode()
    assert "Kassa och banktillgodohavande" in page
    assert ">30<" in page


def test_a_bad_figure_in_the_form_saves_nothing(as_user, kanslist):
    response = as_user(kanslist).post(
        reverse("ekonomi:manuella", args=[2016]),
        {"enhet": "kr", "br_kassa": "tolv", "rr_kostnader": "5"},
    )
    assert response.status_code == 400
    assert "tolv är inte ett belopp" in response.content.decode()
    assert not Manuellrad.objects.exists()


def test_the_excel_template_round_trips(as_user, kanslist, forbund):
    client = as_user(kanslist)
    client.post(
        reverse("ekonomi:manuella", args=[2016]),
        {"enhet": "tkr", "br_kassa": "12621,6"},
    )
    response = client.get(reverse("ekonomi:manuella_mall", args=[2016]))
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb.active
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    assert rows["br_kassa"][2].value == 12621.6
    assert rows["br_kassa"][3].value == "tkr"
    rows["br_fordringar"][2].value = 52.5
    rows["br_fordringar"][3].value = "tkr"
    buf = io.BytesIO()
    wb.save(buf)
    client.post(
        reverse("ekonomi:manuella_upload", args=[2016]),
        {"fil": SimpleUploadedFile("mall.xlsx", buf.getvalue())},
    )
    assert dict(Manuellrad.objects.values_list("kod", "belopp")) == {
        "br_kassa": Decimal("12621600.00"),
        "br_fordringar": Decimal("52500.00"),
    }
    rows["br_skulder_okand"] = None
    ws.append(["okand_kod", "", 5, "kr"])
    ws.append(["br_kassa", "", 5, "mkr"])
    buf = io.BytesIO()
    wb.save(buf)
    response = client.post(
        reverse("ekonomi:manuella_upload", args=[2016]),
        {"fil": SimpleUploadedFile("mall.xlsx", buf.getvalue())},
        follow=True,
    )
    page = response.content.decode()
    assert "okänd kod okand_kod" in page and "inte mkr" in page
    assert Manuellrad.objects.count() == 2


def test_the_mapping_editor_adds_and_removes_rules(
    as_user, kanslist, forbund, bhs_2017
):
    client = as_user(kanslist)
    response = client.post(
        reverse("ekonomi:kontoplan", args=[2017]),
        {"fran": "3030", "till": "3030", "rad": kp.RR_ESF, "budgetkod": ""},
    )
    assert response.status_code == 302
    regel = Kontoregel.objects.get(forbund=forbund)
    from ekonomi.selectors.rakenskaper import rakenskaper

    assert rakenskaper(forbund, 2017).varden[2017][kp.RR_ESF] == Decimal("4079200.00")
    page = client.get(reverse("ekonomi:kontoplan", args=[2017])).content.decode()
    assert "Projektbidrag MUCF" in page
    client.post(reverse("ekonomi:kontoplan", args=[2017]), {"ta_bort": str(regel.pk)})
    assert not Kontoregel.objects.exists()
    response = client.post(
        reverse("ekonomi:kontoplan", args=[2017]),
        {"fran": "4000", "till": "3000", "rad": kp.RR_ESF},
    )
    assert response.status_code == 400


def test_thresholds_are_data_and_judge_the_ratios(
    as_user, kanslist, forbund, bhs_budget
):
    client = as_user(kanslist)
    client.post(
        reverse("ekonomi:nyckeltal", args=[2017]),
        {"admin_andel": "10", "eget_kapital": "2900000", "avgifter_forbrukade": ""},
    )
    assert Nyckeltalsgrans.objects.get(nyckel="admin_andel").grans == Decimal(10)
    page = client.get(reverse("ekonomi:nyckeltal", args=[2017])).content.decode()
    # Administration 2 167 000 of 20 449 240 = 10,6 % (seed 004 1.6.3 prints 10,5 %).
    assert "10,6\xa0%" in page
    assert page.count("över gränsen") == 2


@pytest.mark.parametrize(
    "name", ["rakenskaper", "avstamning", "nyckeltal", "manuella", "kontoplan"]
)
def test_year_pages_answer_for_a_year_without_data(as_user, revisor, name):
    assert (
        as_user(revisor).get(reverse(f"ekonomi:{name}", args=[2030])).status_code == 200
    )


def test_year_out_of_range_is_404(as_user, revisor):
    assert (
        as_user(revisor).get(reverse("ekonomi:rakenskaper", args=[1900])).status_code
        == 404
    )


def test_the_hand_made_file_uploads(as_user, kanslist, forbund):
    response = as_user(kanslist).post(
        reverse("ekonomi:bokforing"),
        {"fil": _sie("exempel.si", (FILES / "sie4_exempel.se").read_bytes())},
    )
    assert response.status_code == 302
