"""Excel for the bookkeeping: a ledger import (for förbund whose program exports no SIE),
the manual-figures template (download, fill in, upload) and the statements' export with
number formats and sums as formulas. Imports are all or nothing, every bad row named."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from ekonomi.models import Manuellrad
from ekonomi.selectors.avstamning import manuella_koder
from ekonomi.selectors.rakenskaper import Rad, Rakenskaper
from ekonomi.sie import SieFil, Trans, Ver

KRONOR = "#,##0;-#,##0"
TKR = "#,##0.0;-#,##0.0"

LEDGER_LAYOUT = (
    "Första bladet, rad 1 är rubriker: Verifikation, Datum (ÅÅÅÅ-MM-DD), Konto, "
    "Kontonamn, Belopp (debet positivt, kredit negativt), Text. Ingående balanser på "
    "rader med verifikation IB. Varje verifikation ska balansera."
)


def _workbook(data: bytes):
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ValidationError(
            "Filen gick inte att läsa som en Excelfil (.xlsx)."
        ) from exc


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(
            str(value).replace("\xa0", "").replace(" ", "").replace(",", ".")
        )
    except InvalidOperation:
        return None


def _datum(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def huvudbok_las(data: bytes, *, orgnr: str) -> SieFil:
    """An Excel ledger as a ``SieFil`` (then imported like SIE); ``ValidationError`` with
    every bad row."""
    ws = _workbook(data).worksheets[0]
    fil = SieFil(orgnr=orgnr, program="Excel")
    fel: list[str] = []
    ver: dict[str, Ver] = {}
    for nr, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        cells = (list(row) + [None] * 6)[:6]
        if all(c in (None, "") for c in cells):
            continue
        vernr, datum_cell, konto, namn, belopp_cell, text = cells
        konto = str(konto or "").strip().removesuffix(".0")
        belopp = _decimal(belopp_cell)
        datum = _datum(datum_cell)
        radfel = []
        if not konto.isdigit():
            radfel.append(f"kontot {konto or '(tomt)'} är inte ett kontonummer")
        if belopp is None or belopp != belopp.quantize(Decimal("0.01")):
            radfel.append(f"beloppet {belopp_cell!s} är inte ett belopp i kronor")
        if str(vernr or "").strip().upper() != "IB" and datum is None:
            radfel.append(f"datumet {datum_cell!s} är inte ett datum (ÅÅÅÅ-MM-DD)")
        if radfel or belopp is None:
            fel.append(f"Rad {nr}: " + ", ".join(radfel) + ".")
            continue
        if namn:
            fil.konton[konto] = str(namn)
        fil.konton.setdefault(konto, "")
        vernr = str(vernr or "").strip()
        if vernr.upper() == "IB":
            fil.ib[(0, konto)] = fil.ib.get((0, konto), Decimal(0)) + belopp
            continue
        if datum is None:  # pragma: no cover - refused above unless IB
            continue
        if vernr not in ver:
            ver[vernr] = Ver(
                serie="", nummer=vernr, datum=datum, text=str(text or ""), rad=nr
            )
        ver[vernr].transaktioner.append(
            Trans(konto=konto, belopp=belopp, datum=datum, text=str(text or ""))
        )
    ar = {v.datum.year for v in ver.values()}
    if len(ar) > 1:
        fel.append(
            f"Filen har verifikationer från flera år ({', '.join(map(str, sorted(ar)))})."
        )
    if not ver:
        fel.append("Filen har inga verifikationer.")
    for v in ver.values():
        if v.summa != 0:
            fel.append(
                f"Verifikation {v.nummer} (från rad {v.rad}) balanserar inte: "
                f"summan är {v.summa} kr."
            )
    if fel:
        raise ValidationError(fel)
    year = ar.pop()
    fil.rar[0] = (dt.date(year, 1, 1), dt.date(year, 12, 31))
    fil.verifikationer = list(ver.values())
    return fil


# --- Manual figures ---------------------------------------------------------------------

MALL_RUBRIKER = ["Kod", "Rad", "Belopp", "Enhet (kr eller tkr)"]


def manuella_mall(
    *, ar: int, typade: dict[str, Manuellrad], budgetkoder: list[str]
) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = f"Manuella uppgifter {ar}"
    ws.append(MALL_RUBRIKER)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    koder = {**manuella_koder(), **{f"budget:{k}": f"Utfall {k}" for k in budgetkoder}}
    for kod, label in koder.items():
        rad = typade.get(kod)
        if rad is None:
            ws.append([kod, label, None, "kr"])
        elif rad.enhet == Manuellrad.TKR:
            ws.append([kod, label, float(rad.belopp / 1000), "tkr"])
            ws.cell(ws.max_row, 3).number_format = TKR
        else:
            ws.append([kod, label, float(rad.belopp), "kr"])
            ws.cell(ws.max_row, 3).number_format = KRONOR
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 16
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def manuella_las(data: bytes) -> dict[str, tuple[Decimal | None, str]]:
    """The filled-in template as ``kod -> (kronor or None, enhet)``; all rows or none."""
    ws = _workbook(data).worksheets[0]
    giltiga = manuella_koder()
    out: dict[str, tuple[Decimal | None, str]] = {}
    fel: list[str] = []
    for nr, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        kod, _, belopp_cell, enhet = (list(row) + [None] * 4)[:4]
        kod = str(kod or "").strip()
        if not kod:
            continue
        if kod not in giltiga and not kod.startswith("budget:"):
            fel.append(f"Rad {nr}: okänd kod {kod}.")
            continue
        enhet = str(enhet or "kr").strip().lower()
        if enhet not in (Manuellrad.KR, Manuellrad.TKR):
            fel.append(f"Rad {nr}: enheten ska vara kr eller tkr, inte {enhet}.")
            continue
        belopp = _decimal(belopp_cell)
        if belopp_cell not in (None, "") and belopp is None:
            fel.append(f"Rad {nr}: {belopp_cell!s} är inte ett belopp.")
            continue
        if belopp is not None:
            belopp = belopp * 1000 if enhet == Manuellrad.TKR else belopp
            if belopp != belopp.quantize(Decimal("0.01")):
                fel.append(f"Rad {nr}: för många decimaler ({belopp_cell!s}).")
                continue
        out[kod] = (belopp, enhet)
    if fel:
        raise ValidationError(fel)
    return out


# --- Statements export ------------------------------------------------------------------


def _skriv(
    ws, rader: list[Rad], *, enhet: str, rubrik: tuple[str, str], rows: dict[str, int]
) -> None:
    """Lines with the year and the year before; a sum line is a SUM formula over the
    lines since the previous sum (as the statements are built), so the sheet adds up
    when someone changes a figure."""
    ws.append(["", rubrik[0], rubrik[1]])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    fmt = TKR if enhet == "tkr" else KRONOR
    delning = Decimal(1000) if enhet == "tkr" else Decimal(1)
    decimaler = 1 if enhet == "tkr" else 2

    def tal(belopp: Decimal | None) -> float | None:
        return None if belopp is None else float(round(belopp / delning, decimaler))

    for rad in rader:
        if rad.rubrik:
            ws.append([rad.label])
            ws.cell(ws.max_row, 1).font = Font(bold=True)
            continue
        if rad.summa and rad.kod in FORMEL_DELAR:
            ws.append(
                [rad.label, _formel(rows, rad.kod, "B"), _formel(rows, rad.kod, "C")]
            )
        else:
            ws.append([rad.label, tal(rad.belopp), tal(rad.foregaende)])
        r = ws.max_row
        rows[rad.kod] = r
        for col in (2, 3):
            ws.cell(r, col).number_format = fmt
        if rad.summa:
            for col in (1, 2, 3):
                ws.cell(r, col).font = Font(bold=True)


# The sums the sheet computes itself: sum line -> the lines it adds.
FORMEL_DELAR = {
    "rr_nettokostnad": [
        "rr_medlemsavgifter",
        "rr_esf",
        "rr_ovriga_intakter",
        "rr_kostnader",
        "rr_avskrivningar",
    ],
    "rr_fore_extra": ["rr_nettokostnad", "rr_fin_intakter", "rr_fin_kostnader"],
    "rr_arets_resultat": ["rr_fore_extra", "rr_extraordinara"],
    "br_summa_oms": ["br_fordringar", "br_placeringar", "br_kassa"],
    "br_summa_tillgangar": ["br_anlaggning", "br_summa_oms"],
    "br_summa_ek_skulder": [
        "br_eget_kapital",
        "br_avsattningar",
        "br_langfristiga",
        "br_kortfristiga",
    ],
    "kf_fore_rorelsekapital": ["kf_arets_resultat", "kf_justering"],
    "kf_lopande": ["kf_fore_rorelsekapital", "kf_fordringar", "kf_skulder"],
    "kf_arets_kassaflode": ["kf_lopande", "kf_investering", "kf_finansiering"],
    "kf_likvida_slut": ["kf_likvida_borjan", "kf_arets_kassaflode"],
}


def _formel(rows: dict[str, int], kod: str, col: str) -> str | None:
    refs = [f"{col}{rows[d]}" for d in FORMEL_DELAR[kod] if d in rows]
    return f"=SUM({','.join(refs)})" if refs else None


def rakenskaper_xlsx(r: Rakenskaper, *, enhet: str, forbund_namn: str) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    rubrik = (str(r.ar), str(r.ar - 1))
    for titel, rader in r.rader():
        ws = wb.create_sheet(titel)
        ws.append([f"{forbund_namn}: {titel.lower()} {r.ar}, belopp i {enhet}"])
        ws.cell(1, 1).font = Font(bold=True)
        _skriv(ws, rader, enhet=enhet, rubrik=rubrik, rows={})
        ws.column_dimensions["A"].width = 60
        ws.column_dimensions["B"].width = 16
        ws.column_dimensions["C"].width = 16
    ws = wb.create_sheet("Noter")
    for note in r.noter:
        rows: dict[str, int] = {}
        ws.append([f"Not {note.nr}. {note.rubrik}"])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        first = ws.max_row + 2
        rader = [x for x in note.rader if not x.summa]
        _skriv(ws, rader, enhet=enhet, rubrik=rubrik, rows=rows)
        summa = next((x for x in note.rader if x.summa), None)
        if summa is not None:
            last = ws.max_row
            ws.append(["Summa", f"=SUM(B{first}:B{last})", f"=SUM(C{first}:C{last})"])
            for col in (1, 2, 3):
                ws.cell(ws.max_row, col).font = Font(bold=True)
            for col in (2, 3):
                ws.cell(ws.max_row, col).number_format = (
                    TKR if enhet == "tkr" else KRONOR
                )
        else:
            for x in note.rader:
                if x.text and x.belopp is None:
                    ws.cell(rows[x.kod], 2).value = x.text
                    ws.cell(rows[x.kod], 3).value = x.text
        ws.append([])
    ws.column_dimensions["A"].width = 60
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 16
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
