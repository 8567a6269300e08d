"""Insatser, their goals and their period reports: counts only, never personal data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from finsam.frysning import FrysbarForbundQuerySet, FrysbarModel
from finsam.tenancy import ForbundQuerySet, require_same_forbund
from insatser.validators import validate_no_personnummer

if TYPE_CHECKING:
    from finsam.models import User

# Free-text fields: optional, and never a personnummer.
FRITT: dict[str, Any] = {"validators": [validate_no_personnummer], "blank": True}


class Insats(models.Model):
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
    namn = models.CharField(
        "namn", max_length=200, validators=[validate_no_personnummer]
    )
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
    alder_fran = models.PositiveSmallIntegerField("ålder från", null=True, blank=True)
    alder_till = models.PositiveSmallIntegerField("ålder till", null=True, blank=True)
    startdatum = models.DateField("startdatum", null=True, blank=True)
    slutdatum = models.DateField("slutdatum", null=True, blank=True)
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
        "budgeterat antal deltagare per år", null=True, blank=True
    )
    rapportorer: models.ManyToManyField[User, Insatsrapportor] = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Insatsrapportor",
        related_name="rapporterade_insatser",
        blank=True,
    )

    objects = ForbundQuerySet.as_manager()

    class Meta:
        verbose_name = "insats"
        verbose_name_plural = "insatser"
        ordering = ["sortering", "namn"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "namn"], name="insats_unik_per_forbund"
            )
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


class Mal(models.Model):
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
    ar = models.PositiveSmallIntegerField("år")
    typ = models.CharField("typ", max_length=25, choices=TYP_CHOICES)
    beskrivning = models.TextField("mål", **FRITT)
    malvarde = models.DecimalField(
        "målvärde",
        max_digits=9,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Antal, eller procent för andelar.",
    )
    resultat_text = models.TextField("resultat (fritext)", **FRITT)
    bedomning = models.CharField(
        "måluppfyllelse", max_length=15, choices=BEDOMNING_CHOICES, blank=True
    )
    ordning = models.PositiveSmallIntegerField("ordning", default=0)

    objects = ForbundQuerySet.as_manager()

    class Meta:
        verbose_name = "mål"
        verbose_name_plural = "mål"
        ordering = ["ar", "ordning", "pk"]

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
    namn = models.CharField("namn", max_length=100)
    grupp = models.CharField(
        "räknas som", max_length=15, choices=GRUPP_CHOICES, default=OVRIGT
    )
    sortering = models.PositiveSmallIntegerField("sortering", default=0)

    objects = ForbundQuerySet.as_manager()

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


class Periodrapport(FrysbarModel):
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
    ar = models.PositiveSmallIntegerField("år")
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

    class Meta:
        verbose_name = "periodrapport"
        verbose_name_plural = "periodrapporter"
        ordering = ["insats__sortering", "insats__namn", "ar", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["insats", "ar", "period"], name="periodrapport_unik"
            )
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
    ar = models.PositiveSmallIntegerField("år")
    antal = models.PositiveIntegerField("unika deltagare")

    objects = ForbundQuerySet.as_manager()

    class Meta:
        verbose_name = "unika deltagare"
        verbose_name_plural = "unika deltagare"
        constraints = [
            models.UniqueConstraint(fields=["forbund", "ar"], name="unika_per_ar")
        ]

    def __str__(self) -> str:
        return f"{self.ar}: {self.antal}"


class Bemanning(models.Model):
    forbund_path = "insats__forbund"

    insats = models.ForeignKey(
        Insats, on_delete=models.CASCADE, related_name="bemanning"
    )
    roll = models.CharField(
        "roll", max_length=100, validators=[validate_no_personnummer]
    )
    part = models.ForeignKey(
        "finsam.Medlem",
        verbose_name="part",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    procent = models.PositiveSmallIntegerField("tjänstgöringsgrad (%)")

    objects = ForbundQuerySet.as_manager()

    class Meta:
        verbose_name = "bemanning"
        verbose_name_plural = "bemanning"

    def __str__(self) -> str:
        return f"{self.roll} {self.procent} %"


class Medfinansiering(models.Model):
    """External co-financing, e.g. an ESF project."""

    forbund_path = "insats__forbund"

    insats = models.ForeignKey(
        Insats, on_delete=models.CASCADE, related_name="medfinansiering"
    )
    finansiar = models.CharField(
        "finansiär", max_length=200, validators=[validate_no_personnummer]
    )
    total_budget = models.DecimalField("total budget", max_digits=14, decimal_places=2)
    extern_andel = models.DecimalField(
        "extern finansiering", max_digits=14, decimal_places=2
    )
    fran = models.DateField("från", null=True, blank=True)
    till = models.DateField("till", null=True, blank=True)

    objects = ForbundQuerySet.as_manager()

    class Meta:
        verbose_name = "extern medfinansiering"
        verbose_name_plural = "extern medfinansiering"

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
    namn = models.CharField("namn", max_length=100)
    sortering = models.PositiveSmallIntegerField("sortering", default=0)

    objects = ForbundQuerySet.as_manager()

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


class Strukturaktivitet(models.Model):
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
    datum = models.DateField("datum")
    typ = models.CharField("typ", max_length=15, choices=TYP_CHOICES)
    tema = models.CharField(
        "tema", max_length=300, validators=[validate_no_personnummer]
    )
    deltagare = models.PositiveIntegerField("antal deltagare", default=0)

    objects = ForbundQuerySet.as_manager()

    class Meta:
        verbose_name = "strukturaktivitet"
        verbose_name_plural = "strukturaktiviteter"
        ordering = ["-datum"]

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
    text = models.CharField("fråga", max_length=300)
    sortering = models.PositiveSmallIntegerField("sortering", default=0)
    standard = models.BooleanField("standardfråga", default=False)

    objects = ForbundQuerySet.as_manager()

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
    ar = models.PositiveSmallIntegerField("år")
    kon = models.CharField("kön", max_length=8, choices=KON_CHOICES, default=ALLA)
    andel_positiva = models.DecimalField(
        "andel klart positiva (%)", max_digits=4, decimal_places=1
    )
    andel_negativa = models.DecimalField(
        "andel negativa (%)", max_digits=4, decimal_places=1
    )
    antal_svar = models.PositiveIntegerField("antal svar")

    objects = ForbundQuerySet.as_manager()

    class Meta:
        verbose_name = "indikatorresultat"
        verbose_name_plural = "indikatorresultat"
        constraints = [
            models.UniqueConstraint(
                fields=["fraga", "ar", "kon"], name="indikatorresultat_unik"
            )
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


class ForbundsMal(models.Model):
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
    ar = models.PositiveSmallIntegerField("år")
    typ = models.CharField("typ", max_length=25, choices=TYP_CHOICES)
    beskrivning = models.TextField("mål", **FRITT)
    malvarde = models.DecimalField(
        "målvärde", max_digits=9, decimal_places=1, null=True, blank=True
    )
    resultat_text = models.TextField("resultat (fritext)", **FRITT)
    bedomning = models.CharField(
        "måluppfyllelse", max_length=15, choices=Mal.BEDOMNING_CHOICES, blank=True
    )

    objects = ForbundQuerySet.as_manager()

    class Meta:
        verbose_name = "förbundsmål"
        verbose_name_plural = "förbundsmål"
        ordering = ["ar", "pk"]

    def __str__(self) -> str:
        return self.beskrivning or self.get_typ_display()
