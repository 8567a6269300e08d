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
    antagen_enligt = models.CharField(
        "antagen enligt",
        max_length=100,
        blank=True,
        help_text="När paragrafen inte finns i systemet, t.ex. § 54, 2017-11-22.",
    )
    ingaende_eget_kapital = models.DecimalField(
        "eget kapital vid årets början",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Anges bara när bokföringen för året innan saknas i systemet; "
        "finns den jämförs beloppet med den.",
    )
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

    @property
    def antagen_text(self) -> str:
        """ "§ 54, 2017-11-22": the adopting § in the system, else as typed."""
        p = self.antagen_paragraf
        if p is not None:
            return f"§ {p.nummer}, {p.sammantrade.datum:%Y-%m-%d}"
        return self.antagen_enligt


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
    # The two plan years after the budget year (seed 002: budget 2022, plan 2023-2024).
    plan_1 = models.DecimalField(
        "plan år 2", max_digits=14, decimal_places=2, null=True, blank=True
    )
    plan_2 = models.DecimalField(
        "plan år 3", max_digits=14, decimal_places=2, null=True, blank=True
    )

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
            models.CheckConstraint(
                condition=(Q(plan_1__isnull=True) | Q(plan_1__gte=0))
                & (Q(plan_2__isnull=True) | Q(plan_2__gte=0)),
                name="ekonomi_budgetpost_plan_ej_negativ",
            ),
        ]

    def __str__(self) -> str:
        return self.namn

    @property
    def typ(self) -> str:
        return self.INTAKT if self.grupp in self.INTAKTSGRUPPER else self.KOSTNAD


class Budgetrevision(models.Model):
    """A change to an adopted budget, decided by the board: the only way it changes."""

    budget = models.ForeignKey(
        Budget, on_delete=models.CASCADE, related_name="revisioner"
    )
    paragraf = models.ForeignKey(
        "styrelse.Paragraf",
        verbose_name="beslutad i §",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    paragraf_text = models.CharField("beslutad enligt", max_length=100, blank=True)
    datum = models.DateField("beslutsdatum")
    motivering = models.TextField("motivering")
    skapad = models.DateTimeField("registrerad", auto_now_add=True)

    objects = ForbundQuerySet.as_manager()
    forbund_path = "budget__forbund"

    class Meta:
        verbose_name = "budgetrevision"
        verbose_name_plural = "budgetrevisioner"
        ordering = ["budget", "datum", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(paragraf__isnull=False) | ~Q(paragraf_text=""),
                name="ekonomi_budgetrevision_har_beslut",
            ),
        ]

    def __str__(self) -> str:
        return f"Revidering av budget {self.budget.ar}, {self.datum:%Y-%m-%d}"

    @property
    def beslut_text(self) -> str:
        p = self.paragraf
        if p is not None:
            return f"§ {p.nummer}, {p.sammantrade.datum:%Y-%m-%d}"
        return self.paragraf_text


class Budgetrevisionsrad(models.Model):
    """One line's amount before and after a revision (a new line has ``fore`` 0)."""

    revision = models.ForeignKey(
        Budgetrevision, on_delete=models.CASCADE, related_name="rader"
    )
    budgetpost = models.ForeignKey(
        Budgetpost, on_delete=models.CASCADE, related_name="revisionsrader"
    )
    fore = models.DecimalField("före", max_digits=14, decimal_places=2)
    efter = models.DecimalField("efter", max_digits=14, decimal_places=2)

    objects = ForbundQuerySet.as_manager()
    forbund_path = "revision__budget__forbund"

    class Meta:
        verbose_name = "revisionsrad"
        verbose_name_plural = "revisionsrader"
        ordering = ["revision", "budgetpost__ordning", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "budgetpost"], name="ekonomi_revisionsrad_unik"
            ),
            models.CheckConstraint(
                condition=Q(efter__gte=0), name="ekonomi_revisionsrad_ej_negativ"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.budgetpost}: {self.fore} → {self.efter}"


class Budgetprognos(models.Model):
    """The kansli's prognos for the whole year, made at a period end (tertial, delår)."""

    TERTIAL_1 = 4
    DELAR = 8
    HELAR = 12
    MANAD_CHOICES = [
        (TERTIAL_1, "Tertial 1 (januari–april)"),
        (6, "Halvår (januari–juni)"),
        (DELAR, "Delår/tertial 2 (januari–augusti)"),
        (10, "Januari–oktober"),
        (HELAR, "Helår"),
    ]

    budget = models.ForeignKey(
        Budget, on_delete=models.CASCADE, related_name="prognoser"
    )
    till_manad = models.PositiveSmallIntegerField(
        "period t.o.m. månad", choices=MANAD_CHOICES
    )
    kommentar = models.TextField("kommentar", blank=True)
    andrad = models.DateTimeField("ändrad", auto_now=True)

    objects = ForbundQuerySet.as_manager()
    forbund_path = "budget__forbund"

    class Meta:
        verbose_name = "prognos"
        verbose_name_plural = "prognoser"
        ordering = ["budget", "till_manad"]
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "till_manad"], name="ekonomi_prognos_en_per_period"
            ),
            models.CheckConstraint(
                condition=Q(till_manad__gte=1) & Q(till_manad__lte=12),
                name="ekonomi_prognos_manad",
            ),
        ]

    def __str__(self) -> str:
        return f"Prognos {self.budget.ar} ({self.get_till_manad_display()})"


class Budgetprognosrad(models.Model):
    prognos = models.ForeignKey(
        Budgetprognos, on_delete=models.CASCADE, related_name="rader"
    )
    budgetpost = models.ForeignKey(
        Budgetpost, on_delete=models.CASCADE, related_name="prognosrader"
    )
    belopp = models.DecimalField("prognos helår", max_digits=14, decimal_places=2)

    objects = ForbundQuerySet.as_manager()
    forbund_path = "prognos__budget__forbund"

    class Meta:
        verbose_name = "prognosrad"
        verbose_name_plural = "prognosrader"
        constraints = [
            models.UniqueConstraint(
                fields=["prognos", "budgetpost"], name="ekonomi_prognosrad_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.budgetpost}: {self.belopp}"
