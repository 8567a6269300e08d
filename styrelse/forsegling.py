"""A justerat protocol is a sealed document (finsam/forsegling.py): its frozen content
(``Sammantrade.innehall``, what the protocol prints) and its PDF."""

from __future__ import annotations

from typing import Any

from finsam.forsegling import Slag, registrera
from styrelse import pdf
from styrelse.models import Sammantrade


def _pdf(sammantrade: Sammantrade) -> Any:
    return pdf.protokoll(sammantrade.organ.forbund, str(sammantrade.pk))


def register() -> None:
    registrera(
        Slag(
            slag="protokoll",
            model=Sammantrade,
            frysta=lambda qs: qs.filter(
                status__in=[Sammantrade.JUSTERAT, Sammantrade.ANSLAGET]
            ),
            innehall=lambda s: {"innehall": s.innehall, "hash": s.innehall_hash},
            pdf=_pdf,
            titel=lambda s: f"Protokoll {s.organ} {s.datum:%Y-%m-%d}",
            relaterade=("organ",),
        )
    )
