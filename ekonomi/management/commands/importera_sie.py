"""``python manage.py importera_sie <orgnr> <fil>``: import a SIE 4 file for scripts and
auditors. Prints what it imported; exits non-zero, changing nothing, when it refuses."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ekonomi import kontoplan as kp
from ekonomi.services.bokforing import ImportFel, sie_importera
from finsam.models import Forbund


class Command(BaseCommand):
    help = "Importera en SIE 4-fil (bokföringen för ett år) för ett förbund."

    def add_arguments(self, parser):
        parser.add_argument("orgnr", help="förbundets organisationsnummer")
        parser.add_argument("fil", help="SIE-filen (PC8/CP437)")
        parser.add_argument(
            "--ersatt",
            action="store_true",
            help="ersätt en redan importerad bokföring för samma år",
        )
        parser.add_argument(
            "--kontoplan",
            choices=[k for k, _ in kp.KONTOPLAN_CHOICES],
            help="bekräfta kontoplanen (annars gissas den från kontonamnen)",
        )

    def handle(self, *args, orgnr: str, fil: str, ersatt: bool, kontoplan, **options):
        forbund = Forbund.objects.filter(orgnr=orgnr).first()
        if forbund is None:
            raise CommandError(f"Inget förbund har organisationsnummer {orgnr}.")
        path = Path(fil)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Kan inte läsa {fil}: {exc.strerror}") from exc
        try:
            imp = sie_importera(
                forbund=forbund,
                data=data,
                filnamn=path.name,
                ersatt=ersatt,
                kontoplan=kontoplan,
            )
        except ImportFel as exc:
            for fel in exc.fel:
                self.stderr.write(fel)
            raise CommandError("Filen importerades inte; ingenting ändrades.") from exc
        bekraftad = "bekräftad" if imp.kontoplan_bekraftad else "gissad, ej bekräftad"
        self.stdout.write(
            f"Importerade bokföringen {imp.ar} för {forbund.namn}: "
            f"{imp.konton.count()} konton, {imp.antal_verifikationer} verifikationer, "
            f"{imp.antal_transaktioner} transaktioner.\n"
            f"Kontoplan: {imp.get_kontoplan_display()} ({bekraftad})"
            + (
                f" – {imp.kontoplan_skal.replace(chr(10), ', ')}"
                if imp.kontoplan_skal
                else ""
            )
        )
