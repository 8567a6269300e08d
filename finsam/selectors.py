"""Reads for the förbund's pages and documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum

from finsam.models import (
    Avgiftsbeslut,
    Avgiftsbud,
    ExternIntakt,
    Forbund,
    Kommununderlag,
    Medlem,
    Person,
    Uppdrag,
    User,
)


def users_list(*, forbund: Forbund) -> QuerySet[User]:
    return (
        User.objects.for_forbund(forbund).select_related("person").order_by("username")
    )


def medlemmar_list(*, forbund: Forbund) -> QuerySet[Medlem]:
    return Medlem.objects.for_forbund(forbund).order_by("sortering", "namn")


def personer_list(*, forbund: Forbund) -> QuerySet[Person]:
    return Person.objects.for_forbund(forbund).order_by("efternamn", "fornamn")


AKTUELLA = "aktuella"
TIDIGARE = "tidigare"
ALLA = "alla"


def uppdrag_list(
    *,
    forbund: Forbund,
    datum: dt.date | None = None,
    typ: str | None = None,
    giltighet: str = "",
    idag: dt.date | None = None,
) -> QuerySet[Uppdrag]:
    """The förbund's assignments; ``giltighet`` "aktuella" (running on ``idag``) or
    "tidigare" (ended before it)."""
    qs = Uppdrag.objects.for_forbund(forbund).select_related("person", "medlem")
    if datum is not None:
        qs = qs.pa_datum(datum)
    if giltighet == AKTUELLA and idag is not None:
        qs = qs.filter(Q(till__isnull=True) | Q(till__gte=idag))
    elif giltighet == TIDIGARE and idag is not None:
        qs = qs.filter(till__lt=idag)
    if typ:
        qs = qs.filter(typ=typ)
    return qs.order_by("typ", "medlem__sortering", "ordning", "person__efternamn")


@dataclass
class StyrelseRad:
    """One row of the board table as the annual reports print it."""

    medlem: Medlem
    namn: str = ""  # the member's name on the table's date
    ledamoter: list[str] = field(default_factory=list)
    ersattare: list[str] = field(default_factory=list)


def styrelseuppdrag(uppdrag: Iterable[Uppdrag]) -> list[tuple[Uppdrag, Medlem]]:
    """The ledamöter and ersättare among ``uppdrag``, each with the medlem that
    appointed them (a board assignment always has one; ``Uppdrag.clean`` requires it)."""
    return [
        (u, u.medlem)
        for u in uppdrag
        if u.typ in Uppdrag.STYRELSE and u.medlem is not None
    ]


def _presidium_title(typ: str, ordning: int, antal_vice: int) -> str:
    if typ == Uppdrag.ORDFORANDE:
        return "ordförande"
    if antal_vice > 1:
        return f"{ordning}:e vice ordförande"
    return "vice ordförande"


def styrelse_sammansattning(*, forbund: Forbund, datum: dt.date) -> list[StyrelseRad]:
    """Ordinarie ledamöter | ersättare | utsedd av, for the board on ``datum``.

    One row per medlem in the members' order, the presidium's titles after the names
    ("Anna Berg (S), ordförande"), as in seed 004, 1.5.1. Two queries.
    """
    assignments = list(
        uppdrag_list(forbund=forbund, datum=datum).filter(
            typ__in=(*Uppdrag.STYRELSE, *Uppdrag.PRESIDIUM)
        )
    )
    vice = [u for u in assignments if u.typ == Uppdrag.VICE_ORDFORANDE]
    titles = {
        u.person_id: _presidium_title(u.typ, u.ordning, len(vice))
        for u in assignments
        if u.typ in Uppdrag.PRESIDIUM
    }
    rows: dict[int, StyrelseRad] = {}
    for u, medlem in sorted(
        styrelseuppdrag(assignments),
        key=lambda um: (um[1].sortering, um[1].namn, um[0].ordning, um[0].fran),
    ):
        row = rows.setdefault(
            medlem.pk, StyrelseRad(medlem=medlem, namn=medlem.namn_pa(datum))
        )
        name = u.person.namn_med_parti
        if u.typ == Uppdrag.LEDAMOT:
            title = titles.get(u.person_id)
            row.ledamoter.append(f"{name}, {title}" if title else name)
        else:
            row.ersattare.append(name)
    return list(rows.values())


def ledamoter_pa_datum(*, forbund: Forbund, datum: dt.date) -> QuerySet[Uppdrag]:
    return uppdrag_list(forbund=forbund, datum=datum, typ=Uppdrag.LEDAMOT)


def dashboard_counts(*, forbund: Forbund, datum: dt.date) -> dict[str, int]:
    return {
        "medlemmar": Medlem.objects.for_forbund(forbund).count(),
        "ledamoter": ledamoter_pa_datum(forbund=forbund, datum=datum).count(),
        "personer": Person.objects.for_forbund(forbund).count(),
    }


# --- Medlemsavgifter ----------------------------------------------------------------


def avgiftsbeslut_list(*, forbund: Forbund) -> QuerySet[Avgiftsbeslut]:
    return (
        Avgiftsbeslut.objects.for_forbund(forbund)
        .select_related("beslutsparagraf__sammantrade")
        .annotate(radsumma=Sum("rader__belopp"))
        .order_by("-ar", "-skapad")
    )


def avgiftsbeslut_detail(*, beslut: Avgiftsbeslut) -> dict[str, Any]:
    rader = list(beslut.rader.select_related("medlem").order_by("ordning"))
    summa = sum((r.belopp for r in rader), Decimal(0))
    return {
        "beslut": beslut,
        "rader": rader,
        "summa": summa,
        "differens": summa - beslut.total,
    }


@dataclass
class Historikrad:
    namn: str
    belopp: list[Decimal | None]
    summa_rad: bool = False


@dataclass
class Historik:
    ar: list[int]
    medlemsrader: list[Historikrad]
    summa: Historikrad
    beslutat: list[Decimal | None]  # the decision's total, to show printing errors
    differens: list[Decimal | None]
    forandring: list[Decimal | None]
    externa: list[Historikrad]


def avgift_historik(*, forbund: Forbund) -> Historik:
    """Fees per medlem over the years (seed 000, section 7), with ESF and other income.

    Uses the current decision of each year (drafts included, marked on the page). The
    sum of the lines is set against the decided total: old documents often differ by a
    few kronor, and every difference is shown. Three queries.
    """
    beslut = list(
        Avgiftsbeslut.objects.for_forbund(forbund)
        .exclude(status=Avgiftsbeslut.ERSATT)
        .prefetch_related("rader__medlem")
        .order_by("ar")
    )
    externa = list(ExternIntakt.objects.for_forbund(forbund).order_by("ar"))
    years = sorted({b.ar for b in beslut} | {e.ar for e in externa})
    index = {ar: i for i, ar in enumerate(years)}
    per_medlem: dict[tuple[int, int, str], list[Decimal | None]] = {}
    beslutat: list[Decimal | None] = [None] * len(years)
    summa: list[Decimal | None] = [None] * len(years)
    for b in beslut:
        i = index[b.ar]
        beslutat[i] = b.total
        for r in b.rader.all():
            key = (
                r.medlem.sortering,
                r.medlem_id,
                r.benamning if r.medlem.ar_staten else r.medlem.namn,
            )
            row = per_medlem.setdefault(key, [None] * len(years))
            row[i] = (row[i] or Decimal(0)) + r.belopp
            summa[i] = (summa[i] or Decimal(0)) + r.belopp
    differens = [
        (s - t) if s is not None and t is not None and s != t else None
        for s, t in zip(summa, beslutat, strict=True)
    ]
    forandring: list[Decimal | None] = [None]
    for prev, cur in zip(summa, summa[1:], strict=False):
        forandring.append(cur - prev if prev is not None and cur is not None else None)
    ext: dict[str, list[Decimal | None]] = {}
    names = dict(ExternIntakt.KATEGORI_CHOICES)
    for e in externa:
        row = ext.setdefault(e.kategori, [None] * len(years))
        row[index[e.ar]] = (row[index[e.ar]] or Decimal(0)) + e.belopp
    return Historik(
        ar=years,
        medlemsrader=[
            Historikrad(namn=k[2], belopp=v) for k, v in sorted(per_medlem.items())
        ],
        summa=Historikrad(namn="Summa", belopp=summa, summa_rad=True),
        beslutat=beslutat,
        differens=differens,
        forandring=forandring[: len(years)],
        externa=[
            Historikrad(namn=names[k], belopp=ext[k])
            for k, _ in ExternIntakt.KATEGORI_CHOICES
            if k in ext
        ],
    )


def kommuner_for_ar(
    *, forbund: Forbund, ar: int
) -> list[tuple[Medlem, Kommununderlag | None]]:
    start, end = dt.date(ar, 1, 1), dt.date(ar, 12, 31)
    kommuner = [
        m
        for m in medlemmar_list(forbund=forbund).filter(typ=Medlem.KOMMUN)
        if (m.medlem_fran is None or m.medlem_fran <= end)
        and (m.medlem_till is None or m.medlem_till >= start)
    ]
    underlag = {
        u.medlem_id: u
        for u in Kommununderlag.objects.for_forbund(forbund).filter(ar=ar)
    }
    return [(k, underlag.get(k.pk)) for k in kommuner]


def bud_for_ar(*, forbund: Forbund, ar: int) -> dict[str, Decimal]:
    return {
        b.part: b.belopp for b in Avgiftsbud.objects.for_forbund(forbund).filter(ar=ar)
    }
