from django.apps import AppConfig


class InsatserConfig(AppConfig):
    name = "insatser"
    verbose_name = "Insatser"

    def ready(self) -> None:
        from finsam.dashboard import register_panel
        from finsam.documents import register_documents
        from insatser.dashboard import dokument, panel

        register_panel(panel)
        register_documents(dokument)
