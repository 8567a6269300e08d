"""The one place where HTML becomes PDF.

A selector gathers the data, a template under ``templates/<app>/pdf/`` extends
``documents/base.html``, and ``render_pdf`` turns it into a PDF with WeasyPrint. The same
HTML can be shown in the browser (``render_html``) so a document is read before it is
printed. Apps list their documents on the Dokument page through ``register_documents``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify


def render_html(template_name: str, context: dict[str, Any], request=None) -> str:
    return render_to_string(template_name, context, request=request)


def render_pdf(template_name: str, context: dict[str, Any], request=None) -> bytes:
    # Imported here: WeasyPrint takes most of a second to import and only documents need it.
    from weasyprint import HTML

    html = render_html(template_name, {**context, "pdf": True}, request=request)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        pdf_variant="pdf/a-2b"
    )


def pdf_response(
    template_name: str,
    context: dict[str, Any],
    *,
    filename: str,
    request: HttpRequest | None = None,
    inline: bool = True,
) -> HttpResponse:
    pdf = render_pdf(template_name, context, request=request)
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
