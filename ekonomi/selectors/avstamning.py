"""Reconciliation: every figure that appears twice must agree (seed 004 and the issue:
printed reports carry errors of 1 kr, 30 kr and hundreds of thousands between their own
tables). ``avstamning(forbund, ar) -> list[Fynd]``, empty when everything agrees.

Checks, for the year and the year before it:
- tillgångar = eget kapital, avsättningar och skulder;
- årets resultat = the change in eget kapital;
- årets kassaflöde = the change in likvida medel; likvida medel at the start = at the end
  of the year before (the year's opening balance against last year's closing one);
- a figure typed by hand that the app can also compute (statement lines, sums, notes,
  kassaflöde, last year's comparatives, budget utfall, the cost split) = the computed
  one, compared at the precision it was typed (tkr with one decimal or kronor);
- fee income in the resultaträkning = the fee decision, in total and per medlem;
- the budget-vs-utfall totals = the statements (income and costs);
- the cost split (individinriktat / strukturinriktat / administration) = total costs.

Figures typed in tkr carry a rounding of up to 50 kr each; a check among them reports
only a difference larger than their summed rounding.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ekonomi import kontoplan as kp
from ekonomi.models import Manuellrad, avgiftskod
from ekonomi.selectors import bokforing as bok
from ekonomi.selectors.rakenskaper import (
    MANUELLA_KODER,
    SUMMOR,
    Rakenskaper,
    rakenskaper,
    rund_som_typad,
)
from finsam.models import Forbund

NOLL = Decimal(0)


@dataclass(frozen=True)
class Fynd:
    """One disagreement: ``nyckel`` is a stable id (the same finding keeps its key from
    run to run), ``plats`` where to look, ``differens`` = ``belopp_a`` − ``belopp_b``."""

    nyckel: str
    beskrivning: str
    plats: str
    belopp_a: Decimal
    belopp_b: Decimal
    differens: Decimal


def _fynd(
    nyckel: str,
    beskrivning: str,
    plats: str,
    a: Decimal,
    b: Decimal,
    tol: Decimal = NOLL,
) -> Fynd | None:
    diff = a - b
    if abs(diff) <= tol:
        return None
    return Fynd(nyckel, beskrivning, plats, a, b, diff)


def _balans(r: Rakenskaper, ar: int) -> list[Fynd | None]:
    v, t = r.varden[ar], r.toleranser[ar]
    out: list[Fynd | None] = []
    if "br_summa_tillgangar" in v and "br_summa_ek_skulder" in v:
        out.append(
            _fynd(
                f"{ar}:balans",
                "Summa tillgångar ska vara lika med summa eget kapital, avsättningar "
                "och skulder.",
                f"Balansräkning {ar}",
                v["br_summa_tillgangar"],
                v["br_summa_ek_skulder"],
                t.get("br_summa_tillgangar", NOLL) + t.get("br_summa_ek_skulder", NOLL),
            )
        )
    fg = r.varden.get(ar - 1, {})
    ek_in = fg.get(kp.BR_EGET_KAPITAL)
    if ek_in is not None and kp.BR_EGET_KAPITAL in v and "rr_arets_resultat" in v:
        out.append(
            _fynd(
                f"{ar}:resultat-eget-kapital",
                "Årets resultat ska vara lika med förändringen av eget kapital.",
                f"Resultaträkning och balansräkning {ar}",
                v["rr_arets_resultat"],
                v[kp.BR_EGET_KAPITAL] - ek_in,
                t.get("rr_arets_resultat", NOLL)
                + t.get(kp.BR_EGET_KAPITAL, NOLL)
                + r.toleranser.get(ar - 1, {}).get(kp.BR_EGET_KAPITAL, NOLL),
            )
        )
    likvida = v.get(kp.BR_KASSA, NOLL) + v.get(kp.BR_PLACERINGAR, NOLL)
    if "kf_likvida_slut" in v and kp.BR_KASSA in v:
        out.append(
            _fynd(
                f"{ar}:kassaflode-likvida",
                "Likvida medel vid årets slut enligt kassaflödesanalysen ska vara lika "
                "med kassa och bank i balansräkningen.",
                f"Kassaflödesanalys {ar}",
                v["kf_likvida_slut"],
                likvida,
                t.get("kf_likvida_slut", NOLL) + t.get(kp.BR_KASSA, NOLL),
            )
        )
    if "kf_likvida_borjan" in v and kp.BR_KASSA in fg:
        out.append(
            _fynd(
                f"{ar}:likvida-ingaende",
                f"Likvida medel vid årets början ska vara lika med likvida medel vid "
                f"slutet av {ar - 1}.",
                f"Kassaflödesanalys {ar} och balansräkning {ar - 1}",
                v["kf_likvida_borjan"],
                fg.get(kp.BR_KASSA, NOLL) + fg.get(kp.BR_PLACERINGAR, NOLL),
                t.get("kf_likvida_borjan", NOLL)
                + r.toleranser.get(ar - 1, {}).get(kp.BR_KASSA, NOLL),
            )
        )
    return out


def _typade(r: Rakenskaper, ar: int) -> list[Fynd | None]:
    """Figures typed by hand against what the app computes from the other figures."""
    out: list[Fynd | None] = []
    v, beraknade = r.varden[ar], r.beraknade.get(ar, set())
    for kod, typad in sorted(r.typade.get(ar, {}).items()):
        if kod not in MANUELLA_KODER or kod not in v:
            continue
        if kod not in beraknade and kod not in SUMMOR:
            continue  # the typed figure is itself the figure shown
        beraknad = rund_som_typad(v[kod], typad.enhet)
        # A typed sum is compared with the sum of the (possibly typed) lines; their own
        # rounding is allowed for, the typed sum's own is not (it was typed as printed).
        tol = r.toleranser[ar].get(kod, NOLL) if kod in SUMMOR else NOLL
        out.append(
            _fynd(
                f"{ar}:typad:{kod}",
                f"Inskriven uppgift ”{MANUELLA_KODER[kod]}” stämmer inte med den "
                "beräknade.",
                f"Manuella uppgifter {ar}",
                typad.belopp,
                beraknad,
                tol,
            )
        )
    return out


def _avgifter(
    forbund: Forbund, r: Rakenskaper, ar: int, utfall: dict[str, Decimal]
) -> list[Fynd | None]:
    from finsam.models import Avgiftsbeslut

    beslut = (
        Avgiftsbeslut.objects.for_forbund(forbund)
        .filter(ar=ar)
        .exclude(status=Avgiftsbeslut.ERSATT)
        .prefetch_related("rader__medlem")
        .first()
    )
    v = r.varden.get(ar, {})
    if beslut is None or kp.RR_MEDLEMSAVGIFTER not in v:
        return []
    out: list[Fynd | None] = [
        _fynd(
            f"{ar}:avgifter-beslut",
            "Medlemsavgifterna i resultaträkningen ska vara lika med avgiftsbeslutet.",
            f"Resultaträkning {ar} och avgiftsbeslut {ar}",
            v[kp.RR_MEDLEMSAVGIFTER],
            beslut.total,
            r.toleranser[ar].get(kp.RR_MEDLEMSAVGIFTER, NOLL),
        )
    ]
    for rad in beslut.rader.all():
        kod = avgiftskod(rad.medlem)
        if kod in utfall:
            out.append(
                _fynd(
                    f"{ar}:avgift:{kod}",
                    f"Bokförd medlemsavgift från {rad.benamning} ska vara lika med "
                    "avgiftsbeslutet.",
                    f"Not 1 {ar} och avgiftsbeslut {ar}",
                    utfall[kod],
                    rad.belopp,
                )
            )
    return out


def _budget_och_fordelning(
    forbund: Forbund,
    r: Rakenskaper,
    ar: int,
    sidor: dict[str, tuple[Decimal, bool]],
) -> list[Fynd | None]:
    v = r.varden.get(ar, {})
    if "rr_nettokostnad" not in v:
        return []
    out: list[Fynd | None] = []
    fordelning = bok.kostnadsfordelning(forbund, ar, sidor)
    kostnader = -(v.get(kp.RR_KOSTNADER, NOLL) + v.get(kp.RR_AVSKRIVNINGAR, NOLL))
    intakter = sum(
        (
            v.get(k, NOLL)
            for k in (kp.RR_MEDLEMSAVGIFTER, kp.RR_ESF, kp.RR_OVRIGA_INTAKTER)
        ),
        NOLL,
    )
    utfall = sidor
    if utfall:
        ut_int = sum((b for b, intakt in utfall.values() if intakt), NOLL)
        ut_kost = sum((b for b, intakt in utfall.values() if not intakt), NOLL)
        out.append(
            _fynd(
                f"{ar}:budget-intakter",
                "Summa intäkter i sammanställningen av utfall och budget ska vara lika "
                "med intäkterna i resultaträkningen (konton utan budgetpost?).",
                f"Utfall och budget {ar}",
                ut_int,
                intakter,
            )
        )
        out.append(
            _fynd(
                f"{ar}:budget-kostnader",
                "Summa kostnader i sammanställningen av utfall och budget ska vara lika "
                "med kostnaderna i resultaträkningen (konton utan budgetpost?).",
                f"Utfall och budget {ar}",
                ut_kost,
                kostnader,
            )
        )
    if utfall and fordelning.belopp:
        out.append(
            _fynd(
                f"{ar}:kostnadsfordelning",
                "Kostnadsfördelningen (individinriktat, strukturinriktat, "
                "administration) ska summera till årets kostnader.",
                f"Kostnadsfördelning {ar}",
                sum(fordelning.belopp.values(), NOLL),
                kostnader,
            )
        )
    typade = r.typade.get(ar, {})
    beraknat = (
        bok.utfall_per_budgetkod(forbund, ar) if bok.har_bokforing(forbund, ar) else {}
    )
    for kod, rad in sorted(typade.items()):
        if kod.startswith(bok.BUDGET_PREFIX) and beraknat:
            budgetkod = kod.removeprefix(bok.BUDGET_PREFIX)
            out.append(
                _fynd(
                    f"{ar}:typad:{kod}",
                    f"Inskrivet utfall för budgetposten {budgetkod} stämmer inte med "
                    "bokföringen.",
                    f"Manuella uppgifter {ar}",
                    rad.belopp,
                    rund_som_typad(beraknat.get(budgetkod, NOLL), rad.enhet),
                )
            )
        if kod.startswith(KOSTNAD_PREFIX):
            kategori = kod.removeprefix(KOSTNAD_PREFIX)
            out.append(
                _fynd(
                    f"{ar}:typad:{kod}",
                    f"Inskriven kostnadsfördelning ({kategori}) stämmer inte med den "
                    "beräknade.",
                    f"Kostnadsfördelning {ar}",
                    rad.belopp,
                    rund_som_typad(fordelning.belopp.get(kategori, NOLL), rad.enhet),
                )
            )
    return out


KOSTNAD_PREFIX = "kostnad:"


def avstamning(forbund: Forbund, ar: int, r: Rakenskaper | None = None) -> list[Fynd]:
    """``r``: the year's statements when the caller has them already."""
    r = r or rakenskaper(forbund, ar)
    fynd: list[Fynd | None] = []
    for year in (ar - 1, ar):
        if r.kalla.get(year):
            fynd += _balans(r, year)
            fynd += _typade(r, year)
    sidor = bok.utfall_med_sida(forbund, ar)
    utfall = (
        {kod: belopp for kod, (belopp, _) in sidor.items()}
        if sidor
        else bok.utfall_per_budgetkod(forbund, ar)
    )
    fynd += _avgifter(forbund, r, ar, utfall)
    fynd += _budget_och_fordelning(forbund, r, ar, sidor)
    return [f for f in fynd if f is not None]


def manuella_koder() -> dict[str, str]:
    """Every kod a figure can be typed for (statement lines, sums, kassaflöde, notes,
    cost split); budget lines are ``budget:<kod>``."""
    return {
        **MANUELLA_KODER,
        **{f"{KOSTNAD_PREFIX}{k}": n for k, n in bok.KATEGORIER},
    }


__all__ = ["Fynd", "Manuellrad", "avstamning", "manuella_koder"]
