"""The styrelse panels on the start page and the protocols on the Dokument page.

- Att justera: the ordförande's and the justerare's protocols, with the last day.
- Styrelsen: the drafts to read and the next meeting with its kallelse (board, revisor).
- Kansli: protocols to publish, anslag to put up, protocols waiting for justering, the
  next meeting's kallelse; each count links to the meetings list filtered by status.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from finsam import dates
from finsam.access import EDIT, READ, STYRELSE, user_role
from finsam.dashboard import Panel, Rad, antal_text
from finsam.documents import Dokument
from finsam.http import ForbundRequest
from styrelse import frister, pdf
from styrelse.models import Justering, Sammantrade


def _detail(s: Sammantrade) -> str:
    return reverse("styrelse:sammantrade_detail", args=[s.pk])


def _status_lista(status: str) -> str:
    return reverse("styrelse:index") + f"?status={status}"


def att_justera(request: ForbundRequest) -> Panel | None:
    """Protocols waiting for this person's justering (ordförande or justerare)."""
    person_id = getattr(request.user, "person_id", None)
    if request.forbund is None or person_id is None:
        return None
    egen = Justering.objects.filter(
        sammantrade=OuterRef("pk"),
        user_id=request.user.pk,
        paragraf__isnull=True,
        ogiltig=False,
    )
    vantar = list(
        Sammantrade.objects.for_forbund(request.forbund)
        .filter(status=Sammantrade.UTKAST)
        .filter(Q(ordforande_id=person_id) | Q(justerare_id=person_id))
        .exclude(Exists(egen))
        .select_related("organ")
        .order_by("datum", "id")
    )
    if not vantar:
        return None
    idag = dates.today()
    return Panel(
        titel="Väntar på din justering",
        rader=[
            Rad(
                text=f"Protokoll {s.organ} {s.datum:%Y-%m-%d}",
                url=_detail(s),
                frist=frister.sista_justeringsdag(s.datum),
                varning=frister.justering_forsenad(s, idag),
            )
            for s in vantar
        ],
        ordning=5,
    )


def _nasta(forbund) -> Sammantrade | None:
    return (
        Sammantrade.objects.for_forbund(forbund)
        .filter(
            datum__gte=dates.today(),
            status__in=[Sammantrade.PLANERAT, Sammantrade.KALLAT],
        )
        .select_related("organ")
        .order_by("datum", "id")
        .first()
    )


def _nasta_rad(s: Sammantrade | None) -> Rad:
    if s is None:
        return Rad(text="Inget sammanträde är planerat.")
    tid = f" kl. {s.tid_start:%H:%M}" if s.tid_start else ""
    if s.kallelse_skickad:
        return Rad(
            text=f"Nästa sammanträde {s.datum:%Y-%m-%d}{tid}: kallelse och underlag",
            url=reverse("styrelse:kallelse", args=[s.pk]),
        )
    return Rad(
        text=f"Nästa sammanträde {s.datum:%Y-%m-%d}{tid} (kallelsen är inte skickad)",
        url=_detail(s),
    )


def panel(request: ForbundRequest) -> Panel | None:
    roll = user_role(request.user)
    if request.forbund is None or roll not in READ:
        return None
    forbund = request.forbund
    qs = Sammantrade.objects.for_forbund(forbund)
    if roll in EDIT:
        per_status = {
            status: qs.filter(status=status).count()
            for status in (Sammantrade.GENOMFORT, Sammantrade.UTKAST)
        }
        justerade = list(
            qs.filter(status=Sammantrade.JUSTERAT).order_by("justerat_tid")
        )
        sista_anslagsdagar = [
            frister.senaste_anslagsdag(d)
            for s in justerade
            if (d := frister.justeringsdatum(s)) is not None
        ]
        rader = [
            Rad(
                text=antal_text(
                    per_status[Sammantrade.GENOMFORT],
                    "protokoll att skriva och publicera",
                    "protokoll att skriva och publicera",
                ),
                url=_status_lista(Sammantrade.GENOMFORT),
                antal=per_status[Sammantrade.GENOMFORT],
            ),
            Rad(
                text=antal_text(
                    per_status[Sammantrade.UTKAST],
                    "protokoll väntar på justering",
                    "protokoll väntar på justering",
                ),
                url=_status_lista(Sammantrade.UTKAST),
                antal=per_status[Sammantrade.UTKAST],
            ),
            Rad(
                text=antal_text(
                    len(justerade), "anslag att sätta upp", "anslag att sätta upp"
                ),
                url=_status_lista(Sammantrade.JUSTERAT),
                antal=len(justerade),
                frist=min(sista_anslagsdagar, default=None),
                varning=any(d < dates.today() for d in sista_anslagsdagar),
            ),
            _nasta_rad(_nasta(forbund)),
        ]
        return Panel(
            titel="Styrelsens sammanträden",
            rader=rader,
            lank=reverse("styrelse:index"),
            lank_text="Alla sammanträden",
            ordning=20,
        )
    utkast = list(
        qs.filter(status=Sammantrade.UTKAST)
        .select_related("organ")
        .order_by("datum", "id")
    )
    rader = [
        Rad(
            text=f"Utkast att läsa: protokoll {s.organ} {s.datum:%Y-%m-%d}",
            url=_detail(s),
        )
        for s in utkast
    ]
    rader.append(_nasta_rad(_nasta(forbund)))
    return Panel(
        titel="Styrelsens sammanträden",
        rader=rader,
        lank=reverse("styrelse:index"),
        lank_text="Alla sammanträden",
        ordning=20 if roll == STYRELSE else 40,
    )


def dokument(forbund, ar: int) -> list[Dokument]:
    justerade = (
        Sammantrade.objects.for_forbund(forbund)
        .filter(datum__year=ar, status__in=Sammantrade.JUSTERADE)
        .select_related("organ")
        .order_by("-datum", "-id")
    )
    return [
        Dokument(
            titel=pdf.titel(s),
            kategori="Styrelsens protokoll",
            url=reverse("styrelse:protokoll_pdf", args=[s.pk]),
            datum=s.datum,
        )
        for s in justerade
    ]
