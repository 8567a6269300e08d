from django.apps import AppConfig


class EkonomiConfig(AppConfig):
    name = "ekonomi"
    verbose_name = "Ekonomi"

    def ready(self) -> None:
        from ekonomi import hooks_budget
        from finsam.documents import register_documents
        from insatser import pengar

        register_documents(hooks_budget.budget_documents)
        pengar.register(
            pengar.Provider(
                insatser=hooks_budget.insatser_pengar,
                uppfoljning=hooks_budget.uppfoljning_pengar,
            )
        )
