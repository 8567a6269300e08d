"""Swedish number formats for pages and documents ("17 378 000 kr", "44,0 %")."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe

from finsam import dates

register = template.Library()

NBSP = "\xa0"


def format_tal(value, decimals: int | None = None) -> str:
    """Group thousands with a (non-breaking) space and use a decimal comma.

    Whole numbers print without decimals unless ``decimals`` is given.
    """
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if decimals is None:
        decimals = 0 if number == number.to_integral_value() else 2
    quant = Decimal(1).scaleb(-decimals)
    number = number.quantize(quant, rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    whole, _, frac = f"{abs(number):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = NBSP.join(groups)
    if decimals:
        text += "," + frac.ljust(decimals, "0")[:decimals]
    # A true minus sign reads better and never breaks from its number.
    return ("\u2212" if sign else "") + text


@register.filter
def tal(value, decimals=None):
    return format_tal(value, None if decimals in (None, "") else int(decimals))


@register.filter
def kr(value, decimals=None):
    text = tal(value, decimals)
    return f"{text}{NBSP}kr" if text else ""


@register.filter
def procent(value, decimals=1):
    text = tal(value, decimals)
    return f"{text}{NBSP}%" if text else ""


@register.simple_tag(takes_context=True)
def nav_active(context, prefix: str) -> str:
    """'active' when the current URL's namespace starts with ``prefix``."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match and (match.namespace == prefix or match.view_name.startswith(prefix)):
        return "active"
    return ""


@register.simple_tag(takes_context=True)
def nav_current(context, prefix: str) -> str:
    return mark_safe('aria-current="page"') if nav_active(context, prefix) else ""


@register.simple_tag
def url_or_empty(name: str, *args) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@register.filter
def andel(value, decimals=2):
    """A fraction (0.25) as a percentage ("25,00 %")."""
    if value is None or value == "":
        return ""
    return procent(Decimal(str(value)) * 100, decimals)


@register.simple_tag(takes_context=True)
def budgetar(context) -> int:
    """The budget year a page is about: its ``ar`` or ``beslut.ar``, else next year."""

    if context.get("ar"):
        return int(context["ar"])
    beslut = context.get("beslut")
    if getattr(beslut, "ar", None):
        return beslut.ar
    return dates.today().year + 1
