"""Key ratios boards follow (../shared/DOMAIN.md, "Budget, plan and outcome"), each
against the förbund's own threshold where it has entered one (Nationella rådet's scale
could not be verified, so thresholds are data, ``Nyckeltalsgrans``).

``nyckeltal(forbund, ar) -> list[Nyckeltal]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ekonomi import kontoplan as kp
from ekonomi.models import Nyckeltalsgrans
from ekonomi.selectors.bokforing import (
    ADMINISTRATION,
    INDIVID,
    STRUKTUR,
    kostnadsfordelning,
)
from ekonomi.selectors.rakenskaper import rakenskaper
from finsam.models import Forbund

NOLL = Decimal(0)
HUNDRA = Decimal(100)


@dataclass
class Nyckeltal:
    nyckel: str
    namn: str
    varde: Decimal | None
    enhet: str  # "%" or "kr"
    grans: Decimal | None = None
    hogst: bool = True  # the threshold is a ceiling (else a floor)

    @property
    def inom_grans(self) -> bool | None:
        if self.grans is None or self.varde is None:
            return None
        return self.varde <= self.grans if self.hogst else self.varde >= self.grans


def _andel(del_: Decimal, helhet: Decimal) -> Decimal | None:
    return del_ * HUNDRA / helhet if helhet else None


def nyckeltal(forbund: Forbund, ar: int) -> list[Nyckeltal]:
    r = rakenskaper(forbund, ar)
    v = r.varden.get(ar, {})
    granser = dict(
        Nyckeltalsgrans.objects.for_forbund(forbund).values_list("nyckel", "grans")
    )
    fordelning = kostnadsfordelning(forbund, ar)
    kostnader = -(v.get(kp.RR_KOSTNADER, NOLL) + v.get(kp.RR_AVSKRIVNINGAR, NOLL))
    avgifter = v.get(kp.RR_MEDLEMSAVGIFTER)
    intakter = sum(
        (
            v.get(k, NOLL)
            for k in (kp.RR_MEDLEMSAVGIFTER, kp.RR_ESF, kp.RR_OVRIGA_INTAKTER)
        ),
        NOLL,
    )
    # Fees used: the costs the fees paid for once the other income is spent (costs above
    # all income eat into eget kapital, so the share is capped at 100 %).
    forbrukat = None
    if avgifter:
        ovriga = intakter - avgifter
        forbrukat = min(max(kostnader - ovriga, NOLL), avgifter) * HUNDRA / avgifter
    return [
        Nyckeltal(
            Nyckeltalsgrans.ADMIN_ANDEL,
            "Administrationens andel av kostnaderna",
            _andel(fordelning.belopp.get(ADMINISTRATION, NOLL), kostnader)
            if fordelning.belopp
            else None,
            "%",
            granser.get(Nyckeltalsgrans.ADMIN_ANDEL),
        ),
        Nyckeltal(
            "individ_andel",
            "Individinriktade insatsers andel av kostnaderna",
            _andel(fordelning.belopp.get(INDIVID, NOLL), kostnader)
            if fordelning.belopp
            else None,
            "%",
        ),
        Nyckeltal(
            "struktur_andel",
            "Strukturinriktade insatsers andel av kostnaderna",
            _andel(fordelning.belopp.get(STRUKTUR, NOLL), kostnader)
            if fordelning.belopp
            else None,
            "%",
        ),
        Nyckeltal(
            Nyckeltalsgrans.EGET_KAPITAL,
            "Eget kapital vid årets slut",
            v.get(kp.BR_EGET_KAPITAL),
            "kr",
            granser.get(Nyckeltalsgrans.EGET_KAPITAL),
        ),
        Nyckeltal(
            Nyckeltalsgrans.AVGIFTER_FORBRUKADE,
            "Andel av årets medlemsavgifter som använts",
            forbrukat,
            "%",
            granser.get(Nyckeltalsgrans.AVGIFTER_FORBRUKADE),
            hogst=False,
        ),
    ]
