"""The kansli enters a fee decision in the browser and sends it."""

import re

from playwright.sync_api import expect

from finsam.dates import today
from tests.browser.conftest import assert_accessible


def test_kansli_enters_a_fee_decision(page, live_server, demo, login):
    # The demo has decided every year up to the running one and drafts the next.
    ar = today().year + 2
    login(page, "kansli")
    page.get_by_role("link", name="Ekonomi").click()
    page.get_by_role("link", name="Medlemsavgifter").click()
    assert_accessible(page)

    page.goto(f"{live_server.url}/avgifter/underlag/{ar}/")
    page.get_by_label("Botkyrka kommun: befolkning").fill("93000")
    page.get_by_label("Huddinge kommun: befolkning").fill("110000")
    page.get_by_label("Salems kommun: befolkning").fill("17000")
    page.get_by_role("button", name="Spara underlaget").click()
    expect(page.get_by_role("status").first).to_contain_text(
        f"Underlaget för {ar} är sparat"
    )
    assert_accessible(page)

    page.get_by_role("link", name="Beslut").click()
    page.get_by_role("link", name="Nytt beslut om medlemsavgifter").click()
    page.get_by_label("Budgetår").fill(str(ar))
    page.get_by_label("Total medlemsavgift").fill("17378000")
    page.get_by_label("Beslutsparagraf").fill(f"§ 60, {ar - 1}-11-21")
    assert_accessible(page)
    page.get_by_role("button", name="Spara").click()

    expect(page).to_have_url(re.compile(r"/avgifter/\d+/$"))
    table = page.get_by_role(
        "table", name=re.compile(f"Fördelning av medlemsavgifter {ar}")
    )
    expect(table).to_contain_text("8\u00a0689\u00a0000\u00a0kr")
    expect(table).to_contain_text("4\u00a0344\u00a0500\u00a0kr")
    expect(table).to_contain_text("17\u00a0378\u00a0000\u00a0kr")
    assert_accessible(page)

    page.get_by_role("button", name="Markera som expedierat").click()
    expect(page.get_by_role("status").first).to_contain_text("expedierat")
    expect(page.get_by_role("link", name="Ersätt med nytt beslut")).to_be_visible()
