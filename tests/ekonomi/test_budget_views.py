"""The budget pages: every page answers, lines are entered the Swedish way, an adopted
budget changes only through a revision, and the other förbund sees nothing."""

from decimal import Decimal

import openpyxl
import pytest

from ekonomi.models import Budget, Budgetpost, Budgetrevision
from finsam.demo import build_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def kansli(demo, client):
    client.force_login(demo.users["kansli"])
    return client


SIDOR = [
    "/ekonomi/",
    "/ekonomi/budget/",
    "/ekonomi/budget/ny/",
    "/ekonomi/budget/2017/",
    "/ekonomi/budget/2027/",
    "/ekonomi/budget/2027/post/ny/",
    "/ekonomi/budget/2018/jamforelse/",
    "/ekonomi/budget/2027/plan/",
    "/ekonomi/budget/2017/utfall/",
    "/ekonomi/budget/2026/period/8/",
    "/ekonomi/budget/2026/period/8/prognos/",
    "/ekonomi/budget/2026/revidera/",
    "/ekonomi/budget/2027/anta/",
    "/ekonomi/budget/2027/plan/?html=1",
]


@pytest.mark.parametrize("url", SIDOR)
def test_every_budget_page_answers(kansli, url):
    assert kansli.get(url).status_code == 200


def test_a_line_typed_with_spaces_and_a_decimal_comma_is_saved(kansli, demo):
    response = kansli.post(
        "/ekonomi/budget/2027/post/ny/",
        {
            "namn": "Frukostmöten",
            "grupp": Budgetpost.STRUKTUR,
            "belopp": "1 250 000,50",
            "plan_1": "1 300 000",
            "plan_2": "",
            "ordning": "",
            "kod": "",
        },
    )
    assert response.status_code == 302
    post = Budgetpost.objects.get(
        budget__forbund=demo.forbund, budget__ar=2027, namn="Frukostmöten"
    )
    assert post.belopp == Decimal("1250000.50")
    assert post.plan_1 == Decimal(1_300_000)
    assert post.kod == "frukostmoten"


def test_a_bad_amount_gets_a_swedish_message_and_nothing_is_saved(kansli, demo):
    response = kansli.post(
        "/ekonomi/budget/2027/post/ny/",
        {"namn": "Fel", "grupp": Budgetpost.STRUKTUR, "belopp": "tolv kronor"},
    )
    assert response.status_code == 200
    assert "Skriv ett belopp i kronor" in response.content.decode()
    assert not Budgetpost.objects.filter(namn="Fel").exists()


def test_an_adopted_budget_refuses_a_direct_edit(kansli, demo):
    post = Budgetpost.objects.get(
        budget__forbund=demo.forbund, budget__ar=2017, kod="lokal"
    )
    response = kansli.post(
        f"/ekonomi/budget/post/{post.pk}/",
        {"namn": "Lokal", "grupp": post.grupp, "belopp": "1"},
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.belopp == Decimal(165_000)


def test_a_revision_records_before_and_after(kansli, demo):
    budget = Budget.objects.get(forbund=demo.forbund, ar=2017)
    lokal = budget.poster.get(kod="lokal")
    data = {
        f"post_{p.pk}": str(p.belopp)
        for p in budget.poster.filter(delposter__isnull=True)
    }
    data.update(
        {
            f"post_{lokal.pk}": "250 000",
            "paragraf_text": "§ 12, 2017-06-01",
            "datum": "2017-06-01",
            "motivering": "Ny lokal från hösten.",
        }
    )
    response = kansli.post("/ekonomi/budget/2017/revidera/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    revision = Budgetrevision.objects.get(budget=budget)
    rad = revision.rader.get()
    assert (rad.budgetpost, rad.fore, rad.efter) == (
        lokal,
        Decimal(165_000),
        Decimal(250_000),
    )
    lokal.refresh_from_db()
    assert lokal.belopp == Decimal(250_000)


def test_the_comparison_shows_the_avvikelse_from_last_years_budget(kansli, demo):
    body = kansli.get("/ekonomi/budget/2018/jamforelse/").content.decode()
    # Kansli 2017 1 626 000, carried forward +2 % and rounded to thousands: 1 659 000.
    assert "1\xa0659\xa0000" in body and "1\xa0626\xa0000" in body
    assert "33\xa0000" in body


def test_the_excel_export_has_formulas_for_the_sums(kansli, demo):
    response = kansli.get("/ekonomi/budget/2018/excel/jamforelse/")
    wb = openpyxl.load_workbook(__import__("io").BytesIO(response.content))
    ws = wb.active
    cells = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    r = cells["Summa administration"]
    assert ws.cell(row=r, column=2).value.startswith("=SUM(")
    assert ws.cell(row=r, column=4).value == f"=B{r}-C{r}"
    kansli_rad = cells["Kansli"]
    assert ws.cell(row=kansli_rad, column=2).value == 1_659_000
    assert ws.cell(row=kansli_rad, column=3).value == 1_626_000


def test_the_other_forbund_sees_no_budget(client, demo):
    other = build_demo(
        orgnr="222000-1701", namn="Annat", kortnamn="AN", user_prefix="b-"
    )
    post = Budgetpost.objects.filter(budget__forbund=demo.forbund).first()
    client.force_login(other.users["kansli"])
    assert client.get(f"/ekonomi/budget/post/{post.pk}/").status_code == 404


def test_the_year_page_costs_a_fixed_number_of_queries(
    kansli, demo, django_assert_max_num_queries
):
    # session, user, förbund; the budget; the fee decision with rows and members and
    # the fee lines; the budget again with its lines and insatser; revisions with rows
    # and lines; prognoses; the insats links. Not one query per line.
    with django_assert_max_num_queries(22):
        assert kansli.get("/ekonomi/budget/2026/").status_code == 200


def test_the_opening_equity_can_be_typed_after_adoption(kansli, demo):
    response = kansli.post(
        "/ekonomi/budget/2017/andra/",
        {
            "ingaende_eget_kapital": "−1 234 567",
            "kommentar": "Enligt årsredovisningen.",
        },
    )
    assert response.status_code == 302
    budget = Budget.objects.get(forbund=demo.forbund, ar=2017)
    assert budget.ingaende_eget_kapital == Decimal(-1_234_567)
