"""One ordinary week of the demo förbund, on a phone.

The rapportör files the tertial report the kansli returned, the kansli approves it and
publishes the draft protocol of the meeting held this week, the board is e-mailed, the
ordförande and the justerare find the protocol on their start pages and justera it, and
the kansli puts up the anslag. No start page carries a stale warning and no page is
wider than a phone.
"""

import re

from playwright.sync_api import expect

from finsam import dates
from insatser.models import Periodrapport
from styrelse import selectors
from styrelse.models import Anslag, Sammantrade
from tests.browser.conftest import assert_accessible, logga_ut

BREDD = 390


def _smal(page) -> None:
    # A click may have started a navigation: measure the page it leads to, once loaded.
    page.wait_for_load_state()
    page.wait_for_function("document.readyState === 'complete' && !!document.body")
    bredd = page.evaluate("document.documentElement.scrollWidth")
    assert bredd <= BREDD, f"{page.url} är {bredd} px bred"


def _startsida(page, live_server) -> None:
    """The start page: as wide as the phone, and no warning about an old year (a late
    report or justering of this year or last is news, not a stale warning)."""
    page.goto(f"{live_server.url}/")
    _smal(page)
    ar = dates.today().year
    for varning in page.locator(".panel-rader li.text-danger-emphasis").all():
        text = varning.inner_text()
        assert all(int(y) >= ar - 1 for y in re.findall(r"\b(20\d\d)\b", text)), (
            f"inaktuell varning: {text}"
        )


def test_an_ordinary_week(page, live_server, demo, login, mailoutbox, monkeypatch):
    page.set_viewport_size({"width": BREDD, "height": 844})
    forbund = demo.forbund
    rapport = Periodrapport.objects.get(
        insats__forbund=forbund, status=Periodrapport.ATERSAND
    )
    mote = Sammantrade.objects.for_forbund(forbund).get(status=Sammantrade.GENOMFORT)

    # Monday: the rapportör sees the returned report first on the start page.
    login(page, "rapportor")
    _startsida(page, live_server)
    page.get_by_role("link", name=re.compile(r"Återsänd: START")).click()
    _smal(page)
    page.get_by_label("Vad har gått bra, avvikelser och prognos för året").fill(
        "Samverkan med Arbetsförmedlingen har fungerat väl: gemensamma "
        "trepartsmöten varannan vecka."
    )
    page.get_by_role("button", name="Lämna in").click()
    expect(page.get_by_role("status").first).to_contain_text("inlämnad")
    _smal(page)
    assert any(m.subject.startswith("Rapport att granska") for m in mailoutbox)
    logga_ut(page)

    # Tuesday: the kansli reviews it from the start page's count.
    login(page, "kansli")
    _startsida(page, live_server)
    page.get_by_role("link", name=re.compile(r"\d+ rapporter? att granska")).click()
    _smal(page)
    page.get_by_role("row", name=re.compile("START")).get_by_role("link").first.click()
    page.get_by_role("button", name="Godkänn rapporten").click()
    expect(page.get_by_role("status").first).to_contain_text("godkänd")
    rapport.refresh_from_db()
    assert rapport.status == Periodrapport.GODKAND
    assert any(m.subject.startswith("Rapporten är godkänd") for m in mailoutbox)

    # Wednesday: the protocol of this week's meeting is published for the board.
    _startsida(page, live_server)
    page.get_by_role(
        "link", name=re.compile("protokoll att skriva och publicera")
    ).click()
    _smal(page)
    page.get_by_role("link", name=str(mote.datum)).click()
    _smal(page)
    page.get_by_role("button", name=re.compile("Publicera utkast")).click()
    expect(page.get_by_role("status").first).to_be_visible()
    ordf = demo.users["ordforande"].person
    just = demo.users["justerare"].person
    utkast_till = {
        m.to[0] for m in mailoutbox if m.subject.startswith("Utkast till protokoll")
    }
    assert demo.users["styrelse"].person.epost in utkast_till
    vantar = {
        m.to[0]
        for m in mailoutbox
        if m.subject.startswith("Protokollet väntar på din justering")
    }
    assert vantar == {ordf.epost, just.epost}
    logga_ut(page)

    # Thursday: the ordförande and the justerare justera from their start pages.
    # Each goes through the confirmation step, which shows the §§ and the hash.
    for namn, roll in [("ordforande", "ordförande"), ("justerare", "justerare")]:
        login(page, namn)
        _startsida(page, live_server)
        panel = page.get_by_role("region", name="Väntar på din justering")
        panel.get_by_role("link", name=re.compile(str(mote.datum))).click()
        _smal(page)
        page.get_by_role("link", name=f"Justera protokollet som {roll}").click()
        _smal(page)
        assert_accessible(page)
        expect(page.get_by_test_id("innehall-hash")).to_have_text(
            selectors.justeringsunderlag(
                sammantrade=mote, user=demo.users[namn]
            ).innehall_hash
        )
        page.get_by_role(
            "button", name="Jag har läst protokollet och justerar det"
        ).click()
        expect(page.get_by_role("status").first).to_be_visible()
        logga_ut(page)
    mote.refresh_from_db()
    assert mote.status == Sammantrade.JUSTERAT
    assert any(m.subject.startswith("Protokollet är justerat") for m in mailoutbox)

    # Friday: the kansli puts up the anslag from the start page's count.
    login(page, "kansli")
    _startsida(page, live_server)
    page.get_by_role("link", name=re.compile("anslag att sätta upp")).click()
    page.get_by_role("link", name=str(mote.datum)).click()
    _smal(page)
    page.get_by_role("button", name="Anslå").click()
    mote.refresh_from_db()
    assert mote.status == Sammantrade.ANSLAGET
    expect(page.get_by_text("Anslås när protokollet är justerat")).to_have_count(0)
    # The board shows an anslag from the day it goes up (the server runs in-process).
    uppsatt = Anslag.objects.get(sammantrade=mote).uppsatt
    monkeypatch.setattr("finsam.dates.today", lambda: uppsatt)
    page.goto(f"{live_server.url}/styrelse/anslagstavla/{forbund.orgnr}/")
    _smal(page)
    expect(page.get_by_role("row").filter(has_text=str(mote.datum))).to_have_count(1)
    _startsida(page, live_server)
