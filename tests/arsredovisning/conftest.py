"""The demo förbund rendered once per module: rendering the årsredovisning takes
seconds, and most tests only read its text."""

from __future__ import annotations

import io
import re

import pytest


def pdf_pages(pdf: bytes) -> list[str]:
    """Each page's text with whitespace collapsed, thin/non-breaking spaces as spaces
    and the typographic minus as a hyphen, so figures read as in the seed."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        text = page.extract_text() or ""
        text = text.replace("\xa0", " ").replace("\u2212", "-").replace("\u2010", "-")
        pages.append(re.sub(r"\s+", " ", text))
    return pages


@pytest.fixture(scope="module")
def media_modul(tmp_path_factory):
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(scope="module")
def utkast_pdf(demo_modul, media_modul, django_db_blocker) -> bytes:
    """The draft as the kansli gets it: requested, rendered by the background task
    (the immediate backend under test) and stored as a Dokumentfil."""
    from ekonomi.arsredovisning.render import UTKAST
    from finsam import dokumentfiler

    with django_db_blocker.unblock():
        fil = dokumentfiler.begar(demo_modul.forbund, UTKAST, "2017")
        assert fil.status == fil.KLAR, fil.felmeddelande
        with fil.fil.open("rb") as handle:
            return handle.read()
