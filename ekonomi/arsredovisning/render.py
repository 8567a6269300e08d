"""The årsredovisning as HTML and PDF, through finsam's one document pipeline."""

from __future__ import annotations

from typing import Any

from ekonomi.arsredovisning.models import Arsredovisning
from ekonomi.arsredovisning.selectors import dokument_context
from finsam.documents import render_html, render_pdf

TEMPLATE = "ekonomi/arsredovisning/pdf/arsredovisning.html"


def arsredovisning_html(*, forbund, ar: int, request=None) -> str:
    return render_html(
        TEMPLATE, dokument_context(forbund=forbund, ar=ar), request=request
    )


def pdf_from_context(context: dict[str, Any]) -> bytes:
    return render_pdf(TEMPLATE, context)


def arsredovisning_pdf(
    *, forbund, ar: int, arsredovisning: Arsredovisning | None = None
) -> bytes:
    """The PDF of ``ar`` as the data stands now: a draft (with the UTKAST mark) unless
    ``arsredovisning`` is the record being approved."""
    return pdf_from_context(
        dokument_context(forbund=forbund, ar=ar, arsredovisning=arsredovisning)
    )
