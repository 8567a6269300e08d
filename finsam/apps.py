from django.apps import AppConfig


class FinsamConfig(AppConfig):
    name = "finsam"
    verbose_name = "Förbund, medlemmar och personer"

    def ready(self) -> None:
        from finsam.dashboard import register_panel
        from finsam.documents import register_documents

        register_documents(avgiftsbrev_documents)
        register_panel(avgift_panel)


def avgiftsbrev_documents(forbund, ar):
    from django.urls import reverse

    from finsam.documents import Dokument
    from finsam.models import Avgiftsbeslut

    for beslut in (
        Avgiftsbeslut.objects.for_forbund(forbund)
        .filter(ar=ar)
        .exclude(status=Avgiftsbeslut.ERSATT)
    ):
        yield Dokument(
            titel=f"Medlemsavgifter {beslut.ar}: brev till medlemmarna",
            kategori="Avgiftsbeslut",
            url=reverse("finsam:avgiftsbeslut_brev", args=[beslut.pk]),
            datum=beslut.beslutsdatum,
        )


def avgift_panel(request):
    from django.urls import reverse

    from finsam.access import READ, has_role
    from finsam.dashboard import Panel
    from finsam.models import Avgiftsbeslut
    from finsam.numbers import format_tal

    if not has_role(request.user, READ):
        return None
    beslut = (
        Avgiftsbeslut.objects.for_forbund(request.forbund)
        .exclude(status=Avgiftsbeslut.ERSATT)
        .order_by("-ar")[:3]
    )
    return Panel(
        titel="Medlemsavgifter",
        rader=[
            (
                f"{b.ar}: {format_tal(b.total)} kr ({b.get_status_display().lower()})",
                reverse("finsam:avgiftsbeslut_detail", args=[b.pk]),
            )
            for b in beslut
        ],
        lank=reverse("finsam:avgift_list"),
        lank_text="Alla beslut om medlemsavgifter",
        ordning=30,
    )
