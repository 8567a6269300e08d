"""Puts the user's förbund on every request (``request.forbund``)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpResponseBase

from finsam.http import PublicRequest
from finsam.models import Forbund

SESSION_KEY = "finsam_forbund_id"


def _resolve_forbund(request: PublicRequest) -> Forbund | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    if user.is_superuser:
        # A system administrator chooses the förbund to look at (kept in the session).
        forbund_id = request.session.get(SESSION_KEY)
        if forbund_id:
            found = Forbund.objects.filter(pk=forbund_id).first()
            if found is not None:
                return found
        return user.forbund or Forbund.objects.order_by("namn").first()
    return user.forbund


class ForbundMiddleware:
    """Sets ``request.forbund``: the user's förbund, or None when logged out."""

    def __init__(self, get_response: Callable[[PublicRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: PublicRequest) -> HttpResponseBase:
        request.forbund = _resolve_forbund(request)
        return self.get_response(request)
