"""Tenancy: every record belongs to one förbund, and every read goes through here.

Each tenant model uses ``ForbundQuerySet`` as its manager and, when its förbund is not a
direct ``forbund`` field, names the path to it in ``forbund_path`` (for instance
``forbund_path = "insats__forbund"``). Views never call ``Model.objects.get(pk=…)``; they
call ``get_for_forbund(request, Model, pk=…)`` or ``Model.objects.for_forbund(...)``, so an
object of another förbund answers 404 through one mechanism. ``tests/finsam/test_url_sweep.py``
walks every URL pattern to keep it that way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.db import models
from django.http import Http404, HttpRequest

if TYPE_CHECKING:
    from finsam.models import Forbund

M = TypeVar("M", bound=models.Model)

SESSION_KEY = "finsam_forbund_id"


class ForbundQuerySet(models.QuerySet):
    def for_forbund(self, forbund: Forbund | None) -> ForbundQuerySet:
        if forbund is None:
            return self.none()
        path = getattr(self.model, "forbund_path", "forbund")
        return self.filter(**{path: forbund})


def forbund_of(obj: models.Model) -> Forbund:
    """The förbund an object belongs to, following its model's ``forbund_path``."""
    target: Any = obj
    for part in getattr(type(obj), "forbund_path", "forbund").split("__"):
        target = getattr(target, part)
    return target


def get_for_forbund(request: HttpRequest, model: type[M], **lookup: Any) -> M:
    """Fetch one object of the request's förbund, or 404 (whatever förbund owns it)."""
    queryset = model._default_manager.all()
    try:
        return queryset.for_forbund(request.forbund).get(**lookup)  # type: ignore[attr-defined]
    except (model.DoesNotExist, ValueError) as exc:
        raise Http404("Hittades inte.") from exc


def _resolve_forbund(request: HttpRequest) -> Forbund | None:
    from finsam.models import Forbund

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    if user.is_superuser:
        forbund_id = request.session.get(SESSION_KEY)
        if forbund_id:
            found = Forbund.objects.filter(pk=forbund_id).first()
            if found is not None:
                return found
        return user.forbund or Forbund.objects.order_by("namn").first()
    return user.forbund


class ForbundMiddleware:
    """Puts the user's förbund on the request as ``request.forbund`` (lazily)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        request.forbund = _resolve_forbund(request)  # type: ignore[attr-defined]
        return self.get_response(request)


def forbund_context(request: HttpRequest) -> dict[str, Any]:
    from finsam.access import EDIT, user_role

    user = getattr(request, "user", None)
    role = user_role(user) if user is not None else None
    return {
        "forbund": getattr(request, "forbund", None),
        "roll": role,
        "kan_redigera": role in EDIT,
    }
