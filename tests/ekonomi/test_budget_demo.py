"""The demo budgets hold the seeds' figures."""

from decimal import Decimal

import pytest

from ekonomi.models import Budget, Budgetpost
from finsam.demo import build_demo, build_ostra_sodertorn
from finsam.models import Avgiftsbeslut

pytestmark = pytest.mark.django_db


def _summa(budget, grupper):
    return sum(
        p.belopp
        for p in budget.poster.filter(grupp__in=grupper, delposter__isnull=True)
    )


def test_bhs_2017_budget_is_seed_004s_budget_column():
    ctx = build_demo()
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


def test_bhs_has_adopted_budgets_up_to_2026_and_a_2027_draft():
    ctx = build_demo()
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


def test_a_copied_budget_keeps_its_sub_lines_under_their_parent():
    ctx = build_demo()
    budget = Budget.objects.get(forbund=ctx.forbund, ar=2019)
    barn = budget.poster.filter(grupp=Budgetpost.MEDLEMSAVGIFTER, medlem__isnull=False)
    assert barn.count() == 5
    assert {p.overordnad.kod for p in barn} == {"medlemsavgifter"}
