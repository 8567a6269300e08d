from django.apps import AppConfig


class FinsamConfig(AppConfig):
    name = "finsam"
    verbose_name = "Förbund, medlemmar och personer"

    def ready(self) -> None:
        from django.urls import register_converter

        # Imported for what importing does: the start-up checks and the session
        # receiver register themselves.
        from finsam import checks, forsegling_avgifter, sessioner  # noqa: F401
        from finsam.converters import ArConverter, IdConverter
        from finsam.dashboard import avgift_panel, register_panel, revisor_panel
        from finsam.documents import register_documents

        # <ar:ar> and <id:…_id> in every app's urls.py (finsam/converters.py).
        register_converter(ArConverter, "ar")
        register_converter(IdConverter, "id")
        register_documents(avgiftsbrev_documents)
        register_panel(avgift_panel)
        forsegling_avgifter.register()
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
