"""When an årsredovisning may no longer change: once the board has approved it.

Asked by the model guard (``finsam/frysning.py``) on every path — a model save or
delete, a bulk update or delete — besides the services' own refusal.
"""

from __future__ import annotations

from typing import Any


def fryst_orsak(obj: Any) -> str | None:
    if obj.status == "godkand":
        return (
            f"Årsredovisningen {obj.ar} är godkänd och fastställd; den kan inte ändras."
        )
    return None
