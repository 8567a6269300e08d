"""``python manage.py avstamning <orgnr> <år>``: print every disagreement between the
year's figures; exit non-zero when there is any (for scripts and auditors)."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

from ekonomi.selectors.avstamning import avstamning
from finsam.models import Forbund
from finsam.templatetags.finsam import format_tal


class Command(BaseCommand):
    help = "Stäm av ett års räkenskaper: varje siffra som förekommer två gånger."

    def add_arguments(self, parser):
        parser.add_argument("orgnr")
        parser.add_argument("ar", type=int)

    def handle(self, *args, orgnr: str, ar: int, **options):
        forbund = Forbund.objects.filter(orgnr=orgnr).first()
        if forbund is None:
            raise CommandError(f"Inget förbund har organisationsnummer {orgnr}.")
        fynd = avstamning(forbund, ar)
        if not fynd:
            self.stdout.write(f"Avstämning {ar} för {forbund.namn}: inga avvikelser.")
            return
        self.stdout.write(
            f"Avstämning {ar} för {forbund.namn}: {len(fynd)} avvikelser."
        )
        for f in fynd:
            self.stdout.write(
                f"- {f.plats}: {f.beskrivning} {format_tal(f.belopp_a, 2)} mot "
                f"{format_tal(f.belopp_b, 2)}, differens {format_tal(f.differens, 2)} kr "
                f"[{f.nyckel}]"
            )
        sys.exit(1)
