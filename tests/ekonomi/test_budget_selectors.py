"""The budget's derived figures: sums, the three-year plan's equity roll-forward (seed
002), the fee check, and the money the insatser pages get through the registry."""

from decimal import Decimal

import pytest

from ekonomi.models import Budget, Budgetpost
from ekonomi.selectors import budget as selectors
from ekonomi.services.budget import (
    budget_anta,
    budget_create,
    budgetpost_save,
    prognos_save,
)
from finsam.models import Avgiftsbeslut
from tests.factories import ForbundFactory

pytestmark = pytest.mark.django_db
B = Budgetpost

# Seed 002, 5.3: (kod, namn, grupp, overordnad, budget 2021, prognos 2021, budget 2022,
# plan 2023, plan 2024).
SEED_002 = [
    ("staten", "Medlemsavgift Staten (AF/FK)", B.MEDLEMSAVGIFTER, None, 3_465_000, 3_465_000, 3_465_000, 3_465_000, 3_465_000),
    ("sll", "Medlemsavgift SLL", B.MEDLEMSAVGIFTER, None, 1_732_500, 1_732_500, 1_732_500, 1_732_500, 1_732_500),
    ("kommunerna", "Medlemsavgift kommunerna", B.MEDLEMSAVGIFTER, None, 0, 0, 0, 0, 0),
    ("sollentuna", "Medlemsavgift Sollentuna", B.MEDLEMSAVGIFTER, "kommunerna", 762_300, 762_300, 762_300, 762_300, 762_300),
    ("vasby", "Medlemsavgift Upplands Väsby", B.MEDLEMSAVGIFTER, "kommunerna", 467_775, 467_775, 467_775, 467_775, 467_775),
    ("sigtuna", "Medlemsavgift Sigtuna", B.MEDLEMSAVGIFTER, "kommunerna", 502_425, 502_425, 502_425, 502_425, 502_425),
    ("esf-ratt-stod", "Rätt stöd för mig", B.BIDRAG, None, 2_000_000, 1_550_000, 900_000, 0, 0),
    ("esf-mia", "MIA Vidare", B.BIDRAG, None, 2_500_000, 3_000_000, 2_000_000, 0, 0),
    ("insatser", "Insatser", B.INSATSER, None, 9_330_000, 7_800_000, 7_870_000, 3_600_000, 3_500_000),
    ("samverkan", "Stöd för samverkan", B.STRUKTUR, None, 940_000, 710_000, 1_340_000, 590_000, 590_000),
    ("admin", "Administrativa kostnader", B.ADMINISTRATION, None, 2_720_000, 2_480_000, 2_679_000, 2_723_780, 2_764_356),
]  # fmt: skip


def _seed_002(forbund):
    b21 = budget_create(
        forbund=forbund, ar=2021, ingaende_eget_kapital=Decimal(1_892_650)
    )
    b22 = budget_create(forbund=forbund, ar=2022)
    posts21, posts22 = {}, {}
    for kod, namn, grupp, over, bud21, _prog, bud22, p23, p24 in SEED_002:
        posts21[kod] = budgetpost_save(
            budget=b21, kod=kod, namn=namn, grupp=grupp,
            overordnad=posts21.get(over), belopp=Decimal(bud21),
        )  # fmt: skip
        posts22[kod] = budgetpost_save(
            budget=b22, kod=kod, namn=namn, grupp=grupp,
            overordnad=posts22.get(over), belopp=Decimal(bud22),
            plan_1=Decimal(p23), plan_2=Decimal(p24),
        )  # fmt: skip
    budget_anta(
        budget=b21,
        antagen_enligt="§ 40, 2020-11-26",
        datum=None or __import__("datetime").date(2020, 11, 26),
    )
    prognos_save(
        budget=b21,
        till_manad=8,
        belopp={posts21[r[0]]: Decimal(r[5]) for r in SEED_002 if r[0] != "kommunerna"},
    )
    return b21, b22


def test_three_year_plan_rolls_the_equity_forward_as_seed_002():
    forbund = ForbundFactory()
    _b21, b22 = _seed_002(forbund)
    tabell = selectors.trearsplan(b22)
    assert [k.rubrik for k in tabell.kolumner] == [
        "Budget 2021", "Prognos 2021", "Budget 2022", "Plan 2023", "Plan 2024",
    ]  # fmt: skip
    assert tabell.summa_intakter == [
        Decimal(x) for x in (11_430_000, 11_480_000, 9_830_000, 6_930_000, 6_930_000)
    ]
    assert tabell.summa_kostnader == [
        Decimal(x) for x in (12_990_000, 10_990_000, 11_889_000, 6_913_780, 6_854_356)
    ]
    assert tabell.resultat == [
        Decimal(x) for x in (-1_560_000, 490_000, -2_059_000, 16_220, 75_644)
    ]
    assert tabell.extra["ek_borjan"] == [
        Decimal(x) for x in (1_892_650, 1_892_650, 2_382_650, 323_650, 339_870)
    ]
    assert tabell.extra["ek_slut"] == [
        Decimal(x) for x in (332_650, 2_382_650, 323_650, 339_870, 415_514)
    ]
    # The kommuner's parent line is the sum of its three sub-lines.
    avgifter = tabell.intakter[0]
    kommunerna = next(r for r in avgifter.rader if r.kod == "kommunerna")
    assert kommunerna.varden[2] == Decimal(1_732_500)
    assert [b.kod for b in kommunerna.barn] == ["sollentuna", "vasby", "sigtuna"]


def test_the_comparison_takes_lines_of_both_years(django_assert_max_num_queries):
    forbund = ForbundFactory()
    b21, b22 = _seed_002(forbund)
    budgetpost_save(
        budget=b22, kod="ny", namn="Ny insats", grupp=B.INSATSER, belopp=Decimal(5)
    )
    with django_assert_max_num_queries(8):
        # budget + posts + insats, last year's budget + posts + insats
        tabell = selectors.jamforelse(b22)
    insatser = next(g for g in tabell.kostnader if g.kod == B.INSATSER)
    assert [r.kod for r in insatser.rader] == ["insatser", "ny"]
    ny = insatser.rader[1]
    assert ny.varden == [Decimal(5), Decimal(0), Decimal(5)]
    assert insatser.summa == [
        Decimal(7_870_005),
        Decimal(9_330_000),
        Decimal(-1_459_995),
    ]


def test_the_page_says_when_the_fee_lines_disagree_with_the_decision(demo):
    ctx = demo
    budget = Budget.objects.get(forbund=ctx.forbund, ar=2017)
    beslut, fel = selectors.avgiftskontroll(budget)
    assert beslut is not None and fel == []
    # A budget adopted with one typo: the check names the member and the difference.
    post = budget.poster.get(kod="avgift-salems-kommun")
    Budgetpost.objects.filter(pk=post.pk).update(belopp=post.belopp + 30)
    _, fel = selectors.avgiftskontroll(budget)
    rad = Avgiftsbeslut.objects.get(pk=beslut.pk).rader.get(medlem=post.medlem)
    assert [(f.var, f.differens) for f in fel] == [
        (rad.benamning, Decimal(30)),
        ("Summa medlemsavgifter", Decimal(30)),
    ]


def test_the_insatser_registry_gives_each_insats_its_budget(demo):
    from insatser import pengar
    from insatser.models import Insats

    ctx = demo
    slussen = Insats.objects.get(forbund=ctx.forbund, namn="Slussen")
    medel = pengar.insatser_pengar(ctx.forbund, 2017)
    assert medel[slussen.pk].budget == Decimal(2_800_000)
    underlag = pengar.uppfoljning_pengar(ctx.forbund, 2017)
    assert underlag.administration_budget == Decimal(2_145_000)
    assert (
        underlag.tilldelade_medel
        == Avgiftsbeslut.objects.get(forbund=ctx.forbund, ar=2017).total
    )
    assert underlag.insatser[slussen.pk].budget == Decimal(2_800_000)
