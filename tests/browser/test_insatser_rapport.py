"""An insatsrapportör submits a tertial report in the browser; the kansli approves it."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, logga_ut

FALT = {
    "Aktuella deltagare, totalt": "40",
    "Aktuella deltagare, kvinnor": "15",
    "Aktuella deltagare, män": "25",
    "Nya deltagare, totalt": "12",
    "Nya deltagare, kvinnor": "5",
    "Nya deltagare, män": "7",
    "Avslutade deltagare, totalt": "9",
    "Avslutade deltagare, kvinnor": "4",
    "Avslutade deltagare, män": "5",
    "Avslutsorsak Arbete, kvinnor": "2",
    "Avslutsorsak Arbete, män": "3",
    "Avslutsorsak Studier, kvinnor": "2",
}


def test_rapportor_submits_tertial_report_and_kansli_approves(
    page, live_server, demo, login
):
    login(page, "rapportor")
    page.get_by_role("link", name="Insatser", exact=True).first.click()
    assert_accessible(page)
    expect(page.get_by_role("link", name="Slussen")).to_have_count(0)
    page.get_by_role("link", name="START").click()
    page.get_by_role("link", name="Ny rapport").click()
    page.get_by_label("År").fill("2016")
    page.get_by_label("Period").select_option("t2")
    page.get_by_role("button", name="Skapa").click()
    expect(page).to_have_url(re.compile(r"/insatser/rapport/\d+/andra/$"))
    assert_accessible(page)

    for label, value in FALT.items():
        page.get_by_label(label, exact=True).fill(value)
    # Män's exit reasons add up to 3, not 5: refused with the difference named.
    page.get_by_role("button", name="Lämna in").click()
    expect(page.get_by_text("skillnad 2").first).to_be_visible()
    page.get_by_label("Avslutsorsak Studier, män", exact=True).fill("2")
    page.get_by_role("button", name="Lämna in").click()
    expect(page.get_by_role("status").first).to_contain_text("inlämnad")
    logga_ut(page)

    login(page, "kansli")
    page.goto(f"{live_server.url}/insatser/granska/")
    assert_accessible(page)
    page.get_by_role("row", name=re.compile("START.*2016.*Tertial 2")).get_by_role(
        "link"
    ).click()
    assert_accessible(page)
    page.get_by_role("button", name="Godkänn rapporten").click()
    expect(page.get_by_role("status").first).to_contain_text("godkänd")
    page.goto(f"{live_server.url}/insatser/statistik/2017/")
    expect(page.locator("#unika")).to_have_text("624")
    assert_accessible(page)
