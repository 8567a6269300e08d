"""The narrative texts: Markdown typed by the kansli, rendered safely.

CommonMark with raw HTML switched off (markdown-it-py escapes any tag typed), then nh3
(the Rust ammonia sanitizer) keeps only the tags a report's prose needs — so what is
typed can never inject markup or scripts into the page or the PDF.
"""

from __future__ import annotations

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_MD = MarkdownIt("commonmark", {"html": False, "typographer": False})

TILLATNA_TAGGAR = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "blockquote",
    "a",
    "code",
}


def markdown_html(text: str) -> SafeString:
    """Markdown → sanitized HTML. Headings ``#``/``##`` are lowered to h3/h4 so a text
    never competes with the document's own numbered headings."""
    html = _MD.render(text or "")
    html = (
        html.replace("<h1>", "<h3>")
        .replace("</h1>", "</h3>")
        .replace("<h2>", "<h4>")
        .replace("</h2>", "</h4>")
    )
    clean = nh3.clean(
        html,
        tags=TILLATNA_TAGGAR,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
    )
    return mark_safe(clean)  # noqa: S308 - sanitized by nh3 just above
