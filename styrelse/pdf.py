"""The protocol as a background-rendered document (finsam/dokumentfiler.py) and as a
sealed one (styrelse/forsegling.py): both lay it out and name it with these."""

from __future__ import annotations

from typing import Any

from finsam.models import Forbund
from styrelse import selectors
from styrelse.models import Sammantrade


def protokoll_kalla(sammantrade: Sammantrade) -> tuple[str, dict[str, Any]]:
    """The template and context the protocol PDF is laid out from."""
    return "styrelse/pdf/protokoll.html", selectors.protokoll_context(
        sammantrade=sammantrade
    )


def titel(sammantrade: Sammantrade) -> str:
    return f"Protokoll {sammantrade.organ} {sammantrade.datum:%Y-%m-%d}"


def protokoll(forbund: Forbund, key: str) -> tuple[str, dict[str, Any]]:
    sammantrade = Sammantrade.objects.for_forbund(forbund).get(pk=int(key))
    return protokoll_kalla(sammantrade)


def protokoll_titel(forbund: Forbund, key: str) -> str:
    sammantrade = (
        Sammantrade.objects.for_forbund(forbund)
        .select_related("organ")
        .get(pk=int(key))
    )
    return titel(sammantrade)
