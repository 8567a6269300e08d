from django.apps import AppConfig


class StyrelseConfig(AppConfig):
    name = "styrelse"
    verbose_name = "Styrelse"

    def ready(self) -> None:
        from finsam.dashboard import register_panel
        from finsam.documents import register_documents
        from finsam.dokumentfiler import register_renderer
        from finsam.konton import registrera_signaturkalla
        from styrelse import forsegling, pdf
        from styrelse.panels import att_justera, dokument, panel
        from styrelse.rules import har_justerat

        register_panel(att_justera)
        register_panel(panel)
        register_documents(dokument)
        register_renderer("protokoll", pdf.protokoll, titel=pdf.protokoll_titel)
        registrera_signaturkalla(har_justerat)
        forsegling.register()
