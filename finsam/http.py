"""Typed requests: what ``ForbundMiddleware`` and ``roles(...)`` put on a request.

Views behind ``roles(...)`` take a ``ForbundRequest``: the decorator has checked the
login and the förbund, so ``request.forbund`` is a ``Forbund`` and ``request.user`` a
``User``. Public views (the anslagstavla) and middleware see a ``PublicRequest``, whose
förbund may be None. These are annotations only; at runtime every request is Django's
``HttpRequest``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from finsam.models import Forbund, User


class PublicRequest(HttpRequest):
    """Any request after ``ForbundMiddleware``: the user's förbund, or None."""

    forbund: Forbund | None


class ForbundRequest(HttpRequest):
    """A request that passed ``roles(...)``: a logged-in user of a förbund."""

    forbund: Forbund
    user: User
