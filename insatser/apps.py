from django.apps import AppConfig


class InsatserConfig(AppConfig):
    name = "insatser"
    verbose_name = "Insatser"

    def ready(self) -> None:
        from finsam.dashboard import register_panel
        from finsam.documents import register_documents
        from finsam.dokumentfiler import register_renderer
        from insatser import forsegling
        from insatser.dashboard import dokument, panel
        from insatser.pdf import deltagarstatistik

        register_panel(panel)
        forsegling.register()
        register_documents(dokument)
        register_renderer(
            "deltagarstatistik",
            deltagarstatistik,
            titel=lambda forbund, key: f"Deltagarstatistik {key}",
        )
