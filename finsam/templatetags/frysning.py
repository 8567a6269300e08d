"""Templates ask the freeze rule, never repeat it: ``{% load frysning %}`` then
``{% if paragraf|kan_andras %}`` or ``{{ sammantrade|fryst_orsak }}``."""

from django import template

from finsam import frysning

register = template.Library()


@register.filter
def kan_andras(obj) -> bool:
    return frysning.kan_andras(obj)


@register.filter
def fryst_orsak(obj) -> str:
    return frysning.fryst_orsak(obj) or ""
