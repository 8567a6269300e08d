"""Excel import of the kommuner's population and export of a fee allocation."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from openpyxl import Workbook
from openpyxl.styles import Font

from finsam import selectors, services, xlsx
from finsam.models import Avgiftsbeslut, Forbund

KRONOR = '#,##0 "kr"'
PROCENT = "0.0000%"

# More than any Swedish kommun's population; the same bound as the form's.
BEFOLKNING_GRANS = Decimal(100_000_000)

UNDERLAG_LAYOUT = (
    "Första bladet. Rad 1 är rubriker. Kolumn A: kommunens namn som det står i "
    "medlemsregistret, kolumn B: befolkningen den 1 november året före budgetåret "
    "(heltal). En rad per kommun; tomma rader hoppas över."
)


def underlag_import(*, forbund: Forbund, ar: int, fil) -> int:
    """Import populations for ``ar``: all rows or none, every bad row named."""
    ws = xlsx.arbetsbok_las(fil.read()).worksheets[0]
    kommuner = {
        m.namn.strip().lower(): m
        for m, _ in selectors.kommuner_for_ar(forbund=forbund, ar=ar)
    }
    errors = xlsx.Fellista()
    varden: dict = {}
    for rownum, (namn, antal) in xlsx.rader(ws, fel=errors, max_col=2, min_row=2):
        if namn in (None, "") and antal in (None, ""):
            continue
        medlem = kommuner.get(str(namn or "").strip().lower())
        if medlem is None:
            errors.append(f"Rad {rownum}: {namn!s} är inte en kommun i förbundet {ar}.")
            continue
        if medlem in varden:
            errors.append(
                f"Rad {rownum}: {medlem.namn} finns redan på en tidigare rad."
            )
            continue
        value = xlsx.tal(antal, grans=BEFOLKNING_GRANS)
        if value is None or value != value.to_integral_value():
            errors.append(
                f"Rad {rownum}: befolkningen för {medlem.namn} är inte ett heltal "
                f"({antal!s})."
            )
            continue
        if value <= 0:
            errors.append(
                f"Rad {rownum}: befolkningen för {medlem.namn} måste vara större än 0."
            )
            continue
        varden[medlem] = {"befolkning": int(value)}
    missing = [m.namn for m in kommuner.values() if m not in varden]
    if missing and not errors:
        errors.append("Befolkning saknas för: " + ", ".join(sorted(missing)) + ".")
    if errors:
        raise ValidationError(errors)
    services.kommununderlag_save(forbund=forbund, ar=ar, varden=varden)
    return len(varden)


def underlag_template(*, forbund: Forbund, ar: int) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = f"Befolkning {ar}"
    ws.append(["Kommun", f"Befolkning 1 november {ar - 1}"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for medlem, underlag in selectors.kommuner_for_ar(forbund=forbund, ar=ar):
        ws.append([medlem.namn, underlag.befolkning if underlag else None])
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 28
    return xlsx.spara(wb)


def fordelning_export(*, beslut: Avgiftsbeslut) -> bytes:
    data = selectors.avgiftsbeslut_detail(beslut=beslut)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(f"Medlemsavgifter {beslut.ar}")
    ws.column_dimensions["A"].width = 42
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 18
    ws.column_dimensions["D"].width = 26
    ws.append([_cell(ws, f"{beslut.forbund.namn}: medlemsavgifter {beslut.ar}")])
    ws.append(
        [
            _cell(
                ws,
                f"Beslut: {beslut.paragraf_text or 'ej angivet'}. "
                "Avrundning: största resten.",
            )
        ]
    )
    ws.append([_cell(ws, t) for t in ("Medlem", "Andel", "Belopp", "Underlag")])
    for rad in data["rader"]:
        ws.append(
            [
                _cell(ws, rad.benamning),
                _cell(ws, float(rad.andel), PROCENT),
                _cell(ws, int(rad.belopp), KRONOR),
                _cell(ws, rad.underlag),
            ]
        )
    ws.append(
        [
            _cell(ws, "Summa", bold=True),
            _cell(ws, 1.0, PROCENT, bold=True),
            _cell(ws, int(data["summa"]), KRONOR, bold=True),
            None,
        ]
    )
    return xlsx.spara(wb)


def _cell(ws, value, number_format: str | None = None, bold: bool = False):
    return xlsx.cell(
        ws, value, number_format=number_format, font=Font(bold=True) if bold else None
    )
