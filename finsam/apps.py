from django.apps import AppConfig


class FinsamConfig(AppConfig):
    name = "finsam"
    verbose_name = "Förbund, medlemmar och personer"

    def ready(self) -> None:
        from finsam.dashboard import avgift_panel, register_panel, revisor_panel
        from finsam.documents import register_documents

        register_documents(avgiftsbrev_documents)
        register_panel(avgift_panel)
        register_panel(revisor_panel)


def avgiftsbrev_documents(forbund, ar):
    from django.urls import reverse

    from finsam.documents import Dokument
    from finsam.models import Avgiftsbeslut

    for beslut in (
        Avgiftsbeslut.objects.for_forbund(forbund)
        .filter(ar=ar)
        .exclude(status__in=[Avgiftsbeslut.ERSATT, Avgiftsbeslut.UTKAST])
    ):
        yield Dokument(
            titel=f"Medlemsavgifter {beslut.ar}: brev till medlemmarna",
            kategori="Avgiftsbeslut",
            url=reverse("finsam:avgiftsbeslut_brev", args=[beslut.pk]),
            datum=beslut.beslutsdatum,
        )
