"""When an insats's records freeze: an approved period report is the förbund's figure of
record (statistics, the årsredovisning's bilagor) and no path may change it. Asked by the
model guard in ``finsam/frysning.py``, the admin and the views."""

from __future__ import annotations

from typing import Any

GODKAND = "Rapporten är godkänd av kansliet och kan inte ändras."


def fryst_orsak(obj: Any) -> str | None:
    rapport = obj if obj._meta.model_name == "periodrapport" else obj.periodrapport
    return GODKAND if rapport.status == rapport.GODKAND else None
