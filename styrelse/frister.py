"""The board's time limits, in one place.

- Justering at the latest 14 days after the meeting (the förbundsordning's practice).
- Anslag of the justering on the digital anslagstavla no earlier than the day of the
  justering and at the latest on the second day after it (kommunallagen 8 kap. 12 §).
- The last day to appeal: the same weekday three weeks after the day the anslag went up,
  moved past Saturdays, Sundays and public holidays including midsommarafton, julafton
  and nyårsafton (kommunallagen 13 kap. 6 §, lag 1930:173).

Every day here is a Stockholm day: moments (the justering time) become dates through
``finsam.dates.local_date`` only.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import holidays

from finsam.dates import local_date

if TYPE_CHECKING:
    from styrelse.models import Anslag, Sammantrade

JUSTERING_DAGAR = 14
ANSLAG_SENAST_DAGAR = 2
OVERKLAGANDE_VECKOR = 3


def ej_vardag(datum: dt.date) -> bool:
    """A Saturday, Sunday or holiday for time limits under lag (1930:173)."""
    if datum.weekday() >= 5:
        return True
    helg = holidays.Sweden(years=datum.year, include_sundays=False, language="en_US")
    if datum in helg:
        return True
    # Midsommarafton (the day before midsommardagen), julafton and nyårsafton count as
    # holidays for time limits under lag (1930:173).
    if (datum.month, datum.day) in ((12, 24), (12, 31)):
        return True
    midsommardagen = [d for d, namn in helg.items() if namn == "Midsummer Day"]
    return any(datum == d - dt.timedelta(days=1) for d in midsommardagen)


def sista_dag_for_overklagande(anslag_datum: dt.date) -> dt.date:
    """The same weekday three weeks after the anslag, moved past non-weekdays."""
    dag = anslag_datum + dt.timedelta(weeks=OVERKLAGANDE_VECKOR)
    while ej_vardag(dag):
        dag += dt.timedelta(days=1)
    return dag


def justeringsdatum(sammantrade: Sammantrade) -> dt.date | None:
    """The Stockholm day the protocol was justerat, or None before justering."""
    if sammantrade.justerat_tid is None:
        return None
    return local_date(sammantrade.justerat_tid)


def sista_justeringsdag(motesdatum: dt.date) -> dt.date:
    return motesdatum + dt.timedelta(days=JUSTERING_DAGAR)


def justering_forsenad(sammantrade: Sammantrade, idag: dt.date) -> bool:
    """Justering is due within 14 days of the meeting: late when it happened after that
    day, or when it has not happened and that day has passed."""
    klar = justeringsdatum(sammantrade) or idag
    return klar > sista_justeringsdag(sammantrade.datum)


def tidigaste_anslagsdag(justerat: dt.date) -> dt.date:
    """An anslag cannot announce a justering before it happened."""
    return justerat


def senaste_anslagsdag(justerat: dt.date) -> dt.date:
    """Kommunallagen 8 kap. 12 §: the anslag goes up at the latest on the second day."""
    return justerat + dt.timedelta(days=ANSLAG_SENAST_DAGAR)


def foreslagen_anslagsdag(sammantrade: Sammantrade) -> dt.date | None:
    """The date the anslag form suggests: the day after the justering (as in seed 004)."""
    justerat = justeringsdatum(sammantrade)
    return justerat + dt.timedelta(days=1) if justerat else None


def anslag_for_tidigt(sammantrade: Sammantrade, uppsatt: dt.date) -> bool:
    justerat = justeringsdatum(sammantrade)
    return justerat is not None and uppsatt < tidigaste_anslagsdag(justerat)


def anslag_forsenat(anslag: Anslag) -> bool:
    justerat = justeringsdatum(anslag.sammantrade)
    return justerat is not None and anslag.uppsatt > senaste_anslagsdag(justerat)
