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

Every function takes an optional ``u: Underlag``: the förbund's bookkeeping as one
request reads it. A page that shows the statements, the avstämning and the key ratios
makes one (``Underlag(forbund)``) and hands it to each selector, so the imports, the
account mapping, the balances and the typed figures are read once, not once per table.
An ``Underlag`` holds what it read: make a new one after a write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

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
    Objekt,
    Objektregel,
    Transaktion,
)
from finsam.models import Forbund

NOLL = Decimal(0)
INTAKTSRADER = (kp.RR_MEDLEMSAVGIFTER, kp.RR_ESF, kp.RR_OVRIGA_INTAKTER)
BUDGET_PREFIX = "budget:"


def bokforing_for(
    forbund: Forbund, ar: int, u: Underlag | None = None
) -> Bokforingsimport | None:
    return (u or Underlag(forbund)).bokforing(ar)


def har_bokforing(forbund: Forbund, ar: int, u: Underlag | None = None) -> bool:
    return bokforing_for(forbund, ar, u) is not None


def importer(forbund: Forbund) -> QuerySet[Bokforingsimport]:
    return Bokforingsimport.objects.for_forbund(forbund).order_by("-ar")


@dataclass
class Mappning:
    """Resolves an account to its statement line and budget line for one förbund."""

    kontoplan: str
    regler: list[Kontoregel]
    namn: dict[str, str] = field(default_factory=dict)
    _rader: dict[str, str | None] = field(default_factory=dict, repr=False)
    _koder: dict[str, str | None] = field(default_factory=dict, repr=False)

    def rad(self, konto: str) -> str | None:
        if konto not in self._rader:
            self._rader[konto] = self._rad(konto)
        return self._rader[konto]

    def budgetkod(self, konto: str) -> str | None:
        if konto not in self._koder:
            self._koder[konto] = self._budgetkod(konto)
        return self._koder[konto]

    def _rad(self, konto: str) -> str | None:
        egna = [
            r
            for r in self.regler
            if r.rad and kp.Regel(r.fran, r.till, r.rad).traffar(konto)
        ]
        if egna:
            return min(egna, key=lambda r: kp.Regel(r.fran, r.till, r.rad).bredd).rad
        return kp.default_rad(konto, self.kontoplan, self.namn.get(konto, ""))

    def _budgetkod(self, konto: str) -> str | None:
        egna = [
            r
            for r in self.regler
            if r.budgetkod and kp.Regel(r.fran, r.till, "").traffar(konto)
        ]
        if not egna:
            return None
        return min(egna, key=lambda r: kp.Regel(r.fran, r.till, "").bredd).budgetkod


def mappning(
    forbund: Forbund, bokforing: Bokforingsimport, u: Underlag | None = None
) -> Mappning:
    return (u or Underlag(forbund)).mappning(bokforing)


SaldoRad = tuple[str, Decimal, Decimal, Decimal]  # konto, ib, ub, res


class Underlag:
    """One förbund's bookkeeping as a request reads it, each part read once: the imports
    (one per year), the account rules and names (the mapping), the balances per import
    and year of the file, the figures typed by hand per year, and what is derived from
    them (utfall per budget line, the cost split, the statements of a year)."""

    def __init__(self, forbund: Forbund) -> None:
        self.forbund = forbund
        self._importer: dict[int, Bokforingsimport] | None = None
        self._regler: list[Kontoregel] | None = None
        self._mappningar: dict[int, Mappning] = {}
        self._saldon: dict[tuple[int, int], list[SaldoRad]] = {}
        self._manuella: dict[int, dict[str, Manuellrad]] = {}
        self._utfall: dict[int, dict[str, tuple[Decimal, bool]]] = {}
        self._fordelning: dict[int, Kostnadsfordelning] = {}
        self._objektregler: list[Objektregel] | None = None
        self._objektkoder: dict[int, dict[tuple[str, str], str]] = {}
        self._objektbelopp: dict[
            tuple[int, bool], list[tuple[str, str, int, Decimal]]
        ] = {}
        self.rakenskaper: dict[int, Any] = {}  # ekonomi.selectors.rakenskaper's cache

    def bokforing(self, ar: int) -> Bokforingsimport | None:
        if self._importer is None:
            self._importer = {
                b.ar: b for b in Bokforingsimport.objects.for_forbund(self.forbund)
            }
        return self._importer.get(ar)

    def mappning(self, bokforing: Bokforingsimport) -> Mappning:
        if bokforing.pk not in self._mappningar:
            if self._regler is None:
                self._regler = list(Kontoregel.objects.for_forbund(self.forbund))
            self._mappningar[bokforing.pk] = Mappning(
                kontoplan=bokforing.kontoplan,
                regler=self._regler,
                namn=dict(
                    Konto.objects.filter(bokforing=bokforing).values_list(
                        "nummer", "namn"
                    )
                ),
            )
        return self._mappningar[bokforing.pk]

    def saldorader(self, bokforing: Bokforingsimport, arsnr: int) -> list[SaldoRad]:
        key = (bokforing.pk, arsnr)
        if key not in self._saldon:
            self._saldon[key] = list(
                Kontosaldo.objects.filter(bokforing=bokforing, arsnr=arsnr).values_list(
                    "konto", "ib", "ub", "res"
                )
            )
        return self._saldon[key]

    def objektkoder(self, ar: int) -> dict[tuple[str, str], str]:
        """(dimension, objekt) -> the budget kod its utfall goes to in ``ar``: the
        rule's budget line, else the line of the year's budget linked to its insats."""
        if self._objektregler is None:
            self._objektregler = list(Objektregel.objects.for_forbund(self.forbund))
        if ar not in self._objektkoder:
            insatser = {
                r.insats_id
                for r in self._objektregler
                if r.insats_id and not r.budgetkod
            }
            per_insats: dict[int, str] = {}
            if insatser:
                for insats_id, kod in (
                    Budgetpost.objects.for_forbund(self.forbund)
                    .filter(budget__ar=ar, insats_id__in=insatser)
                    .order_by("-ordning", "-id")
                    .values_list("insats_id", "kod")
                ):
                    if insats_id is not None:
                        per_insats[insats_id] = kod
            koder: dict[tuple[str, str], str] = {}
            for r in self._objektregler:
                kod = r.budgetkod or per_insats.get(r.insats_id or 0, "")
                if kod:
                    koder[(r.dimension, r.objekt)] = kod
            self._objektkoder[ar] = koder
        return self._objektkoder[ar]

    def objektbelopp(
        self, bokforing: Bokforingsimport, per_manad: bool = False
    ) -> list[tuple[str, str, int, Decimal]]:
        """(konto, objekt, month or 0, sum) of the year's transactions on objects."""
        key = (bokforing.pk, per_manad)
        if key not in self._objektbelopp:
            qs = Transaktion.objects.filter(bokforing=bokforing).exclude(objekt="")
            if per_manad:
                self._objektbelopp[key] = [
                    (konto, objekt, manad, summa)
                    for konto, objekt, manad, summa in qs.annotate(
                        manad=ExtractMonth("datum")
                    )
                    .values_list("konto", "objekt", "manad")
                    .annotate(summa=Sum("belopp"))
                ]
            else:
                self._objektbelopp[key] = [
                    (konto, objekt, 0, summa)
                    for konto, objekt, summa in qs.values_list(
                        "konto", "objekt"
                    ).annotate(summa=Sum("belopp"))
                ]
        return self._objektbelopp[key]

    def manuella(self, ar: int) -> dict[str, Manuellrad]:
        if ar not in self._manuella:
            self._manuella[ar] = {
                r.kod: r
                for r in Manuellrad.objects.for_forbund(self.forbund).filter(ar=ar)
            }
        return self._manuella[ar]


def _tecken(rad: str | None) -> int:
    """Income is credit (negative) in the books and positive in a budget."""
    return -1 if rad in INTAKTSRADER or rad == kp.RR_FIN_INTAKTER else 1


def utfall_med_sida(
    forbund: Forbund, ar: int, u: Underlag | None = None
) -> dict[str, tuple[Decimal, bool]]:
    """kod -> (utfall positive like the budget, whether the line is income)."""
    u = u or Underlag(forbund)
    if ar in u._utfall:
        return u._utfall[ar]
    bokforing = u.bokforing(ar)
    out: dict[str, tuple[Decimal, bool]] = {}
    if bokforing is not None:
        m = u.mappning(bokforing)

        def lagg_till(kod: str, konto: str, belopp: Decimal) -> None:
            tecken = _tecken(m.rad(konto))
            summa, _ = out.get(kod, (NOLL, False))
            out[kod] = (summa + tecken * belopp, tecken < 0)

        for konto, _, _, res in u.saldorader(bokforing, 0):
            kod = m.budgetkod(konto)
            if kod:
                lagg_till(kod, konto, res)
        for konto, kod, fran, belopp, _ in _objektflyttar(u, bokforing, ar):
            if fran:
                lagg_till(fran, konto, -belopp)
            lagg_till(kod, konto, belopp)
    u._utfall[ar] = out
    return out


def _objektkod(objekt: str, koder: dict[tuple[str, str], str]) -> str | None:
    """The kod of the first mapped object of a transaction ("6:P1 1:10", as stored)."""
    stored = f" {objekt} "
    for (dim, obj), kod in sorted(koder.items()):
        if f" {dim}:{obj} " in stored:
            return kod
    return None


def _objektflyttar(
    u: Underlag, bokforing: Bokforingsimport, ar: int, per_manad: bool = False
) -> list[tuple[str, str, str | None, Decimal, int]]:
    """Result transactions booked on a mapped object: (konto, the object's kod, the
    kod the account gives or None, amount in SIE sign, month or 0). Their utfall moves
    from the account's line to the object's."""
    koder = u.objektkoder(ar)
    if not koder:
        return []
    m = u.mappning(bokforing)
    out = []
    for konto, objekt, manad, belopp in u.objektbelopp(bokforing, per_manad):
        kod = _objektkod(objekt, koder)
        if kod is None or konto[:1] in "12":
            continue
        fran = m.budgetkod(konto)
        if fran != kod:
            out.append((konto, kod, fran, belopp, manad))
    return out


def utfall_per_budgetkod(
    forbund: Forbund, ar: int, u: Underlag | None = None
) -> dict[str, Decimal]:
    u = u or Underlag(forbund)
    if not har_bokforing(forbund, ar, u):
        return {
            kod.removeprefix(BUDGET_PREFIX): r.belopp
            for kod, r in u.manuella(ar).items()
            if kod.startswith(BUDGET_PREFIX)
        }
    return {kod: belopp for kod, (belopp, _) in utfall_med_sida(forbund, ar, u).items()}


def utfall_per_manad(
    forbund: Forbund, ar: int, u: Underlag | None = None
) -> dict[str, list[Decimal]]:
    u = u or Underlag(forbund)
    bokforing = u.bokforing(ar)
    if bokforing is None:
        return {}
    m = u.mappning(bokforing)
    out: dict[str, list[Decimal]] = {}
    rows = (
        Transaktion.objects.filter(bokforing=bokforing)
        .annotate(manad=ExtractMonth("datum"))
        .values("konto", "manad")
        .annotate(summa=Sum("belopp"))
    )

    def lagg_till(kod: str, konto: str, manad: int, belopp: Decimal) -> None:
        manader = out.setdefault(kod, [NOLL] * 12)
        manader[manad - 1] += _tecken(m.rad(konto)) * belopp

    for row in rows:
        kod = m.budgetkod(row["konto"])
        if kod:
            lagg_till(kod, row["konto"], row["manad"], row["summa"])
    for konto, kod, fran, belopp, manad in _objektflyttar(
        u, bokforing, ar, per_manad=True
    ):
        if fran:
            lagg_till(fran, konto, manad, -belopp)
        lagg_till(kod, konto, manad, belopp)
    return out


def objekt_med_mappning(
    forbund: Forbund, ar: int, u: Underlag | None = None
) -> list[tuple[Objekt, Objektregel | None]]:
    """The dimension objects of the year's import, each with the kansli's rule."""
    u = u or Underlag(forbund)
    bokforing = u.bokforing(ar)
    if bokforing is None:
        return []
    regler = {
        (r.dimension, r.objekt): r
        for r in Objektregel.objects.for_forbund(forbund).select_related("insats")
    }
    return [
        (o, regler.get((o.dimension, o.nummer)))
        for o in Objekt.objects.filter(bokforing=bokforing)
    ]


@dataclass
class Kontorad:
    konto: str
    namn: str
    rad: str | None
    budgetkod: str | None
    belopp: Decimal  # SIE sign: balance UB / result movement


def konton_med_mappning(
    forbund: Forbund, ar: int, u: Underlag | None = None
) -> list[Kontorad]:
    """Every account of the year's import with the line it maps to (for the editor)."""
    u = u or Underlag(forbund)
    bokforing = u.bokforing(ar)
    if bokforing is None:
        return []
    m = u.mappning(bokforing)
    saldo = {
        k: (ub if k[:1] in "12" else res)
        for k, _, ub, res in u.saldorader(bokforing, 0)
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


def saldon(forbund: Forbund, ar: int, u: Underlag | None = None) -> Saldon | None:
    """The year's account balances: from its own import, else from next year's file
    (SIE carries the year before as årsnr -1)."""
    u = u or Underlag(forbund)
    for bokforing, arsnr in (
        (u.bokforing(ar), 0),
        (u.bokforing(ar + 1), -1),
    ):
        if bokforing is None:
            continue
        rows = u.saldorader(bokforing, arsnr)
        if not rows:
            continue
        return Saldon(
            ar=ar,
            kalla=f"bokföringen {bokforing.ar}"
            + (" (föregående år i filen)" if arsnr else ""),
            ib={k: ib for k, ib, _, _ in rows},
            ub={k: ub for k, _, ub, _ in rows},
            res={k: res for k, _, _, res in rows},
            mappning=u.mappning(bokforing),
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
    forbund: Forbund, ar: int, u: Underlag | None = None
) -> Kostnadsfordelning:
    """By the budget group of each line: insatser → individinriktat, struktur →
    strukturinriktat, administration. The groups come from the year's budget (or the
    latest budget that has the kod), so the split follows how the kansli groups lines."""
    u = u or Underlag(forbund)
    if ar not in u._fordelning:
        u._fordelning[ar] = _kostnadsfordelning(forbund, ar, u)
    return u._fordelning[ar]


def _kostnadsfordelning(forbund: Forbund, ar: int, u: Underlag) -> Kostnadsfordelning:
    sidor = utfall_med_sida(forbund, ar, u) if har_bokforing(forbund, ar, u) else None
    if sidor:
        utfall = {kod: belopp for kod, (belopp, _) in sidor.items()}
    else:
        utfall = utfall_per_budgetkod(forbund, ar, u)
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
