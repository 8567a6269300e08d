"""Dates are Stockholm dates.

Every rule that turns a moment into a day (justering within 14 days, the anslag on the
second day at the latest, the appeal's last day, late reports) asks this module, so a
justering at 00:30 Swedish time counts on the Swedish day, not on the UTC day before it.
The zone is named here rather than read from ``settings.TIME_ZONE``: the time limits
are Swedish law and do not move with the server's configuration.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

STOCKHOLM = ZoneInfo("Europe/Stockholm")

# The years the app keeps: every year in a URL, a form, a model or an import is one of
# these (checked by ``finsam.validators.validate_ar`` / ``validate_datum`` and by each
# model's CheckConstraints), so a date's arithmetic (a deadline 14 days on) never leaves
# what Python and the database can hold.
MIN_AR = 2000
MAX_AR = 2100


def local_date(when: dt.datetime) -> dt.date:
    """The Stockholm calendar day of an aware moment."""
    if timezone.is_naive(when):
        raise ValueError("local_date needs an aware datetime, not a naive one.")
    return when.astimezone(STOCKHOLM).date()


def today() -> dt.date:
    """Today's date in Stockholm."""
    return local_date(timezone.now())
