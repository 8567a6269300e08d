"""The demo budgets hold the seeds' figures."""

import datetime as dt
from decimal import Decimal

import pytest

from ekonomi.models import Bokforingsimport, Budget, Budgetpost
from finsam.demo import build_ostra_sodertorn
from finsam.models import Avgiftsbeslut

pytestmark = pytest.mark.django_db


def _summa(budget, grupper):
    return sum(
        p.belopp
        for p in budget.poster.filter(grupp__in=grupper, delposter__isnull=True)
    )


def test_bhs_2017_budget_is_seed_004s_budget_column(demo):
    ctx = demo
    budget = Budget.objects.get(forbund=ctx.forbund, ar=2017)
    assert budget.status == Budget.ANTAGEN
    # Seed 004, "Sammanställning av utfall och budget 2017": 2 145, 21 105, 2 170 tkr.
    assert _summa(budget, [Budgetpost.ADMINISTRATION]) == Decimal(2_145_000)
    assert _summa(budget, [Budgetpost.INSATSER]) == Decimal(21_105_000)
    assert _summa(budget, [Budgetpost.STRUKTUR]) == Decimal(2_170_000)
    assert _summa(budget, [Budgetpost.BIDRAG]) == Decimal(5_935_000)
    # The fee lines are the fee decision's rows, member by member.
    beslut = Avgiftsbeslut.objects.get(forbund=ctx.forbund, ar=2017)
    assert {
        p.medlem_id: p.belopp
        for p in budget.poster.filter(
            grupp=Budgetpost.MEDLEMSAVGIFTER, medlem__isnull=False
        )
    } == {r.medlem_id: r.belopp for r in beslut.rader.all()}
    assert budget.poster.get(kod="medlemsavgifter").belopp == beslut.total
    assert budget.poster.get(kod="insats-slussen").insats.namn == "Slussen"


def test_bhs_has_adopted_budgets_up_to_2026_and_a_2027_draft(demo):
    ctx = demo
    statuses = dict(Budget.objects.for_forbund(ctx.forbund).values_list("ar", "status"))
    assert statuses == {
        **dict.fromkeys(range(2017, 2027), Budget.ANTAGEN),
        2027: Budget.UTKAST,
    }


def test_ostra_sodertorn_2018_is_seed_000_section_8():
    forbund = build_ostra_sodertorn()
    b18 = Budget.objects.get(forbund=forbund, ar=2018)
    b17 = Budget.objects.get(forbund=forbund, ar=2017)
    kostnader = [Budgetpost.INSATSER, Budgetpost.ADMINISTRATION]
    assert _summa(b18, [Budgetpost.INSATSER]) == Decimal(15_380_375)
    assert _summa(b17, [Budgetpost.INSATSER]) == Decimal(16_178_868)
    assert _summa(b18, kostnader) == Decimal(19_075_375)
    assert _summa(b17, kostnader) == Decimal(19_668_868)
    assert b18.poster.get(kod="medlemsavgifter").belopp == Decimal(17_378_000)


def test_ostra_sodertorns_budgets_are_adopted_by_a_real_paragraph():
    """Each budget is adopted by a § of a meeting its board held in November (seed 000:
    budget 2018 adopted 2017-11-22), not by a § written as text; the protocol is
    justerat by the board of the day and was put up on the anslagstavla."""
    import datetime as dt

    forbund = build_ostra_sodertorn()
    for ar, datum in [(2017, dt.date(2016, 11, 23)), (2018, dt.date(2017, 11, 22))]:
        budget = Budget.objects.get(forbund=forbund, ar=ar)
        p = budget.antagen_paragraf
        assert p is not None and budget.antagen_enligt == ""
        assert p.organ.forbund == forbund
        assert p.sammantrade.datum == datum == budget.antagen_datum
        assert p.sammantrade.status == p.sammantrade.ANSLAGET
        justerat_av = {j.user.person for j in p.sammantrade.justeringar.all()}
        assert justerat_av == {p.sammantrade.ordforande, p.sammantrade.justerare}
        assert f"anta budget {ar}" in p.beslut
        assert budget.antagen_text == f"§ {p.nummer}, {datum:%Y-%m-%d}"


def test_a_copied_budget_keeps_its_sub_lines_under_their_parent(demo):
    ctx = demo
    budget = Budget.objects.get(forbund=ctx.forbund, ar=2019)
    barn = budget.poster.filter(grupp=Budgetpost.MEDLEMSAVGIFTER, medlem__isnull=False)
    assert barn.count() == 5
    assert {p.overordnad.kod for p in barn} == {"medlemsavgifter"}


def test_every_year_has_its_sent_fee_decision_and_the_budget_follows_it(demo):
    """No gap in the fee history between the seeds' years and the running one: each
    year decided in the November before and sent, its budget's fee lines the
    decision's rows under the member's name of that year."""
    from ekonomi.selectors.budget import avgiftskontroll
    from finsam import dates

    forbund = demo.forbund
    idag = dates.today()
    beslut = {
        b.ar: b
        for b in Avgiftsbeslut.objects.for_forbund(forbund).exclude(
            status=Avgiftsbeslut.ERSATT
        )
    }
    for ar in range(2017, idag.year + 1):
        assert beslut[ar].status == Avgiftsbeslut.EXPEDIERAT, ar
        assert beslut[ar].beslutsdatum.year == ar - 1, ar
    assert beslut[idag.year + 1].status == Avgiftsbeslut.UTKAST
    # Totals rise from 2018's towards this year's, never back.
    totaler = [beslut[ar].total for ar in range(2018, idag.year + 1)]
    assert totaler == sorted(totaler)
    for budget in Budget.objects.for_forbund(forbund).filter(ar__gte=2019):
        assert avgiftskontroll(budget) == (beslut[budget.ar], []), budget.ar
    namn = set(
        Budget.objects.get(forbund=forbund, ar=2020)
        .poster.filter(grupp=Budgetpost.MEDLEMSAVGIFTER, medlem__isnull=False)
        .values_list("namn", flat=True)
    )
    assert "Medlemsavgift Region Stockholm" in namn
    assert "Medlemsavgift Stockholms läns landsting" not in namn


def test_the_running_year_is_booked_up_to_last_month_and_reconciles(demo):
    """The demo's books of the running year (ekonomi/demodata/lopande_ar.py): every
    month up to the last one, the fees as decided, costs at the pace of their kind,
    and nothing for the reconciliation to find."""
    from ekonomi.demo_budget import BHS_SISTA_AR
    from ekonomi.selectors import avstamning, bokforing
    from finsam import dates

    idag = dates.today()
    if idag.year < BHS_SISTA_AR:
        pytest.skip("the demo's running year has not begun")
    till = 12 if idag.year > BHS_SISTA_AR else idag.month - 1
    forbund = demo.forbund
    manader = bokforing.utfall_per_manad(forbund, BHS_SISTA_AR)
    budget = Budget.objects.get(forbund=forbund, ar=BHS_SISTA_AR)
    for kod in ("kansli", "insats-lyra", "insats-ips"):
        bokfort = [m for m, belopp in enumerate(manader[kod], 1) if belopp]
        assert bokfort == list(range(1, till + 1)), kod
    utfall = bokforing.utfall_per_budgetkod(forbund, BHS_SISTA_AR)
    beslut = Avgiftsbeslut.objects.get(forbund=forbund, ar=BHS_SISTA_AR)
    if till >= 10:  # the fourth quarter is invoiced in October
        for rad in beslut.rader.select_related("medlem"):
            post = budget.poster.get(medlem=rad.medlem)
            assert utfall[post.kod] == rad.belopp
    lyra = budget.poster.get(kod="insats-lyra").belopp
    assert utfall["insats-lyra"] < lyra * till / 12  # insatser spend a little less
    assert avstamning.avstamning(forbund, BHS_SISTA_AR) == []
    # Each year's books imported when the kansli would have: 2017's at its closing,
    # the running year's this month (not the day the demo was built, years on).
    importerad = {
        i.ar: dates.local_date(i.skapad)
        for i in Bokforingsimport.objects.for_forbund(forbund)
    }
    assert importerad[2017] == dt.date(2018, 2, 12)
    assert idag.replace(day=1) <= importerad[BHS_SISTA_AR] <= idag
