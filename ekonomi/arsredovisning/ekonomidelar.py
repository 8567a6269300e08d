"""ekonomi's figures as the årsredovisning's tables (sections 1.6, 2-7).

Only reads ekonomi's selectors: the statements with notes and balanskrav
(``ekonomi.selectors.rakenskaper``), budget vs utfall (``ekonomi.selectors.budget``), the
cost split (``ekonomi.selectors.bokforing``) and the key ratios
(``ekonomi.selectors.nyckeltal``). A year without bookkeeping leaves its tables out
and the document says what is missing.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ekonomi.arsredovisning.tabeller import ANTAL, TKR, Tabell, Tabellrad
from ekonomi.selectors.bokforing import kostnadsfordelning
from ekonomi.selectors.budget import budget_for_ar, budget_mot_utfall
from ekonomi.selectors.nyckeltal import nyckeltal
from ekonomi.selectors.rakenskaper import rakenskaper
from finsam.templatetags.finsam import format_tal


def _klass(rad) -> str:
    if getattr(rad, "rubrik", False):
        return "rubrik"
    if getattr(rad, "summa", False):
        return "summa"
    return ""


def _varde(rad, falt: str):
    if rad.rubrik:
        return None
    return rad.text or getattr(rad, falt)


def _rakning(nyckel: str, rubrik: str, rader, ar: int, *, med_not: bool) -> Tabell:
    return Tabell(
        nyckel=nyckel,
        rubrik=rubrik,
        forsta_kolumn="Belopp i tkr",
        kolumner=[str(ar), str(ar - 1)],
        rader=[
            Tabellrad(
                r.label,
                [_varde(r, "belopp"), _varde(r, "foregaende")],
                not_=str(r.not_nr) if r.not_nr else "",
                klass=_klass(r),
            )
            for r in rader
        ],
        med_not=med_not,
    )


def rakenskapstabeller(r, ar: int) -> tuple[dict[str, Tabell], list[dict]]:
    tabeller = {
        "resultatrakning": _rakning(
            "resultatrakning",
            f"Resultaträkning {ar}",
            r.resultatrakning,
            ar,
            med_not=True,
        ),
        "balansrakning": _rakning(
            "balansrakning", f"Balansräkning {ar}", r.balansrakning, ar, med_not=True
        ),
        "kassaflodesanalys": _rakning(
            "kassaflodesanalys",
            f"Kassaflödesanalys {ar}",
            r.kassaflodesanalys,
            ar,
            med_not=False,
        ),
    }
    if r.balanskrav:
        tabeller["balanskrav"] = _rakning(
            "balanskrav", f"Balanskravsutredning {ar}", r.balanskrav, ar, med_not=False
        )
    noter = []
    for n in r.noter:
        tabell = _rakning(
            f"not{n.nr}", f"Not {n.nr} {n.rubrik}", n.rader, ar, med_not=False
        )
        if n.datumrubrik:
            tabell.kolumner = [f"{ar}-12-31", f"{ar - 1}-12-31"]
        noter.append({"nummer": n.nr, "rubrik": n.rubrik, "tabell": tabell})
    return tabeller, noter


def budget_utfall_tabell(b, ar: int) -> Tabell:
    """ "Sammanställning av utfall och budget" (seed 004, 7): whole tkr, as printed."""
    rader: list[Tabellrad] = []

    def tre(varden) -> list[Any]:
        return list(varden[:3])

    for grupper, summa, namn in (
        (b.intakter, b.summa_intakter, "Summa intäkter"),
        (b.kostnader, None, ""),
    ):
        for g in grupper:
            for r in g.rader:
                rader.append(Tabellrad(r.namn, tre(r.varden)))
            if grupper is b.kostnader:
                rader.append(
                    Tabellrad(f"Summa {g.namn.lower()}", tre(g.summa), klass="summa")
                )
        if summa is not None:
            rader.append(Tabellrad(namn, tre(summa), klass="summa"))
    rader.append(Tabellrad("Summa kostnader", tre(b.summa_kostnader), klass="summa"))
    rader.append(
        Tabellrad("Resultat", tre(b.resultat)[:1] + [None, None], klass="summa")
    )
    return Tabell(
        nyckel="budget_utfall",
        rubrik=f"Sammanställning av utfall och budget {ar}",
        forsta_kolumn="Belopp i tkr",
        kolumner=[f"Utfall {ar}-12-31", f"Budget {ar}", f"Avvikelse {ar}-12-31"],
        rader=rader,
        decimaler=0,
    )


INTAKTSKODER = ("rr_medlemsavgifter", "rr_esf", "rr_ovriga_intakter")


def oversikt_tabell(r, b, ar: int) -> Tabell:
    """The overview of 1.6 (seed 004): nettokostnad, bidrag/intäkt, resultat and eget
    kapital, utfall against budget and last year's bokslut, in whole tkr."""
    fore = r.varden.get(ar - 1, {})

    def fjol(*koder: str, tecken: int = 1) -> Decimal | None:
        if not any(k in fore for k in koder):
            return None
        return tecken * sum((fore.get(k, Decimal(0)) for k in koder), Decimal(0))

    def rad(namn: str, varden, fjolar) -> Tabellrad:
        return Tabellrad(namn, [*(list(varden[:3]) if varden else [None] * 3), fjolar])

    return Tabell(
        nyckel="ekonomisk_oversikt",
        rubrik=f"Ekonomiskt utfall {ar}",
        forsta_kolumn="Belopp i tkr",
        kolumner=[
            f"Utfall jan-dec {ar}",
            f"Budget {ar}",
            "Avvikelse utfall - budget",
            f"Bokslut {ar - 1}",
        ],
        rader=[
            rad("Nettokostnad", b.summa_kostnader, fjol("rr_kostnader", tecken=-1)),
            rad("Bidrag/intäkt", b.summa_intakter, fjol(*INTAKTSKODER)),
            rad(
                "Resultat",
                [r.arets_resultat, None, None],
                fjol("rr_arets_resultat"),
            ),
            rad(
                "Utgående eget kapital",
                [r.eget_kapital_utgaende, None, None],
                r.eget_kapital_ingaende,
            ),
        ],
        decimaler=0,
    )


def kostnadsfordelning_tabell(k, ar: int) -> Tabell:
    rader = [
        Tabellrad(namn, [belopp, _procent(andel)]) for _, namn, belopp, andel in k.rader
    ]
    if k.ofordelat:
        rader.append(
            Tabellrad(
                "Övrigt (utan fördelning)",
                [
                    k.ofordelat,
                    _procent(k.ofordelat * 100 / k.totalt if k.totalt else None),
                ],
            )
        )
    rader.append(Tabellrad("Summa kostnader", [k.totalt, "100 %"], klass="summa"))
    return Tabell(
        nyckel="kostnadsfordelning",
        rubrik=f"Kostnadsfördelning {ar}",
        forsta_kolumn="Belopp i tkr",
        kolumner=["Kostnad", "Andel"],
        rader=rader,
    )


def _procent(value) -> str:
    return "" if value is None else f"{format_tal(value, 1)} %"


def nyckeltal_tabell(nyckeltal: list, ar: int) -> Tabell:
    def text(varde, enhet: str) -> str:
        if varde is None:
            return ""
        if enhet == "%":
            return _procent(varde)
        return f"{format_tal(Decimal(varde) / 1000, 1)} tkr"

    return Tabell(
        nyckel="nyckeltal",
        rubrik=f"Nyckeltal {ar}",
        forsta_kolumn="Nyckeltal",
        kolumner=["Utfall", "Förbundets gräns", "Inom gränsen"],
        rader=[
            Tabellrad(
                n.namn,
                [
                    text(n.varde, n.enhet),
                    ("högst " if n.hogst else "minst ") + text(n.grans, n.enhet)
                    if n.grans is not None
                    else "",
                    {True: "Ja", False: "Nej", None: ""}[n.inom_grans],
                ],
            )
            for n in nyckeltal
        ],
        enhet=ANTAL,
    )


def ekonomi_tabeller(forbund, ar: int) -> dict[str, Any]:
    """The economic tables of ``ar`` and the key figures the narrative quotes."""
    tabeller: dict[str, Tabell] = {}
    noter: list[dict] = []
    nyckeltext: dict[str, str] = {}
    r = rakenskaper(forbund, ar)
    if r is not None and r.har_data:
        tabeller_r, noter = rakenskapstabeller(r, ar)
        tabeller.update(tabeller_r)
        v = r.varden.get(ar, {})
        if r.arets_resultat is not None:
            nyckeltext["resultat"] = format_tal(r.arets_resultat / 1000, 1)
        if r.eget_kapital_utgaende is not None:
            nyckeltext["eget_kapital"] = format_tal(r.eget_kapital_utgaende / 1000, 1)
        kostnader = v.get("rr_kostnader")
        if kostnader is not None:
            nyckeltext["kostnader"] = format_tal(-kostnader / 1000, 1)
    budget = budget_for_ar(forbund, ar)
    b = budget_mot_utfall(budget) if budget else None
    if b is not None:
        if b.extra.get("har_utfall", True):
            tabeller["budget_utfall"] = budget_utfall_tabell(b, ar)
            if r is not None and r.har_data:
                tabeller["ekonomisk_oversikt"] = oversikt_tabell(r, b, ar)
    if r is not None and r.har_data:
        k = kostnadsfordelning(forbund, ar)
        if k.totalt:
            tabeller["kostnadsfordelning"] = kostnadsfordelning_tabell(k, ar)
    if r is not None and r.har_data:
        tabeller["nyckeltal"] = nyckeltal_tabell(nyckeltal(forbund, ar), ar)
    return {"tabeller": tabeller, "noter": noter, "nyckeltal_text": nyckeltext}


__all__ = ["TKR", "ekonomi_tabeller"]
