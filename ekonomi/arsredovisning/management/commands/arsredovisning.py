"""python manage.py arsredovisning <orgnr> <år> -o fil.pdf

Writes the approved (frozen) PDF when the board has approved the year, otherwise a draft
rendered from the data as it stands (with the UTKAST mark)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ekonomi.arsredovisning.render import arsredovisning_pdf
from ekonomi.arsredovisning.selectors import godkand_get
from ekonomi.arsredovisning.services import arsredovisning_pdf_faststall
from finsam.models import Forbund


class Command(BaseCommand):
    help = "Skriver förbundets årsredovisning för ett år som PDF."

    def add_arguments(self, parser):
        parser.add_argument("orgnr", help="Förbundets organisationsnummer")
        parser.add_argument("ar", type=int, help="Räkenskapsåret, t.ex. 2017")
        parser.add_argument(
            "-o", "--output", required=True, help="PDF-filen att skriva"
        )
        parser.add_argument(
            "--utkast",
            action="store_true",
            help="Skriv ett nytt utkast ur dagens data även om året är godkänt.",
        )

    def handle(self, *args, orgnr: str, ar: int, output: str, utkast: bool, **opts):
        forbund = Forbund.objects.filter(orgnr=orgnr).first()
        if forbund is None:
            raise CommandError(f"Inget förbund har organisationsnummer {orgnr}.")
        godkand = None if utkast else godkand_get(forbund=forbund, ar=ar)
        if godkand is not None:
            if not godkand.pdf_klar:  # the worker has not laid it out yet: do it here
                arsredovisning_pdf_faststall(arsredovisning_id=godkand.pk)
                godkand.refresh_from_db()
            pdf = bytes(godkand.pdf)
            vad = f"fastställd {godkand.godkand_datum:%Y-%m-%d}, SHA-256 {godkand.pdf_sha256}"
        else:
            pdf = arsredovisning_pdf(forbund=forbund, ar=ar)
            vad = "utkast ur dagens data"
        try:
            Path(output).write_bytes(pdf)
        except OSError as exc:
            raise CommandError(f"Kunde inte skriva {output}: {exc}") from exc
        self.stdout.write(
            f"Årsredovisning {ar} för {forbund.namn} ({vad}): {output}, {len(pdf)} byte."
        )
