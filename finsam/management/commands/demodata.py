from django.core.management.base import BaseCommand

from finsam.demo import BHS_ORGNR, DEMO_PASSWORD, build_demo
from finsam.models import Forbund, User


class Command(BaseCommand):
    help = "Skapar demoförbundet Botkyrka Huddinge Salem med inloggningar för varje roll."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Ta bort demoförbundet och bygg det på nytt.",
        )

    def handle(self, *args, reset: bool = False, **options):
        existing = Forbund.objects.filter(orgnr=BHS_ORGNR).first()
        if existing and reset:
            User.objects.filter(forbund=existing).delete()
            existing.delete()
            existing = None
        if existing:
            self.stdout.write("Demoförbundet finns redan; inget ändrat (--reset bygger om).")
        else:
            build_demo()
            self.stdout.write(self.style.SUCCESS("Demoförbundet är skapat."))
        self.stdout.write("\nDemoinloggningar (lösenord för alla: %s):" % DEMO_PASSWORD)
        for user in User.objects.filter(forbund__orgnr=BHS_ORGNR).order_by("roll", "username"):
            self.stdout.write(f"  {user.username:<12} {user.get_roll_display():<16} {user}")
