"""The budget document holds seed 000's budget table; drafts say UTKAST; both documents
are listed on the Dokument page."""

import io
import re

import pytest
from pypdf import PdfReader

from finsam.demo import build_demo, build_ostra_sodertorn
from finsam.documents import documents_for

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    # Thousands are grouped with (non-breaking) spaces; compare the digits.
    return re.sub(r"(?<=\d)[\s\u00a0](?=\d{3})", "", text).replace("\u2212", "-")


def test_budget_document_2018_holds_seed_000s_table(client):
    from finsam.models import User

    build_ostra_sodertorn()
    client.force_login(User.objects.get(username="os-kansli"))
    response = client.get("/ekonomi/budget/2018/dokument/")
    assert response["Content-Type"] == "application/pdf"
    text = _text(response.content)
    assert "Mål, budget och verksamhetsplan 2018" in text
    # Seed 000, section 8: Summa insatser and the total, 2018, 2017 and avvikelse.
    for figures in ("15380375 16178868 -798493", "19075375 19668868 -593493"):
        assert figures in re.sub(r"\s+", " ", text)
    assert "Förbundsreserv" in text and "2837800" in text
    # Section 7: the fees per member over the years (from the fee decisions).
    assert "2316603" in text and "17378000" in text
    assert "UTKAST" not in text


def test_a_draft_is_marked_and_both_documents_are_listed(client):
    ctx = build_demo()
    titles = [
        d.titel
        for d in documents_for(ctx.forbund, 2027)
        if d.titel.endswith("(UTKAST)") and "budget" in d.titel.lower()
    ]
    assert titles == [
        "Mål, budget och verksamhetsplan 2027 (UTKAST)",
        "Budget 2027 och verksamhetsplan 2027–2029 (UTKAST)",
    ]
    client.force_login(ctx.users["revisor"])
    text = _text(client.get("/ekonomi/budget/2027/verksamhetsplan/").content)
    assert "UTKAST" in text
    assert "Plan 2028" in text and "Prognos 2026" in text
