"""The board's time limits, counted in Stockholm days (also around midnight and across
the change to and from summer time)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from styrelse import frister, services
from styrelse.selectors import protokoll_hash
from tests.styrelse.factories import beslutande

pytestmark = pytest.mark.django_db

STHLM = ZoneInfo("Europe/Stockholm")


def _justera(sammantrade, ordforande, justerare, nar):
    beslutande(sammantrade, ordforande, justerare)
    services.utkast_publicera(sammantrade=sammantrade, nar=nar - dt.timedelta(days=1))
    services.sammantrade_justera(
        sammantrade=sammantrade,
        user=ordforande,
        sedd_hash=protokoll_hash(sammantrade),
        nar=nar,
    )
    services.sammantrade_justera(
        sammantrade=sammantrade,
        user=justerare,
        sedd_hash=protokoll_hash(sammantrade),
        nar=nar,
    )
    sammantrade.refresh_from_db()
    return sammantrade


@pytest.mark.parametrize(
    ("anslag", "sista"),
    [
        # Seed 004: justerat 28 March 2018, up 29 March, down 19 April (a Thursday).
        (dt.date(2018, 3, 29), dt.date(2018, 4, 19)),
        # Julafton, juldagen and annandag jul push the last day to 27 December.
        (dt.date(2018, 12, 3), dt.date(2018, 12, 27)),
        # Nyårsafton 2018 (Monday) and nyårsdagen → 2 January.
        (dt.date(2018, 12, 10), dt.date(2019, 1, 2)),
        # Midsommarafton 2018 is Friday 22 June → Monday 25 June.
        (dt.date(2018, 6, 1), dt.date(2018, 6, 25)),
        # A Saturday anslag → the last day falls on a Saturday → Monday.
        (dt.date(2018, 3, 3), dt.date(2018, 3, 26)),
        # Långfredag 2019 (19 April) and annandag påsk (22 April) → Tuesday 23 April.
        (dt.date(2019, 3, 29), dt.date(2019, 4, 23)),
    ],
)
def test_last_day_to_appeal_is_same_weekday_three_weeks_later_moved_past_holidays(
    anslag, sista
):
    assert frister.sista_dag_for_overklagande(anslag) == sista


def test_late_justering_is_flagged(sammantrade):
    # Meeting 23 March 2018: justering due by 6 April.
    assert not frister.justering_forsenad(sammantrade, dt.date(2018, 4, 6))
    assert frister.justering_forsenad(sammantrade, dt.date(2018, 4, 7))


def test_a_justering_at_half_past_midnight_counts_on_the_stockholm_day(
    sammantrade, ordforande, justerare
):
    # 00:30 on 29 March 2018 in Stockholm (summer time) is 22:30 on 28 March in UTC.
    nar = dt.datetime(2018, 3, 29, 0, 30, tzinfo=STHLM)
    assert nar.astimezone(dt.UTC).date() == dt.date(2018, 3, 28)
    justerat = _justera(sammantrade, ordforande, justerare, nar)

    assert frister.justeringsdatum(justerat) == dt.date(2018, 3, 29)
    assert frister.foreslagen_anslagsdag(justerat) == dt.date(2018, 3, 30)
    # An anslag dated the UTC day, before the justering in Sweden, is refused.
    with pytest.raises(ValidationError, match="före justeringen"):
        services.anslag_publicera(sammantrade=justerat, uppsatt=dt.date(2018, 3, 28))
    # The second day after the Swedish day is still in time.
    anslag = services.anslag_publicera(
        sammantrade=justerat, uppsatt=dt.date(2018, 3, 31)
    )
    assert not frister.anslag_forsenat(anslag)


def test_an_anslag_three_days_after_a_late_evening_justering_is_late(
    sammantrade, ordforande, justerare
):
    # 23:30 on 28 March is still 28 March in Stockholm (21:30 UTC).
    nar = dt.datetime(2018, 3, 28, 23, 30, tzinfo=STHLM)
    justerat = _justera(sammantrade, ordforande, justerare, nar)
    assert frister.justeringsdatum(justerat) == dt.date(2018, 3, 28)
    anslag = services.anslag_publicera(
        sammantrade=justerat, uppsatt=dt.date(2018, 3, 31)
    )
    assert frister.anslag_forsenat(anslag)


@pytest.mark.parametrize(
    ("mote", "utc", "dag", "forsenad"),
    [
        # Meeting 15 March 2026, due by 29 March, the day summer time begins
        # (02:00 CET → 03:00 CEST): midnight in Stockholm is 22:00 UTC that evening.
        ("2026-03-15", "2026-03-28T22:59Z", "2026-03-28", False),
        ("2026-03-15", "2026-03-28T23:00Z", "2026-03-29", False),
        ("2026-03-15", "2026-03-29T21:59Z", "2026-03-29", False),
        ("2026-03-15", "2026-03-29T22:00Z", "2026-03-30", True),
        # Meeting 11 October 2026, due by 25 October, the day summer time ends
        # (03:00 CEST → 02:00 CET): midnight after it is 23:00 UTC.
        ("2026-10-11", "2026-10-24T21:59Z", "2026-10-24", False),
        ("2026-10-11", "2026-10-24T22:00Z", "2026-10-25", False),
        ("2026-10-11", "2026-10-25T22:59Z", "2026-10-25", False),
        ("2026-10-11", "2026-10-25T23:00Z", "2026-10-26", True),
    ],
)
def test_the_14_day_limit_across_the_changes_to_and_from_summer_time(
    organ, ordforande, justerare, mote, utc, dag, forsenad
):
    sammantrade = services.sammantrade_create(
        organ=organ,
        datum=dt.date.fromisoformat(mote),
        ordforande=ordforande.person,
        justerare=justerare.person,
    )
    nar = dt.datetime.fromisoformat(utc)
    justerat = _justera(sammantrade, ordforande, justerare, nar)
    assert frister.justeringsdatum(justerat) == dt.date.fromisoformat(dag)
    assert frister.justering_forsenad(justerat, idag=dt.date(2026, 12, 31)) is forsenad


def test_anslag_window_is_the_justering_day_to_the_second_day_after():
    justerat = dt.date(2018, 3, 28)
    assert frister.tidigaste_anslagsdag(justerat) == dt.date(2018, 3, 28)
    assert frister.senaste_anslagsdag(justerat) == dt.date(2018, 3, 30)
