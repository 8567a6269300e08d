"""python manage.py protokoll <orgnr> <datum> -o fil.pdf"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from finsam.documents import render_pdf
from finsam.models import Forbund
from styrelse import selectors
from styrelse.models import Organ, Sammantrade


class Command(BaseCommand):
    help = "Skriver förbundsstyrelsens protokoll från ett sammanträde som PDF."

    def add_arguments(self, parser):
        parser.add_argument(
            "orgnr", help="Förbundets organisationsnummer, t.ex. 222000-3020"
        )
        parser.add_argument("datum", help="Sammanträdesdatum ÅÅÅÅ-MM-DD")
        parser.add_argument("-o", "--output", required=True, help="PDF-fil att skriva")

    def handle(self, *args, orgnr: str, datum: str, output: str, **options):
        forbund = Forbund.objects.filter(orgnr=orgnr).first()
        if forbund is None:
            raise CommandError(f"Inget förbund med organisationsnummer {orgnr}.")
        try:
            dag = dt.date.fromisoformat(datum)
        except ValueError as exc:
            raise CommandError(f"Ogiltigt datum: {datum} (ÅÅÅÅ-MM-DD)") from exc
        sammantrade = (
            Sammantrade.objects.for_forbund(forbund)
            .filter(datum=dag)
            # The förbundsstyrelse first when several organ met that day.
            .filter(organ__typ=Organ.STYRELSE)
            .order_by("id")
            .first()
        )
        if sammantrade is None:
            raise CommandError(f"Inget sammanträde {dag} för {forbund.namn}.")
        pdf = render_pdf(
            "styrelse/pdf/protokoll.html",
            selectors.protokoll_context(sammantrade=sammantrade),
        )
        Path(output).write_bytes(pdf)
        self.stdout.write(f"Skrev {output} ({len(pdf)} byte).")
