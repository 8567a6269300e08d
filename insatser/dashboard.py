"""The insatser panel on the start page: reports to review and late reports (kansli);
the insatsrapportör's own reports returned, late and due next."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from finsam import access, dates
from finsam.dashboard import Panel, Rad, antal_text
from finsam.documents import Dokument
from finsam.http import ForbundRequest
from insatser import selectors
from insatser.models import Periodrapport


def _nasta_period(idag: dt.date) -> tuple[int, str]:
    """The first report period whose deadline has not passed."""
    for ar in (idag.year - 1, idag.year, idag.year + 1):
        for period in Periodrapport.PERIOD_ORDNING:
            if selectors.rapport_deadline(ar, period) >= idag:
                return ar, period
    raise AssertionError("unreachable")  # pragma: no cover


def rapportor_panel(request: ForbundRequest) -> Panel:
    """The insatsrapportör's own reports: returned, late and the next one due."""
    forbund = request.forbund
    idag = dates.today()
    insatser = list(selectors.insats_list(forbund=forbund, user=request.user))
    egna = {i.pk for i in insatser}
    namn = dict(Periodrapport.PERIOD_CHOICES)
    rader: list[Rad] = []
    aterstanda = list(
        Periodrapport.objects.filter(
            insats_id__in=egna, status=Periodrapport.ATERSAND
        ).select_related("insats")
    )
    for r in aterstanda:
        rader.append(
            Rad(
                text=f"Återsänd: {r.insats.namn}, {namn[r.period].lower()} {r.ar}",
                url=reverse("insatser:rapport_edit", args=[r.pk]),
                frist=selectors.rapport_deadline(r.ar, r.period),
                varning=True,
            )
        )
    aterstand = {(r.insats_id, r.ar, r.period) for r in aterstanda}
    for sen in selectors.sena_rapporter(forbund=forbund, idag=idag):
        if (
            sen.insats.pk in egna
            and (sen.insats.pk, sen.ar, sen.period) not in aterstand
        ):
            rader.append(
                Rad(
                    text=f"Sen: {sen.insats.namn}, {sen.period_namn.lower()} {sen.ar}",
                    url=reverse("insatser:insats_detail", args=[sen.insats.pk]),
                    frist=sen.deadline,
                    varning=True,
                )
            )
    ar, period = _nasta_period(idag)
    inlamnade = set(
        Periodrapport.objects.filter(
            insats_id__in=egna,
            ar=ar,
            period=period,
            status__in=[Periodrapport.INLAMNAD, Periodrapport.GODKAND],
        ).values_list("insats_id", flat=True)
    )
    for i in insatser:
        if i.status == i.PAGAENDE and i.pk not in inlamnade:
            rader.append(
                Rad(
                    text=f"Att lämna: {i.namn}, {namn[period].lower()} {ar}",
                    url=reverse("insatser:insats_detail", args=[i.pk]),
                    frist=selectors.rapport_deadline(ar, period),
                )
            )
    return Panel(
        titel="Mina rapporter",
        rader=rader,
        lank=reverse("insatser:index"),
        lank_text="Mina insatser",
        ordning=10,
        tom="Inga rapporter att lämna just nu."
        if insatser
        else "Inga insatser är tilldelade dig.",
    )


def panel(request: ForbundRequest) -> Panel | None:
    roll = access.user_role(request.user)
    forbund = request.forbund
    if forbund is None:
        return None
    if roll == access.INSATSRAPPORTOR:
        return rapportor_panel(request)
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
            Rad(
                text=antal_text(
                    att_granska, "rapport att granska", "rapporter att granska"
                ),
                url=reverse("insatser:granska"),
                antal=att_granska,
            ),
            Rad(
                text=antal_text(len(sena), "sen rapport", "sena rapporter"),
                url=reverse("insatser:sena_rapporter"),
                antal=len(sena),
                varning=bool(sena),
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
