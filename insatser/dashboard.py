"""The insatser panel on the start page: reports to review and late reports (kansli),
the insatser to report for (insatsrapportör)."""

from __future__ import annotations

from django.urls import reverse

from finsam import access, dates
from finsam.dashboard import Panel
from finsam.documents import Dokument
from finsam.http import ForbundRequest
from insatser import selectors
from insatser.models import Periodrapport


def panel(request: ForbundRequest) -> Panel | None:
    roll = access.user_role(request.user)
    forbund = request.forbund
    if forbund is None:
        return None
    if roll == access.INSATSRAPPORTOR:
        insatser = selectors.insats_list(forbund=forbund, user=request.user)
        return Panel(
            titel="Mina insatser",
            rader=[
                (i.namn, reverse("insatser:insats_detail", args=[i.pk]))
                for i in insatser
            ]
            or [("Inga insatser är tilldelade dig.", "")],
            ordning=10,
        )
    if roll not in access.EDIT:
        return None
    att_granska = (
        Periodrapport.objects.for_forbund(forbund)
        .filter(status=Periodrapport.INLAMNAD)
        .count()
    )
    sena = selectors.sena_rapporter(forbund=forbund, idag=dates.today())
    return Panel(
        titel="Insatsernas rapporter",
        rader=[
            (
                f"{att_granska} {'rapport' if att_granska == 1 else 'rapporter'} att granska",
                reverse("insatser:granska"),
            ),
            (
                f"{len(sena)} {'sen rapport' if len(sena) == 1 else 'sena rapporter'}",
                reverse("insatser:sena_rapporter"),
            ),
        ],
        lank=reverse("insatser:statistik_index"),
        lank_text="Deltagarstatistik",
        ordning=30,
    )


def dokument(forbund, ar: int):
    """The statistics PDF of year ``ar`` once it has approved helår reports."""
    finns = (
        Periodrapport.objects.for_forbund(forbund)
        .filter(ar=ar, period=Periodrapport.HELAR, status=Periodrapport.GODKAND)
        .exists()
    )
    if not finns:
        return []
    return [
        Dokument(
            titel=f"Deltagarstatistik {ar}",
            kategori="Insatser",
            url=reverse("insatser:statistik_pdf", args=[ar]),
        )
    ]
