"""Budget vs utfall of the demo förbund reproduces seed 004's "Sammanställning av utfall
och budget 2017" (tkr, rounded as printed), from the imported bookkeeping."""

from decimal import ROUND_HALF_UP, Decimal

import pytest

from ekonomi.selectors import budget as selectors
from finsam.demo import build_demo

pytestmark = pytest.mark.django_db


def tkr(values):
    return [
        None if v is None else int((v / 1000).quantize(Decimal(1), ROUND_HALF_UP))
        for v in values[:3]
    ]


def test_bhs_2017_budget_vs_utfall_is_seed_004s_table():
    ctx = build_demo()
    tabell = selectors.budget_mot_utfall(forbund=ctx.forbund, ar=2017)
    assert tabell.extra["har_utfall"]
    grupper = {g.kod: g for g in tabell.grupper}
    # (utfall, budget, avvikelse = budget − utfall) in tkr, seed 004.
    assert tkr(grupper["administration"].summa) == [2_167, 2_145, -22]
    assert tkr(grupper["insatser"].summa) == [17_647, 21_105, 3_458]
    assert tkr(grupper["struktur"].summa) == [635, 2_170, 1_535]
    assert tkr(tabell.summa_intakter) == [20_087, 21_943, 1_856]
    assert tkr(tabell.summa_kostnader) == [20_449, 25_420, 4_971]
    assert tkr(tabell.resultat)[0] == -362
    rader = {r.kod: r for g in tabell.grupper for r in g.alla_rader}
    assert tkr(rader["lokal"].varden) == [250, 165, -85]
    assert tkr(rader["insats-slussen"].varden) == [2_859, 2_800, -59]
    assert tkr(rader["arbetsmarknadskartlaggning"].varden) == [-19, 0, 19]
    assert tabell.utan_post == {}
