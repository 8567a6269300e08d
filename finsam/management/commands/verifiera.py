"""``python manage.py verifiera [orgnr ...]``: recompute every seal of frozen documents
(finsam/forsegling.py) and report each difference; exit status 1 when there is any.

``--forsegla`` first seals frozen documents that have none yet (those frozen before
sealing existed, or whose task has not run).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from finsam import forsegling
from finsam.models import Forbund


class Command(BaseCommand):
    help = "Kontrollera förseglade handlingar: innehåll, PDF och signatur."

    def add_arguments(self, parser):
        parser.add_argument("orgnr", nargs="*", help="förbundets organisationsnummer")
        parser.add_argument(
            "--forsegla",
            action="store_true",
            help="försegla först fastställda handlingar som saknar försegling",
        )

    def handle(self, *args, orgnr, forsegla, **options):
        forbund = Forbund.objects.order_by("namn")
        if orgnr:
            forbund = forbund.filter(orgnr__in=orgnr)
            saknas = set(orgnr) - set(forbund.values_list("orgnr", flat=True))
            if saknas:
                raise CommandError(f"Okänt organisationsnummer: {', '.join(saknas)}")
        avvikelser = 0
        for f in forbund:
            if forsegla:
                antal = forsegling.forsegla_saknade(f)
                if antal:
                    self.stdout.write(f"{f.namn}: {antal} handlingar förseglades.")
            resultat = forsegling.verifiera(f)
            self.stdout.write(
                f"{f.namn} ({f.orgnr}): {resultat.kontrollerade} förseglade "
                f"handlingar kontrollerade, {len(resultat.avvikelser)} avvikelser."
            )
            for a in resultat.avvikelser:
                self.stdout.write(self.style.ERROR(f"  AVVIKELSE {a.titel}: {a.fel}"))
            if resultat.antal_saknar:
                self.stdout.write(
                    f"  {resultat.antal_saknar} fastställda handlingar är ännu inte "
                    "förseglade (--forsegla förseglar dem)."
                )
            avvikelser += len(resultat.avvikelser)
        if avvikelser:
            raise CommandError(f"{avvikelser} avvikelser.", returncode=1)
        self.stdout.write(self.style.SUCCESS("Alla förseglingar stämmer."))
