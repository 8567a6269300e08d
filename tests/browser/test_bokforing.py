"""The kansli types last year's comparatives with a typo and the avstämning finds it."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible


def test_kansli_sees_the_statements_and_a_typo_in_the_avstamning(
    page, live_server, demo, login
):
    login(page, "kansli")
    page.get_by_role("link", name="Ekonomi").click()
    page.get_by_role(
        "link", name="Bokföring, räkenskaper, avstämning och nyckeltal per år"
    ).click()
    assert_accessible(page)
    # The running year is imported too and listed first; the comparatives are 2017's.
    page.get_by_role("row", name=re.compile(r"^2017 ")).get_by_role(
        "link", name="Räkenskaper"
    ).click()
    expect(
        page.get_by_role("table", name="Resultaträkning, belopp i tkr")
    ).to_contain_text("16\u00a0008,0")
    assert_accessible(page)

    page.get_by_role("link", name="Avstämning").first.click()
    expect(page.get_by_role("status").first).to_contain_text("Inga avvikelser")

    page.get_by_role("link", name="Manuella uppgifter").click()
    page.get_by_label("kronor").check()
    page.get_by_label("Kassa och banktillgodohavande").fill("13982210")
    assert_accessible(page)
    page.get_by_role("button", name="Spara uppgifterna").click()
    expect(page.get_by_role("status").first).to_contain_text("är sparade")

    page.get_by_role("link", name="Avstämning").first.click()
    table = page.get_by_role("table", name="1 avvikelse 2017")
    expect(table).to_contain_text("Kassa och banktillgodohavande")
    expect(table).to_contain_text("30")
    assert_accessible(page)
