"""The protocol as a background-rendered document (finsam/dokumentfiler.py)."""

from __future__ import annotations

from finsam.models import Forbund
from styrelse import selectors
from styrelse.models import Sammantrade


def protokoll(forbund: Forbund, key: str):
    sammantrade = Sammantrade.objects.for_forbund(forbund).get(pk=int(key))
    return "styrelse/pdf/protokoll.html", selectors.protokoll_context(
        sammantrade=sammantrade
    )


def protokoll_titel(forbund: Forbund, key: str) -> str:
    sammantrade = (
        Sammantrade.objects.for_forbund(forbund)
        .select_related("organ")
        .get(pk=int(key))
    )
    return f"Protokoll {sammantrade.organ} {sammantrade.datum:%Y-%m-%d}"
