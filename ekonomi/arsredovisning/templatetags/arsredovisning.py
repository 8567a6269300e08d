"""Amounts as the årsredovisning prints them: tkr with one decimal (seed 004)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import template

from finsam.templatetags.finsam import format_tal

register = template.Library()


def format_tkr(value, decimals: int = 1) -> str:
    """Kronor → "16 008,0" (tkr). Rounded half up once, from the stored kronor."""
    if value is None or value == "":
        return ""
    try:
        kronor = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    return format_tal(kronor / 1000, decimals)


@register.filter
def tkr(value, decimals=1):
    return format_tkr(value, int(decimals))


@register.filter
def cell(value, tabell):
    """One cell of a ``Tabell``: amounts in its unit, counts and text as they are."""
    return tabell.format(value)


@register.filter
def i_enhet(value, enhet):
    """Kronor in the document's unit: "16 008,0" (tkr) or "16 008 000" (kr)."""
    from ekonomi.arsredovisning.tabeller import belopp_text

    return belopp_text(value, enhet)
