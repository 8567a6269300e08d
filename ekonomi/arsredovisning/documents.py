"""The årsredovisning on the Dokument page, and its draft as a background document.

Only approved (frozen) reports are listed, so a revisor or member never takes a draft
for the real thing; drafts are for the kansli and the board (``UTKAST_LASARE``).
"""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse

from finsam.access import ADMIN, KANSLI, STYRELSE
from finsam.documents import Dokument

UTKAST_LASARE = (KANSLI, ADMIN, STYRELSE)


def godkanda_arsredovisningar(forbund, ar: int) -> Iterator[Dokument]:
    from ekonomi.arsredovisning.models import Arsredovisning

    for a in (
        Arsredovisning.objects.for_forbund(forbund)
        .filter(ar=ar, status=Arsredovisning.GODKAND)
        .only("ar", "godkand_datum")
    ):
        yield Dokument(
            titel=f"Årsredovisning {a.ar} (fastställd)",
            kategori="Årsredovisning",
            url=reverse("ekonomi:arsredovisning_godkand_pdf", args=[a.ar]),
            datum=a.godkand_datum,
        )


def register() -> None:
    from ekonomi.arsredovisning.render import UTKAST, utkast_renderer, utkast_titel
    from finsam.documents import register_documents
    from finsam.dokumentfiler import register_renderer

    register_documents(godkanda_arsredovisningar)
    register_renderer(UTKAST, utkast_renderer, titel=utkast_titel, roles=UTKAST_LASARE)
