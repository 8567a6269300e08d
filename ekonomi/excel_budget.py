"""Excel exports of the budget tables: the figures as numbers with number formats, and
every sum, difference and share as a formula, so the sheet can be checked and reused."""

from __future__ import annotations

import re

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ekonomi.selectors.budget import Grupp, Rad, Tabell
from finsam import xlsx

KRONOR = "#,##0;-#,##0"
PROCENT = "0.0%"
FET = Font(bold=True)


class _Blad:
    def __init__(self, ws, tabell: Tabell):
        self.ws = ws
        self.t = tabell
        self.row = 0
        n = len(tabell.kolumner)
        # A stored column with no source (no bookkeeping yet) stays empty, sums too.
        self.har_kalla = [
            k.harledd
            or tabell.summa_intakter[i] is not None
            or tabell.summa_kostnader[i] is not None
            for i, k in enumerate(tabell.kolumner)
        ][:n]

    def col(self, i: int) -> str:
        return get_column_letter(i + 2)

    def formel(self, text: str) -> str:
        return xlsx.formel(self.ws, text)

    def skriv(
        self, namn: str, varden: list, *, fet: bool = False, indrag: int = 0
    ) -> int:
        self.row += 1
        r = self.row
        c = self.ws.cell(row=r, column=1, value=("  " * indrag) + namn)
        if fet:
            c.font = FET
        for i, v in enumerate(varden):
            if v is None:
                continue
            cell = self.ws.cell(row=r, column=i + 2, value=v)
            cell.number_format = KRONOR
            if fet:
                cell.font = FET
        return r

    def harledda(self, r: int) -> None:
        for i, k in enumerate(self.t.kolumner):
            if not k.harledd or not (self.har_kalla[k.a] and self.har_kalla[k.b]):
                continue
            a, b = f"{self.col(k.a)}{r}", f"{self.col(k.b)}{r}"
            cell = self.ws.cell(row=r, column=i + 2)
            if k.typ == "diff":
                cell.value = self.formel(f"={a}-{b}")
                cell.number_format = KRONOR
            else:
                cell.value = self.formel(f'=IF({b}=0,"",{a}/{b})')
                cell.number_format = PROCENT

    def summarad(self, namn: str, rader: list[int], *, tecken: str = "+") -> int:
        varden: list[object] = []
        for i, k in enumerate(self.t.kolumner):
            if k.harledd or not self.har_kalla[i] or not rader:
                varden.append(None if k.harledd or not self.har_kalla[i] else 0)
                continue
            celler = [f"{self.col(i)}{r}" for r in rader]
            if tecken == "-":
                varden.append(self.formel("=" + "-".join(celler)))
            else:
                varden.append(self.formel(f"=SUM({','.join(celler)})"))
        r = self.skriv(namn, varden, fet=True)
        self.harledda(r)
        return r

    def rad(self, rad: Rad) -> int:
        if rad.barn:
            r = self.skriv(
                rad.namn,
                [None] * len(self.t.kolumner),
                indrag=rad.niva,
            )
            barnrader = [self.rad_ensam(b) for b in rad.barn]
            for i, k in enumerate(self.t.kolumner):
                if k.harledd or not self.har_kalla[i]:
                    continue
                celler = ",".join(f"{self.col(i)}{br}" for br in barnrader)
                cell = self.ws.cell(
                    row=r, column=i + 2, value=self.formel(f"=SUM({celler})")
                )
                cell.number_format = KRONOR
            self.harledda(r)
            return r
        return self.rad_ensam(rad)

    def rad_ensam(self, rad: Rad) -> int:
        varden = [
            None if k.harledd or not self.har_kalla[i] else rad.varden[i]
            for i, k in enumerate(self.t.kolumner)
        ]
        r = self.skriv(rad.namn, varden, indrag=rad.niva)
        self.harledda(r)
        return r

    def grupp(self, g: Grupp) -> int:
        self.skriv(g.namn, [], fet=True)
        rader = [self.rad(r) for r in g.rader]
        return self.summarad(g.summa_namn, rader)


def tabell_workbook(tabell: Tabell, *, titel: str, forbund) -> bytes:
    wb = Workbook()
    ws = wb.active
    # Excel refuses []:*?/\ in a sheet's name ("Delår/tertial 2").
    ws.title = re.sub(r"[\[\]:*?/\\]", "-", titel)[:31]
    ws.append([titel])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([forbund.namn])
    ws.append([])
    ws.append(["Post", *[k.rubrik for k in tabell.kolumner]])
    for c in ws[4]:
        c.font = FET
    blad = _Blad(ws, tabell)
    blad.row = 4
    intakter = [blad.grupp(g) for g in tabell.intakter]
    s_int = blad.summarad("Summa intäkter", intakter) if intakter else None
    kostnader = [blad.grupp(g) for g in tabell.kostnader]
    s_kost = blad.summarad("Summa kostnader", kostnader) if kostnader else None
    resultat_rad = None
    if s_int and s_kost:
        resultat_rad = blad.summarad("Årets resultat", [s_int, s_kost], tecken="-")
    borjan = tabell.extra.get("ek_borjan")
    if borjan is not None and resultat_rad is not None:
        blad.row += 1
        r_b = blad.skriv("Balanserat resultat årets början", list(borjan))
        r_s = r_b + 2
        for i in range(len(borjan)):
            if i >= 2 and (i > 2 or tabell.extra.get("foregaende") is not None):
                ws.cell(
                    row=r_b,
                    column=i + 2,
                    value=blad.formel(f"={blad.col(i - 1)}{r_s}"),
                )
            ws.cell(row=r_b, column=i + 2).number_format = KRONOR
        blad.skriv(
            "Årets resultat",
            [blad.formel(f"={blad.col(i)}{resultat_rad}") for i in range(len(borjan))],
        )
        blad.skriv(
            "Balanserat resultat årets slut",
            [
                blad.formel(f"={blad.col(i)}{r_b}+{blad.col(i)}{r_b + 1}")
                for i in range(len(borjan))
            ],
            fet=True,
        )
    if tabell.finansiering:
        blad.row += 1
        for g in tabell.finansiering:
            blad.grupp(g)
    ws.column_dimensions["A"].width = 44
    for i in range(len(tabell.kolumner)):
        ws.column_dimensions[blad.col(i)].width = 16
    return xlsx.spara(wb)
