from django.apps import AppConfig


class ArsredovisningConfig(AppConfig):
    """The årsredovisning: its own app (label ``arsredovisning``) on top of every other.

    It imports finsam, insatser, styrelse and ekonomi; nothing imports it. It lists its
    approved documents on the Dokument page through finsam's registry.
    """

    name = "ekonomi.arsredovisning"
    label = "arsredovisning"
    verbose_name = "Årsredovisning"

    def ready(self) -> None:
        from ekonomi.arsredovisning import forsegling
        from ekonomi.arsredovisning.documents import register

        register()
        forsegling.register()
