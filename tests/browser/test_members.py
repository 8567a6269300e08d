"""Kansli adds a board member in a real browser; the main pages pass axe-core."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

MAIN_PAGES = [
    "/",
    "/medlemmar/",
    "/styrelsen/?datum=2017-12-31",
    "/uppdrag/",
    "/personer/",
    "/dokument/",
    "/avgifter/",
    "/avgifter/historik/",
    "/avgifter/underlag/2018/",
    "/avgifter/bud/2018/",
    "/insatser/",
    "/ekonomi/",
    "/styrelse/",
]


def test_kansli_adds_a_board_member(page, live_server, demo, login):
    login(page, "kansli")
    expect(page.get_by_role("heading", level=1)).to_have_text(demo.forbund.namn)

    page.get_by_role("link", name="Medlemmar", exact=True).first.click()
    page.get_by_role("link", name="Personer").click()
    page.get_by_role("link", name="Ny person").click()
    page.get_by_label("Förnamn").fill("Zara")
    page.get_by_label("Efternamn").fill("Lind")
    page.get_by_label("Parti").fill("V")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("alert").or_(page.get_by_role("status"))).to_contain_text(
        "sparade"
    )

    page.goto(f"{live_server.url}/uppdrag/nytt/")
    page.get_by_label("Person").select_option(label="Zara Lind (V)")
    page.get_by_label("Uppdrag").select_option(label="Ersättare")
    page.get_by_label("Utsedd av / företräder").select_option(label="Huddinge kommun")
    page.get_by_label("Från").fill("2019-04-01")
    page.get_by_role("button", name="Spara").click()
    expect(page).to_have_url(re.compile(r"/uppdrag/$"))

    page.goto(f"{live_server.url}/styrelsen/?datum=2019-04-02")
    row = page.get_by_role("row").filter(has_text="Huddinge kommun")
    expect(row).to_contain_text("Zara Lind (V)")


def test_a_form_error_is_shown_next_to_its_field(page, live_server, demo, login):
    login(page, "kansli")
    page.goto(f"{live_server.url}/uppdrag/nytt/")
    page.get_by_label("Person").select_option(index=1)
    page.get_by_label("Uppdrag").select_option(label="Ledamot")
    page.get_by_label("Från").fill("2019-04-01")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_text("Formuläret innehåller fel")).to_be_visible()
    expect(page.get_by_text("Ange vilken medlem som utsett personen.")).to_be_visible()
    assert_accessible(page)


def test_main_pages_have_no_serious_accessibility_violations(
    page, live_server, demo, login
):
    login(page, "kansli")
    for path in MAIN_PAGES:
        page.goto(f"{live_server.url}{path}")
        assert page.title(), path
        assert_accessible(page)


def test_the_admins_user_pages_are_accessible(page, live_server, demo, login):
    login(page, "admin")
    page.get_by_role("link", name="Användare").click()
    assert_accessible(page)
    page.get_by_role("link", name="Ny användare").click()
    assert_accessible(page)
