"""Swedish number formats for pages and documents ("17 378 000 kr", "44,0 %")."""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from finsam import dates
from finsam.access import AUDIT
from finsam.numbers import NBSP, format_procent, format_tal, procent

register = template.Library()

__all__ = ["NBSP", "format_tal", "register"]


@register.filter
def tal(value, decimals=None):
    return format_tal(value, None if decimals in (None, "") else int(decimals))


@register.filter
def kr(value, decimals=None):
    text = tal(value, decimals)
    return f"{text}{NBSP}kr" if text else ""


@register.filter(name="procent")
def procent_filter(value, decimals=1):
    return format_procent(value, None if decimals in (None, "") else int(decimals))


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
    return format_procent(procent(value, decimaler=int(decimals)), int(decimals))


@register.simple_tag(takes_context=True)
def budgetar(context) -> int:
    """The budget year a page is about: its ``ar`` or ``beslut.ar``, else next year."""

    if context.get("ar"):
        return int(context["ar"])
    beslut = context.get("beslut")
    if getattr(beslut, "ar", None):
        return beslut.ar
    return dates.today().year + 1


@register.simple_tag(takes_context=True)
def historik_lank(context, obj, text: str = "Historik") -> str:
    """A link to the record's history page, for the roles that may read it."""
    if obj is None or getattr(obj, "pk", None) is None:
        return ""
    if context.get("roll") not in AUDIT:
        return ""
    if not getattr(obj._meta, "simple_history_manager_attribute", None):
        return ""
    url = reverse("finsam:historik_objekt", args=[obj._meta.label_lower, obj.pk])
    return format_html('<a class="historik-lank" href="{}">{}</a>', url, text)
