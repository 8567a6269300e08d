from collections.abc import Callable

from django.core.management import call_command
from django.core.management.base import BaseCommand

from finsam.demo import (
    BHS_ORGNR,
    DEMO_PASSWORD,
    OS_ORGNR,
    build_demo,
    build_ostra_sodertorn,
)
from finsam.models import Forbund, User


class Command(BaseCommand):
    help = (
        "Skapar demoförbundet Botkyrka Huddinge Salem med inloggningar för varje roll."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Töm hela databasen (alla förbund och användare) och bygg "
            "demoförbunden på nytt. Bara för en demo- eller utvecklingsdatabas.",
        )

    def handle(self, *args, reset: bool = False, **options):
        if reset:
            # A förbund's records protect each other (a person with assignments, a
            # paragraph with its decisions), so a demo is rebuilt from an empty database
            # rather than untangled förbund by förbund.
            call_command("flush", interactive=False, verbosity=0)
        byggare: list[tuple[str, Callable[[], object]]] = [
            (BHS_ORGNR, build_demo),
            (OS_ORGNR, build_ostra_sodertorn),
        ]
        for orgnr, build in byggare:
            existing = Forbund.objects.filter(orgnr=orgnr).first()
            if existing:
                self.stdout.write(
                    f"{existing} finns redan; inget ändrat (--reset bygger om)."
                )
            else:
                forbund = build()
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Skapat: {getattr(forbund, 'forbund', forbund)}"
                    )
                )
        self.stdout.write(f"\nDemoinloggningar (lösenord för alla: {DEMO_PASSWORD}):")
        for user in User.objects.filter(
            forbund__orgnr__in=[BHS_ORGNR, OS_ORGNR]
        ).order_by("forbund__namn", "roll", "username"):
            self.stdout.write(
                f"  {user.username:<12} {user.get_roll_display():<16} {user}"
            )
