"""Every ekonomi table exports to Excel through finsam.documents.xlsx_response: the file
opens with openpyxl, carries the figures with number formats, and its sums are formulas
that add up to the figures the page shows."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, range_boundaries

from ekonomi.models import Budgetpost, Manuellrad
from ekonomi.services.bokforing import manuella_rader_spara
from finsam.documents import XLSX_CONTENT_TYPE


def _workbook(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert response["Content-Disposition"].startswith("attachment;")
    return load_workbook(io.BytesIO(response.content))


def _varde(ws, ref: str) -> float:
    """A cell's value with its formula computed (SUM of cells and ranges, a-b, a/b)."""
    value = ws[ref].value
    if not isinstance(value, str) or not value.startswith("="):
        return value or 0
    formel = value[1:]
    if m := re.fullmatch(r"SUM\((.*)\)", formel):
        total = 0.0
        for del_ in m.group(1).split(","):
            if ":" in del_:
                c1, r1, c2, r2 = range_boundaries(del_)
                for row in ws.iter_rows(min_row=r1, max_row=r2, min_col=c1, max_col=c2):
                    total += sum(_varde(ws, c.coordinate) for c in row)
            else:
                total += _varde(ws, del_)
        return total
    if m := re.fullmatch(r"([A-Z]+\d+)-([A-Z]+\d+)", formel):
        return _varde(ws, m.group(1)) - _varde(ws, m.group(2))
    raise AssertionError(f"unexpected formula {value}")


def _rader(ws) -> dict[str, tuple]:
    return {r[0].value: r for r in ws.iter_rows() if r[0].value}


def test_statements_export_sums_as_formulas_that_add_up(as_user, revisor, bhs_budget):
    wb = _workbook(as_user(revisor), reverse("ekonomi:rakenskaper_excel", args=[2017]))
    assert {
        "Resultaträkning",
        "Balansräkning",
        "Kassaflödesanalys",
        "Balanskravsutredning",
        "Noter",
    } <= set(wb.sheetnames)
    rr = wb["Resultaträkning"]
    resultat = _rader(rr)["Årets resultat"]
    assert resultat[1].value.startswith("=SUM(")
    assert _varde(rr, resultat[1].coordinate) == pytest.approx(-362.0, abs=0.05)
    br = wb["Balansräkning"]
    rader = _rader(br)
    tillgangar = _varde(br, rader["Summa tillgångar"][1].coordinate)
    skulder = _varde(
        br, rader["Summa eget kapital, avsättningar och skulder"][1].coordinate
    )
    assert tillgangar == pytest.approx(skulder, abs=0.05)
    assert rader["Fordringar"][1].number_format == "#,##0.0;-#,##0.0"


def test_avstamning_export_lists_each_finding_with_its_difference_as_a_formula(
    as_user, revisor, forbund, bhs_budget
):
    manuella_rader_spara(
        forbund=forbund,
        ar=2017,
        rader={"br_kassa": (Decimal("13982181"), Manuellrad.KR)},
    )
    wb = _workbook(as_user(revisor), reverse("ekonomi:avstamning_excel", args=[2017]))
    ws = wb.active
    rad = next(r for r in ws.iter_rows() if r[0].value == "Manuella uppgifter 2017")
    assert "Kassa och banktillgodohavande" in rad[1].value
    assert rad[4].value == f"=C{rad[0].row}-D{rad[0].row}"
    assert _varde(ws, rad[4].coordinate) == 1
    assert rad[2].number_format == "#,##0.00;-#,##0.00"
    antal = _rader(ws)["Antal avvikelser"]
    assert antal[4].value.startswith("=ROWS(")


def test_avstamning_export_without_findings_says_so(as_user, revisor, bhs_budget):
    from finsam.models import Avgiftsbeslut

    Avgiftsbeslut.objects.create(forbund=revisor.forbund, ar=2017, total=16_008_000)
    wb = _workbook(as_user(revisor), reverse("ekonomi:avstamning_excel", args=[2017]))
    texts = [c.value for row in wb.active.iter_rows() for c in row if c.value]
    assert "Inga avvikelser: alla siffror stämmer med varandra." in texts


def test_nyckeltal_export_has_ratios_thresholds_and_the_cost_split_summed(
    as_user, revisor, forbund, bhs_budget
):
    from ekonomi.models import Nyckeltalsgrans

    Nyckeltalsgrans.objects.create(
        forbund=forbund, nyckel=Nyckeltalsgrans.ADMIN_ANDEL, grans=10
    )
    wb = _workbook(as_user(revisor), reverse("ekonomi:nyckeltal_excel", args=[2017]))
    ws = wb["Nyckeltal 2017"]
    admin = _rader(ws)["Administrationens andel av kostnaderna"]
    assert admin[1].number_format == "0.0%"
    assert 0 < admin[1].value < 1
    assert admin[2].value == pytest.approx(0.10)
    assert admin[4].value == f'=IF(B{admin[0].row}<=C{admin[0].row},"Ja","Nej")'
    ws = wb["Kostnadsfördelning 2017"]
    rader = _rader(ws)
    summa = rader["Summa"][1]
    assert summa.value.startswith("=SUM(")
    delar = [
        rader[namn][1].value
        for namn in (
            "Individinriktade insatser",
            "Strukturinriktade insatser",
            "Administration",
        )
    ]
    assert _varde(ws, summa.coordinate) == pytest.approx(sum(delar))
    assert _varde(ws, summa.coordinate) > 0
    assert rader["Administration"][2].value.startswith("=IF(")


@pytest.mark.parametrize(
    ("url", "rubrik"),
    [
        (reverse("ekonomi:budget_excel", args=[2017, "budget"]), "Summa kostnader"),
        (reverse("ekonomi:budget_excel", args=[2017, "jamforelse"]), "Summa kostnader"),
        (reverse("ekonomi:budget_excel", args=[2017, "plan"]), "Summa kostnader"),
        (reverse("ekonomi:budget_excel", args=[2017, "utfall"]), "Summa kostnader"),
        (reverse("ekonomi:budget_period_excel", args=[2017, 8]), "Summa kostnader"),
    ],
)
def test_budget_tables_export_with_formula_sums(
    as_user, revisor, bhs_budget, url, rubrik
):
    Budgetpost.objects.filter(budget=bhs_budget, kod="kansli").update(
        belopp=1_626_000, plan_1=1_700_000, plan_2=1_750_000
    )
    wb = _workbook(as_user(revisor), url)
    ws = wb.active
    rad = _rader(ws)[rubrik]
    formler = [
        c for c in rad[1:] if isinstance(c.value, str) and c.value.startswith("=")
    ]
    assert formler, f"{url}: no formula in {rubrik}"
    kolumner = [c.value for c in ws[4]]
    # The budget column's sum of costs adds up to the lines above it.
    budget_kol = next(
        i for i, k in enumerate(kolumner) if k and k.startswith("Budget 2017")
    )
    cell = rad[budget_kol]
    assert cell.number_format == "#,##0;-#,##0"
    assert _varde(ws, cell.coordinate) == pytest.approx(1_626_000)
    assert column_index_from_string(cell.column_letter) == budget_kol + 1
