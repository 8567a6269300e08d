"""Lists show one year at a time: the year a page shows, read from ``?ar=``."""

from __future__ import annotations

from django.http import HttpRequest

from finsam import dates

MIN_AR = 2000
MAX_AR = 2100


def ar_val(request: HttpRequest, default: int | None = None) -> int:
    """The year in ``?ar=`` if it is a plausible year, else ``default`` (this year)."""
    fallback = default if default is not None else dates.today().year
    raw = request.GET.get("ar", "")
    if raw.isdigit() and len(raw) == 4 and MIN_AR <= int(raw) <= MAX_AR:
        return int(raw)
    return fallback
