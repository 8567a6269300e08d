"""Every table of the årsredovisning as one workbook, one sheet per table."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from ekonomi.arsredovisning.tabeller import ANTAL, TKR, Tabell
from finsam import xlsx


def _sheet_title(tabell: Tabell, used: set[str]) -> str:
    # Excel: at most 31 characters, unique, none of []:*?/\
    base = "".join(c for c in tabell.rubrik if c not in "[]:*?/\\")[:31]
    title, n = base, 2
    while title in used:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title)
    return title


def arsredovisning_workbook(tabeller: list[Tabell]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    bold = Font(bold=True)
    for tabell in tabeller:
        ws = wb.create_sheet(_sheet_title(tabell, used))
        enhet = {TKR: "Belopp i tkr", ANTAL: "Antal"}.get(tabell.enhet, "Belopp i kr")
        ws.append([tabell.rubrik])
        ws["A1"].font = Font(bold=True, size=12)
        rubriker = [tabell.forsta_kolumn or enhet]
        if tabell.med_not:
            rubriker.append("Not")
        ws.append(rubriker + tabell.kolumner)
        for cell in ws[2]:
            cell.font = bold
        fmt = "#,##0.0" if tabell.enhet == TKR and tabell.decimaler == 1 else "#,##0"
        for rad in tabell.rader:
            varden = [tabell.excel_varde(v) for v in rad.varden]
            ws.append([rad.namn] + ([rad.not_] if tabell.med_not else []) + varden)
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, int | float) or hasattr(
                    cell.value, "as_tuple"
                ):
                    cell.number_format = fmt
                if rad.klass in ("summa", "rubrik"):
                    cell.font = bold
        ws.column_dimensions["A"].width = 45
    return xlsx.spara(wb)
