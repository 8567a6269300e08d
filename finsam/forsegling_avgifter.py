"""A sent fee decision is a sealed document (finsam/forsegling.py): its figures, its
rows and the letter to the members."""

from __future__ import annotations

from typing import Any

from finsam import selectors
from finsam.forsegling import Slag, faltvarden, registrera
from finsam.models import Avgiftsbeslut


def innehall(beslut: Avgiftsbeslut) -> dict[str, Any]:
    # The status moves on to "ersatt" when a new decision replaces it: not content.
    return {
        "beslut": faltvarden(beslut, utom=("status",)),
        "rader": [faltvarden(r) for r in beslut.rader.order_by("ordning", "pk")],
    }


def pdf(beslut: Avgiftsbeslut) -> tuple[str, dict[str, Any]]:
    return "finsam/pdf/avgiftsbrev.html", {
        **selectors.avgiftsbeslut_detail(beslut=beslut),
        "forbund": beslut.forbund,
    }


def register() -> None:
    registrera(
        Slag(
            slag="avgiftsbeslut",
            model=Avgiftsbeslut,
            frysta=lambda qs: qs.filter(
                status__in=[Avgiftsbeslut.EXPEDIERAT, Avgiftsbeslut.ERSATT],
                expedierad__isnull=False,
            ),
            innehall=innehall,
            pdf=pdf,
            titel=lambda b: f"Medlemsavgifter {b.ar}: brev till medlemmarna",
        )
    )
