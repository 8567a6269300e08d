"""When an årsredovisning may no longer change: once the board has approved it.

Asked by the model guard (``finsam/frysning.py``) on every path — a model save or
delete, a bulk update or delete — besides the services' own refusal. The year's
narrative texts and accepted findings freeze with it: they are what the approved
document was made from, and its history must show them as they were.
"""

from __future__ import annotations

from typing import Any


def fryst_orsak(obj: Any) -> str | None:
    if obj.status == "godkand":
        return (
            f"Årsredovisningen {obj.ar} är godkänd och fastställd; den kan inte ändras."
        )
    return None


def arets_fryst_orsak(forbund_id: int, ar: int) -> str | None:
    """Why the förbund's report of ``ar`` (and so anything of that year) may not
    change; ``None`` when there is no report yet or it is a draft."""
    from ekonomi.arsredovisning.models import Arsredovisning

    arsredovisning = (
        Arsredovisning.objects.filter(forbund_id=forbund_id, ar=ar)
        .only("ar", "status")
        .first()
    )
    return None if arsredovisning is None else fryst_orsak(arsredovisning)


def arets_del_fryst_orsak(obj: Any) -> str | None:
    """A text or an accepted finding of the year: frozen once that year's report is."""
    return arets_fryst_orsak(obj.forbund_id, obj.ar)
