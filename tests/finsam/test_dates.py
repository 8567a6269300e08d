"""Dates are Stockholm dates, whatever the moment's zone or the server's setting."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from finsam import dates


@pytest.mark.parametrize(
    ("utc", "dag"),
    [
        # Winter (CET, UTC+1): midnight in Stockholm is 23:00 UTC.
        (dt.datetime(2026, 1, 14, 22, 59, 59, tzinfo=dt.UTC), dt.date(2026, 1, 14)),
        (dt.datetime(2026, 1, 14, 23, 0, tzinfo=dt.UTC), dt.date(2026, 1, 15)),
        # Summer (CEST, UTC+2): midnight in Stockholm is 22:00 UTC.
        (dt.datetime(2026, 7, 14, 21, 59, 59, tzinfo=dt.UTC), dt.date(2026, 7, 14)),
        (dt.datetime(2026, 7, 14, 22, 0, tzinfo=dt.UTC), dt.date(2026, 7, 15)),
        # 29 March 2026: clocks go 02:00 → 03:00; the night before is still CET.
        (dt.datetime(2026, 3, 28, 23, 0, tzinfo=dt.UTC), dt.date(2026, 3, 29)),
        (dt.datetime(2026, 3, 29, 21, 59, tzinfo=dt.UTC), dt.date(2026, 3, 29)),
        (dt.datetime(2026, 3, 29, 22, 0, tzinfo=dt.UTC), dt.date(2026, 3, 30)),
        # 25 October 2026: clocks go 03:00 → 02:00; the night before is still CEST.
        (dt.datetime(2026, 10, 24, 22, 0, tzinfo=dt.UTC), dt.date(2026, 10, 25)),
        (dt.datetime(2026, 10, 25, 22, 59, tzinfo=dt.UTC), dt.date(2026, 10, 25)),
        (dt.datetime(2026, 10, 25, 23, 0, tzinfo=dt.UTC), dt.date(2026, 10, 26)),
    ],
)
def test_local_date_is_the_stockholm_day(utc, dag):
    assert dates.local_date(utc) == dag


def test_half_past_midnight_in_stockholm_is_that_day_not_the_utc_day_before():
    nar = dt.datetime(2018, 3, 29, 0, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
    assert nar.astimezone(dt.UTC).date() == dt.date(2018, 3, 28)
    assert dates.local_date(nar) == dt.date(2018, 3, 29)


def test_the_servers_time_zone_setting_does_not_move_the_day(settings):
    settings.TIME_ZONE = "UTC"
    assert dates.local_date(dt.datetime(2026, 1, 14, 23, 30, tzinfo=dt.UTC)) == (
        dt.date(2026, 1, 15)
    )


def test_a_naive_datetime_is_refused():
    with pytest.raises(ValueError, match="aware"):
        dates.local_date(dt.datetime(2026, 1, 14, 23, 30))  # noqa: DTZ001


def test_today_is_the_stockholm_day_of_now(monkeypatch):
    monkeypatch.setattr(
        timezone, "now", lambda: dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC)
    )
    assert dates.today() == dt.date(2027, 1, 1)
