"""The start page: what this person has to do. Higher apps register panel functions.

A panel function takes the request and returns ``None`` (nothing for this user) or a
``Panel``. The apps above ``finsam`` register theirs in ``AppConfig.ready``, so the
ground floor never imports them. Each row is something to do or to know, with a count
that links to the filtered list and, where there is one, the last day (``frist``);
a row past its last day is a ``varning``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.urls import reverse

from finsam.http import ForbundRequest


@dataclass
class Rad:
    text: str
    url: str = ""
    antal: int | None = None
    frist: dt.date | None = None
    varning: bool = False


@dataclass
class Panel:
    titel: str
    rader: Sequence[Rad | tuple[str, str]] = field(default_factory=list)
    lank: str = ""
    lank_text: str = ""
    ordning: int = 50
    tom: str = "Inget att göra just nu."

    def __post_init__(self) -> None:
        # (text, url) pairs are accepted as plain rows.
        self.rader = [r if isinstance(r, Rad) else Rad(*r) for r in self.rader]


PanelSource = Callable[[ForbundRequest], Panel | None]
_sources: list[PanelSource] = []


def register_panel(source: PanelSource) -> PanelSource:
    if source not in _sources:
        _sources.append(source)
    return source


def panels_for(request: ForbundRequest) -> list[Panel]:
    panels = [p for p in (source(request) for source in _sources) if p is not None]
    return sorted(panels, key=lambda p: p.ordning)


def antal_text(n: int, en: str, flera: str) -> str:
    """ "1 rapport", "3 rapporter" — the count and the noun agree."""
    return f"{n} {en if n == 1 else flera}"


# --- The ground floor's own panels -------------------------------------------------


def avgift_panel(request: ForbundRequest) -> Panel | None:
    """The fee decisions: the latest three, and for the kansli those decided but not
    yet sent to the members."""
    from finsam.access import EDIT, READ, has_role
    from finsam.models import Avgiftsbeslut
    from finsam.numbers import format_tal

    if request.forbund is None or not has_role(request.user, READ):
        return None
    beslut = list(
        Avgiftsbeslut.objects.for_forbund(request.forbund)
        .exclude(status=Avgiftsbeslut.ERSATT)
        .select_related("beslutsparagraf__sammantrade")
        .order_by("-ar")[:3]
    )
    rader = [
        Rad(
            text=f"{b.ar}: {format_tal(b.total)} kr ({b.get_status_display().lower()})",
            url=reverse("finsam:avgiftsbeslut_detail", args=[b.pk]),
        )
        for b in beslut
    ]
    if has_role(request.user, EDIT):
        att_skicka = [
            b for b in beslut if b.status == Avgiftsbeslut.UTKAST and b.paragraf_text
        ]
        rader.insert(
            0,
            Rad(
                text=antal_text(
                    len(att_skicka),
                    "beslut att expediera till medlemmarna",
                    "beslut att expediera till medlemmarna",
                ),
                url=reverse("finsam:avgiftsbeslut_detail", args=[att_skicka[0].pk])
                if len(att_skicka) == 1
                else reverse("finsam:avgift_list"),
                antal=len(att_skicka),
            ),
        )
    return Panel(
        titel="Medlemsavgifter",
        rader=rader,
        lank=reverse("finsam:avgift_list"),
        lank_text="Alla beslut om medlemsavgifter",
        ordning=40,
    )


def revisor_panel(request: ForbundRequest) -> Panel | None:
    """The revisor's documents to review: this year's and last year's."""
    from finsam.access import REVISOR, user_role
    from finsam.dates import today
    from finsam.documents import documents_for

    if request.forbund is None or user_role(request.user) != REVISOR:
        return None
    ar = today().year
    rader = []
    for a in (ar - 1, ar):
        n = len(documents_for(request.forbund, a))
        rader.append(
            Rad(
                text=f"Dokument {a} att granska: {n}",
                url=reverse("finsam:dokument") + f"?ar={a}",
                antal=n,
            )
        )
    return Panel(titel="Att granska", rader=rader, ordning=5)
