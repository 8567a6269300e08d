"""The statistics PDF: its context, for the view and for background rendering."""

from __future__ import annotations

from django.utils.safestring import mark_safe

from finsam.models import Forbund
from insatser import selectors


def statistik_context(forbund: Forbund, ar: int) -> dict:
    rader, total, unika = selectors.flodessammanfattning(forbund=forbund, ar=ar)
    return {
        "forbund": forbund,
        "ar": ar,
        "rader": rader,
        "total": total,
        "unika": unika,
        "avvikelser": [r for r in rader if r.avvikelse],
        "detaljer": selectors.statistik_detaljer(forbund=forbund, ar=ar),
        "svg": mark_safe(selectors.flodes_svg(rader)),  # noqa: S308 - escaped inside
        "titel": f"Deltagarstatistik {ar}",
    }


def deltagarstatistik(forbund: Forbund, key: str):
    """Renderer for finsam/dokumentfiler.py: key is the year."""
    return "insatser/pdf/deltagarstatistik.html", statistik_context(forbund, int(key))
