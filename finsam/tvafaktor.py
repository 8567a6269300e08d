"""Optional two-factor login (TOTP, django-otp).

A förbund turns it on (``Forbund.kraver_tvafaktor``); then its administrators must pass
the one-time code step before any page (the middleware below sends them there), and
nobody signs — ordförande or justerare at a justering — in a session that has not
passed it (``signera_hinder``, asked by finsam/konton.py). Superusers are held to it
when the settings say so (``TVAFAKTOR_SYSTEMADMIN``).

Enrolment (``/konto/tvafaktor/``) makes an unconfirmed TOTP device, shows its QR code
and confirms it when the first code matches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import user_has_device

from finsam import access
from finsam.http import PublicRequest

SIGNERA_KRAVER = (
    "Förbundet kräver tvåfaktorsinloggning av den som undertecknar. Ange en "
    "engångskod (Konto → Tvåfaktorsinloggning) och försök igen."
)


def forbund_kraver(user: Any) -> bool:
    forbund = getattr(user, "forbund", None)
    return bool(forbund is not None and forbund.kraver_tvafaktor)


def kravs_for_inloggning(user: Any) -> bool:
    """Whether this login must pass the code step before any page."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return bool(getattr(settings, "TVAFAKTOR_SYSTEMADMIN", False)) or (
            forbund_kraver(user)
        )
    return access.user_role(user) == access.ADMIN and forbund_kraver(user)


def ar_verifierad(user: Any) -> bool:
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified is not None and is_verified())


def signera_hinder(user: Any) -> str | None:
    """Why this session may not sign (the förbund requires two-factor), or ``None``."""
    if forbund_kraver(user) and not ar_verifierad(user):
        return SIGNERA_KRAVER
    return None


def sakert_nasta(request: HttpRequest, fallback: str) -> str:
    nasta = request.POST.get("next") or request.GET.get("next") or ""
    if nasta and url_has_allowed_host_and_scheme(
        nasta, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return nasta
    return fallback


class TvafaktorMiddleware:
    """Sends a login that must use two-factor to enrolment or the code step first."""

    def __init__(self, get_response: Callable[[PublicRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: PublicRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        if (
            user is not None
            and kravs_for_inloggning(user)
            and not ar_verifierad(user)
            and not self._fri(request.path)
        ):
            steg = (
                "finsam:tvafaktor_verifiera"
                if user_has_device(user, confirmed=True)
                else "finsam:tvafaktor"
            )
            return redirect(
                f"{reverse(steg)}?{urlencode({'next': request.get_full_path()})}"
            )
        return self.get_response(request)

    @staticmethod
    def _fri(path: str) -> bool:
        fria = (
            reverse("finsam:tvafaktor"),
            reverse("finsam:tvafaktor_verifiera"),
            reverse("logout"),
            reverse("login"),
            "/" + settings.STATIC_URL.lstrip("/"),
        )
        return path.startswith(fria)
