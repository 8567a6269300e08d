"""The running year's books of the demo förbund (invented), as SIE 4 text.

The förbund books every month; the demo imports the year so far as an uploaded file
would be, so that budget follow-up, statements and key figures of the running year show
what a kansli sees in an ordinary month. Built from the year's adopted budget (the
figures are the budget's, spent at the pace of each kind of line), the 2017 chart of
accounts (``bhs_2017.KONTON``) and an opening balance carrying 2017's equity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ekonomi.demodata import bhs_2017
from ekonomi.demodata.bhs_2017 import belopp_text, citat, huvud, verifikation
from ekonomi.models import Budgetpost

BANK = "1930"
EGET_KAPITAL = "2010"
# How fast each kind of line is spent, as a share of its budget (invented).
TAKT = {"insatser": 0.96, "struktur": 0.8}
# A budget line booked on more than one account: (konto, andel).
DELNING = {"kansli": [("5010", 0.74), ("5410", 0.26)]}
# Fees are invoiced per quarter, in the first month of each.
KVARTALSMANADER = (1, 4, 7, 10)


def eget_kapital_2017() -> int:
    """Equity at the end of 2017 with the year's result in it (credit negative)."""
    balans = {nr: b17 for nr, (_, _, b17) in bhs_2017.BALANS.items()}
    resultat = sum(r17 for _, r17 in bhs_2017.RESULTAT.values())
    return balans[EGET_KAPITAL] + resultat


def konton_for(kod: str) -> list[tuple[str, float]]:
    """The accounts a budget line is booked on, with the share of each."""
    if kod in DELNING:
        return DELNING[kod]
    return [(nr, 1.0) for nr, _, budgetkod in bhs_2017.KONTON if budgetkod == kod][:1]


def arsbelopp(
    poster: Iterable[tuple[str, str, int]], nya_konton: dict[str, str]
) -> dict[str, int]:
    """Each account's amount for the whole year (debit positive) from the budget's
    lines ``(kod, grupp, belopp)``; income is credit."""
    belopp: dict[str, int] = {}
    for kod, grupp, budget in poster:
        if not budget:
            continue
        intakt = grupp in Budgetpost.INTAKTSGRUPPER
        konton = konton_for(kod) or [(nya_konton[kod], 1.0)]
        for nr, andel in konton:
            # Fees are invoiced to the krona as decided; costs in round hundreds.
            summa = (
                budget
                if grupp == Budgetpost.MEDLEMSAVGIFTER
                else round(budget * andel * TAKT.get(grupp, 1.0), -2)
            )
            belopp[nr] = belopp.get(nr, 0) + int(-summa if intakt else summa)
    return belopp


def sie_text(
    *,
    orgnr: str,
    fnamn: str,
    ar: int,
    till_manad: int,
    belopp: dict[str, int],
    kontonamn: dict[str, str],
) -> str:
    """The year's file up to and including month ``till_manad``: every account's
    twelfth each month (fees a quarter at a time), against the bank."""
    kapital = eget_kapital_2017()
    lines = huvud(
        orgnr=orgnr,
        fnamn=fnamn,
        gen=dt.date(ar, till_manad, 1) + dt.timedelta(days=40),
        rar={0: ar},
    )
    lines += [f"#KONTO {nr} {citat(namn)}" for nr, namn in sorted(kontonamn.items())]
    lines += [
        f"#IB 0 {BANK} {belopp_text(-kapital)}",
        f"#IB 0 {EGET_KAPITAL} {belopp_text(kapital)}",
    ]
    nr = 0
    for manad in range(1, till_manad + 1):
        datum = dt.date(ar, manad, 25)
        for konto, helar in sorted(belopp.items()):
            perioder = KVARTALSMANADER if konto.startswith("301") else range(1, 13)
            if manad not in perioder:
                continue
            del_ = int(helar / len(perioder))
            if manad == perioder[-1]:  # the year's last period takes the remainder
                del_ = helar - del_ * (len(perioder) - 1)
            nr += 1
            lines += verifikation(
                nr,
                datum,
                f"{kontonamn[konto]} {datum:%Y-%m}",
                [(konto, del_), (BANK, -del_)],
            )
    return "\r\n".join(lines) + "\r\n"
