"""The årsredovisning on the Dokument page: only approved (frozen) reports are listed,
so a revisor or member never takes a draft for the real thing."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse

from finsam.documents import Dokument


def godkanda_arsredovisningar(forbund, ar: int) -> Iterator[Dokument]:
    from ekonomi.arsredovisning.models import Arsredovisning

    for a in Arsredovisning.objects.for_forbund(forbund).filter(
        ar=ar, status=Arsredovisning.GODKAND
    ):
        yield Dokument(
            titel=f"Årsredovisning {a.ar} (fastställd)",
            kategori="Årsredovisning",
            url=reverse("ekonomi:arsredovisning_godkand_pdf", args=[a.ar]),
            datum=a.godkand_datum,
        )
