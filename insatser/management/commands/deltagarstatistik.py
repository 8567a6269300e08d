from django.core.management.base import BaseCommand, CommandError

from finsam.models import Forbund
from insatser.selectors import Flodesrad, flodessammanfattning

KOLUMNER = [
    "Insats",
    "Antal aktuella deltagare",
    "Varav kvinnor",
    "Varav män",
    "Annat/ej angivet",
    "Varav nya deltagare",
    "Antal avslutade deltagare",
    "Till arbete/studier",
    "Arbetssökande vid avslut",
]


def _utfall(rad: Flodesrad, varde: int | None) -> str:
    if rad.ej_tillampligt:
        return "ej tillämpligt"
    return "" if varde is None else str(varde)


def tabellrader(rader: list[Flodesrad], total: Flodesrad) -> list[list[str]]:
    out = []
    for rad in [*rader, total]:
        namn = rad.namn + (" *" if rad.avvikelse else "")
        out.append(
            [
                namn,
                str(rad.aktuella),
                str(rad.kvinnor),
                str(rad.man),
                str(rad.annat),
                str(rad.nya),
                str(rad.avslutade),
                _utfall(rad, rad.arbete_studier),
                _utfall(rad, rad.arbetssokande),
            ]
        )
    return out


class Command(BaseCommand):
    help = "Skriver ut sammanfattningen av deltagarflöden för ett förbund och år."

    def add_arguments(self, parser):
        parser.add_argument("orgnr")
        parser.add_argument("ar", type=int)

    def handle(self, *args, orgnr: str, ar: int, **options):
        forbund = Forbund.objects.filter(orgnr=orgnr).first()
        if forbund is None:
            raise CommandError(f"Inget förbund med organisationsnummer {orgnr}.")
        rader, total, unika = flodessammanfattning(forbund=forbund, ar=ar)
        self.stdout.write(
            f"Sammanfattning av deltagarflöden i finansierade insatser {ar}, {forbund.namn}"
        )
        self.stdout.write("\t".join(KOLUMNER))
        for celler in tabellrader(rader, total):
            self.stdout.write("\t".join(celler))
        self.stdout.write(f"Varav unika deltagare\t{'' if unika is None else unika}")
        for rad in rader:
            if rad.avvikelse:
                self.stdout.write(f"* {rad.namn}: godkänd avvikelse. {rad.avvikelse}")
