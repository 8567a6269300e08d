"""The förbund's money: the budget per year and its lines.

The shape follows the seeds: intäkter (medlemsavgifter per medlem from the fee decision,
ESF and other grants per project, eget kapital used) and kostnader (one line per insats,
structural work, styrelse och revision, kansli och administration with sub-lines, buffer
lines, förbundsreserv). A line's ``kod`` is stable from year to year, so last year's line,
the plan years and the bookkeeping's utfall all find the same line.

Bookkeeping (SIE/Excel imports, accounts, the mapping to budget and statement lines) and
the statements live beside these models.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from finsam.tenancy import ForbundQuerySet

MIN_AR = 2000
MAX_AR = 2100


class Budget(models.Model):
    """One förbund's budget for one year: utkast until the board adopts it by a §."""

    UTKAST = "utkast"
    ANTAGEN = "antagen"
    STATUS_CHOICES = [(UTKAST, "Utkast"), (ANTAGEN, "Antagen")]

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="budgetar"
    )
    ar = models.PositiveSmallIntegerField(
        "år", validators=[MinValueValidator(MIN_AR), MaxValueValidator(MAX_AR)]
    )
    status = models.CharField(
        "status", max_length=10, choices=STATUS_CHOICES, default=UTKAST
    )
    antagen_paragraf = models.ForeignKey(
        "styrelse.Paragraf",
        verbose_name="antagen i §",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    antagen_datum = models.DateField("antagen", null=True, blank=True)
    kommentar = models.TextField("kommentar", blank=True)

    objects = ForbundQuerySet.as_manager()

    class Meta:
        verbose_name = "budget"
        verbose_name_plural = "budgetar"
        ordering = ["-ar"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "ar"], name="ekonomi_budget_ett_per_ar"
            ),
            models.CheckConstraint(
                condition=Q(ar__gte=MIN_AR) & Q(ar__lte=MAX_AR),
                name="ekonomi_budget_rimligt_ar",
            ),
            models.CheckConstraint(
                condition=Q(status="utkast") | Q(antagen_datum__isnull=False),
                name="ekonomi_budget_antagen_har_datum",
            ),
        ]

    def __str__(self) -> str:
        return f"Budget {self.ar}"

    @property
    def ar_antagen(self) -> bool:
        return self.status == self.ANTAGEN


class Budgetpost(models.Model):
    """One line of a budget. Amounts are positive kronor; ``typ`` says which side."""

    INTAKT = "intakt"
    KOSTNAD = "kostnad"
    TYP_CHOICES = [(INTAKT, "Intäkt"), (KOSTNAD, "Kostnad")]

    # Groups as the seeds group them (000 section 8, 002 5.3, 004 Tilläggsupplysningar).
    MEDLEMSAVGIFTER = "medlemsavgifter"
    BIDRAG = "bidrag"
    EGET_KAPITAL = "eget_kapital"
    INSATSER = "insatser"
    STRUKTUR = "struktur"
    ADMINISTRATION = "administration"
    BUFFERT = "buffert"
    RESERV = "reserv"
    GRUPP_CHOICES = [
        (MEDLEMSAVGIFTER, "Medlemsavgifter"),
        (BIDRAG, "Externa bidrag (ESF m.fl.)"),
        (EGET_KAPITAL, "Eget kapital som används"),
        (INSATSER, "Insatser"),
        (STRUKTUR, "Strukturinriktade insatser"),
        (ADMINISTRATION, "Administration"),
        (BUFFERT, "Buffert"),
        (RESERV, "Förbundsreserv"),
    ]
    INTAKTSGRUPPER = (MEDLEMSAVGIFTER, BIDRAG, EGET_KAPITAL)

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="poster")
    grupp = models.CharField("grupp", max_length=20, choices=GRUPP_CHOICES)
    kod = models.SlugField(
        "kod",
        max_length=60,
        help_text="Stabil nyckel år från år, t.ex. 'lokal' eller 'insats-slussen'.",
    )
    namn = models.CharField("namn", max_length=200)
    overordnad = models.ForeignKey(
        "self",
        verbose_name="del av",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="delposter",
    )
    insats = models.ForeignKey(
        "insatser.Insats",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budgetposter",
    )
    medlem = models.ForeignKey(
        "finsam.Medlem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budgetposter",
    )
    belopp = models.DecimalField(
        "belopp", max_digits=14, decimal_places=2, default=Decimal("0")
    )
    ordning = models.PositiveSmallIntegerField("ordning", default=0)

    objects = ForbundQuerySet.as_manager()
    forbund_path = "budget__forbund"

    class Meta:
        verbose_name = "budgetpost"
        verbose_name_plural = "budgetposter"
        ordering = ["budget", "ordning", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "kod"], name="ekonomi_budgetpost_unik_kod"
            ),
            models.CheckConstraint(
                condition=Q(belopp__gte=0), name="ekonomi_budgetpost_belopp_ej_negativt"
            ),
        ]

    def __str__(self) -> str:
        return self.namn

    @property
    def typ(self) -> str:
        return self.INTAKT if self.grupp in self.INTAKTSGRUPPER else self.KOSTNAD
