"""The board's meetings: organ, sammanträde, ärende (diariet), paragraf, närvaro,
kommentar, justering and anslag, plus the delegation register.

Writes go through ``styrelse/services.py``. What is frozen (a justerat protokoll, an
omedelbart justerad §, what hangs on them) is decided by ``styrelse/rules.py`` and guarded
for every path by ``finsam/frysning.py``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from finsam.frysning import FrysbarForbundQuerySet, FrysbarModel
from finsam.models import Forbund, Person
from finsam.tenancy import ForbundQuerySet
from finsam.validators import (
    ar_check,
    datum_check,
    validate_ar,
    validate_datum,
    validate_fritext,
)
from finsam.versioner import Versionerad

FRYSREGEL = "styrelse.rules.fryst_orsak"


class Organ(models.Model):
    STYRELSE = "styrelse"
    PRESIDIUM = "presidium"
    BEREDNINGSGRUPP = "beredningsgrupp"
    TYP_CHOICES = [
        (STYRELSE, "Förbundsstyrelse"),
        (PRESIDIUM, "Presidium"),
        (BEREDNINGSGRUPP, "Beredningsgrupp"),
    ]

    forbund = models.ForeignKey(
        Forbund, verbose_name="förbund", on_delete=models.CASCADE, related_name="organ"
    )
    namn = models.CharField("namn", max_length=200, validators=[validate_fritext])
    typ = models.CharField("typ", max_length=20, choices=TYP_CHOICES, default=STYRELSE)

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "organ"
        verbose_name_plural = "organ"
        ordering = ["namn"]

    def __str__(self) -> str:
        return self.namn


class Diarieraknare(models.Model):
    """The förbund's running number per year; locked with select_for_update."""

    forbund = models.ForeignKey(
        Forbund, verbose_name="förbund", on_delete=models.CASCADE
    )
    ar = models.PositiveIntegerField("år", validators=[validate_ar])
    senaste = models.PositiveIntegerField("senaste löpnummer", default=0)

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "diarieräknare"
        verbose_name_plural = "diarieräknare"
        constraints = [
            ar_check("styrelse_diarieraknare_rimligt_ar"),
            models.UniqueConstraint(
                fields=["forbund", "ar"], name="styrelse_diarieraknare_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ar}: {self.senaste}"


class Arende(Versionerad, FrysbarModel):
    forbund = models.ForeignKey(
        Forbund,
        verbose_name="förbund",
        on_delete=models.CASCADE,
        related_name="arenden",
    )
    ar = models.PositiveIntegerField("år", validators=[validate_ar])
    lopnummer = models.PositiveIntegerField("löpnummer")
    rubrik = models.CharField("rubrik", max_length=300, validators=[validate_fritext])
    tjansteskrivelse = models.TextField(
        "tjänsteskrivelse", blank=True, validators=[validate_fritext]
    )
    forslag_till_beslut = models.TextField(
        "förslag till beslut", blank=True, validators=[validate_fritext]
    )
    delges = models.TextField(
        "beslutet delges", blank=True, validators=[validate_fritext]
    )
    skapad = models.DateTimeField("skapad", auto_now_add=True)

    objects = FrysbarForbundQuerySet.as_manager()
    frysregel = FRYSREGEL

    history = HistoricalRecords()

    class Meta:
        verbose_name = "ärende"
        verbose_name_plural = "ärenden"
        ordering = ["-ar", "-lopnummer"]
        constraints = [
            ar_check("styrelse_arende_rimligt_ar"),
            models.UniqueConstraint(
                fields=["forbund", "ar", "lopnummer"], name="styrelse_arende_dnr_unikt"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.diarienummer} {self.rubrik}"

    @property
    def diarienummer(self) -> str:
        return f"{self.forbund.kortnamn} {self.ar}/{self.lopnummer}"


class Sammantrade(Versionerad, FrysbarModel):
    PLANERAT = "planerat"
    KALLAT = "kallat"
    GENOMFORT = "genomfort"
    UTKAST = "utkast"
    JUSTERAT = "justerat"
    ANSLAGET = "anslaget"
    STATUS_CHOICES = [
        (PLANERAT, "Planerat"),
        (KALLAT, "Kallat"),
        (GENOMFORT, "Genomfört"),
        (UTKAST, "Protokoll utkast"),
        (JUSTERAT, "Justerat"),
        (ANSLAGET, "Anslaget"),
    ]
    # A justerat protocol, whether or not its anslag is up yet: frozen and sealed.
    JUSTERADE = (JUSTERAT, ANSLAGET)

    organ = models.ForeignKey(
        Organ,
        verbose_name="organ",
        on_delete=models.PROTECT,
        related_name="sammantraden",
    )
    datum = models.DateField("datum", validators=[validate_datum])
    tid_start = models.TimeField("klockan från", null=True, blank=True)
    tid_slut = models.TimeField("klockan till", null=True, blank=True)
    plats = models.CharField(
        "plats", max_length=300, blank=True, validators=[validate_fritext]
    )
    status = models.CharField(
        "status", max_length=20, choices=STATUS_CHOICES, default=PLANERAT
    )
    ordforande = models.ForeignKey(
        Person,
        verbose_name="ordförande",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    justerare = models.ForeignKey(
        Person,
        verbose_name="justerare",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    sekreterare = models.ForeignKey(
        Person,
        verbose_name="sekreterare",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    justering_plats = models.CharField(
        "justeringens plats", max_length=300, blank=True, validators=[validate_fritext]
    )
    offentligt = models.BooleanField(
        "offentligt sammanträde",
        default=False,
        help_text="Styrelsens sammanträden är som regel inte offentliga.",
    )
    kallelse_skickad = models.DateTimeField("kallelse skickad", null=True, blank=True)
    utkast_publicerat = models.DateTimeField("utkast publicerat", null=True, blank=True)
    justerat_tid = models.DateTimeField("justerat", null=True, blank=True)
    innehall = models.JSONField("fryst innehåll", null=True, blank=True, editable=False)
    innehall_hash = models.CharField(
        "innehållets SHA-256", max_length=64, blank=True, editable=False
    )

    objects = FrysbarForbundQuerySet.as_manager()
    frysregel = FRYSREGEL
    forbund_path = "organ__forbund"

    history = HistoricalRecords()

    class Meta:
        verbose_name = "sammanträde"
        verbose_name_plural = "sammanträden"
        ordering = ["-datum", "-id"]
        constraints = [
            datum_check("styrelse_sammantrade_rimligt_datum", "datum"),
        ]

    def __str__(self) -> str:
        return f"{self.organ} {self.datum:%Y-%m-%d}"

    @property
    def ar_justerat(self) -> bool:
        return self.status in self.JUSTERADE

    def frysning_tillater(self, fore: Sammantrade, andrade: set[str]) -> bool:
        # Putting up the anslag does not touch the justerat content (what the public
        # copy masks lives in Maskering, beside it).
        return (
            andrade == {"status"}
            and fore.status == self.JUSTERAT
            and self.status == self.ANSLAGET
        )


class Paragraf(Versionerad, FrysbarModel):
    JUSTERARE = "val_av_justerare"
    DAGORDNING = "dagordning"
    ANMALNINGSARENDEN = "anmalningsarenden"
    DELEGATIONSBESLUT = "delegationsbeslut"
    INFORMATION = "information"
    OVRIGA = "ovriga_fragor"
    ARENDE = "arende"
    TYP_CHOICES = [
        (JUSTERARE, "Val av justerare"),
        (DAGORDNING, "Godkännande av dagordningen"),
        (ARENDE, "Beslutsärende"),
        (ANMALNINGSARENDEN, "Anmälningsärenden"),
        (DELEGATIONSBESLUT, "Anmälan av delegationsbeslut"),
        (INFORMATION, "Informationsärenden"),
        (OVRIGA, "Övriga frågor"),
    ]

    sammantrade = models.ForeignKey(
        Sammantrade,
        verbose_name="sammanträde",
        on_delete=models.CASCADE,
        related_name="paragrafer",
    )
    organ = models.ForeignKey(
        Organ, verbose_name="organ", on_delete=models.PROTECT, editable=False
    )
    ar = models.PositiveIntegerField("år", editable=False, validators=[validate_ar])
    nummer = models.IntegerField("paragraf")
    ordning = models.PositiveIntegerField("ordning", default=0)
    typ = models.CharField("typ", max_length=30, choices=TYP_CHOICES, default=ARENDE)
    rubrik = models.CharField("rubrik", max_length=300, validators=[validate_fritext])
    arende = models.ForeignKey(
        Arende,
        verbose_name="ärende",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="paragrafer",
    )
    sammanfattning = models.TextField(
        "sammanfattning", blank=True, validators=[validate_fritext]
    )
    forslag_till_beslut = models.TextField(
        "förslag till beslut", blank=True, validators=[validate_fritext]
    )
    beslut = models.TextField("beslut", blank=True, validators=[validate_fritext])
    overlaggning = models.TextField(
        "överläggning",
        blank=True,
        help_text="Vilka som yttrade sig.",
        validators=[validate_fritext],
    )
    reservation = models.TextField(
        "reservation", blank=True, validators=[validate_fritext]
    )
    jav = models.TextField(
        "jäv",
        blank=True,
        help_text="Vem som lämnade sammanträdet under paragrafen.",
        validators=[validate_fritext],
    )
    delges = models.TextField(
        "beslutet delges/Exp.", blank=True, validators=[validate_fritext]
    )
    handlingar = models.TextField(
        "anmälda handlingar",
        blank=True,
        help_text="En handling per rad; listas a), b), c) … i protokollet.",
        validators=[validate_fritext],
    )
    omedelbart_justerad = models.BooleanField("omedelbart justerad", default=False)

    objects = FrysbarForbundQuerySet.as_manager()
    frysregel = FRYSREGEL
    frysforaldrar = ("sammantrade",)
    forbund_path = "organ__forbund"

    history = HistoricalRecords()

    class Meta:
        verbose_name = "paragraf"
        verbose_name_plural = "paragrafer"
        ordering = ["ar", "nummer"]
        constraints = [
            ar_check("styrelse_paragraf_rimligt_ar"),
            models.UniqueConstraint(
                fields=["organ", "ar", "nummer"], name="styrelse_paragraf_nummer_unikt"
            ),
        ]

    def __str__(self) -> str:
        return f"§ {self.nummer} {self.rubrik}"

    @property
    def handlingar_lista(self) -> list[tuple[str, str]]:
        """The anmälda handlingar lettered a, b, c … (aa, ab … past z)."""
        return handlingar_lista(self.handlingar)


def handlingar_lista(text: str) -> list[tuple[str, str]]:
    rader = [r.strip() for r in (text or "").splitlines() if r.strip()]
    return [(bokstav(i), rad) for i, rad in enumerate(rader)]


def bokstav(index: int) -> str:
    alfabet = "abcdefghijklmnopqrstuvwxyz"
    if index < len(alfabet):
        return alfabet[index]
    return bokstav(index // len(alfabet) - 1) + alfabet[index % len(alfabet)]


class Narvaro(FrysbarModel):
    LEDAMOT = "ledamot"
    TJANSTGORANDE = "tjanstgorande_ersattare"
    ERSATTARE = "ersattare"
    OVRIG = "ovrig"
    ROLL_CHOICES = [
        (LEDAMOT, "Ledamot"),
        (TJANSTGORANDE, "Tjänstgörande ersättare"),
        (ERSATTARE, "Ersättare"),
        (OVRIG, "Övriga närvarande"),
    ]

    sammantrade = models.ForeignKey(
        Sammantrade,
        verbose_name="sammanträde",
        on_delete=models.CASCADE,
        related_name="narvaro",
    )
    person = models.ForeignKey(
        Person, verbose_name="person", on_delete=models.PROTECT, related_name="+"
    )
    roll = models.CharField("roll", max_length=30, choices=ROLL_CHOICES)
    funktion = models.CharField(
        "funktion",
        max_length=200,
        blank=True,
        help_text="T.ex. ordförande eller förbundschef.",
        validators=[validate_fritext],
    )
    ersatter = models.ForeignKey(
        Person,
        verbose_name="ersätter",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    fran_paragraf = models.IntegerField("från §", null=True, blank=True)
    till_paragraf = models.IntegerField("till §", null=True, blank=True)
    ordning = models.PositiveIntegerField("ordning", default=0)

    objects = FrysbarForbundQuerySet.as_manager()
    frysregel = FRYSREGEL
    frysforaldrar = ("sammantrade",)
    forbund_path = "sammantrade__organ__forbund"

    history = HistoricalRecords()

    class Meta:
        verbose_name = "närvaro"
        verbose_name_plural = "närvaro"
        ordering = ["ordning", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["sammantrade", "person"], name="styrelse_narvaro_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_roll_display()})"


class Kommentar(models.Model):
    paragraf = models.ForeignKey(
        Paragraf,
        verbose_name="paragraf",
        on_delete=models.CASCADE,
        related_name="kommentarer",
    )
    forfattare = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="författare",
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField("kommentar", validators=[validate_fritext])
    skapad = models.DateTimeField("skapad", auto_now_add=True)
    lost = models.BooleanField("löst", default=False)

    objects = ForbundQuerySet.as_manager()
    forbund_path = "paragraf__organ__forbund"

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kommentar"
        verbose_name_plural = "kommentarer"
        ordering = ["skapad", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class Justering(FrysbarModel):
    ORDFORANDE = "ordforande"
    JUSTERARE = "justerare"
    ROLL_CHOICES = [(ORDFORANDE, "Ordförande"), (JUSTERARE, "Justerare")]

    sammantrade = models.ForeignKey(
        Sammantrade,
        verbose_name="sammanträde",
        on_delete=models.CASCADE,
        related_name="justeringar",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="användare",
        on_delete=models.PROTECT,
        related_name="+",
    )
    roll = models.CharField("roll", max_length=20, choices=ROLL_CHOICES)
    paragraf = models.ForeignKey(
        "Paragraf",
        verbose_name="omedelbart justerad paragraf",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="justeringar",
        help_text="Satt vid omedelbar justering av en enskild paragraf.",
    )
    tidpunkt = models.DateTimeField("tidpunkt")
    innehall_hash = models.CharField("godkänt innehåll (SHA-256)", max_length=64)
    ogiltig = models.BooleanField(
        "ogiltig", default=False, help_text="Protokollet ändrades efter godkännandet."
    )
    motivering = models.TextField(
        "motivering",
        blank=True,
        help_text="Varför justeraren godkände trots olösta kommentarer.",
        validators=[validate_fritext],
    )
    namn = models.CharField(
        "namn",
        max_length=300,
        blank=True,
        help_text="Den som justerade, som namnet stod när godkännandet gavs.",
    )

    objects = FrysbarForbundQuerySet.as_manager()
    frysregel = FRYSREGEL
    frysforaldrar = ("sammantrade", "paragraf")
    forbund_path = "sammantrade__organ__forbund"

    history = HistoricalRecords()

    class Meta:
        verbose_name = "justering"
        verbose_name_plural = "justeringar"
        ordering = ["tidpunkt", "id"]

    def __str__(self) -> str:
        return f"{self.get_roll_display()} {self.tidpunkt:%Y-%m-%d %H:%M}"


class Utdragsbestyrkande(models.Model):
    """A person's certification that an utdrag of a paragraph matches the protocol.

    Made on purpose by the one who certifies (name and date as printed), never stamped
    on an utdrag because someone downloaded it. The newest one is printed on the utdrag.
    """

    paragraf = models.ForeignKey(
        "Paragraf",
        verbose_name="paragraf",
        on_delete=models.CASCADE,
        related_name="bestyrkanden",
    )
    namn = models.CharField(
        "bestyrkt av", max_length=200, validators=[validate_fritext]
    )
    datum = models.DateField("datum", validators=[validate_datum])
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="registrerat av",
        on_delete=models.PROTECT,
        related_name="+",
    )
    skapad = models.DateTimeField("registrerat", auto_now_add=True)

    objects = ForbundQuerySet.as_manager()
    forbund_path = "paragraf__sammantrade__organ__forbund"

    history = HistoricalRecords()

    class Meta:
        verbose_name = "utdragsbestyrkande"
        verbose_name_plural = "utdragsbestyrkanden"
        ordering = ["-datum", "-id"]
        constraints = [
            datum_check("styrelse_utdragsbestyrkande_rimligt_datum", "datum"),
        ]

    def __str__(self) -> str:
        return f"Utdrag {self.paragraf} bestyrkt av {self.namn} {self.datum}"


class Anslag(models.Model):
    sammantrade = models.OneToOneField(
        Sammantrade,
        verbose_name="sammanträde",
        on_delete=models.CASCADE,
        related_name="anslag",
    )
    uppsatt = models.DateField("anslaget uppsatt", validators=[validate_datum])
    sista_overklagandedag = models.DateField(
        "sista dag för överklagande", validators=[validate_datum]
    )
    nedtas = models.DateField("anslaget tas ned", validators=[validate_datum])
    forvaringsplats = models.CharField(
        "protokollet förvaras", max_length=300, validators=[validate_fritext]
    )

    objects = ForbundQuerySet.as_manager()
    forbund_path = "sammantrade__organ__forbund"

    history = HistoricalRecords()

    class Meta:
        verbose_name = "anslag"
        verbose_name_plural = "anslag"
        ordering = ["-uppsatt", "-id"]
        constraints = [
            datum_check(
                "styrelse_anslag_rimliga_datum",
                "uppsatt",
                "sista_overklagandedag",
                "nedtas",
            ),
        ]

    def __str__(self) -> str:
        return f"Anslag {self.sammantrade}"


class Maskering(models.Model):
    """One thing the public copy of a protocol hides: a §, an ärende (every § that
    handles it), a delegation report or a person. Chosen on the structure of the
    protocol's content by id, never by matching text, so no spelling, case or line
    break can let it through (styrelse/selectors.py, ``offentlig_innehall``).

    Not frozen with the protocol: the kansli may mask more after justering (the
    approved content and its hash are untouched; only the copy on the anslagstavla
    changes)."""

    PARAGRAF = "paragraf"
    ARENDE = "arende"
    DELEGATIONSBESLUT = "delegationsbeslut"
    PERSON = "person"
    TYP_CHOICES = [
        (PARAGRAF, "Paragraf"),
        (ARENDE, "Ärende"),
        (DELEGATIONSBESLUT, "Delegationsbeslut"),
        (PERSON, "Person"),
    ]

    sammantrade = models.ForeignKey(
        Sammantrade,
        verbose_name="sammanträde",
        on_delete=models.CASCADE,
        related_name="maskeringar",
    )
    typ = models.CharField("typ", max_length=20, choices=TYP_CHOICES)
    objekt_id = models.PositiveIntegerField(
        "id i protokollets innehåll",
        help_text="Paragrafens, ärendets, delegationsbeslutets eller personens id.",
    )
    skapad = models.DateTimeField("skapad", auto_now_add=True)

    objects = ForbundQuerySet.as_manager()
    history = HistoricalRecords()
    forbund_path = "sammantrade__organ__forbund"

    class Meta:
        verbose_name = "maskering"
        verbose_name_plural = "maskeringar"
        ordering = ["typ", "objekt_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["sammantrade", "typ", "objekt_id"],
                name="styrelse_maskering_unik",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_typ_display()} {self.objekt_id}"


class Delegationspunkt(models.Model):
    """One row of the board's delegationsordning."""

    forbund = models.ForeignKey(
        Forbund, verbose_name="förbund", on_delete=models.CASCADE
    )
    arendetyp = models.CharField(
        "ärendetyp", max_length=200, validators=[validate_fritext]
    )
    delegat = models.CharField(
        "delegat",
        max_length=200,
        help_text="Roll eller person.",
        validators=[validate_fritext],
    )
    lagrum = models.CharField(
        "lagrum", max_length=200, blank=True, validators=[validate_fritext]
    )
    anmalas = models.BooleanField("anmäls till styrelsen", default=True)
    ordning = models.PositiveIntegerField("ordning", default=0)

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "delegationspunkt"
        verbose_name_plural = "delegationsordning"
        ordering = ["ordning", "id"]

    def __str__(self) -> str:
        return f"{self.arendetyp} ({self.delegat})"


class Delegationsbeslut(Versionerad, FrysbarModel):
    forbund = models.ForeignKey(
        Forbund, verbose_name="förbund", on_delete=models.CASCADE
    )
    delegationspunkt = models.ForeignKey(
        Delegationspunkt,
        verbose_name="enligt delegationsordningen",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="beslut",
    )
    datum = models.DateField("beslutsdatum", validators=[validate_datum])
    delegat = models.CharField("delegat", max_length=200, validators=[validate_fritext])
    arendetyp = models.CharField(
        "ärendetyp", max_length=200, validators=[validate_fritext]
    )
    beslut = models.TextField("beslut", validators=[validate_fritext])
    diarienummer = models.CharField(
        "dnr", max_length=50, blank=True, validators=[validate_fritext]
    )
    anmald_paragraf = models.ForeignKey(
        Paragraf,
        verbose_name="anmäld i paragraf",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegationsbeslut",
    )
    anmald = models.BooleanField("anmäld", default=False)

    objects = FrysbarForbundQuerySet.as_manager()
    frysregel = FRYSREGEL
    frysforaldrar = ("anmald_paragraf",)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "delegationsbeslut"
        verbose_name_plural = "delegationsbeslut"
        ordering = ["datum", "id"]
        constraints = [
            datum_check("styrelse_delegationsbeslut_rimligt_datum", "datum"),
        ]

    def __str__(self) -> str:
        return f"{self.datum} {self.arendetyp}"


class Bilaga(FrysbarModel):
    """An attachment to an ärende, stored in the database (type- and size-checked)."""

    arende = models.ForeignKey(
        Arende, verbose_name="ärende", on_delete=models.CASCADE, related_name="bilagor"
    )
    namn = models.CharField("filnamn", max_length=255, validators=[validate_fritext])
    content_type = models.CharField("filtyp", max_length=100)
    storlek = models.PositiveIntegerField("storlek (byte)")
    innehall = models.BinaryField("innehåll")
    uppladdad = models.DateTimeField("uppladdad", auto_now_add=True)

    objects = FrysbarForbundQuerySet.as_manager()
    frysregel = FRYSREGEL
    frysforaldrar = ("arende",)
    forbund_path = "arende__forbund"

    history = HistoricalRecords()

    class Meta:
        verbose_name = "bilaga"
        verbose_name_plural = "bilagor"
        ordering = ["uppladdad", "id"]

    def __str__(self) -> str:
        return self.namn
