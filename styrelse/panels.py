"""The styrelse panel on the start page and the protocols on the Dokument page."""

from __future__ import annotations

from django.urls import reverse

from finsam.access import READ, user_role
from finsam.dashboard import Panel
from finsam.documents import Dokument
from finsam.http import ForbundRequest
from styrelse.models import Sammantrade

OPPNA = [
    Sammantrade.PLANERAT,
    Sammantrade.KALLAT,
    Sammantrade.GENOMFORT,
    Sammantrade.UTKAST,
]


def panel(request: ForbundRequest) -> Panel | None:
    if request.forbund is None or user_role(request.user) not in READ:
        return None
    oppna = list(
        Sammantrade.objects.for_forbund(request.forbund)
        .filter(status__in=OPPNA)
        .select_related("organ")
        .order_by("datum", "id")[:5]
    )
    person_id = getattr(request.user, "person_id", None)
    rader = []
    for s in oppna:
        text = f"{s.organ} {s.datum:%Y-%m-%d}: {s.get_status_display().lower()}"
        if (
            person_id
            and s.status == Sammantrade.UTKAST
            and person_id in (s.ordforande_id, s.justerare_id)
        ):
            text += " – väntar på din justering"
        rader.append((text, reverse("styrelse:sammantrade_detail", args=[s.pk])))
    if not rader:
        rader.append(("Inga öppna sammanträden.", ""))
    return Panel(
        titel="Styrelsens sammanträden",
        rader=rader,
        lank=reverse("styrelse:index"),
        lank_text="Alla sammanträden",
        ordning=30,
    )


def dokument(forbund, ar: int) -> list[Dokument]:
    justerade = (
        Sammantrade.objects.for_forbund(forbund)
        .filter(datum__year=ar, status__in=[Sammantrade.JUSTERAT, Sammantrade.ANSLAGET])
        .select_related("organ")
        .order_by("-datum", "-id")
    )
    return [
        Dokument(
            titel=f"Protokoll {s.organ} {s.datum:%Y-%m-%d}",
            kategori="Styrelsens protokoll",
            url=reverse("styrelse:protokoll_pdf", args=[s.pk]),
            datum=s.datum,
        )
        for s in justerade
    ]
