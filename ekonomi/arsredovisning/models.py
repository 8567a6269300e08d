"""The årsredovisning of a year: its narrative texts, its approval and its frozen PDF.

Every table and figure comes from the other apps' data; only the narrative is typed here
(``Avsnittstext``). On approval by a § the PDF is rendered once and stored with its
SHA-256, and that stored file is what revisorer and members download ever after.
Reconciliation findings that block approval are accepted one by one with a comment
(``Fyndbedomning``), keyed by the finding's stable ``nyckel``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from ekonomi.models import ENHET_CHOICES, TKR, BeslutadIParagraf
from finsam.dates import MAX_AR, MIN_AR
from finsam.frysning import FrysbarForbundQuerySet, FrysbarModel
from finsam.validators import (
    ar_check,
    datum_check,
    validate_datum,
    validate_fritext,
)
from finsam.versioner import Versionerad

AR_VALIDATORS = [MinValueValidator(MIN_AR), MaxValueValidator(MAX_AR)]


class Arsredovisning(BeslutadIParagraf, FrysbarModel):
    """Approved by the board's § and then frozen (``ekonomi.arsredovisning.rules``):
    only the PDF laid out from the frozen HTML is stored afterwards."""

    UTKAST = "utkast"
    GODKAND = "godkand"
    STATUS_CHOICES = [(UTKAST, "Utkast"), (GODKAND, "Godkänd")]
    BESLUTAD_STATUS = GODKAND
    beslut_paragraf_falt = "godkand_paragraf"
    frysregel = "ekonomi.arsredovisning.rules.fryst_orsak"

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="arsredovisningar"
    )
    ar = models.PositiveSmallIntegerField("år", validators=AR_VALIDATORS)
    status = models.CharField(
        "status", max_length=10, choices=STATUS_CHOICES, default=UTKAST
    )
    godkand_paragraf = models.ForeignKey(
        "styrelse.Paragraf",
        verbose_name="godkänd i §",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    godkand_datum = models.DateField(
        "godkänd", null=True, blank=True, validators=[validate_datum]
    )
    # The unit the document prints its amounts in (seed 004: tkr with one decimal).
    enhet = models.CharField(
        "belopp i", max_length=3, choices=ENHET_CHOICES, default=TKR
    )
    godkand_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="registrerad av",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The frozen document. On approval the HTML is made from the data of that moment
    # and kept; a background task lays it out once into the PDF, stored beside its hash
    # in the database (like the protocol's bilagor), so a backup holds the signed report.
    html = models.TextField("fastställd HTML", blank=True, editable=False)
    pdf = models.BinaryField("fastställd PDF", blank=True, default=b"", editable=False)
    pdf_sha256 = models.CharField("SHA-256", max_length=64, blank=True, editable=False)
    skapad = models.DateTimeField("skapad", auto_now_add=True)

    objects = FrysbarForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "årsredovisning"
        verbose_name_plural = "årsredovisningar"
        ordering = ["-ar"]
        constraints = [
            datum_check("arsredovisning_rimligt_datum", "godkand_datum"),
            models.UniqueConstraint(
                fields=["forbund", "ar"], name="arsredovisning_en_per_ar"
            ),
            models.CheckConstraint(
                condition=Q(status="utkast")
                | (
                    Q(godkand_datum__isnull=False)
                    & Q(godkand_paragraf__isnull=False)
                    & ~Q(html="")
                ),
                name="arsredovisning_godkand_ar_fryst",
            ),
        ]

    def __str__(self) -> str:
        return f"Årsredovisning {self.ar}"

    def frysning_tillater(self, fore: Arsredovisning, andrade: set[str]) -> bool:
        # The PDF is laid out from the frozen HTML after approval and stored once.
        return andrade <= {"pdf", "pdf_sha256"} and not fore.pdf_sha256

    @property
    def ar_godkand(self) -> bool:
        return self.ar_beslutad

    @property
    def pdf_klar(self) -> bool:
        return bool(self.pdf_sha256)


class Avsnittstext(Versionerad, FrysbarModel):
    """The narrative of one section of one year's report, as Markdown; frozen with
    the year's approved report (``rules.arets_del_fryst_orsak``)."""

    frysregel = "ekonomi.arsredovisning.rules.arets_del_fryst_orsak"
    frys_ny_rad = True

    # (kod, rubrik, hjälptext), in the order of seed 004. The code is stable from year to
    # year so that last year's text is this year's starting point.
    AVSNITT = [
        ("ordforande", "Ordförande har ordet", "Ordförandens inledning."),
        (
            "sammanfattning",
            "1.1 Sammanfattning av verksamhetsåret",
            "Översikt över verksamhetens utveckling. Nyckeltalen skrivs ut av systemet.",
        ),
        ("organisation", "1.2.1 Organisation", "Medlemmarna räknas upp av systemet."),
        ("historik", "1.2.2 Historik", ""),
        ("lagrum", "1.2.3 Lagrum", ""),
        ("uppdrag", "1.2.4 Uppdrag och verksamhetsidé", ""),
        (
            "finansiering",
            "1.2.5 Finansiering/Medlemsavgifter",
            "Avgifterna per medlem skrivs ut av systemet.",
        ),
        ("vision", "1.2.6 Vision", ""),
        ("verksamhetsplan", "1.3.1 Verksamhetsplan", ""),
        (
            "strukturinsatser",
            "1.3.2 Stöd och finansiering till strukturinriktade insatser",
            "",
        ),
        (
            "individinsatser",
            "1.3.3 Finansiering av individinriktade samverkansinsatser",
            "Insatserna listas av systemet.",
        ),
        (
            "maluppfyllelse",
            "1.4 Måluppfyllelse och resultat",
            "Styrning och uppföljning. Mål, deltagarflöden och indikatorer skrivs ut "
            "av systemet.",
        ),
        (
            "framgangsfaktorer",
            "1.4.2 Framgångsfaktorer",
            "Gemensamma framgångsfaktorer för de finansierade insatserna.",
        ),
        ("handelser", "1.4.3 Händelser av väsentlig betydelse", ""),
        (
            "styrelsens_arbete",
            "1.5 Styrelsens arbete under året",
            "Antalet möten räknas ur protokollen av systemet.",
        ),
        ("personal", "1.5.4 Väsentliga personalförhållanden", ""),
        (
            "ekonomiskt_utfall",
            "1.6 Ekonomiskt utfall",
            "God ekonomisk hushållning och ekonomisk ställning.",
        ),
        ("avvikelser", "1.6.1 Avvikelse från budget", ""),
        ("overskott", "1.6.2 Hantering av förbundets överskott", ""),
        ("forvantad_utveckling", "1.7 Förväntad utveckling", ""),
        ("redovisningsprinciper", "5. Redovisningsprinciper", ""),
    ]
    AVSNITT_CHOICES = [(kod, rubrik) for kod, rubrik, _ in AVSNITT]
    RUBRIK = dict(AVSNITT_CHOICES)
    HJALP = {kod: hjalp for kod, _, hjalp in AVSNITT}

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="+"
    )
    ar = models.PositiveSmallIntegerField("år", validators=AR_VALIDATORS)
    avsnitt = models.CharField("avsnitt", max_length=30, choices=AVSNITT_CHOICES)
    text = models.TextField(
        "text (Markdown)", blank=True, validators=[validate_fritext]
    )
    andrad = models.DateTimeField("ändrad", auto_now=True)
    andrad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ändrad av",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = FrysbarForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "avsnittstext"
        verbose_name_plural = "avsnittstexter"
        ordering = ["ar", "avsnitt"]
        constraints = [
            ar_check("arsredovisning_avsnittstext_rimligt_ar"),
            models.UniqueConstraint(
                fields=["forbund", "ar", "avsnitt"],
                name="arsredovisning_en_text_per_avsnitt",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.RUBRIK.get(self.avsnitt, self.avsnitt)} {self.ar}"


class Fyndbedomning(FrysbarModel):
    """A reconciliation finding the kansli accepts with a comment before approval.

    Keyed by the finding's stable ``nyckel`` and the size of the difference: if the
    difference changes later, the acceptance no longer covers it. Frozen with the
    year's approved report: the acceptance is part of what the board approved.
    """

    frysregel = "ekonomi.arsredovisning.rules.arets_del_fryst_orsak"
    frys_ny_rad = True

    forbund = models.ForeignKey(
        "finsam.Forbund", on_delete=models.CASCADE, related_name="+"
    )
    ar = models.PositiveSmallIntegerField("år", validators=AR_VALIDATORS)
    nyckel = models.CharField("fynd", max_length=200)
    differens = models.DecimalField(
        "differens", max_digits=14, decimal_places=2, null=True, blank=True
    )
    kommentar = models.TextField("kommentar", validators=[validate_fritext])
    av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="godtaget av",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    tidpunkt = models.DateTimeField("godtaget", auto_now_add=True)

    objects = FrysbarForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "godtaget avstämningsfynd"
        verbose_name_plural = "godtagna avstämningsfynd"
        ordering = ["ar", "nyckel"]
        constraints = [
            ar_check("arsredovisning_fynd_rimligt_ar"),
            models.UniqueConstraint(
                fields=["forbund", "ar", "nyckel"],
                name="arsredovisning_ett_beslut_per_fynd",
            ),
            models.CheckConstraint(
                condition=~Q(kommentar=""),
                name="arsredovisning_fynd_har_kommentar",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nyckel} ({self.ar})"
