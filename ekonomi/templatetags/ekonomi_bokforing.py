"""Amounts in kronor or in tkr with one decimal, as the document chooses (seed 004: tkr)."""

from __future__ import annotations

from django import template

from ekonomi.selectors.rakenskaper import tkr
from finsam.templatetags.finsam import format_tal

register = template.Library()


@register.filter
def belopp(value, enhet: str = "tkr") -> str:
    """``None`` prints as a dash: the figure is not known (no bookkeeping, nothing typed)."""
    if value is None:
        return "–"
    if enhet == "kr":
        return format_tal(value)
    return format_tal(tkr(value), 1)
