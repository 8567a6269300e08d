"""Logins and the persons they sign as.

A board member's login is their signature: whoever controls the link login↔person or the
password can sign in their name. So every change of the link and every password set is
recorded (``Kontohandelse``: what, by whom, when — also through Django's admin, whose
requests simple-history's middleware makes known here), a login that has signed is never
linked to another person, and a login whose password or link was last set by someone else
signs nothing until its owner has chosen a password of their own.

Higher apps say what counts as a signature by registering a source
(``registrera_signaturkalla``) in ``AppConfig.ready``; the ground floor never imports them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from simple_history.models import HistoricalRecords

from finsam import tvafaktor

# The models are looked up by name: ``User.save`` calls this module, so importing
# ``finsam.models`` here would close an import circle.
User = Any


def _kontohandelse() -> Any:
    return apps.get_model("finsam", "Kontohandelse")


Signaturkalla = Callable[[Any], bool]
_kallor: list[Signaturkalla] = []

HAR_SIGNERAT = (
    "Inloggningen har undertecknat handlingar och kan inte kopplas till en annan "
    "person. Skapa en ny inloggning för den andra personen."
)


def registrera_signaturkalla(kalla: Signaturkalla) -> Signaturkalla:
    if kalla not in _kallor:
        _kallor.append(kalla)
    return kalla


def har_signerat(user: User) -> bool:
    return any(kalla(user) for kalla in _kallor)


def utforare(user: User) -> User | None:
    """Who is making this change: the one the service named, else the request's user
    (web and admin), else nobody (a management command such as the demo build)."""
    av = getattr(user, "_utford_av", None)
    if av is not None:
        return av
    request = getattr(HistoricalRecords.context, "request", None)
    request_user = getattr(request, "user", None)
    if request_user is not None and request_user.is_authenticated:
        return request_user
    return None


def kontrollera_och_forbered(user: User) -> list[dict[str, Any]]:
    """Called by ``User.save`` before saving: refuse what is barred, return the events
    to record once the row is saved."""
    Kontohandelse = _kontohandelse()
    fore = (
        type(user)._base_manager.filter(pk=user.pk).first()
        if user.pk and not user._state.adding
        else None
    )
    av = utforare(user)
    handelser: list[dict[str, Any]] = []
    fran_person = fore.person_id if fore else None
    if fran_person != user.person_id:
        if fore is not None and fran_person is not None and har_signerat(fore):
            raise ValidationError({"person": HAR_SIGNERAT})
        handelser.append(
            {
                "handelse": Kontohandelse.PERSON,
                "fran_person_id": fran_person,
                "till_person_id": user.person_id,
            }
        )
    if user.password and (fore is None or fore.password != user.password):
        handelser.append({"handelse": Kontohandelse.LOSENORD})
    for h in handelser:
        h["utford_av"] = av
    return handelser


def logga(user: User, handelser: list[dict[str, Any]]) -> None:
    Kontohandelse = _kontohandelse()
    for h in handelser:
        av = h.pop("utford_av")
        Kontohandelse.objects.create(
            user=user,
            utford_av=av if av is not None and av.pk != user.pk else None,
            av_sig_sjalv=av is not None and av.pk == user.pk,
            **h,
        )


def signera_hinder(user: User) -> str | None:
    """Why this login may not sign now (Swedish), or ``None``."""
    Kontohandelse = _kontohandelse()
    senaste_annan = (
        Kontohandelse.objects.filter(user=user, utford_av__isnull=False)
        .select_related("utford_av")
        .order_by("-tid", "-id")
        .first()
    )
    if senaste_annan is None:
        return None
    eget_efter = Kontohandelse.objects.filter(
        user=user,
        handelse=Kontohandelse.LOSENORD,
        av_sig_sjalv=True,
        tid__gte=senaste_annan.tid,
        id__gt=senaste_annan.id,
    ).exists()
    if eget_efter:
        return None
    vad = (
        "ditt lösenord"
        if senaste_annan.handelse == Kontohandelse.LOSENORD
        else "din inloggnings koppling till person"
    )
    return (
        f"{vad[0].upper()}{vad[1:]} sattes av {senaste_annan.utford_av} "
        f"{senaste_annan.tid:%Y-%m-%d %H:%M}. Välj ett eget lösenord (Byt lösenord) "
        "innan du undertecknar."
    )


def kontrollera_kan_signera(user: User) -> None:
    hinder = signera_hinder(user) or tvafaktor.signera_hinder(user)
    if hinder:
        raise ValidationError(hinder)
