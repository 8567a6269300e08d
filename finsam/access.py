"""Roles, enforced on the server.

Every view is wrapped in ``roles(...)`` (or marked ``public``). The decorator records the
allowed roles on the view so that ``tests/finsam/test_url_sweep.py`` can walk every URL pattern
and check each role against them: a new view cannot forget its roles.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBase

from finsam.http import PublicRequest

KANSLI = "kansli"
STYRELSE = "styrelse"
REVISOR = "revisor"
INSATSRAPPORTOR = "insatsrapportor"
ADMIN = "admin"

ROLL_CHOICES = [
    (KANSLI, "Kansli"),
    (STYRELSE, "Styrelse"),
    (REVISOR, "Revisor"),
    (INSATSRAPPORTOR, "Insatsrapportör"),
    (ADMIN, "Administratör"),
]
ALL_ROLES = tuple(code for code, _ in ROLL_CHOICES)

# Who may edit the förbund's records, and who may read them.
EDIT = (KANSLI, ADMIN)
READ = (KANSLI, ADMIN, STYRELSE, REVISOR)
# Who may read the audit trail (finsam/historik.py) and check the seals (verifiera).
AUDIT = (KANSLI, ADMIN, REVISOR)

View = Callable[..., HttpResponseBase]


def user_role(user) -> str | None:
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return ADMIN
    return user.roll


def has_role(user, allowed: tuple[str, ...] | list[str]) -> bool:
    return user_role(user) in allowed


def roles(*allowed: str) -> Callable[[View], View]:
    """Require a login, a förbund and one of the ``allowed`` roles (403 otherwise)."""
    unknown = set(allowed) - set(ALL_ROLES)
    if unknown:
        raise ValueError(f"Okända roller: {unknown}")

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(
            request: PublicRequest, *args: Any, **kwargs: Any
        ) -> HttpResponseBase:
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            if request.forbund is None or user_role(request.user) not in allowed:
                raise PermissionDenied("Din roll ger inte tillgång till sidan.")
            return view(request, *args, **kwargs)

        wrapper.allowed_roles = tuple(allowed)  # type: ignore[attr-defined]
        return wrapper

    return decorator


def superuser_only(view: View) -> View:
    """For system administrators (Django superusers) only; every förbund role gets 403."""

    @wraps(view)
    def wrapper(request: PublicRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        if not request.user.is_superuser:
            raise PermissionDenied(
                "Bara systemadministratörer har tillgång till sidan."
            )
        return view(request, *args, **kwargs)

    wrapper.allowed_roles = ()  # type: ignore[attr-defined]
    wrapper.superuser_only = True  # type: ignore[attr-defined]
    return wrapper


def public(view: View) -> View:
    """Mark a view as deliberately open without login (the anslagstavla)."""
    view.is_public = True  # type: ignore[attr-defined]
    return view
