from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from finsam.backup import BackupError, exportera
from finsam.models import Forbund


class Command(BaseCommand):
    help = (
        "Skriver en portabel kopia av ett förbund (alla poster och uppladdade filer) "
        "till en zip-fil som importera_forbund läser tillbaka."
    )

    def add_arguments(self, parser):
        parser.add_argument("orgnr", help="Förbundets organisationsnummer")
        parser.add_argument("fil", help="Zip-filen att skriva, t.ex. bhs.zip")

    def handle(self, *args, orgnr, fil, **options):
        forbund = Forbund.objects.filter(orgnr=orgnr).first()
        if forbund is None:
            raise CommandError(f"Inget förbund har organisationsnummer {orgnr}.")
        try:
            manifest = exportera(forbund, Path(fil))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        poster = sum(manifest["poster"].values())
        self.stdout.write(
            f"{forbund.namn}: {poster} poster och {len(manifest['filer'])} filer "
            f"skrivna till {fil}."
        )
