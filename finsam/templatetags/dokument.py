"""Plain text typed by the kansli, printed as paragraphs and lists in documents.

``{{ text|stycken }}``: blank lines separate paragraphs; lines starting with "- " or
"• " become a bulleted list; lines starting with "a) ", "b. " … or "1. ", "2) " … a list
that prints the text's own letter or number and no bullet beside it. Everything is
escaped; only the markup made here is trusted.
"""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

PUNKT = re.compile(r"^\s*[-•*]\s+(?P<text>.+)$")
MARKERAD = re.compile(r"^\s*(?P<markor>[a-zåäö]{1,2}[).]|\d{1,3}[).])\s+(?P<text>.+)$")


def _rad_typ(rad: str) -> tuple[str, str, str]:
    if m := PUNKT.match(rad):
        return "punkt", "", m.group("text")
    if m := MARKERAD.match(rad):
        return "markerad", m.group("markor"), m.group("text")
    return "text", "", rad.strip()


def stycken_html(text: str) -> str:
    html: list[str] = []
    for block in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip()):
        rader = [r for r in block.split("\n") if r.strip()]
        grupp: list[tuple[str, str, str]] = []

        def tom(grupp=grupp):
            if not grupp:
                return
            typ = grupp[0][0]
            if typ == "punkt":
                items = "".join(f"<li>{escape(t)}</li>" for _, _, t in grupp)
                html.append(f'<ul class="punkter">{items}</ul>')
            elif typ == "markerad":
                items = "".join(
                    f'<li><span class="markor">{escape(m)}</span> {escape(t)}</li>'
                    for _, m, t in grupp
                )
                html.append(f'<ol class="markerad">{items}</ol>')
            else:
                html.append(
                    "<p>" + "<br>".join(escape(t) for _, _, t in grupp) + "</p>"
                )
            grupp.clear()

        for rad in rader:
            rad_typ = _rad_typ(rad)
            if grupp and grupp[0][0] != rad_typ[0]:
                tom()
            grupp.append(rad_typ)
        tom()
    return "".join(html)


@register.filter
def stycken(text: str) -> str:
    return mark_safe(stycken_html(text))  # noqa: S308 - every piece escaped above
