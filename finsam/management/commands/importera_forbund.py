from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from finsam.backup import BackupError, importera


class Command(BaseCommand):
    help = (
        "Läser tillbaka ett förbund som exportera_forbund skrev, allt eller inget. "
        "Vägrar om förbundet eller någon av posterna redan finns."
    )

    def add_arguments(self, parser):
        parser.add_argument("fil", help="Zip-filen från exportera_forbund")

    def handle(self, *args, fil, **options):
        try:
            manifest = importera(Path(fil))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        poster = sum(manifest["poster"].values())
        self.stdout.write(
            f"{manifest['namn']} ({manifest['orgnr']}): {poster} poster och "
            f"{len(manifest['filer'])} filer inlästa."
        )
