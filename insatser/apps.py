from django.apps import AppConfig


class InsatserConfig(AppConfig):
    name = "insatser"
    verbose_name = "Insatser"

    def ready(self) -> None:
        from finsam.dashboard import register_panel
        from insatser.dashboard import panel

        register_panel(panel)
