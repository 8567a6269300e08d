"""Insatser, their goals and their period reports: counts only, never personal data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from finsam.frysning import FrysbarForbundQuerySet, FrysbarModel
from finsam.tenancy import ForbundQuerySet, require_same_forbund
from finsam.validators import (
    MAX_ANTAL,
    ar_check,
    datum_check,
    validate_ar,
    validate_datum,
    validate_fritext,
)
from finsam.versioner import Versionerad

if TYPE_CHECKING:
    from finsam.models import User

# Free-text fields: optional, and never a personnummer.
FRITT: dict[str, Any] = {"validators": [validate_fritext], "blank": True}


class Insats(Versionerad, models.Model):
    INDIVID = "individ"
    STRUKTUR = "struktur"
    INRIKTNING_CHOICES = [
        (INDIVID, "Individinriktad"),
        (STRUKTUR, "Strukturinriktad"),
    ]
    PLANERAD = "planerad"
    PAGAENDE = "pagaende"
    AVSLUTAD = "avslutad"
    IMPLEMENTERAD = "implementerad"
    STATUS_CHOICES = [
        (PLANERAD, "Planerad"),
        (PAGAENDE, "Pågående"),
        (AVSLUTAD, "Avslutad"),
        (IMPLEMENTERAD, "Implementerad i ordinarie verksamhet"),
    ]

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="insatser"
    )
    namn = models.CharField("namn", max_length=200, validators=[validate_fritext])
    inriktning = models.CharField(
        "inriktning", max_length=10, choices=INRIKTNING_CHOICES, default=INDIVID
    )
    huvudman = models.ForeignKey(
        "finsam.Medlem",
        verbose_name="huvudman/projektägare",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="insatser",
        help_text="Tomt betyder att förbundet självt är huvudman.",
    )
    samverkande_parter = models.TextField("samverkande parter", **FRITT)
    malgrupp = models.TextField("målgrupp", **FRITT)
    alder_fran = models.PositiveSmallIntegerField(
        "ålder från", null=True, blank=True, validators=[MaxValueValidator(130)]
    )
    alder_till = models.PositiveSmallIntegerField(
        "ålder till", null=True, blank=True, validators=[MaxValueValidator(130)]
    )
    startdatum = models.DateField(
        "startdatum", null=True, blank=True, validators=[validate_datum]
    )
    slutdatum = models.DateField(
        "slutdatum", null=True, blank=True, validators=[validate_datum]
    )
    status = models.CharField(
        "status", max_length=15, choices=STATUS_CHOICES, default=PAGAENDE
    )
    avslutsutfall_redovisas = models.BooleanField(
        "avslut till arbete/studier redovisas",
        default=True,
        help_text="Av för förberedande eller uppsökande insatser: "
        "tabellerna visar då ”ej tillämpligt”.",
    )
    arstext_malgrupp = models.TextField("årsredovisning: målgrupp", **FRITT)
    arstext_samverkan = models.TextField("årsredovisning: samverkanspartners", **FRITT)
    arstext_framgangsfaktorer = models.TextField(
        "årsredovisning: framgångsfaktorer", **FRITT
    )
    sortering = models.PositiveSmallIntegerField(
        "sortering", default=0, help_text="Ordningen i listor och tabeller."
    )
    budgeterade_deltagare = models.PositiveIntegerField(
        "budgeterat antal deltagare per år",
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_ANTAL)],
    )
    rapportorer: models.ManyToManyField[User, Insatsrapportor] = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Insatsrapportor",
        related_name="rapporterade_insatser",
        blank=True,
    )

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "insats"
        verbose_name_plural = "insatser"
        ordering = ["sortering", "namn"]
        constraints = [
            datum_check("insatser_insats_rimliga_datum", "startdatum", "slutdatum"),
            models.CheckConstraint(
                condition=Q(slutdatum__isnull=True)
                | Q(startdatum__isnull=True)
                | Q(slutdatum__gte=F("startdatum")),
                name="insatser_insats_slut_efter_start",
                violation_error_message="Slutdatum är före startdatum.",
            ),
            models.CheckConstraint(
                condition=Q(alder_till__isnull=True)
                | Q(alder_fran__isnull=True)
                | Q(alder_till__gte=F("alder_fran")),
                name="insatser_insats_alder_ordnad",
                violation_error_message="Åldern till är lägre än åldern från.",
            ),
            models.CheckConstraint(
                condition=Q(budgeterade_deltagare__isnull=True)
                | Q(budgeterade_deltagare__lte=MAX_ANTAL),
                name="insatser_insats_rimligt_antal",
                violation_error_message="Budgeterat antal deltagare är orimligt stort.",
            ),
            models.UniqueConstraint(
                fields=["forbund", "namn"], name="insats_unik_per_forbund"
            ),
        ]

    def __str__(self) -> str:
        return self.namn

    def clean(self) -> None:
        require_same_forbund(
            self.forbund_id,
            self.huvudman if self.huvudman_id else None,
            namn="Huvudmannen",
            field="huvudman",
        )
        if (
            self.alder_fran is not None
            and self.alder_till is not None
            and self.alder_fran > self.alder_till
        ):
            raise ValidationError(
                {"alder_till": "Åldern till är lägre än åldern från."}
            )
        if self.startdatum and self.slutdatum and self.slutdatum < self.startdatum:
            raise ValidationError({"slutdatum": "Slutdatum är före startdatum."})

    @property
    def huvudman_namn(self) -> str:
        return (
            self.huvudman.namn if self.huvudman is not None else "Samordningsförbundet"
        )


class Insatsrapportor(models.Model):
    """A user (role insatsrapportör) who reports for an insats."""

    forbund_path = "insats__forbund"

    insats = models.ForeignKey(
        Insats, on_delete=models.CASCADE, related_name="rapportorsuppdrag"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="rapportorsuppdrag",
    )

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "insatsrapportör"
        verbose_name_plural = "insatsrapportörer"
        constraints = [
            models.UniqueConstraint(
                fields=["insats", "user"], name="insatsrapportor_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} rapporterar för {self.insats}"

    def clean(self) -> None:
        if self.user_id and self.insats_id:
            require_same_forbund(
                self.insats.forbund_id, self.user, namn="Användaren", field="user"
            )


class Mal(Versionerad, models.Model):
    ANTAL_DELTAGARE = "antal_deltagare"
    NYA_DELTAGARE = "nya_deltagare"
    ANDEL_ARBETE_STUDIER = "andel_arbete_studier"
    ANDEL_ARBETSSOKANDE = "andel_arbetssokande"
    KONSULTATIONER = "konsultationer"
    FRITEXT = "fritext"
    TYP_CHOICES = [
        (ANTAL_DELTAGARE, "Antal deltagare"),
        (NYA_DELTAGARE, "Nya deltagare"),
        (ANDEL_ARBETE_STUDIER, "Andel avslutade till arbete eller studier"),
        (
            ANDEL_ARBETSSOKANDE,
            "Andel till ordinarie arbetsförberedande insats/arbetssökande",
        ),
        (KONSULTATIONER, "Antal konsultationer"),
        (FRITEXT, "Fritext (resultatet anges)"),
    ]
    ANDELAR = {ANDEL_ARBETE_STUDIER, ANDEL_ARBETSSOKANDE}

    BEDOMNING_CHOICES = [
        ("mycket_god", "Mycket god"),
        ("god", "God"),
        ("godtagbart", "Godtagbart"),
        ("ej_uppnatt", "Ej uppnått"),
        ("ej_tillampbar", "Ej tillämpbar"),
    ]

    forbund_path = "insats__forbund"

    insats = models.ForeignKey(Insats, on_delete=models.CASCADE, related_name="mal")
    ar = models.PositiveSmallIntegerField("år", validators=[validate_ar])
    typ = models.CharField("typ", max_length=25, choices=TYP_CHOICES)
    beskrivning = models.TextField("mål", **FRITT)
    malvarde = models.DecimalField(
        "målvärde",
        max_digits=9,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Antal, eller procent för andelar.",
        validators=[MinValueValidator(0)],
    )
    resultat_text = models.TextField("resultat (fritext)", **FRITT)
    bedomning = models.CharField(
        "måluppfyllelse", max_length=15, choices=BEDOMNING_CHOICES, blank=True
    )
    ordning = models.PositiveSmallIntegerField("ordning", default=0)

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "mål"
        verbose_name_plural = "mål"
        ordering = ["ar", "ordning", "pk"]
        constraints = [
            ar_check("insatser_mal_rimligt_ar"),
            models.CheckConstraint(
                condition=Q(malvarde__isnull=True) | Q(malvarde__gte=0),
                name="insatser_mal_malvarde_ej_negativt",
                violation_error_message="Målvärdet kan inte vara negativt.",
            ),
        ]

    def __str__(self) -> str:
        return self.beskrivning or self.get_typ_display()


class Avslutsorsak(models.Model):
    """A category of exit reason; per förbund, so the förbund can extend the list."""

    ARBETE_STUDIER = "arbete_studier"
    ARBETSSOKANDE = "arbetssokande"
    OVRIGT = "ovrigt"
    GRUPP_CHOICES = [
        (ARBETE_STUDIER, "Till arbete/studier"),
        (ARBETSSOKANDE, "Arbetssökande vid avslut"),
        (OVRIGT, "Övrigt"),
    ]

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="avslutsorsaker"
    )
    namn = models.CharField("namn", max_length=100, validators=[validate_fritext])
    grupp = models.CharField(
        "räknas som", max_length=15, choices=GRUPP_CHOICES, default=OVRIGT
    )
    sortering = models.PositiveSmallIntegerField("sortering", default=0)

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "avslutsorsak"
        verbose_name_plural = "avslutsorsaker"
        ordering = ["sortering", "namn"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "namn"], name="avslutsorsak_unik_per_forbund"
            )
        ]

    def __str__(self) -> str:
        return self.namn


class Periodrapport(Versionerad, FrysbarModel):
    """An insats's year-to-date counts for tertial 1, tertial 2 or the whole year."""

    T1 = "t1"
    T2 = "t2"
    HELAR = "helar"
    PERIOD_CHOICES = [
        (T1, "Tertial 1 (jan–apr)"),
        (T2, "Tertial 2 (jan–aug)"),
        (HELAR, "Helår"),
    ]
    PERIOD_ORDNING = [T1, T2, HELAR]

    UTKAST = "utkast"
    INLAMNAD = "inlamnad"
    GODKAND = "godkand"
    ATERSAND = "atersand"
    STATUS_CHOICES = [
        (UTKAST, "Utkast"),
        (INLAMNAD, "Inlämnad"),
        (GODKAND, "Godkänd"),
        (ATERSAND, "Återsänd"),
    ]

    forbund_path = "insats__forbund"

    insats = models.ForeignKey(
        Insats, on_delete=models.CASCADE, related_name="periodrapporter"
    )
    ar = models.PositiveSmallIntegerField("år", validators=[validate_ar])
    period = models.CharField("period", max_length=5, choices=PERIOD_CHOICES)
    status = models.CharField(
        "status", max_length=10, choices=STATUS_CHOICES, default=UTKAST
    )
    kommentar = models.TextField("kansliets kommentar", **FRITT)

    aktuella_totalt = models.PositiveIntegerField("aktuella deltagare", default=0)
    aktuella_kvinnor = models.PositiveIntegerField("varav kvinnor", default=0)
    aktuella_man = models.PositiveIntegerField("varav män", default=0)
    aktuella_annat = models.PositiveIntegerField("varav annat/ej angivet", default=0)
    nya_totalt = models.PositiveIntegerField("nya deltagare", default=0)
    nya_kvinnor = models.PositiveIntegerField("varav kvinnor", default=0)
    nya_man = models.PositiveIntegerField("varav män", default=0)
    nya_annat = models.PositiveIntegerField("varav annat/ej angivet", default=0)
    avslutade_totalt = models.PositiveIntegerField("avslutade deltagare", default=0)
    avslutade_kvinnor = models.PositiveIntegerField("varav kvinnor", default=0)
    avslutade_man = models.PositiveIntegerField("varav män", default=0)
    avslutade_annat = models.PositiveIntegerField("varav annat/ej angivet", default=0)

    konsultationer_kvinnor = models.PositiveIntegerField(
        "konsultationer, kvinnor", default=0
    )
    konsultationer_man = models.PositiveIntegerField("konsultationer, män", default=0)
    konsultationer_annat = models.PositiveIntegerField(
        "konsultationer, annat/ej angivet", default=0
    )
    uppfoljda_12m = models.PositiveIntegerField(
        "följda upp 12 månader efter avslut", null=True, blank=True
    )
    egen_forsorjning_12m = models.PositiveIntegerField(
        "varav med egen försörjning", null=True, blank=True
    )

    berattelse = models.TextField(
        "vad har gått bra, avvikelser och prognos för året", **FRITT
    )

    avvikelse_koder = models.JSONField("godkända avvikelser", default=list, blank=True)
    avvikelse_motivering = models.TextField("motivering för avvikelsen", **FRITT)

    inlamnad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    inlamnad = models.DateTimeField(null=True, blank=True)
    granskad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    granskad = models.DateTimeField(null=True, blank=True)

    objects = FrysbarForbundQuerySet.as_manager()
    frysregel = "insatser.rules.fryst_orsak"

    history = HistoricalRecords()

    class Meta:
        verbose_name = "periodrapport"
        verbose_name_plural = "periodrapporter"
        ordering = ["insats__sortering", "insats__namn", "ar", "period"]
        constraints = [
            ar_check("insatser_periodrapport_rimligt_ar"),
            models.UniqueConstraint(
                fields=["insats", "ar", "period"], name="periodrapport_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.insats} {self.ar} {self.get_period_display()}"

    @property
    def har_avvikelse(self) -> bool:
        return bool(self.avvikelse_koder)

    @property
    def kan_andras(self) -> bool:
        return self.status in (self.UTKAST, self.ATERSAND)


class PeriodrapportAvslut(FrysbarModel):
    """Avslutade in a report by exit reason, by kön."""

    forbund_path = "periodrapport__insats__forbund"

    periodrapport = models.ForeignKey(
        Periodrapport, on_delete=models.CASCADE, related_name="avslut"
    )
    avslutsorsak = models.ForeignKey(
        Avslutsorsak, on_delete=models.PROTECT, related_name="+"
    )
    kvinnor = models.PositiveIntegerField("kvinnor", default=0)
    man = models.PositiveIntegerField("män", default=0)
    annat = models.PositiveIntegerField("annat/ej angivet", default=0)

    objects = FrysbarForbundQuerySet.as_manager()
    frysregel = "insatser.rules.fryst_orsak"
    frysforaldrar = ("periodrapport",)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "avslut per orsak"
        verbose_name_plural = "avslut per orsak"
        constraints = [
            models.UniqueConstraint(
                fields=["periodrapport", "avslutsorsak"], name="avslut_unik_orsak"
            )
        ]

    def __str__(self) -> str:
        return f"{self.avslutsorsak}: {self.totalt}"

    @property
    def totalt(self) -> int:
        return self.kvinnor + self.man + self.annat


class UnikaDeltagare(models.Model):
    """The förbund's number of unique individuals in a year (only the insatser can count it)."""

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="+"
    )
    ar = models.PositiveSmallIntegerField("år", validators=[validate_ar])
    antal = models.PositiveIntegerField(
        "unika deltagare", validators=[MaxValueValidator(MAX_ANTAL)]
    )

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "unika deltagare"
        verbose_name_plural = "unika deltagare"
        constraints = [
            ar_check("insatser_unikadeltagare_rimligt_ar"),
            models.CheckConstraint(
                condition=Q(antal__lte=MAX_ANTAL),
                name="insatser_unikadeltagare_rimligt_antal",
                violation_error_message="Antalet unika deltagare är orimligt stort.",
            ),
            models.UniqueConstraint(fields=["forbund", "ar"], name="unika_per_ar"),
        ]

    def __str__(self) -> str:
        return f"{self.ar}: {self.antal}"


class Bemanning(models.Model):
    forbund_path = "insats__forbund"

    insats = models.ForeignKey(
        Insats, on_delete=models.CASCADE, related_name="bemanning"
    )
    roll = models.CharField("roll", max_length=100, validators=[validate_fritext])
    part = models.ForeignKey(
        "finsam.Medlem",
        verbose_name="part",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    procent = models.PositiveSmallIntegerField(
        "tjänstgöringsgrad (%)", validators=[MaxValueValidator(100)]
    )

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "bemanning"
        verbose_name_plural = "bemanning"
        constraints = [
            models.CheckConstraint(
                condition=Q(procent__lte=100),
                name="insatser_bemanning_hogst_100_procent",
                violation_error_message="Tjänstgöringsgraden kan vara högst 100 %.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.roll} {self.procent} %"


class Medfinansiering(models.Model):
    """External co-financing, e.g. an ESF project."""

    forbund_path = "insats__forbund"

    insats = models.ForeignKey(
        Insats, on_delete=models.CASCADE, related_name="medfinansiering"
    )
    finansiar = models.CharField(
        "finansiär", max_length=200, validators=[validate_fritext]
    )
    total_budget = models.DecimalField(
        "total budget",
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    extern_andel = models.DecimalField(
        "extern finansiering",
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    fran = models.DateField("från", null=True, blank=True, validators=[validate_datum])
    till = models.DateField("till", null=True, blank=True, validators=[validate_datum])

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "extern medfinansiering"
        verbose_name_plural = "extern medfinansiering"
        constraints = [
            models.CheckConstraint(
                condition=Q(total_budget__gte=0, extern_andel__gte=0),
                name="insatser_medfinansiering_ej_negativ",
                violation_error_message="Budget och extern finansiering kan inte vara negativa.",
            ),
            models.CheckConstraint(
                condition=Q(extern_andel__lte=F("total_budget")),
                name="insatser_medfinansiering_andel_inom_budget",
                violation_error_message="Den externa finansieringen är större än den totala budgeten.",
            ),
            datum_check("insatser_medfinansiering_rimliga_datum", "fran", "till"),
            models.CheckConstraint(
                condition=Q(till__isnull=True)
                | Q(fran__isnull=True)
                | Q(till__gte=F("fran")),
                name="insatser_medfinansiering_till_efter_fran",
                violation_error_message="Till-datumet är före från-datumet.",
            ),
        ]

    def __str__(self) -> str:
        return self.finansiar


class Kategori(models.Model):
    """A report category the förbund can extend: försörjning, anvisande part, age group,
    home kommun."""

    FORSORJNING = "forsorjning"
    ANVISANDE = "anvisande"
    ALDER = "alder"
    KOMMUN = "kommun"
    DIMENSION_CHOICES = [
        (FORSORJNING, "Försörjning"),
        (ANVISANDE, "Anvisande part"),
        (ALDER, "Åldersgrupp"),
        (KOMMUN, "Hemkommun"),
    ]

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="+"
    )
    dimension = models.CharField("dimension", max_length=15, choices=DIMENSION_CHOICES)
    namn = models.CharField("namn", max_length=100, validators=[validate_fritext])
    sortering = models.PositiveSmallIntegerField("sortering", default=0)

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "rapportkategori"
        verbose_name_plural = "rapportkategorier"
        ordering = ["dimension", "sortering", "namn"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "dimension", "namn"], name="kategori_unik"
            )
        ]

    def __str__(self) -> str:
        return self.namn


class PeriodrapportAntal(FrysbarModel):
    """Counts by kön in one category of a report (försörjning at start or at exit,
    anvisande part, age group, home kommun)."""

    START = "start"
    SLUT = "slut"
    TILLFALLE_CHOICES = [(START, "Vid start"), (SLUT, "Vid avslut"), ("", "–")]

    forbund_path = "periodrapport__insats__forbund"

    periodrapport = models.ForeignKey(
        Periodrapport, on_delete=models.CASCADE, related_name="antal"
    )
    kategori = models.ForeignKey(Kategori, on_delete=models.PROTECT, related_name="+")
    tillfalle = models.CharField(
        "tillfälle", max_length=5, choices=TILLFALLE_CHOICES, blank=True
    )
    kvinnor = models.PositiveIntegerField("kvinnor", default=0)
    man = models.PositiveIntegerField("män", default=0)
    annat = models.PositiveIntegerField("annat/ej angivet", default=0)

    objects = FrysbarForbundQuerySet.as_manager()
    frysregel = "insatser.rules.fryst_orsak"
    frysforaldrar = ("periodrapport",)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "antal per kategori"
        verbose_name_plural = "antal per kategori"
        constraints = [
            models.UniqueConstraint(
                fields=["periodrapport", "kategori", "tillfalle"],
                name="periodrapportantal_unik",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kategori}: {self.kvinnor + self.man + self.annat}"


class Strukturaktivitet(Versionerad, models.Model):
    """A structural activity: frukostmöte, seminar, utbildning."""

    TYP_CHOICES = [
        ("frukostmote", "Frukostmöte"),
        ("seminarium", "Seminarium"),
        ("utbildning", "Utbildning"),
        ("natverk", "Nätverksträff"),
        ("annat", "Annat"),
    ]

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="+"
    )
    insats = models.ForeignKey(
        Insats,
        verbose_name="insats",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="strukturaktiviteter",
    )
    datum = models.DateField("datum", validators=[validate_datum])
    typ = models.CharField("typ", max_length=15, choices=TYP_CHOICES)
    tema = models.CharField("tema", max_length=300, validators=[validate_fritext])
    deltagare = models.PositiveIntegerField(
        "antal deltagare", default=0, validators=[MaxValueValidator(MAX_ANTAL)]
    )

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "strukturaktivitet"
        verbose_name_plural = "strukturaktiviteter"
        ordering = ["-datum"]
        constraints = [
            datum_check("insatser_strukturaktivitet_rimligt_datum", "datum"),
            models.CheckConstraint(
                condition=Q(deltagare__lte=MAX_ANTAL),
                name="insatser_strukturaktivitet_rimligt_antal",
                violation_error_message="Antalet deltagare är orimligt stort.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.datum} {self.tema}"


class Indikatorfraga(models.Model):
    """An NNS indicator question (the standard set is preloaded; may not be reworded)."""

    DELTAGARE = "deltagare"
    PERSONAL = "personal"
    STYRELSE = "styrelse"
    CHEFSGRUPP = "chefsgrupp"
    GRUPP_CHOICES = [
        (DELTAGARE, "Deltagare vid avslut"),
        (PERSONAL, "Personal i insatser"),
        (STYRELSE, "Styrelse"),
        (CHEFSGRUPP, "Parternas chefsgrupp"),
    ]

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="+"
    )
    grupp = models.CharField("respondentgrupp", max_length=12, choices=GRUPP_CHOICES)
    text = models.CharField("fråga", max_length=300, validators=[validate_fritext])
    sortering = models.PositiveSmallIntegerField("sortering", default=0)
    standard = models.BooleanField("standardfråga", default=False)

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "indikatorfråga"
        verbose_name_plural = "indikatorfrågor"
        ordering = ["grupp", "sortering", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "grupp", "text"], name="indikatorfraga_unik"
            )
        ]

    def __str__(self) -> str:
        return self.text


class Indikatorresultat(models.Model):
    ALLA = "alla"
    KON_CHOICES = [(ALLA, "Alla"), ("kvinnor", "Kvinnor"), ("man", "Män")]

    forbund_path = "fraga__forbund"

    fraga = models.ForeignKey(
        Indikatorfraga, on_delete=models.CASCADE, related_name="resultat"
    )
    ar = models.PositiveSmallIntegerField("år", validators=[validate_ar])
    kon = models.CharField("kön", max_length=8, choices=KON_CHOICES, default=ALLA)
    andel_positiva = models.DecimalField(
        "andel klart positiva (%)", max_digits=4, decimal_places=1
    )
    andel_negativa = models.DecimalField(
        "andel negativa (%)", max_digits=4, decimal_places=1
    )
    antal_svar = models.PositiveIntegerField(
        "antal svar", validators=[MaxValueValidator(MAX_ANTAL)]
    )

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "indikatorresultat"
        verbose_name_plural = "indikatorresultat"
        constraints = [
            ar_check("insatser_indikatorresultat_rimligt_ar"),
            models.CheckConstraint(
                condition=Q(
                    andel_positiva__gte=0,
                    andel_positiva__lte=100,
                    andel_negativa__gte=0,
                    andel_negativa__lte=100,
                ),
                name="insatser_indikatorresultat_andel_0_100",
                violation_error_message="Andelarna ska vara mellan 0 och 100 %.",
            ),
            models.UniqueConstraint(
                fields=["fraga", "ar", "kon"], name="indikatorresultat_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fraga} {self.ar}"

    def clean(self) -> None:
        if (
            self.andel_positiva is not None
            and self.andel_negativa is not None
            and self.andel_positiva + self.andel_negativa > 100
        ):
            raise ValidationError(
                {"andel_negativa": "Andelarna är tillsammans mer än 100 %."}
            )


class ForbundsMal(Versionerad, models.Model):
    """A förbund-wide goal per year ("finansierade insatser når 500 individer")."""

    UNIKA = "unika"
    ANDEL_ARBETE_STUDIER = "andel_arbete_studier"
    FRITEXT = "fritext"
    TYP_CHOICES = [
        (UNIKA, "Antal individer (unika deltagare)"),
        (ANDEL_ARBETE_STUDIER, "Andel avslutade till arbete eller studier"),
        (FRITEXT, "Fritext (resultatet anges)"),
    ]

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="+"
    )
    ar = models.PositiveSmallIntegerField("år", validators=[validate_ar])
    typ = models.CharField("typ", max_length=25, choices=TYP_CHOICES)
    beskrivning = models.TextField("mål", **FRITT)
    malvarde = models.DecimalField(
        "målvärde",
        max_digits=9,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    resultat_text = models.TextField("resultat (fritext)", **FRITT)
    bedomning = models.CharField(
        "måluppfyllelse", max_length=15, choices=Mal.BEDOMNING_CHOICES, blank=True
    )

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "förbundsmål"
        verbose_name_plural = "förbundsmål"
        ordering = ["ar", "pk"]
        constraints = [
            ar_check("insatser_forbundsmal_rimligt_ar"),
            models.CheckConstraint(
                condition=Q(malvarde__isnull=True) | Q(malvarde__gte=0),
                name="insatser_forbundsmal_malvarde_ej_negativt",
                violation_error_message="Målvärdet kan inte vara negativt.",
            ),
        ]

    def __str__(self) -> str:
        return self.beskrivning or self.get_typ_display()
