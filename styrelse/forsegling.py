"""A justerat protocol is a sealed document (finsam/forsegling.py): its frozen content
(``Sammantrade.innehall``, what the protocol prints) and its PDF."""

from __future__ import annotations

from finsam.forsegling import Slag, registrera
from styrelse import pdf
from styrelse.models import Sammantrade


def register() -> None:
    registrera(
        Slag(
            slag="protokoll",
            model=Sammantrade,
            frysta=lambda qs: qs.filter(status__in=Sammantrade.JUSTERADE),
            innehall=lambda s: {"innehall": s.innehall, "hash": s.innehall_hash},
            pdf=pdf.protokoll_kalla,
            titel=pdf.titel,
            relaterade=("organ",),
        )
    )
