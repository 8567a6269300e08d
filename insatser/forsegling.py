"""An approved period report is a sealed document (finsam/forsegling.py)."""

from __future__ import annotations

from typing import Any

from finsam.forsegling import Slag, faltvarden, registrera
from insatser.models import Periodrapport
from insatser.services import FLODEN, KON

# The report's counts, in the model's order: each flow in total and per kön, the
# consultations per kön, the twelve-month follow-up.
TAL = (
    *(
        f"{flode}_{del_}"
        for flode, _ in FLODEN
        for del_ in ("totalt", *(kon for kon, _ in KON))
    ),
    *(f"konsultationer_{kon}" for kon, _ in KON),
    "uppfoljda_12m",
    "egen_forsorjning_12m",
)


def innehall(rapport: Periodrapport) -> dict[str, Any]:
    return {
        "rapport": faltvarden(rapport),
        "avslut": [
            faltvarden(a, utom=("id",))
            for a in rapport.avslut.order_by("avslutsorsak_id")
        ],
        "antal": [faltvarden(a, utom=("id",)) for a in rapport.antal.order_by("pk")],
    }


def pdf(rapport: Periodrapport) -> tuple[str, dict[str, Any]]:
    return "insatser/pdf/periodrapport.html", {
        "rapport": rapport,
        "forbund": rapport.insats.forbund,
        "tal": [
            (f.verbose_name, getattr(rapport, f.name))
            for f in Periodrapport._meta.concrete_fields
            if f.name in TAL
        ],
        "avslut": rapport.avslut.select_related("avslutsorsak"),
    }


def register() -> None:
    registrera(
        Slag(
            slag="periodrapport",
            model=Periodrapport,
            frysta=lambda qs: qs.filter(status=Periodrapport.GODKAND),
            innehall=innehall,
            pdf=pdf,
            titel=lambda r: (
                f"Periodrapport {r.insats.namn} {r.ar} {r.get_period_display()}"
            ),
            relaterade=("insats",),
        )
    )
