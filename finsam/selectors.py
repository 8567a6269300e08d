"""Reads for the förbund's pages and documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet

from finsam.models import Forbund, Medlem, Person, Uppdrag


def medlemmar_list(*, forbund: Forbund) -> QuerySet[Medlem]:
    return Medlem.objects.for_forbund(forbund).order_by("sortering", "namn")


def personer_list(*, forbund: Forbund) -> QuerySet[Person]:
    return Person.objects.for_forbund(forbund).order_by("efternamn", "fornamn")


def uppdrag_list(
    *, forbund: Forbund, datum: dt.date | None = None, typ: str | None = None
) -> QuerySet[Uppdrag]:
    qs = Uppdrag.objects.for_forbund(forbund).select_related("person", "medlem")
    if datum is not None:
        qs = qs.pa_datum(datum)
    if typ:
        qs = qs.filter(typ=typ)
    return qs.order_by("typ", "medlem__sortering", "ordning", "person__efternamn")


@dataclass
class StyrelseRad:
    """One row of the board table as the annual reports print it."""

    medlem: Medlem
    ledamoter: list[str] = field(default_factory=list)
    ersattare: list[str] = field(default_factory=list)


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
    for u in sorted(
        (u for u in assignments if u.typ in Uppdrag.STYRELSE),
        key=lambda u: (u.medlem.sortering, u.medlem.namn, u.ordning, u.fran),
    ):
        row = rows.setdefault(u.medlem_id, StyrelseRad(medlem=u.medlem))
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
