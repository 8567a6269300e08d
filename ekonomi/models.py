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
from typing import ClassVar

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from ekonomi.kontoplan import KONTOPLAN_CHOICES
from finsam.dates import MAX_AR, MIN_AR
from finsam.models import Medlem
from finsam.tenancy import ForbundQuerySet
from finsam.validators import (
    ar_check,
    datum_check,
    validate_datum,
    validate_fritext,
)
from finsam.versioner import Versionerad

# Amounts in kronor or in tkr with one decimal (as seed 004 prints them).
KR = "kr"
TKR = "tkr"
ENHET_CHOICES = [(KR, "kronor"), (TKR, "tkr (en decimal)")]


def paragraf_text(paragraf) -> str:
    """ "§ 54, 2017-11-22": a § of the board as decisions cite it."""
    return f"§ {paragraf.nummer}, {paragraf.sammantrade.datum:%Y-%m-%d}"


class BeslutadIParagraf(models.Model):
    """Abstract: a record that is a draft until the board adopts it by a § of its
    protocol (a budget, an årsredovisning). Each model names its own fields: the status
    that means adopted, the § and, where one may be typed, the § as text for a decision
    taken before the förbund used the system."""

    BESLUTAD_STATUS: ClassVar[str]
    beslut_paragraf_falt: ClassVar[str]
    beslut_text_falt: ClassVar[str] = ""

    class Meta:
        abstract = True

    @property
    def ar_beslutad(self) -> bool:
        return getattr(self, "status", None) == self.BESLUTAD_STATUS

    @property
    def beslut_text(self) -> str:
        """The adopting § in the system, else as typed ("§ 54, 2017-11-22")."""
        p = getattr(self, self.beslut_paragraf_falt)
        if p is not None:
            return paragraf_text(p)
        return getattr(self, self.beslut_text_falt) if self.beslut_text_falt else ""


class Budget(Versionerad, BeslutadIParagraf):
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
    antagen_datum = models.DateField(
        "antagen", null=True, blank=True, validators=[validate_datum]
    )
    antagen_enligt = models.CharField(
        "antagen enligt",
        max_length=100,
        blank=True,
        help_text="När paragrafen inte finns i systemet, t.ex. § 54, 2017-11-22.",
        validators=[validate_fritext],
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
    kommentar = models.TextField("kommentar", blank=True, validators=[validate_fritext])

    BESLUTAD_STATUS = ANTAGEN
    beslut_paragraf_falt = "antagen_paragraf"
    beslut_text_falt = "antagen_enligt"

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "budget"
        verbose_name_plural = "budgetar"
        ordering = ["-ar"]
        constraints = [
            datum_check("ekonomi_budget_rimligt_datum", "antagen_datum"),
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
        return self.ar_beslutad

    @property
    def antagen_text(self) -> str:
        return self.beslut_text


class Budgetpost(Versionerad, models.Model):
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
    namn = models.CharField("namn", max_length=200, validators=[validate_fritext])
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

    history = HistoricalRecords()

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
    paragraf_text = models.CharField(
        "beslutad enligt", max_length=100, blank=True, validators=[validate_fritext]
    )
    datum = models.DateField("beslutsdatum", validators=[validate_datum])
    motivering = models.TextField("motivering", validators=[validate_fritext])
    skapad = models.DateTimeField("registrerad", auto_now_add=True)

    objects = ForbundQuerySet.as_manager()
    forbund_path = "budget__forbund"

    history = HistoricalRecords()

    class Meta:
        verbose_name = "budgetrevision"
        verbose_name_plural = "budgetrevisioner"
        ordering = ["budget", "datum", "id"]
        constraints = [
            datum_check("ekonomi_budgetrevision_rimligt_datum", "datum"),
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
        return paragraf_text(p) if p is not None else self.paragraf_text


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

    history = HistoricalRecords()

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
    kommentar = models.TextField("kommentar", blank=True, validators=[validate_fritext])
    andrad = models.DateTimeField("ändrad", auto_now=True)

    objects = ForbundQuerySet.as_manager()
    forbund_path = "budget__forbund"

    history = HistoricalRecords()

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

    history = HistoricalRecords()

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


# --- Bokföring: imported ledgers, the account mapping and manual figures -------------


class Bokforingsimport(models.Model):
    """One year's bookkeeping for one förbund, imported from SIE 4 or an Excel ledger.

    One per förbund and year: a new import of the same year replaces the old one only
    when the kansli asks for it explicitly (``bokforing_importera(ersatt=True)``).
    """

    SIE = "sie"
    EXCEL = "excel"
    FORMAT_CHOICES = [(SIE, "SIE 4"), (EXCEL, "Excel")]

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="bokforingsimporter"
    )
    ar = models.PositiveSmallIntegerField(
        "år", validators=[MinValueValidator(MIN_AR), MaxValueValidator(MAX_AR)]
    )
    format = models.CharField("format", max_length=10, choices=FORMAT_CHOICES)
    filnamn = models.CharField("fil", max_length=255, blank=True)
    fnamn = models.CharField("företagsnamn i filen", max_length=200, blank=True)
    orgnr = models.CharField("organisationsnummer i filen", max_length=20, blank=True)
    program = models.CharField("program", max_length=200, blank=True)
    kptyp = models.CharField("#KPTYP i filen", max_length=40, blank=True)
    kontoplan = models.CharField("kontoplan", max_length=10, choices=KONTOPLAN_CHOICES)
    kontoplan_skal = models.TextField("varför kontoplanen gissades", blank=True)
    kontoplan_bekraftad = models.BooleanField("kontoplan bekräftad", default=False)
    antal_verifikationer = models.PositiveIntegerField("verifikationer", default=0)
    antal_transaktioner = models.PositiveIntegerField("transaktioner", default=0)
    skapad = models.DateTimeField("importerad", auto_now_add=True)
    skapad_av = models.ForeignKey(
        "finsam.User",
        verbose_name="importerad av",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "bokföringsimport"
        verbose_name_plural = "bokföringsimporter"
        ordering = ["-ar"]
        constraints = [
            ar_check("ekonomi_bokforingsimport_rimligt_ar"),
            models.UniqueConstraint(
                fields=["forbund", "ar"], name="ekonomi_bokforingsimport_ett_per_ar"
            ),
        ]

    def __str__(self) -> str:
        return f"Bokföring {self.ar} ({self.get_format_display()})"


class Konto(models.Model):
    """An account as the imported file names it."""

    bokforing = models.ForeignKey(
        Bokforingsimport, on_delete=models.CASCADE, related_name="konton"
    )
    nummer = models.CharField("konto", max_length=10)
    namn = models.CharField("namn", max_length=200, blank=True)

    objects = ForbundQuerySet.as_manager()
    forbund_path = "bokforing__forbund"

    class Meta:
        verbose_name = "konto"
        verbose_name_plural = "konton"
        ordering = ["nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["bokforing", "nummer"], name="ekonomi_konto_unikt"
            )
        ]

    def __str__(self) -> str:
        return f"{self.nummer} {self.namn}"


class Kontosaldo(models.Model):
    """An account's balances in one year of the file: årsnr 0 this year, -1 the year before.

    ``res`` is the year's movement on a result account (debit positive, credit negative,
    as SIE writes it), ``ib``/``ub`` the opening and closing balance of a balance account.
    """

    bokforing = models.ForeignKey(
        Bokforingsimport, on_delete=models.CASCADE, related_name="saldon"
    )
    arsnr = models.SmallIntegerField("årsnummer")
    konto = models.CharField("konto", max_length=10)
    ib = models.DecimalField(
        "ingående balans", max_digits=14, decimal_places=2, default=0
    )
    ub = models.DecimalField(
        "utgående balans", max_digits=14, decimal_places=2, default=0
    )
    res = models.DecimalField("resultat", max_digits=14, decimal_places=2, default=0)

    objects = ForbundQuerySet.as_manager()
    forbund_path = "bokforing__forbund"

    class Meta:
        verbose_name = "kontosaldo"
        verbose_name_plural = "kontosaldon"
        ordering = ["arsnr", "konto"]
        constraints = [
            models.UniqueConstraint(
                fields=["bokforing", "arsnr", "konto"], name="ekonomi_kontosaldo_unikt"
            )
        ]

    def __str__(self) -> str:
        return f"{self.konto} ({self.arsnr})"


class Transaktion(models.Model):
    """One #TRANS row of a verifikation (or one row of an Excel ledger)."""

    bokforing = models.ForeignKey(
        Bokforingsimport, on_delete=models.CASCADE, related_name="transaktioner"
    )
    serie = models.CharField("serie", max_length=20, blank=True)
    vernr = models.CharField("verifikation", max_length=20)
    datum = models.DateField("datum", validators=[validate_datum])
    konto = models.CharField("konto", max_length=10)
    belopp = models.DecimalField("belopp", max_digits=14, decimal_places=2)
    text = models.CharField("text", max_length=255, blank=True)
    objekt = models.CharField("objekt", max_length=100, blank=True)

    objects = ForbundQuerySet.as_manager()
    forbund_path = "bokforing__forbund"

    class Meta:
        verbose_name = "transaktion"
        verbose_name_plural = "transaktioner"
        ordering = ["datum", "serie", "vernr", "id"]
        indexes = [models.Index(fields=["bokforing", "konto"])]
        constraints = [
            datum_check("ekonomi_transaktion_rimligt_datum", "datum"),
        ]

    def __str__(self) -> str:
        return f"{self.serie}{self.vernr} {self.konto} {self.belopp}"


class Objekt(models.Model):
    """An object of a dimension as the imported file names it (#DIM, #OBJEKT): the
    projects and cost centres a bookkeeping program books transactions on."""

    bokforing = models.ForeignKey(
        Bokforingsimport, on_delete=models.CASCADE, related_name="objekt"
    )
    dimension = models.CharField("dimension", max_length=10)
    dimension_namn = models.CharField("dimensionens namn", max_length=200, blank=True)
    nummer = models.CharField("objekt", max_length=40)
    namn = models.CharField("namn", max_length=200, blank=True)

    objects = ForbundQuerySet.as_manager()
    forbund_path = "bokforing__forbund"

    class Meta:
        verbose_name = "objekt"
        verbose_name_plural = "objekt"
        ordering = ["dimension", "nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["bokforing", "dimension", "nummer"], name="ekonomi_objekt_unikt"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dimension_namn or self.dimension} {self.nummer} {self.namn}"


class Objektregel(models.Model):
    """The kansli's mapping of a dimension object (a project, say) to an insats or a
    budget line: the utfall booked on the object goes to that line whatever account it
    is booked on, so an insats's utfall comes from its project in the books."""

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="objektregler"
    )
    dimension = models.CharField("dimension", max_length=10)
    objekt = models.CharField("objekt", max_length=40)
    insats = models.ForeignKey(
        "insatser.Insats",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    budgetkod = models.SlugField("budgetpost (kod)", max_length=60, blank=True)

    objects = ForbundQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "objektregel"
        verbose_name_plural = "objektregler"
        ordering = ["dimension", "objekt"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "dimension", "objekt"],
                name="ekonomi_objektregel_unik",
            ),
            models.CheckConstraint(
                condition=Q(insats__isnull=False) | ~Q(budgetkod=""),
                name="ekonomi_objektregel_pekar_nagonstans",
                violation_error_message="Välj en insats eller en budgetpost.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dimension}:{self.objekt}"


class Kontoregel(models.Model):
    """The kansli's mapping: accounts ``fran``–``till`` to a statement line and/or a
    budget line (``budgetkod`` = ``Budgetpost.kod``). The narrowest rule wins; the
    chart's defaults (``ekonomi.kontoplan.STANDARD``) apply where no rule names a line."""

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="kontoregler"
    )
    fran = models.CharField("från konto", max_length=4)
    till = models.CharField("till konto", max_length=4)
    rad = models.CharField("rad i räkenskaperna", max_length=30, blank=True)
    budgetkod = models.SlugField("budgetpost (kod)", max_length=60, blank=True)

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kontoregel"
        verbose_name_plural = "kontoregler"
        ordering = ["fran", "till"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fran__lte=models.F("till")),
                name="ekonomi_kontoregel_fran_fore_till",
                violation_error_message="Från-kontot ska komma före till-kontot.",
            ),
            models.CheckConstraint(
                condition=~Q(rad="") | ~Q(budgetkod=""),
                name="ekonomi_kontoregel_pekar_nagonstans",
                violation_error_message="Ange en rad i räkenskaperna eller en budgetpost.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fran}–{self.till}"


class Manuellrad(models.Model):
    """A figure typed by hand, as printed: a statement line, a sum, a note line, a
    kassaflöde line, a budget line's utfall or a share of the cost split.

    ``kod`` names the line (see ``ekonomi.selectors.rakenskaper.MANUELLA_KODER``);
    ``belopp`` is in kronor, ``enhet`` says how it was typed (tkr with one decimal as
    the seeds print, or kronor), so it is compared at the precision it was typed.
    """

    KR = KR
    TKR = TKR
    ENHET_CHOICES = ENHET_CHOICES

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="manuella_rader"
    )
    ar = models.PositiveSmallIntegerField(
        "år", validators=[MinValueValidator(MIN_AR), MaxValueValidator(MAX_AR)]
    )
    kod = models.CharField("rad", max_length=80)
    etikett = models.CharField(
        "benämning", max_length=200, blank=True, validators=[validate_fritext]
    )
    belopp = models.DecimalField("belopp (kr)", max_digits=14, decimal_places=2)
    enhet = models.CharField(
        "inskrivet i", max_length=3, choices=ENHET_CHOICES, default=KR
    )

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "manuell uppgift"
        verbose_name_plural = "manuella uppgifter"
        ordering = ["ar", "kod"]
        constraints = [
            ar_check("ekonomi_manuellrad_rimligt_ar"),
            models.UniqueConstraint(
                fields=["forbund", "ar", "kod"], name="ekonomi_manuellrad_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kod} {self.ar}"


class Rakenskapsinstallning(models.Model):
    """How one year's statements are printed: in kronor or in tkr with one decimal (seed
    004 prints tkr). Chosen per year and kept, so the page, the Excel export and every
    later look at the year show the figures the same way."""

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="+"
    )
    ar = models.PositiveSmallIntegerField(
        "år", validators=[MinValueValidator(MIN_AR), MaxValueValidator(MAX_AR)]
    )
    enhet = models.CharField(
        "belopp i", max_length=3, choices=ENHET_CHOICES, default=TKR
    )

    objects = ForbundQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "inställning för räkenskaperna"
        verbose_name_plural = "inställningar för räkenskaperna"
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "ar"], name="ekonomi_rakenskapsinstallning_unik"
            ),
            models.CheckConstraint(
                condition=Q(enhet__in=["kr", "tkr"]),
                name="ekonomi_rakenskapsinstallning_enhet",
            ),
        ]

    def __str__(self) -> str:
        return f"Räkenskaper {self.ar}: {self.get_enhet_display()}"


class Nyckeltalsgrans(models.Model):
    """A threshold the förbund sets for a key ratio (Nationella rådet's guideline is a
    scale we could not verify, so the förbund enters its own: HBS ≤ 10 % administration,
    eget kapital ≤ 2,9 Mkr)."""

    ADMIN_ANDEL = "admin_andel"
    EGET_KAPITAL = "eget_kapital"
    AVGIFTER_FORBRUKADE = "avgifter_forbrukade"
    NYCKEL_CHOICES = [
        (ADMIN_ANDEL, "Administrationens andel av kostnaderna, högst (%)"),
        (EGET_KAPITAL, "Eget kapital, högst (kr)"),
        (AVGIFTER_FORBRUKADE, "Andel av årets medlemsavgifter som används, minst (%)"),
    ]

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="nyckeltalsgranser"
    )
    nyckel = models.CharField("nyckeltal", max_length=30, choices=NYCKEL_CHOICES)
    grans = models.DecimalField("gräns", max_digits=14, decimal_places=2)

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "gräns för nyckeltal"
        verbose_name_plural = "gränser för nyckeltal"
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "nyckel"], name="ekonomi_nyckeltalsgrans_unik"
            ),
            models.CheckConstraint(
                condition=Q(grans__gte=0), name="ekonomi_nyckeltalsgrans_ej_negativ"
            ),
        ]

    def __str__(self) -> str:
        return self.get_nyckel_display()


def avgiftskod(medlem: Medlem) -> str:
    """The stable kod of a member's fee line: from the member's first name in the
    system, so a renamed member (Stockholms läns landsting → Region Stockholm) keeps the
    kod its budget lines and account mapping already use."""
    return f"avgift-{slugify(medlem.tidigare_namn or medlem.namn)}"[:60]
