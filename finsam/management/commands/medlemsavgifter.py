from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from finsam import selectors, services
from finsam.models import Avgiftsbeslut, Forbund
from finsam.numbers import format_procent, format_tal, procent


class Command(BaseCommand):
    help = (
        "Skriver ut årets fördelning av medlemsavgifter (medlem, andel, belopp, summa). "
        "Med --total beräknas en fördelning utan att något sparas."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "orgnr", help="Förbundets organisationsnummer, t.ex. 222000-3020"
        )
        parser.add_argument("ar", type=int, help="Budgetår")
        parser.add_argument(
            "--total", type=int, help="Beräkna för denna total utan att spara"
        )
        parser.add_argument(
            "--metod",
            choices=[c for c, _ in Avgiftsbeslut.METOD_CHOICES],
            default=Avgiftsbeslut.BEFOLKNING,
            help="Kommunernas fördelning när --total anges",
        )

    def handle(self, *args, orgnr, ar, total=None, metod, **options):
        forbund = Forbund.objects.filter(orgnr=orgnr).first()
        if forbund is None:
            raise CommandError(f"Inget förbund har organisationsnummer {orgnr}.")
        if total is not None:
            try:
                rader = services.avgift_berakna(
                    forbund=forbund, ar=ar, total=total, metod=metod
                )
            except ValidationError as exc:
                raise CommandError("\n".join(exc.messages)) from exc
            lines = [(r.benamning, r.andel, r.belopp) for r in rader]
            rubrik = f"{forbund.namn}: beräknad fördelning {ar} (inte sparad)"
        else:
            beslut = (
                Avgiftsbeslut.objects.for_forbund(forbund)
                .filter(ar=ar)
                .exclude(status=Avgiftsbeslut.ERSATT)
                .first()
            )
            if beslut is None:
                raise CommandError(
                    f"Inget avgiftsbeslut för {ar}. Ange --total för att beräkna."
                )
            data = selectors.avgiftsbeslut_detail(beslut=beslut)
            lines = [(r.benamning, r.andel, r.belopp) for r in data["rader"]]
            rubrik = f"{forbund.namn}: medlemsavgifter {ar} ({beslut.get_status_display().lower()})"
        self.stdout.write(rubrik)
        self.stdout.write(f"{'Medlem':<44}{'Andel':>12}{'Belopp':>16}")
        for namn, andel, belopp in lines:
            self.stdout.write(
                f"{namn:<44}{format_procent(procent(andel, decimaler=4), 4):>12}{format_tal(belopp) + ' kr':>16}"
            )
        summa = sum(int(b) for _, _, b in lines)
        self.stdout.write(f"{'Summa':<44}{'100 %':>12}{format_tal(summa) + ' kr':>16}")
