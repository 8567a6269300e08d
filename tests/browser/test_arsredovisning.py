"""The kansli writes "Ordförande har ordet" and registers the board's approval of the
Årsredovisning 2017; the revisor downloads the approved PDF, the same bytes as frozen."""

import hashlib
import io
import re

from playwright.sync_api import expect

from styrelse.models import Paragraf
from tests.browser.conftest import assert_accessible, logga_ut


def test_kansli_writes_the_chairmans_words_and_revisor_downloads_the_approved_pdf(
    page, live_server, demo, login
):
    from pypdf import PdfReader

    login(page, "kansli")
    page.get_by_role("link", name="Ekonomi").click()
    page.get_by_role("link", name=re.compile("Årsredovisningar: texter")).click()
    page.get_by_role("link", name="Årsredovisning 2017").click()
    assert_accessible(page)

    page.get_by_role("link", name="Skriv Ordförande har ordet").click()
    # Last saved text is the starting point; the kansli rewrites it.
    text = page.get_by_label("Text")
    expect(text).to_have_value(re.compile("gränsöverskridande samarbete"))
    text.fill(
        "Ett år av **goda resultat** i samverkan.\n\nStort tack till alla!\n\n"
        "<script>alert('x')</script>"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("status").first).to_contain_text("Ordförande har ordet")

    # The document in the browser shows the text, typed markup only as text.
    page.get_by_role("link", name="Visa i webbläsaren").click()
    expect(page.locator("strong", has_text="goda resultat")).to_be_visible()
    expect(page.get_by_text("<script>alert('x')</script>")).to_be_visible()
    page.go_back()

    # The board approved it on 23 March 2018; the PDF is made once, now.
    paragraf = Paragraf.objects.for_forbund(demo.forbund).get(
        rubrik="Årsredovisning 2017"
    )
    page.get_by_label("Styrelsens beslut (§)").select_option(
        label=f"§ {paragraf.nummer}, 2018-03-23: Årsredovisning 2017"
    )
    page.get_by_role("button", name="Registrera godkännandet").click(timeout=60_000)
    status = page.get_by_role("status").first
    expect(status).to_contain_text("är godkänd", timeout=60_000)
    sha = page.locator("code").first.inner_text()
    logga_ut(page)

    login(page, "revisor")
    page.get_by_role("link", name="Ekonomi").click()
    page.get_by_role("link", name="Fastställda årsredovisningar").click()
    assert_accessible(page)
    expect(page.get_by_role("table")).to_contain_text(sha)
    with page.expect_download() as info:
        page.get_by_role("link", name="Årsredovisning 2017 (PDF)").click()
    pdf = open(info.value.path(), "rb").read()
    assert hashlib.sha256(pdf).hexdigest() == sha
    first_page = PdfReader(io.BytesIO(pdf)).pages[1].extract_text()
    assert "goda resultat" in first_page
    assert "UTKAST" not in first_page
