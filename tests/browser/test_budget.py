"""The kansli enters a budget line in next year's draft and sees it against this year."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible


def test_kansli_enters_a_budget_line_and_sees_the_comparison(
    page, live_server, demo, login
):
    login(page, "kansli")
    page.get_by_role("link", name="Ekonomi").click()
    page.get_by_role("link", name="Budget per år").click()
    page.get_by_role("link", name="Budget 2027").click()
    assert_accessible(page)

    page.get_by_role("link", name="Ny budgetpost").click()
    page.get_by_label("Namn").fill("Frukostmöten och webbinarier")
    page.get_by_label("Grupp").select_option(label="Strukturinriktade insatser")
    page.get_by_label("Belopp (kr)").fill("125 000")
    page.get_by_role("button", name="Spara").click()

    expect(page).to_have_url(re.compile(r"/ekonomi/budget/2027/$"))
    expect(page.get_by_role("status").first).to_contain_text("är sparad")
    row = page.get_by_role("row", name=re.compile("Frukostmöten och webbinarier"))
    expect(row).to_contain_text("125\u00a0000")

    page.get_by_role("link", name="Jämfört med 2026").click()
    table = page.get_by_role("table", name=re.compile("Budget 2027 jämfört med"))
    row = table.get_by_role("row", name=re.compile("Frukostmöten och webbinarier"))
    # New this year: 125 000 against nothing last year, avvikelse 125 000.
    expect(row).to_have_text(re.compile(r"125\u00a0000\s*0\s*125\u00a0000"))
    assert_accessible(page)
