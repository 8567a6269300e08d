"""The board's meeting from kallelse to justerat protokoll on the anslagstavla, in a browser."""

import datetime as dt
import re

from playwright.sync_api import expect

from styrelse import selectors
from styrelse.frister import sista_dag_for_overklagande
from styrelse.models import Sammantrade
from tests.browser.conftest import assert_accessible


def logga_ut(page):
    page.context.clear_cookies()


def test_meeting_from_kallelse_to_anslagstavla(
    page, live_server, demo, login, mailoutbox, monkeypatch
):
    url = live_server.url
    # Kansli: ärende, meeting, kallelse, protocol, draft.
    login(page, "kansli")
    page.goto(f"{url}/styrelse/")
    assert_accessible(page)
    page.get_by_role("link", name="Diariet", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Nytt ärende").click()
    page.get_by_label("Rubrik").fill("Verksamhetsplan 2019")
    page.get_by_label("Förslag till beslut").fill(
        "Styrelsen fastställer verksamhetsplanen."
    )
    page.get_by_role("button", name="Spara").click()
    expect(
        page.get_by_role("alert").or_(page.get_by_role("status")).first
    ).to_contain_text("diarienummer")

    page.goto(f"{url}/styrelse/nytt/")
    page.get_by_label("Datum").fill("2018-09-14")
    page.get_by_label("Klockan från").fill("09:00")
    page.get_by_label("Plats", exact=True).fill("Kansliet")
    page.get_by_label("Ordförande").select_option(
        label=str(demo.users["ordforande"].person)
    )
    page.get_by_label("Justerare", exact=True).select_option(
        label=str(demo.users["justerare"].person)
    )
    page.get_by_label("Verksamhetsplan 2019").check()
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2018-09-14")
    assert_accessible(page)
    sammantrade = Sammantrade.objects.for_forbund(demo.forbund).get(
        datum=dt.date(2018, 9, 14)
    )
    # §§ 1-11 and 12-18 belong to the spring meetings; this one runs on from § 19.
    expect(page.locator("#p19")).to_contain_text("Val av justerare")
    expect(page.locator("#p21")).to_contain_text("Verksamhetsplan 2019")

    page.get_by_role("link", name="Kallelse", exact=True).click()
    expect(page).to_have_url(re.compile(r"/kallelse/$"))
    assert_accessible(page)
    page.get_by_role("button", name="Skicka kallelsen med e-post").click()
    expect(
        page.get_by_role("alert").or_(page.get_by_role("status")).first
    ).to_contain_text("skickad")
    assert len(mailoutbox) >= 5

    page.goto(f"{url}/styrelse/{sammantrade.pk}/")
    # Attendance in one step from the board's composition on the meeting date.
    page.get_by_role(
        "button", name="Fyll i hela styrelsen enligt sammansättningen 2018-09-14"
    ).click()
    expect(page.locator("#narvaro + table")).to_contain_text(
        str(demo.users["justerare"].person)
    )
    page.get_by_role("link", name="Skriv § 21").click()
    page.get_by_label("Beslut", exact=True).fill(
        "Styrelsen fastställer verksamhetsplanen 2019."
    )
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("button", name="Publicera utkast för styrelsen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Protokoll utkast")
    logga_ut(page)

    # A board member comments on the draft.
    login(page, "styrelse")
    page.goto(f"{url}/styrelse/{sammantrade.pk}/")
    assert_accessible(page)
    page.get_by_label("Kommentar till § 21").fill("Lägg till budgetramen.")
    page.get_by_role("button", name="Kommentera § 21").click()
    expect(page.locator("#p21")).to_contain_text("Lägg till budgetramen.")
    logga_ut(page)

    # Ordförande and justerare approve, each with their own login, through the
    # confirmation: the §§ and the hash, and a reason while a comment is open.
    for username, roll in [("ordforande", "ordförande"), ("justerare", "justerare")]:
        login(page, username)
        page.goto(f"{url}/styrelse/{sammantrade.pk}/")
        page.get_by_role("link", name=f"Justera protokollet som {roll}").click()
        assert_accessible(page)
        expect(page.get_by_test_id("innehall-hash")).to_have_text(
            selectors.justeringsunderlag(
                sammantrade=sammantrade, user=demo.users[username]
            ).innehall_hash
        )
        expect(page.get_by_role("alert")).to_contain_text("Lägg till budgetramen.")
        knapp = page.get_by_role(
            "button", name="Jag har läst protokollet och justerar det"
        )
        knapp.click()
        expect(page.get_by_role("alert").first).to_contain_text("olösta kommentarer")
        page.get_by_label("Varför justerar du trots olösta kommentarer?").fill(
            "Budgetramen står i bilagan; kommentaren kräver ingen ändring."
        )
        knapp.click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        logga_ut(page)
    sammantrade.refresh_from_db()
    assert sammantrade.status == Sammantrade.JUSTERAT

    # Kansli puts the anslag up; the public anslagstavla shows the dates.
    login(page, "kansli")
    page.goto(f"{url}/styrelse/{sammantrade.pk}/")
    uppsatt = dt.date.fromisoformat(
        page.get_by_label("Anslaget sätts upp").input_value()
    )
    page.get_by_role("button", name="Anslå").click()
    expect(
        page.get_by_role("alert").or_(page.get_by_role("status")).first
    ).to_contain_text("anslaget")
    # Any later attempt to change the protocol is refused.
    expect(page.get_by_role("link", name="Skriv § 21")).to_have_count(0)
    paragraf = sammantrade.paragrafer.get(nummer=21)
    page.goto(f"{url}/styrelse/paragraf/{paragraf.pk}/")
    expect(page.get_by_role("alert").first).to_contain_text(
        "justerat och kan inte ändras"
    )
    logga_ut(page)

    # The board shows the anslag from the day it goes up (the server runs in-process).
    monkeypatch.setattr("finsam.dates.today", lambda: uppsatt)
    page.goto(f"{url}/styrelse/anslagstavla/{demo.forbund.orgnr}/")
    assert_accessible(page)
    rad = page.get_by_role("row").filter(has_text="2018-09-14")
    expect(rad).to_contain_text("§§ 19–25")
    expect(rad).to_contain_text(uppsatt.isoformat())
    expect(rad).to_contain_text(sista_dag_for_overklagande(uppsatt).isoformat())
