"""E-mail where a person must act: one module, one template per message.

The services call one function here in one line; the mail goes out after the
transaction commits (``transaction.on_commit``), so a rolled-back write never mails
anyone. Mail goes through Django's mail (the console backend when ``EMAIL_HOST`` is
unset). A user who has turned e-mail off (``User.epost_notiser``) gets none; a person
without a login (a board member who only reads the kallelse) always gets theirs.

This module stands on the ground floor: it takes the higher apps' objects as they come
(a meeting, a report) and reads only their fields, never importing their modules.
"""

from __future__ import annotations

import contextvars
import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from finsam import access
from finsam.models import Person, Uppdrag, User

JUSTERING_DAGAR = 14  # the förbundsordning's practice (styrelse.frister)

_tyst: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "finsam_notify_tyst", default=False
)


@contextmanager
def tyst() -> Iterator[None]:
    """No mail from the writes inside (the demo builds years of history)."""
    token = _tyst.set(True)
    try:
        yield
    finally:
        _tyst.reset(token)


@dataclass(frozen=True)
class Mottagare:
    fornamn: str
    epost: str


def _url(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _fran_personer(personer: Iterable[Person]) -> list[Mottagare]:
    """Each person once, with an address, unless their login has turned mail off."""
    sett: set[str] = set()
    ut = []
    for p in personer:
        user = getattr(p, "user", None) if p.pk else None
        if not p.epost or p.epost in sett:
            continue
        if user is not None and not user.epost_notiser:
            continue
        sett.add(p.epost)
        ut.append(Mottagare(fornamn=p.fornamn, epost=p.epost))
    return ut


def _fran_users(users: Iterable[User]) -> list[Mottagare]:
    sett: set[str] = set()
    ut = []
    for u in users:
        epost = (u.person.epost if u.person else "") or u.email
        if not u.epost_notiser or not u.is_active or not epost or epost in sett:
            continue
        sett.add(epost)
        ut.append(
            Mottagare(
                fornamn=(u.person.fornamn if u.person else u.first_name) or u.username,
                epost=epost,
            )
        )
    return ut


def _skicka(mall: str, amne: str, mottagare: list[Mottagare], **kontext) -> int:
    """Render one message per recipient now; send them when the transaction commits."""
    if _tyst.get() or not mottagare:
        return 0
    meddelanden = [
        EmailMessage(
            subject=amne,
            body=render_to_string(f"mail/{mall}.txt", {**kontext, "mottagare": m}),
            to=[m.epost],
        )
        for m in mottagare
    ]
    transaction.on_commit(lambda: get_connection().send_messages(meddelanden))
    return len(meddelanden)


def kansliet(forbund) -> list[Mottagare]:
    users = User.objects.filter(
        forbund=forbund, roll__in=access.EDIT, is_active=True
    ).select_related("person")
    return _fran_users(users)


def styrelsen(forbund, datum) -> list[Person]:
    """The ledamöter and ersättare on ``datum``."""
    uppdrag = (
        Uppdrag.objects.for_forbund(forbund)
        .pa_datum(datum)
        .filter(typ__in=Uppdrag.STYRELSE)
        .select_related("person__user")
        .order_by("typ", "ordning", "id")
    )
    return [u.person for u in uppdrag]


# --- The board ---------------------------------------------------------------------


def kallelse(*, sammantrade, personer: Iterable[Person], lank: str) -> int:
    """The kallelse to each ledamot and ersättare, greeting them by name with the link
    to the agenda and its underlag. Returns the number of messages."""
    paragrafer = list(sammantrade.paragrafer.order_by("nummer"))
    return _skicka(
        "kallelse",
        f"Kallelse: {sammantrade.organ} {sammantrade.datum:%Y-%m-%d}",
        _fran_personer(personer),
        sammantrade=sammantrade,
        forbund=sammantrade.organ.forbund,
        paragrafer=paragrafer,
        lank=lank,
    )


def utkast_publicerat(*, sammantrade) -> int:
    """The draft protocol to the board for comments; the ordförande and justerare are
    told that it waits for their justering."""
    forbund = sammantrade.organ.forbund
    lank = _url("styrelse:sammantrade_detail", sammantrade.pk)
    justerande = {sammantrade.ordforande_id, sammantrade.justerare_id} - {None}
    ovriga = [
        p for p in styrelsen(forbund, sammantrade.datum) if p.pk not in justerande
    ]
    antal = _skicka(
        "utkast_publicerat",
        f"Utkast till protokoll: {sammantrade.organ} {sammantrade.datum:%Y-%m-%d}",
        _fran_personer(ovriga),
        sammantrade=sammantrade,
        forbund=forbund,
        lank=lank,
    )
    return antal + vantar_pa_justering(sammantrade=sammantrade)


def vantar_pa_justering(*, sammantrade) -> int:
    """The ordförande and the justerare: the protocol waits for them, with the last day."""
    personer = Person.objects.filter(
        pk__in=[sammantrade.ordforande_id, sammantrade.justerare_id]
    ).select_related("user")
    return _skicka(
        "vantar_pa_justering",
        f"Protokollet väntar på din justering: {sammantrade.organ} "
        f"{sammantrade.datum:%Y-%m-%d}",
        _fran_personer(personer),
        sammantrade=sammantrade,
        lank=_url("styrelse:sammantrade_detail", sammantrade.pk),
        sista_dag=sammantrade.datum + dt.timedelta(days=JUSTERING_DAGAR),
    )


def justerat(*, sammantrade) -> int:
    """Tell the kansli that the protocol is justerat, so it can put up the anslag."""
    return _skicka(
        "justerat",
        f"Protokollet är justerat: {sammantrade.organ} {sammantrade.datum:%Y-%m-%d}",
        kansliet(sammantrade.organ.forbund),
        sammantrade=sammantrade,
        lank=_url("styrelse:sammantrade_detail", sammantrade.pk),
    )


# --- Reports -----------------------------------------------------------------------


def rapport_inlamnad(*, rapport) -> int:
    """A submitted report to the kansli for review."""
    return _skicka(
        "rapport_inlamnad",
        f"Rapport att granska: {rapport.insats.namn} {rapport.ar}, "
        f"{rapport.get_period_display().lower()}",
        kansliet(rapport.insats.forbund),
        rapport=rapport,
        lank=_url("insatser:rapport_detail", rapport.pk),
    )


def rapport_granskad(*, rapport) -> int:
    """An approved or returned report to the rapportör who handed it in."""
    user = rapport.inlamnad_av
    if user is None or access.user_role(user) != access.INSATSRAPPORTOR:
        return 0
    godkand = rapport.status == rapport.GODKAND
    return _skicka(
        "rapport_granskad",
        f"Rapporten är {'godkänd' if godkand else 'återsänd'}: {rapport.insats.namn} "
        f"{rapport.ar}, {rapport.get_period_display().lower()}",
        _fran_users([user]),
        rapport=rapport,
        godkand=godkand,
        lank=_url("insatser:rapport_detail", rapport.pk),
    )
