"""Tenancy: every record belongs to one förbund, and every read goes through here.

Each tenant model uses ``ForbundQuerySet`` as its manager and, when its förbund is not a
direct ``forbund`` field, names the path to it in ``forbund_path`` (for instance
``forbund_path = "insats__forbund"``). Views never call ``Model.objects.get(pk=…)``; they
call ``get_for_forbund(request, Model, pk=…)`` or ``Model.objects.for_forbund(...)``, so an
object of another förbund answers 404 through one mechanism. ``tests/finsam/test_url_sweep.py``
walks every URL pattern to keep it that way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self, TypeVar

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.http import Http404

from finsam.access import AUDIT, EDIT, user_role
from finsam.http import ForbundRequest, PublicRequest

if TYPE_CHECKING:
    from finsam.models import Forbund

# The project's apps, whose models hold the förbunds' data (the backup copies all of
# them, the audit trail reads their histories).
APP_LABELS = ("finsam", "insatser", "styrelse", "ekonomi", "arsredovisning")

M = TypeVar("M", bound=models.Model)
_M_co = TypeVar("_M_co", bound=models.Model, covariant=True)


class ForbundQuerySet(models.QuerySet[_M_co]):
    def for_forbund(self, forbund: Forbund | None) -> Self:
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


def forbund_id_of(obj: models.Model) -> int | None:
    """The id of the förbund an object belongs to, without loading the förbund."""
    *via, last = getattr(type(obj), "forbund_path", "forbund").split("__")
    target: Any = obj
    for part in via:
        target = getattr(target, part)
        if target is None:
            return None
    return getattr(target, f"{last}_id")


def forbund_sokvag(model: type[models.Model]) -> str | None:
    """The lookup from ``model`` to its förbund, for a live model and for its history
    (django-simple-history) alike: ``"id"`` for the förbund itself (its history's rows
    carry the förbund's id), else the model's ``forbund_path``, else ``"forbund"`` when it
    has such a field; ``None`` when it has no way to a förbund."""
    original = getattr(model, "instance_type", None)  # a simple_history model
    source = original if original is not None else model
    if source._meta.label == "finsam.Forbund":
        return "id"
    path = getattr(source, "forbund_path", None)
    if path:
        return path
    names = {f.name for f in model._meta.get_fields()}
    return "forbund" if "forbund" in names else None


def forbund_filter(model: type[models.Model], forbund: models.Model) -> dict[str, Any]:
    """The filter keeping ``model``'s rows (or its history's) of ``forbund``."""
    path = forbund_sokvag(model) or "forbund"
    return {path: forbund.pk if path == "id" else forbund}


def require_same_forbund(
    forbund: Forbund | int | None,
    obj: models.Model | None,
    *,
    namn: str,
    field: str | None = None,
) -> None:
    """The one check that a record refers to its own förbund's records.

    Raises ``ValidationError("<namn> hör till ett annat förbund.")`` (on ``field`` when
    given, for a form to show beside the field) when ``obj`` belongs to another förbund
    than ``forbund``. Nothing to compare (either is None) passes: required fields are
    ``full_clean``'s business. A ValidationError rather than PermissionDenied or 404:
    views reach objects through ``get_for_forbund`` (404 for another förbund's), so this
    guards services and models against a wrong reference in their own input, and every
    caller already turns a ValidationError into a Swedish message.
    """
    if forbund is None or obj is None:
        return
    forbund_id = forbund if isinstance(forbund, int) else forbund.pk
    if forbund_id_of(obj) != forbund_id:
        message = f"{namn} hör till ett annat förbund."
        raise ValidationError({field: message} if field else message)


def get_for_forbund(request: ForbundRequest, model: type[M], **lookup: Any) -> M:
    """Fetch one object of the request's förbund, or 404 (whatever förbund owns it)."""
    queryset: ForbundQuerySet[M] = model._default_manager.all()  # type: ignore[assignment]
    try:
        return queryset.for_forbund(request.forbund).get(**lookup)
    except (ObjectDoesNotExist, ValueError) as exc:
        raise Http404("Hittades inte.") from exc


def forbund_context(request: PublicRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    role = user_role(user) if user is not None else None
    return {
        "forbund": getattr(request, "forbund", None),
        "roll": role,
        "kan_redigera": role in EDIT,
        "kan_granska": role in AUDIT,
    }
