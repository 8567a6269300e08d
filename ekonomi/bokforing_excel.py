"""Excel for the bookkeeping: a ledger import (for förbund whose program exports no SIE),
the manual-figures template (download, fill in, upload) and the statements' export with
number formats and sums as formulas. Imports are all or nothing, every bad row named."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.styles import Font

from ekonomi.models import Manuellrad
from ekonomi.selectors.avstamning import Fynd, manuella_koder
from ekonomi.selectors.bokforing import Kostnadsfordelning
from ekonomi.selectors.nyckeltal import Nyckeltal
from ekonomi.selectors.rakenskaper import (
    NOT_RUBRIK,
    Rad,
    Rakenskaper,
    las_notrad_kod,
)
from ekonomi.sie import SieFil, Trans, Ver, giltigt_konto
from finsam import xlsx
from finsam.dates import MAX_AR, MIN_AR

KRONOR = "#,##0;-#,##0"
KRONOR_ORE = "#,##0.00;-#,##0.00"
TKR = "#,##0.0;-#,##0.0"
PROCENT = "0.0%"
FET = Font(bold=True)

LEDGER_LAYOUT = (
    "Första bladet, rad 1 är rubriker: Verifikation, Datum (ÅÅÅÅ-MM-DD), Konto, "
    "Kontonamn, Belopp (debet positivt, kredit negativt), Text. Ingående balanser på "
    "rader med verifikation IB. Varje verifikation ska balansera."
)


def _datum(value) -> dt.date | None:
    """A date within the years the app keeps (``MIN_AR``–``MAX_AR``), else ``None``."""
    if isinstance(value, dt.datetime):
        datum = value.date()
    elif isinstance(value, dt.date):
        datum = value
    else:
        try:
            datum = dt.date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            return None
    return datum if MIN_AR <= datum.year <= MAX_AR else None


def huvudbok_las(data: bytes, *, orgnr: str) -> SieFil:
    """An Excel ledger as a ``SieFil`` (then imported like SIE); ``ValidationError`` with
    every bad row."""
    ws = xlsx.arbetsbok_las(data).worksheets[0]
    fil = SieFil(orgnr=orgnr, program="Excel")
    fel = xlsx.Fellista()
    ver: dict[str, Ver] = {}
    for nr, cells in xlsx.rader(ws, fel=fel, max_col=6, min_row=2):
        if all(c in (None, "") for c in cells):
            continue
        vernr, datum_cell, konto, namn, belopp_cell, text = cells
        konto = str(konto or "").strip().removesuffix(".0")
        belopp = xlsx.tal(belopp_cell)
        datum = _datum(datum_cell)
        radfel = []
        if not giltigt_konto(konto):
            radfel.append(
                f"kontot {konto[:20] or '(tomt)'} är inte ett kontonummer (högst tio siffror)"
            )
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
    koder = [
        *manuella_koder().items(),
        *((f"budget:{k}", f"Utfall {k}") for k in budgetkoder),
        # Note lines per counterparty: those typed, then two empty ones per note
        # ("not1:" with the counterparty's name in the Rad column gives the key).
        *(
            (kod, rad.etikett)
            for kod, rad in sorted(typade.items())
            if las_notrad_kod(kod) is not None
        ),
        *(
            (f"not{nr}:", f"(motpart i not {nr}, {rubrik.lower()})")
            for nr, rubrik in NOT_RUBRIK.items()
            for _ in range(2)
        ),
    ]
    for kod, label in koder:
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
    return xlsx.spara(wb)


def manuella_las(
    data: bytes,
) -> tuple[dict[str, tuple[Decimal | None, str]], dict[str, str]]:
    """The filled-in template as ``kod -> (kronor or None, enhet)`` and the names of
    the note lines per counterparty (``kod -> name``); all rows or none."""
    ws = xlsx.arbetsbok_las(data).worksheets[0]
    giltiga = manuella_koder()
    out: dict[str, tuple[Decimal | None, str]] = {}
    etiketter: dict[str, str] = {}
    fel = xlsx.Fellista()
    for nr, (kod, label, belopp_cell, enhet) in xlsx.rader(
        ws, fel=fel, max_col=4, min_row=2
    ):
        kod = str(kod or "").strip()
        if not kod:
            continue
        namn = str(label or "").strip()
        if re.fullmatch(r"not\d+:", kod) and las_notrad_kod(kod + "x"):
            if belopp_cell in (None, ""):
                continue
            if not namn or namn.startswith("(motpart"):
                fel.append(f"Rad {nr}: skriv motpartens namn i kolumnen Rad.")
                continue
            kod += slugify(namn)[:60]
        if las_notrad_kod(kod) is not None:
            etiketter[kod] = namn[:200]
        elif kod not in giltiga and not kod.startswith("budget:"):
            fel.append(f"Rad {nr}: okänd kod {kod}.")
            continue
        enhet = str(enhet or "kr").strip().lower()
        if enhet not in (Manuellrad.KR, Manuellrad.TKR):
            fel.append(f"Rad {nr}: enheten ska vara kr eller tkr, inte {enhet}.")
            continue
        belopp = xlsx.tal(belopp_cell)
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
    return out, etiketter


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
                [
                    rad.label,
                    _formel(ws, rows, rad.kod, "B"),
                    _formel(ws, rows, rad.kod, "C"),
                ]
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


def _formel(ws, rows: dict[str, int], kod: str, col: str) -> str | None:
    refs = [f"{col}{rows[d]}" for d in FORMEL_DELAR[kod] if d in rows]
    return xlsx.formel(ws, f"=SUM({','.join(refs)})") if refs else None


def rakenskaper_xlsx(r: Rakenskaper, *, enhet: str, forbund_namn: str) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    rubrik = (str(r.ar), str(r.ar - 1))
    blad = r.rader()
    if r.balanskrav:
        blad.append(("Balanskravsutredning", r.balanskrav))
    for titel, rader in blad:
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
            ws.append(
                [
                    "Summa",
                    xlsx.formel(ws, f"=SUM(B{first}:B{last})"),
                    xlsx.formel(ws, f"=SUM(C{first}:C{last})"),
                ]
            )
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
    return xlsx.spara(wb)


def _rubrikrad(ws, titel: str, kolumner: list[str]) -> None:
    ws.append([titel])
    ws.cell(1, 1).font = Font(bold=True, size=13)
    ws.append([])
    ws.append(kolumner)
    for cell in ws[ws.max_row]:
        cell.font = FET


# --- Avstämning and nyckeltal -----------------------------------------------------------


def avstamning_xlsx(fynd: list[Fynd], *, ar: int, forbund_namn: str) -> bytes:
    """The findings in kronor; each difference is a formula of the two figures, and the
    last row counts the findings."""
    wb = Workbook()
    ws = wb.active
    ws.title = f"Avstämning {ar}"
    _rubrikrad(
        ws,
        f"{forbund_namn}: avstämning {ar}",
        ["Var", "Vad", "Belopp (kr)", "Ska vara (kr)", "Differens (kr)"],
    )
    forsta = ws.max_row + 1
    for f in fynd:
        ws.append([f.plats, f.beskrivning, float(f.belopp_a), float(f.belopp_b)])
        r = ws.max_row
        ws.cell(r, 5, xlsx.formel(ws, f"=C{r}-D{r}"))
        for col in (3, 4, 5):
            ws.cell(r, col).number_format = KRONOR_ORE
    sista = ws.max_row
    ws.append(
        [
            "Antal avvikelser",
            None,
            None,
            None,
            xlsx.formel(ws, f"=ROWS(E{forsta}:E{sista})"),
        ]
        if fynd
        else ["Inga avvikelser: alla siffror stämmer med varandra."]
    )
    for cell in ws[ws.max_row]:
        cell.font = FET
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 80
    for bokstav in "CDE":
        ws.column_dimensions[bokstav].width = 18
    return xlsx.spara(wb)


def nyckeltal_xlsx(
    nyckeltal: list[Nyckeltal],
    fordelning: Kostnadsfordelning,
    *,
    ar: int,
    forbund_namn: str,
) -> bytes:
    """Two sheets: the key ratios against the förbund's thresholds (whether a ratio is
    within its threshold is a formula), and the cost split in kronor whose sum and
    shares are formulas."""
    wb = Workbook()
    ws = wb.active
    ws.title = f"Nyckeltal {ar}"
    _rubrikrad(
        ws,
        f"{forbund_namn}: nyckeltal {ar}",
        ["Nyckeltal", "Värde", "Gräns", "Gränsen är", "Inom gränsen"],
    )
    for n in nyckeltal:
        procent = n.enhet == "%"

        def tal(v: Decimal | None, procent: bool = procent) -> float | None:
            if v is None:
                return None
            return float(v / 100) if procent else float(v)

        ws.append([n.namn, tal(n.varde), tal(n.grans), "högst" if n.hogst else "minst"])
        r = ws.max_row
        if n.varde is not None and n.grans is not None:
            jamfor = "<=" if n.hogst else ">="
            ws.cell(r, 5, xlsx.formel(ws, f'=IF(B{r}{jamfor}C{r},"Ja","Nej")'))
        for col in (2, 3):
            ws.cell(r, col).number_format = PROCENT if procent else KRONOR
    ws.column_dimensions["A"].width = 50
    for bokstav in "BCDE":
        ws.column_dimensions[bokstav].width = 16

    ws = wb.create_sheet(f"Kostnadsfördelning {ar}")
    _rubrikrad(
        ws,
        f"{forbund_namn}: kostnadsfördelning {ar}",
        ["Kategori", "Utfall (kr)", "Andel"],
    )
    forsta = ws.max_row + 1
    rader = [(namn, belopp) for _, namn, belopp, _ in fordelning.rader]
    if fordelning.ofordelat:
        rader.append(("Utan grupp (buffert, reserv)", fordelning.ofordelat))
    summa = forsta + len(rader)
    for namn, belopp in rader:
        ws.append([namn, float(belopp)])
        r = ws.max_row
        ws.cell(r, 3, xlsx.formel(ws, f'=IF($B${summa}=0,"",B{r}/$B${summa})'))
        ws.cell(r, 2).number_format = KRONOR
        ws.cell(r, 3).number_format = PROCENT
    ws.append(["Summa", xlsx.formel(ws, f"=SUM(B{forsta}:B{summa - 1})")])
    ws.cell(summa, 2).number_format = KRONOR
    for cell in ws[summa]:
        cell.font = FET
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 18
    ws.column_dimensions["C"].width = 12
    return xlsx.spara(wb)
