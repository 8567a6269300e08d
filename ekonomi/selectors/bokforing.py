"""Reads of the imported bookkeeping: utfall per budget line and month, balances per
statement line. Contract for the budget and årsredovisning work:

- ``har_bokforing(forbund, ar) -> bool``
- ``utfall_per_budgetkod(forbund, ar) -> dict[str, Decimal]``: kronor per
  ``Budgetpost.kod``, positive like the budget (intäkter and kostnader both positive;
  a refund larger than the year's costs makes a cost line negative). ``{}`` when the
  year has no bookkeeping. Manual figures typed for a budget line (``Manuellrad`` with
  kod ``budget:<kod>``) stand in where the year has no bookkeeping.
- ``utfall_per_manad(forbund, ar) -> dict[str, list[Decimal]]``: the same, 12 months.
- ``kostnadsfordelning(forbund, ar) -> Kostnadsfordelning``: individinriktat /
  strukturinriktat / administration, by the budget groups of the lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet, Sum
from django.db.models.functions import ExtractMonth

from ekonomi import kontoplan as kp
from ekonomi.models import (
    Bokforingsimport,
    Budgetpost,
    Konto,
    Kontoregel,
    Kontosaldo,
    Manuellrad,
    Transaktion,
)
from finsam.models import Forbund

NOLL = Decimal(0)
INTAKTSRADER = (kp.RR_MEDLEMSAVGIFTER, kp.RR_ESF, kp.RR_OVRIGA_INTAKTER)
BUDGET_PREFIX = "budget:"


def bokforing_for(forbund: Forbund, ar: int) -> Bokforingsimport | None:
    return Bokforingsimport.objects.for_forbund(forbund).filter(ar=ar).first()


def har_bokforing(forbund: Forbund, ar: int) -> bool:
    return Bokforingsimport.objects.for_forbund(forbund).filter(ar=ar).exists()


def importer(forbund: Forbund) -> QuerySet[Bokforingsimport]:
    return Bokforingsimport.objects.for_forbund(forbund).order_by("-ar")


@dataclass
class Mappning:
    """Resolves an account to its statement line and budget line for one förbund."""

    kontoplan: str
    regler: list[Kontoregel]
    namn: dict[str, str] = field(default_factory=dict)

    def rad(self, konto: str) -> str | None:
        egna = [
            r
            for r in self.regler
            if r.rad and kp.Regel(r.fran, r.till, r.rad).traffar(konto)
        ]
        if egna:
            return min(egna, key=lambda r: kp.Regel(r.fran, r.till, r.rad).bredd).rad
        return kp.default_rad(konto, self.kontoplan, self.namn.get(konto, ""))

    def budgetkod(self, konto: str) -> str | None:
        egna = [
            r
            for r in self.regler
            if r.budgetkod and kp.Regel(r.fran, r.till, "").traffar(konto)
        ]
        if not egna:
            return None
        return min(egna, key=lambda r: kp.Regel(r.fran, r.till, "").bredd).budgetkod


def mappning(forbund: Forbund, bokforing: Bokforingsimport) -> Mappning:
    return Mappning(
        kontoplan=bokforing.kontoplan,
        regler=list(Kontoregel.objects.for_forbund(forbund)),
        namn=dict(
            Konto.objects.filter(bokforing=bokforing).values_list("nummer", "namn")
        ),
    )


def _tecken(rad: str | None) -> int:
    """Income is credit (negative) in the books and positive in a budget."""
    return -1 if rad in INTAKTSRADER or rad == kp.RR_FIN_INTAKTER else 1


def utfall_med_sida(forbund: Forbund, ar: int) -> dict[str, tuple[Decimal, bool]]:
    """kod -> (utfall positive like the budget, whether the line is income)."""
    bokforing = bokforing_for(forbund, ar)
    if bokforing is None:
        return {}
    m = mappning(forbund, bokforing)
    out: dict[str, tuple[Decimal, bool]] = {}
    for konto, res in Kontosaldo.objects.filter(
        bokforing=bokforing, arsnr=0
    ).values_list("konto", "res"):
        kod = m.budgetkod(konto)
        if kod:
            rad = m.rad(konto)
            belopp, _ = out.get(kod, (NOLL, False))
            out[kod] = (belopp + _tecken(rad) * res, _tecken(rad) < 0)
    return out


def utfall_per_budgetkod(forbund: Forbund, ar: int) -> dict[str, Decimal]:
    if not har_bokforing(forbund, ar):
        return {
            r.kod.removeprefix(BUDGET_PREFIX): r.belopp
            for r in Manuellrad.objects.for_forbund(forbund).filter(
                ar=ar, kod__startswith=BUDGET_PREFIX
            )
        }
    return {kod: belopp for kod, (belopp, _) in utfall_med_sida(forbund, ar).items()}


def utfall_per_manad(forbund: Forbund, ar: int) -> dict[str, list[Decimal]]:
    bokforing = bokforing_for(forbund, ar)
    if bokforing is None:
        return {}
    m = mappning(forbund, bokforing)
    out: dict[str, list[Decimal]] = {}
    rows = (
        Transaktion.objects.filter(bokforing=bokforing)
        .annotate(manad=ExtractMonth("datum"))
        .values("konto", "manad")
        .annotate(summa=Sum("belopp"))
    )
    for row in rows:
        kod = m.budgetkod(row["konto"])
        if not kod:
            continue
        manader = out.setdefault(kod, [NOLL] * 12)
        manader[row["manad"] - 1] += _tecken(m.rad(row["konto"])) * row["summa"]
    return out


@dataclass
class Kontorad:
    konto: str
    namn: str
    rad: str | None
    budgetkod: str | None
    belopp: Decimal  # SIE sign: balance UB / result movement


def konton_med_mappning(forbund: Forbund, ar: int) -> list[Kontorad]:
    """Every account of the year's import with the line it maps to (for the editor)."""
    bokforing = bokforing_for(forbund, ar)
    if bokforing is None:
        return []
    m = mappning(forbund, bokforing)
    saldo = {
        k: (ub if k[:1] in "12" else res)
        for k, ub, res in Kontosaldo.objects.filter(
            bokforing=bokforing, arsnr=0
        ).values_list("konto", "ub", "res")
    }
    return [
        Kontorad(nr, namn, m.rad(nr), m.budgetkod(nr), saldo.get(nr, NOLL))
        for nr, namn in sorted(m.namn.items())
    ]


@dataclass
class Saldon:
    """Balances of one year per account, in SIE sign, and where they came from."""

    ar: int
    kalla: str  # "import <år>", "import <år+1> (#UB -1)"
    ib: dict[str, Decimal]
    ub: dict[str, Decimal]
    res: dict[str, Decimal]
    mappning: Mappning


def saldon(forbund: Forbund, ar: int) -> Saldon | None:
    """The year's account balances: from its own import, else from next year's file
    (SIE carries the year before as årsnr -1)."""
    for bokforing, arsnr in (
        (bokforing_for(forbund, ar), 0),
        (bokforing_for(forbund, ar + 1), -1),
    ):
        if bokforing is None:
            continue
        rows = list(
            Kontosaldo.objects.filter(bokforing=bokforing, arsnr=arsnr).values_list(
                "konto", "ib", "ub", "res"
            )
        )
        if not rows:
            continue
        return Saldon(
            ar=ar,
            kalla=f"bokföringen {bokforing.ar}"
            + (" (föregående år i filen)" if arsnr else ""),
            ib={k: ib for k, ib, _, _ in rows},
            ub={k: ub for k, _, ub, _ in rows},
            res={k: res for k, _, _, res in rows},
            mappning=mappning(forbund, bokforing),
        )
    return None


# --- Kostnadsfördelning ---------------------------------------------------------------

INDIVID = "individinriktat"
STRUKTUR = "strukturinriktat"
ADMINISTRATION = "administration"
KATEGORIER = [
    (INDIVID, "Individinriktade insatser"),
    (STRUKTUR, "Strukturinriktade insatser"),
    (ADMINISTRATION, "Administration"),
]
_GRUPP_KATEGORI = {
    Budgetpost.INSATSER: INDIVID,
    Budgetpost.STRUKTUR: STRUKTUR,
    Budgetpost.ADMINISTRATION: ADMINISTRATION,
}


@dataclass
class Kostnadsfordelning:
    """Costs split as 004 1.6.3 does; ``ofordelat`` are costs on lines outside the three
    groups (buffer, reserv) or on accounts without a budget line."""

    belopp: dict[str, Decimal]
    ofordelat: Decimal
    totalt: Decimal

    def andel(self, kategori: str) -> Decimal | None:
        if not self.totalt:
            return None
        return self.belopp.get(kategori, NOLL) * 100 / self.totalt

    @property
    def rader(self) -> list[tuple[str, str, Decimal, Decimal | None]]:
        return [(k, n, self.belopp.get(k, NOLL), self.andel(k)) for k, n in KATEGORIER]


def kostnadsfordelning(
    forbund: Forbund, ar: int, sidor: dict[str, tuple[Decimal, bool]] | None = None
) -> Kostnadsfordelning:
    """By the budget group of each line: insatser → individinriktat, struktur →
    strukturinriktat, administration. The groups come from the year's budget (or the
    latest budget that has the kod), so the split follows how the kansli groups lines."""
    if sidor is None and har_bokforing(forbund, ar):
        sidor = utfall_med_sida(forbund, ar)
    if sidor:
        utfall = {kod: belopp for kod, (belopp, _) in sidor.items()}
    else:
        utfall = utfall_per_budgetkod(forbund, ar)
    intakter = {kod for kod, (_, intakt) in (sidor or {}).items() if intakt}
    grupper: dict[str, str] = {}
    for kod, grupp in (
        Budgetpost.objects.for_forbund(forbund)
        .filter(kod__in=list(utfall), budget__ar__lte=ar)
        .order_by("budget__ar")
        .values_list("kod", "grupp")
    ):
        grupper[kod] = grupp
    belopp: dict[str, Decimal] = {}
    ofordelat = NOLL
    for kod, summa in utfall.items():
        grupp = grupper.get(kod, "")
        if kod in intakter or grupp in Budgetpost.INTAKTSGRUPPER:
            continue
        kategori = _GRUPP_KATEGORI.get(grupp)
        if kategori:
            belopp[kategori] = belopp.get(kategori, NOLL) + summa
        else:
            ofordelat += summa
    return Kostnadsfordelning(
        belopp=belopp,
        ofordelat=ofordelat,
        totalt=sum(belopp.values(), NOLL) + ofordelat,
    )
