"""When the årsredovisning freezes: approved by the board's §, its HTML is the legal
record and no path may change it; only the PDF laid out once from it is stored. Asked
by the model guard in ``finsam/frysning.py`` and the services (which also refuse the
year's texts and accepted findings once the report is approved)."""

from __future__ import annotations

from typing import Any

FASTSTALLD = "Årsredovisningen {ar} är godkänd och fastställd; den kan inte ändras."


def fryst_orsak(obj: Any) -> str | None:
    return FASTSTALLD.format(ar=obj.ar) if obj.ar_godkand else None
