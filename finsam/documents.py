"""The one place where HTML becomes PDF.

A selector gathers the data, a template under ``templates/<app>/pdf/`` extends
``documents/base.html`` (its blocks are documented at its top), and ``render_pdf`` turns it
into a PDF with WeasyPrint. The same HTML can be shown in the browser: ``pdf_response``
answers ``?html=1`` on any PDF URL with the HTML it would have laid out. Apps list their
documents on the Dokument page through ``register_documents``.

Every PDF is PDF/A-2a (``PDF_VARIANT``): archival, tagged for accessibility, its fonts
embedded. Its metadata comes from the HTML: ``<title>`` (the ``doc_title`` block) is the
Title, ``<meta name="author">`` (the förbund's name, from ``forbund`` in the context) the
Author, ``<html lang="sv">`` the language.

Long documents render off the request: see ``finsam/dokumentfiler.py``
(``register_renderer`` and the ``Dokumentfil`` model).

A frozen document's PDF is sealed with ``finsam.sigill.signera``, which appends the
förbund's PAdES signature as an incremental update, leaving the PDF/A bytes above it as
WeasyPrint wrote them; finsam/forsegling.py seals and verifies every frozen document.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify

# PDF/A-2 level a: the archival variant that also carries the structure tags screen
# readers use (WeasyPrint 70 turns pdf_tags on for it). "pdf/a-2b" would drop the tags.
PDF_VARIANT = "pdf/a-2a"


def render_html(template_name: str, context: dict[str, Any], request=None) -> str:
    return render_to_string(template_name, context, request=request)


def html_to_pdf(html: str, progress: Callable[[int], None] | None = None) -> bytes:
    """Lay out and write ``html`` as a PDF; ``progress`` hears 60 after layout, 100 at end.

    Layout takes most of the time of a long document, writing (font subsetting) the rest.
    """
    # Imported here: WeasyPrint takes most of a second to import and only documents need it.
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(settings.BASE_DIR)).render(
        pdf_variant=PDF_VARIANT
    )
    if progress:
        progress(60)
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
    if progress:
        progress(100)
    return pdf


def render_pdf(template_name: str, context: dict[str, Any], request=None) -> bytes:
    html = render_html(template_name, {**context, "pdf": True}, request=request)
    return html_to_pdf(html)


def pdf_response(
    template_name: str,
    context: dict[str, Any],
    *,
    filename: str,
    request: HttpRequest | None = None,
    inline: bool = True,
) -> HttpResponse:
    """The PDF as a response; with ``?html=1`` the HTML it is made from, for the browser."""
    if request is not None and request.GET.get("html"):
        return html_response(render_html(template_name, context, request=request))
    pdf = render_pdf(template_name, context, request=request)
    return pdf_file_response(pdf, filename, inline=inline)


_STYLE = re.compile(r"<style>(.*?)</style>", re.S)


def html_response(html: str) -> HttpResponse:
    """A document's HTML for the browser. The document carries its CSS in its own
    ``<style>`` (the same CSS WeasyPrint lays the PDF out with), which the site's
    Content-Security-Policy refuses as inline; this response allows exactly those style
    blocks by their SHA-256, and nothing else inline."""
    response = HttpResponse(html)
    hashes = [
        "'sha256-"
        + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
        + "'"
        for css in _STYLE.findall(html)
    ]
    if hashes:
        response._csp_update = {"style-src": hashes}  # type: ignore[attr-defined]
    return response


def pdf_file_response(
    pdf: bytes, filename: str, *, inline: bool = True
) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    safe = slugify(filename.removesuffix(".pdf")) or "dokument"
    response["Content-Disposition"] = f'{disposition}; filename="{safe}.pdf"'
    return response


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    """An Excel workbook (bytes from openpyxl) as a download named ``filename``.xlsx."""
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    safe = slugify(filename.removesuffix(".xlsx")) or "export"
    response["Content-Disposition"] = f'attachment; filename="{safe}.xlsx"'
    return response


@dataclass
class Dokument:
    """One downloadable document on the Dokument page."""

    titel: str
    kategori: str
    url: str
    datum: Any = None


DocumentSource = Callable[[Any, int], Iterable[Dokument]]
_sources: list[DocumentSource] = []


def register_documents(source: DocumentSource) -> DocumentSource:
    """Apps register a function ``source(forbund, ar) -> iterable of Dokument``.

    A source returns only the documents of year ``ar`` so the Dokument page's cost does
    not grow with the förbund's history.
    """
    if source not in _sources:
        _sources.append(source)
    return source


def documents_for(forbund, ar: int) -> list[Dokument]:
    docs: list[Dokument] = []
    for source in _sources:
        docs.extend(source(forbund, ar))
    return docs
