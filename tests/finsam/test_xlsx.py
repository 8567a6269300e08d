"""The one Excel pipeline (finsam/xlsx.py): limits on what an upload may cost, formulas
refused by name, numbers that are numbers, and exports whose text stays text."""

import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook

from finsam import xlsx
from tests.finsam.factories import arbetsbok, blad_xml, med_blad

ROOT = Path(__file__).resolve().parents[2]


def las(data: bytes, max_col: int = 2) -> tuple[list, list[str]]:
    fel = xlsx.Fellista()
    ws = xlsx.arbetsbok_las(data).worksheets[0]
    return list(xlsx.rader(ws, fel=fel, max_col=max_col)), fel


def test_it_keeps_fifty_errors_and_counts_the_rest():
    fel = xlsx.Fellista(f"fel {i}" for i in range(2_000_000 // 1000))
    assert len(fel) == 51
    assert fel[49] == "fel 49"
    assert fel[50] == "… och 1950 fel till."
    assert xlsx.begransa(["a", "b"]) == ["a", "b"]


def test_it_refuses_a_formula_naming_its_cell():
    rows, fel = las(arbetsbok([["Kommun", "Antal"], ["A", "=1+1"]]))
    assert fel == ["Cell B2: formler kan inte läsas in; skriv in värdet i stället."]
    assert rows[1] == (2, ["A", None])


def test_it_refuses_a_sheet_that_declares_two_million_rows_before_reading_it():
    data = med_blad(blad_xml('<row r="1"><c r="A1"><v>1</v></c></row>', "A1:B2000000"))
    with pytest.raises(ValidationError, match="Bladet har 2000000 rader; högst 20000"):
        las(data)


def test_it_stops_reading_a_sheet_that_hides_its_rows(monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_RADER", 100)
    # No dimension, and one far-away row: openpyxl would yield a million empty rows.
    data = med_blad(blad_xml('<row r="1048576"><c r="A1048576"><v>1</v></c></row>'))
    with pytest.raises(ValidationError, match="mer än 100"):
        las(data)


def test_it_reads_past_a_dimension_that_understates_the_sheet():
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in (1, 2, 3))
    read, _ = las(med_blad(blad_xml(rows, "A1:A1")), max_col=1)
    assert [v for _, (v,) in read] == [1, 2, 3]


def test_it_refuses_a_workbook_that_unpacks_too_large(monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_OKOMPRIMERAT", 1000)
    with pytest.raises(ValidationError, match="packas upp till"):
        xlsx.arbetsbok_las(arbetsbok([["x" * 2000]]))


@pytest.mark.parametrize("varde", ["inf", "nan", "-inf", "1e99999", "Infinity"])
def test_a_number_cell_no_program_writes_is_a_message(varde):
    data = med_blad(blad_xml(f'<row r="1"><c r="A1"><v>{varde}</v></c></row>'))
    try:
        rows, _ = las(data)
    except ValidationError as exc:
        assert "rad 1" in exc.messages[0]
    else:
        assert xlsx.tal(rows[0][1][0]) is None


@pytest.mark.parametrize(
    "varde",
    [
        float("inf"),
        float("nan"),
        1e30,
        "Infinity",
        "NaN",
        "-1e30",
        "sNaN",
        True,
        "1" * 50,
        object(),
    ],
)
def test_tal_refuses_what_is_not_a_plausible_number(varde):
    assert xlsx.tal(varde) is None


def test_tal_reads_swedish_and_excel_numbers():
    assert xlsx.tal("1\xa0234,50") == Decimal("1234.50")
    assert xlsx.tal(12.5) == Decimal("12.5")
    assert xlsx.tal(-7) == Decimal(-7)


def test_an_export_keeps_hostile_text_as_text_and_its_own_sums_as_formulas():
    wb = Workbook()
    ws = wb.active
    farliga = [
        '=HYPERLINK("http://x","klicka")',
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "#N/A",
    ]
    ws.append(farliga)
    ws.append([1, 2, xlsx.formel(ws, "=SUM(A2:B2)")])
    data = xlsx.spara(wb)
    ut = load_workbook(io.BytesIO(data)).active
    for cell, text in zip(ut[1], farliga, strict=True):
        assert cell.data_type == "s"
        # Whether a carriage return survives the XML depends on openpyxl's version.
        assert cell.value.replace("\r", "\n") == text.replace("\r", "\n")
    assert ut["A1"].quotePrefix
    assert ut["C2"].data_type == "f"
    assert ut["C2"].value == "=SUM(A2:B2)"
    # The written file holds one formula: the registered sum.
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.read("xl/worksheets/sheet1.xml").count(b"<f>") == 1


def test_a_write_only_export_keeps_text_as_text():
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Blad")
    ws.append([xlsx.cell(ws, "=1+1"), xlsx.cell(ws, "ok\x01")])
    ut = load_workbook(io.BytesIO(xlsx.spara(wb))).active
    assert (ut["A1"].data_type, ut["A1"].value) == ("s", "=1+1")
    assert ut["B1"].value == "ok"


def test_every_workbook_is_read_and_saved_by_the_one_pipeline():
    """No app module opens or saves a workbook itself: the limits and the text typing
    above hold for every import and export only while they all go through xlsx.py."""
    kallor = [
        p
        for app in ("finsam", "insatser", "ekonomi", "styrelse")
        for p in (ROOT / app).rglob("*.py")
        if "migrations" not in p.parts and p.name != "xlsx.py"
    ]
    brott = [
        f"{p.relative_to(ROOT)}: {m.group(0)}"
        for p in kallor
        for m in re.finditer(r"load_workbook\(|\bwb\.save\(", p.read_text())
    ]
    assert brott == []
