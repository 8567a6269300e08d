"""An approved årsredovisning is a sealed document (finsam/forsegling.py): its frozen
HTML and the PDF laid out from it (made here if its task has not run yet)."""

from __future__ import annotations

from ekonomi.arsredovisning.models import Arsredovisning
from ekonomi.arsredovisning.services import arsredovisning_pdf_faststall
from finsam.forsegling import Slag, registrera


def _pdf(a: Arsredovisning) -> bytes | None:
    if not a.pdf_sha256:
        arsredovisning_pdf_faststall(arsredovisning_id=a.pk)
        a.refresh_from_db(fields=["pdf", "pdf_sha256"])
    return bytes(a.pdf) if a.pdf_sha256 else None


def register() -> None:
    registrera(
        Slag(
            slag="arsredovisning",
            model=Arsredovisning,
            frysta=lambda qs: qs.filter(status=Arsredovisning.GODKAND),
            innehall=lambda a: a.html,
            pdf=_pdf,
            titel=lambda a: f"Årsredovisning {a.ar} (fastställd)",
        )
    )
