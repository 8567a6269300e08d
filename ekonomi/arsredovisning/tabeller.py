"""The tables of the årsredovisning in one shape, for the PDF and the Excel workbook.

Every economic table (the statements, the notes, budget vs utfall, the cost split) and
the participant tables are a ``Tabell``: the PDF prints it with the shared financial
table style, and the workbook writes each as a sheet, so both show the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from finsam.templatetags.finsam import format_tal

TKR = "tkr"
ANTAL = "antal"
KRONOR = "kr"


@dataclass
class Tabellrad:
    namn: str
    varden: list[Any]
    not_: str = ""
    klass: str = ""  # "rubrik", "summa" or ""


@dataclass
class Tabell:
    nyckel: str  # a stable id, also the Excel sheet's name
    rubrik: str
    kolumner: list[str]
    rader: list[Tabellrad] = field(default_factory=list)
    enhet: str = TKR
    decimaler: int = 1
    med_not: bool = False
    forsta_kolumn: str = ""

    def format(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        if self.enhet == TKR:
            return format_tal(Decimal(str(value)) / 1000, self.decimaler)
        return format_tal(value, self.decimaler if self.enhet == KRONOR else 0)

    def excel_varde(self, value: Any) -> Any:
        """The figure as the workbook stores it: tkr rounded as printed, counts as int."""
        if value is None or isinstance(value, str):
            return value
        if self.enhet == TKR:
            return round(Decimal(str(value)) / 1000, self.decimaler)
        return value


def decimaler(enhet: str) -> int:
    """tkr with one decimal (seed 004), kronor whole."""
    return 1 if enhet == TKR else 0


def belopp_text(kronor: Any, enhet: str) -> str:
    """An amount in the document's unit: "16 008,0" (tkr) or "16 008 000" (kr)."""
    if kronor is None or kronor == "":
        return ""
    value = Decimal(str(kronor))
    return format_tal(value / 1000 if enhet == TKR else value, decimaler(enhet))


def medlemsavgifter_tabell(avgifter: dict, ar: int, enhet: str = TKR) -> Tabell:
    """Not 1's shape: the fee per medlem this year and last (seed 004)."""
    rader = [Tabellrad(r.namn, [r.belopp, r.foregaende]) for r in avgifter["rader"]]
    s = avgifter["summa"]
    rader.append(Tabellrad("Summa", [s.belopp, s.foregaende], klass="summa"))
    return Tabell(
        nyckel="medlemsavgifter",
        rubrik=f"Medlemsavgifter {ar}",
        forsta_kolumn=f"Belopp i {enhet}",
        kolumner=[str(ar), str(ar - 1)],
        rader=rader,
        enhet=enhet,
        decimaler=decimaler(enhet),
    )


def floden_tabell(rader: list, total: Any, ar: int) -> Tabell:
    def varden(r) -> list[Any]:
        slut: list[Any] = (
            ["ej tillämpligt", "ej tillämpligt"]
            if r.ej_tillampligt
            else [r.arbete_studier, r.arbetssokande]
        )
        return [r.aktuella, r.kvinnor, r.man, r.annat, r.nya, r.avslutade, *slut]

    return Tabell(
        nyckel="deltagarfloden",
        rubrik=f"Sammanfattning av deltagarflöden {ar}",
        forsta_kolumn="Insats",
        kolumner=[
            "Aktuella",
            "Varav kvinnor",
            "Varav män",
            "Annat/ej angivet",
            "Nya",
            "Avslutade",
            "Till arbete/studier",
            "Arbetssökande vid avslut",
        ],
        rader=[Tabellrad(r.namn, varden(r)) for r in rader]
        + [
            Tabellrad(
                "Totalt",
                [
                    total.aktuella,
                    total.kvinnor,
                    total.man,
                    total.annat,
                    total.nya,
                    total.avslutade,
                    total.arbete_studier,
                    total.arbetssokande,
                ],
                klass="summa",
            )
        ],
        enhet=ANTAL,
    )


def kategori_tabell(nyckel: str, rubrik: str, rader: list[dict], ar: int) -> Tabell:
    return Tabell(
        nyckel=nyckel,
        rubrik=f"{rubrik} {ar}",
        forsta_kolumn="Kategori",
        kolumner=["Kvinnor", "Män", "Annat/ej angivet", "Totalt"],
        rader=[
            Tabellrad(
                r.get("kategori__namn") or r.get("avslutsorsak__namn") or "",
                [r["kvinnor"], r["man"], r["annat"], r["totalt"]],
            )
            for r in rader
        ],
        enhet=ANTAL,
    )
