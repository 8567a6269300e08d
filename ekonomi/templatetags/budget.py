"""Cells of a budget table, formatted by their column's kind (kronor or per cent)."""

from __future__ import annotations

from django import template

from finsam.templatetags.finsam import format_tal

register = template.Library()


@register.filter
def celler(varden, kolumner) -> list[str]:
    out = []
    for v, k in zip(varden, kolumner, strict=True):
        if v is None:
            out.append("")
        elif k.typ == "pct":
            out.append(format_tal(v, 1) + "\xa0%")
        else:
            out.append(format_tal(v, 0))
    return out
