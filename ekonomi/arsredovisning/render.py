"""The årsredovisning as HTML and PDF, through finsam's one document pipeline.

Drafts are rendered off the request by finsam.dokumentfiler (registered in apps.py,
kind ``arsredovisning_utkast``) and kept until the HTML changes. An approved report's
HTML is frozen on approval and laid out once by ``services.faststall_pdf``.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from ekonomi.arsredovisning.models import Arsredovisning
from ekonomi.arsredovisning.selectors import dokument_context
from finsam.dates import MAX_AR, MIN_AR
from finsam.documents import render_html, render_pdf

TEMPLATE = "ekonomi/arsredovisning/pdf/arsredovisning.html"
UTKAST = "arsredovisning_utkast"


def arsredovisning_html(
    *, forbund, ar: int, arsredovisning: Arsredovisning | None = None, pdf=False
) -> str:
    """The document's HTML; ``pdf=True`` gives the HTML WeasyPrint lays out."""
    context = dokument_context(forbund=forbund, ar=ar, arsredovisning=arsredovisning)
    return render_html(TEMPLATE, {**context, "pdf": pdf})


def arsredovisning_pdf(*, forbund, ar: int) -> bytes:
    """A draft PDF from the data as it stands now (the command line's)."""
    return render_pdf(TEMPLATE, dokument_context(forbund=forbund, ar=ar))


def ar_fran_nyckel(key: str) -> int:
    if not key.isdigit() or not MIN_AR <= int(key) <= MAX_AR:
        raise Http404("Inget sådant år.")
    return int(key)


def utkast_renderer(forbund, key: str) -> tuple[str, dict[str, Any]]:
    """finsam.dokumentfiler's renderer for the draft of year ``key``."""
    return TEMPLATE, dokument_context(forbund=forbund, ar=ar_fran_nyckel(key))


def utkast_titel(forbund, key: str) -> str:
    return f"Årsredovisning {key} (utkast)"
