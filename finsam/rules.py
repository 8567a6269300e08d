"""When the ground floor's records freeze: a fee decision sent (expedierat) to the members
is changed only by a new decision that replaces it. Asked by the model guard in
``finsam/frysning.py``, the admin and the services."""

from __future__ import annotations

from typing import Any

EXPEDIERAT = (
    "Beslutet är expedierat till medlemmarna och kan inte ändras. "
    "Skapa ett nytt beslut som ersätter det."
)
ERSATT = "Beslutet är ersatt av ett nytt beslut och kan inte ändras."


def avgiftsbeslut_fryst_orsak(obj: Any) -> str | None:
    beslut = obj if obj._meta.model_name == "avgiftsbeslut" else obj.beslut
    if beslut.status == beslut.EXPEDIERAT:
        return EXPEDIERAT
    if beslut.status == beslut.ERSATT:
        return ERSATT
    return None
