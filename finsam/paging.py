"""Lists show one year at a time: the year a page shows, read from ``?ar=``, the years
that have rows (for ``templates/_ar_filter.html``), and a page of a long year."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from finsam import dates

PER_SIDA = 50


def ar_val(request: HttpRequest, default: int | None = None) -> int:
    """The year in ``?ar=`` if it is a plausible year, else ``default`` (this year)."""
    fallback = default if default is not None else dates.today().year
    raw = request.GET.get("ar", "")
    if raw.isdigit() and len(raw) == 4 and dates.MIN_AR <= int(raw) <= dates.MAX_AR:
        return int(raw)
    return fallback


def ar_i(queryset: QuerySet, falt: str) -> list[int]:
    """The years in which ``queryset`` has rows, newest first (one query); ``falt`` is a
    date field or a year."""
    field = queryset.model._meta.get_field(falt)
    if isinstance(field, models.DateField):
        years = {d.year for d in queryset.order_by().dates(falt, "year")}
    else:
        years = set(queryset.order_by().values_list(falt, flat=True).distinct())
    return sorted((int(y) for y in years if y), reverse=True)


def ar_urval(request: HttpRequest, ar_med_rader: Iterable[int]) -> dict[str, Any]:
    """The year a list shows and the years to offer, for ``_ar_filter.html``.

    ``?ar=`` when given; otherwise this year, or — when this year has no rows yet — the
    latest earlier year that has (the demo's and January's lists are not empty).
    """
    ar_lista = sorted(set(ar_med_rader), reverse=True)
    i_ar = dates.today().year
    default = i_ar
    if ar_lista and i_ar not in ar_lista:
        default = next((a for a in ar_lista if a < i_ar), ar_lista[-1])
    ar = ar_val(request, default)
    return {"ar": ar, "ar_lista": ar_lista}


def sida(request: HttpRequest, rader: QuerySet, per_sida: int = PER_SIDA) -> Page:
    """The page of ``rader`` in ``?sida=`` (the first for anything else); two queries."""
    return Paginator(rader, per_sida).get_page(request.GET.get("sida"))
