"""The kansli's insatser pages pass axe-core; the statistics page shows seed 004's table."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

SIDOR = [
    "/insatser/",
    "/insatser/statistik/2017/",
    "/insatser/uppfoljning/2017/",
    "/insatser/struktur/",
    "/insatser/indikatorer/2017/",
    "/insatser/indikatorer/2017/andra/",
    "/insatser/kategorier/",
    "/insatser/sena/",
    "/insatser/granska/",
]


def test_kansli_insatser_pages_are_accessible(page, live_server, demo, login):
    login(page, "kansli")
    for path in SIDOR:
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("h1")).to_be_visible()
        assert_accessible(page)
    page.goto(f"{live_server.url}/insatser/statistik/2017/")
    total = page.locator("#deltagarfloden tfoot tr")
    expect(total).to_contain_text("760")
    expect(page.locator("svg[role=img]")).to_be_visible()
    # Möjliggörarna ended in 2019: listed with the insatser of earlier years.
    page.goto(f"{live_server.url}/insatser/?visa=alla")
    page.get_by_role("link", name="Möjliggörarna").click()
    expect(page.get_by_text("godkänd avvikelse").first).to_be_visible()
    assert_accessible(page)
    # The seeds' year: the demo has reported every year since.
    page.get_by_role("row").filter(has_text="2017").get_by_role(
        "link", name="Helår"
    ).click()
    expect(page.get_by_role("status").first).to_contain_text("Godkänd avvikelse")
    assert_accessible(page)
