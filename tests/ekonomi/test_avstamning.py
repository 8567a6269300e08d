"""Reconciliation: the demo year agrees with itself; 1 kr and 30 kr are found as 1 kr and
30 kr; the seed's own kassaflöde error is found when its printed figures are typed."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from ekonomi.models import Manuellrad
from ekonomi.selectors.avstamning import avstamning
from ekonomi.services.bokforing import manuella_rader_spara, sie_importera
from finsam.models import Avgiftsbeslut
from tests.ekonomi.conftest import DEMO_SIE

KR, TKR = Manuellrad.KR, Manuellrad.TKR


def _typa(forbund, ar, enhet, **figures):
    manuella_rader_spara(
        forbund=forbund,
        ar=ar,
        rader={
            kod: (Decimal(str(v)) * (1000 if enhet == TKR else 1), enhet)
            for kod, v in figures.items()
        },
    )


def test_the_demo_year_has_no_findings(forbund, bhs_budget):
    Avgiftsbeslut.objects.create(forbund=forbund, ar=2017, total=16_008_000)
    assert avstamning(forbund, 2017) == []


def test_fee_income_must_equal_the_fee_decision(forbund, bhs_budget):
    Avgiftsbeslut.objects.create(forbund=forbund, ar=2017, total=16_000_000)
    [fynd] = avstamning(forbund, 2017)
    assert fynd.nyckel == "2017:avgifter-beslut"
    assert fynd.differens == Decimal("8000.00")


def test_one_krona_in_a_typed_balance_figure_is_reported_as_one_krona(
    forbund, bhs_budget
):
    _typa(forbund, 2017, KR, br_kassa=13_982_181)
    [fynd] = avstamning(forbund, 2017)
    assert fynd.nyckel == "2017:typad:br_kassa"
    assert fynd.differens == Decimal("1")


def test_one_krona_changed_in_the_files_closing_balance_is_reported_as_one_krona(
    forbund,
):
    data = DEMO_SIE.read_bytes().replace(
        b"#UB -1 1930 12621600.00", b"#UB -1 1930 12621601.00"
    )
    sie_importera(forbund=forbund, data=data)
    fynd = avstamning(forbund, 2017)
    assert {f.nyckel for f in fynd} >= {"2016:balans", "2017:likvida-ingaende"}
    assert {abs(f.differens) for f in fynd} == {Decimal(1)}


def test_a_30_kr_typo_in_last_years_comparatives_is_reported_as_30_kr(forbund):
    # A file without last year's balances: the comparatives are typed from last year's
    # printed report, in kronor, with 30 kr too much on the bank.
    text = DEMO_SIE.read_bytes().decode("cp437")
    text = "\r\n".join(
        line for line in text.split("\r\n") if not line.startswith(("#UB -1", "#IB -1"))
    )
    sie_importera(forbund=forbund, data=text.encode("cp437"))
    _typa(
        forbund,
        2016,
        KR,
        br_fordringar=52_460,
        br_kassa=12_621_630,
        br_eget_kapital=5_885_360,
        br_kortfristiga=6_788_700,
    )
    fynd = avstamning(forbund, 2017)
    assert {f.nyckel: f.differens for f in fynd} == {
        "2016:balans": Decimal(30),
        "2017:likvida-ingaende": Decimal(-30),
    }


def test_comparatives_typed_in_tkr_as_printed_agree_despite_rounding(
    forbund, bhs_budget
):
    # Seed 004's 2016 column, typed as printed (tkr, one decimal): the rounding of up to
    # 50 kr per figure is no finding.
    _typa(
        forbund,
        2016,
        TKR,
        rr_medlemsavgifter="17383.2",
        rr_kostnader="-17415.1",
        rr_arets_resultat="-31.9",
        br_fordringar="52.5",
        br_kassa="12621.6",
        br_summa_tillgangar="12674.1",
        br_eget_kapital="5885.4",
        br_kortfristiga="6788.7",
        br_summa_ek_skulder="12674.1",
    )
    assert avstamning(forbund, 2017) == []


def test_the_seeds_printed_kassaflode_is_found_wrong(forbund, bhs_budget):
    """Seed 004 prints "Kassaflöde för den löpande verksamheten" 1 722,7 (2017) and
    1 689,0 (2016): without årets resultat. The figures give 1 360,6 and 1 657,1."""
    _typa(forbund, 2017, TKR, kf_lopande="1722.7", kf_arets_kassaflode="1360.6")
    _typa(forbund, 2016, TKR, kf_lopande="1689.0", kf_arets_kassaflode="1657.1")
    fynd = {f.nyckel: f for f in avstamning(forbund, 2017)}
    assert set(fynd) == {"2017:typad:kf_lopande", "2016:typad:kf_lopande"}
    assert fynd["2017:typad:kf_lopande"].belopp_b == Decimal("1360600")
    assert fynd["2017:typad:kf_lopande"].differens == Decimal("362100")
    assert fynd["2016:typad:kf_lopande"].differens == Decimal("31900")


def test_a_typed_cost_split_and_budget_utfall_are_reconciled(forbund, bhs_budget):
    _typa(forbund, 2017, KR, **{"kostnad:administration": 2_167_000})
    _typa(forbund, 2017, KR, **{"budget:lokal": 250_000})
    fynd = {f.nyckel: f.differens for f in avstamning(forbund, 2017)}
    assert fynd == {"2017:typad:budget:lokal": Decimal(-100)}


def test_a_year_typed_by_hand_is_checked_like_an_imported_one(forbund):
    _typa(
        forbund,
        2017,
        KR,
        rr_medlemsavgifter=16_008_000,
        rr_kostnader=-16_000_000,
        br_kassa=1_000_000,
        br_eget_kapital=1_000_000,
        br_summa_tillgangar=1_000_000,
    )
    fynd = {f.nyckel: f.differens for f in avstamning(forbund, 2017)}
    assert fynd == {}
    _typa(forbund, 2017, KR, br_summa_tillgangar=1_000_300)
    fynd = {f.nyckel: f.differens for f in avstamning(forbund, 2017)}
    assert fynd == {
        "2017:typad:br_summa_tillgangar": Decimal(300),
    }


@pytest.mark.parametrize(("typo", "exit_code"), [(False, None), (True, 1)])
def test_the_command_exits_non_zero_on_findings(
    forbund, bhs_budget, capsys, typo, exit_code
):
    if typo:
        _typa(forbund, 2017, KR, br_kassa=13_982_181)
    try:
        call_command("avstamning", forbund.orgnr, "2017")
        code = None
    except SystemExit as exc:
        code = exc.code
    assert code == exit_code
    out = capsys.readouterr().out
    if typo:
        assert "differens 1,00 kr [2017:typad:br_kassa]" in out
    else:
        assert "inga avvikelser" in out
