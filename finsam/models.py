"""The ground floor: the förbund (tenant), its users, members, people and their roles.

Fee models (medlemsavgifter) live further down in this file.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from finsam.access import ROLL_CHOICES
from finsam.frysning import FrysbarForbundQuerySet, FrysbarModel
from finsam.tenancy import ForbundQuerySet, require_same_forbund
from finsam.validators import (
    ar_check,
    datum_check,
    validate_ar,
    validate_datum,
    validate_fritext,
    validate_orgnr,
)
from finsam.versioner import Versionerad


class Forbund(models.Model):
    namn = models.CharField("namn", max_length=200, validators=[validate_fritext])
    orgnr = models.CharField(
        "organisationsnummer", max_length=11, unique=True, validators=[validate_orgnr]
    )
    kortnamn = models.CharField(
        "kortnamn",
        max_length=20,
        help_text="Förkortning som används i diarienummer, t.ex. BHS.",
        validators=[validate_fritext],
    )
    adress = models.CharField(
        "postadress", max_length=200, blank=True, validators=[validate_fritext]
    )
    postnummer = models.CharField("postnummer", max_length=6, blank=True)
    ort = models.CharField(
        "ort", max_length=100, blank=True, validators=[validate_fritext]
    )
    epost = models.EmailField("e-post", blank=True)
    webbplats = models.URLField("webbplats", blank=True)
    staten_en_rad = models.BooleanField(
        "staten på en rad",
        default=True,
        help_text="Försäkringskassan betalar statens halva för både FK och AF. "
        "Av: FK och AF får varsin rad med hälften var.",
    )
    kraver_tvafaktor = models.BooleanField(
        "kräv tvåfaktorsinloggning",
        default=False,
        help_text="Administratörer och den som undertecknar (ordförande, justerare) "
        "måste ange en engångskod från en app (TOTP).",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "förbund"
        verbose_name_plural = "förbund"
        ordering = ["namn"]

    def __str__(self) -> str:
        return self.namn


class FinsamUserManager(UserManager["User"]):
    """Django's user manager with the tenancy filter (``User.objects.for_forbund``)."""

    def get_queryset(self) -> ForbundQuerySet[User]:
        return ForbundQuerySet(self.model, using=self._db)

    def for_forbund(self, forbund: Forbund | None) -> ForbundQuerySet[User]:
        return self.get_queryset().for_forbund(forbund)


class User(AbstractUser):
    """A login. Belongs to one förbund (a superuser may switch) and has one role."""

    forbund = models.ForeignKey(
        Forbund,
        verbose_name="förbund",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    roll = models.CharField("roll", max_length=20, choices=ROLL_CHOICES, blank=True)
    person = models.OneToOneField(
        "finsam.Person",
        verbose_name="person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user",
    )
    epost_notiser = models.BooleanField(
        "e-post när jag behöver göra något",
        default=True,
        help_text="Kallelser, utkast att läsa, protokoll att justera och rapporter "
        "att lämna eller granska.",
    )

    objects: ClassVar[FinsamUserManager] = FinsamUserManager()
    # Roles, förbund, person link and activation: who changed them and when. Never the
    # password hash (its changes are Kontohandelser), nor the time of each login.
    history = HistoricalRecords(excluded_fields=["password", "last_login"])
    # Who is making the change being saved (set by the services; finsam/konton.py).
    _utford_av: User | None = None

    class Meta:
        verbose_name = "användare"
        verbose_name_plural = "användare"
        constraints = [
            models.CheckConstraint(
                condition=Q(is_superuser=True) | Q(forbund__isnull=False),
                name="user_has_forbund_unless_superuser",
                violation_error_message="En användare måste höra till ett förbund.",
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def save(self, *args, **kwargs) -> None:
        # The signature guard (finsam/konton.py): every path — service, admin, shell.
        from finsam import konton

        handelser = konton.kontrollera_och_forbered(self)
        # A login's time stamp or new password is no change to the record's history
        # (simple-history skips a save while the attribute exists at all).
        falt = kwargs.get("update_fields")
        if falt and set(falt) <= {"last_login", "password"}:
            self.skip_history_when_saving = True
            try:
                super().save(*args, **kwargs)
            finally:
                del self.skip_history_when_saving
        else:
            super().save(*args, **kwargs)
        konton.logga(self, handelser)


class Kontohandelse(models.Model):
    """A change to a login's link to a person or to its password: by whom and when."""

    PERSON = "person"
    LOSENORD = "losenord"
    HANDELSE_CHOICES = [
        (PERSON, "Kopplad till person"),
        (LOSENORD, "Lösenord satt"),
    ]

    user = models.ForeignKey(
        User,
        verbose_name="inloggning",
        on_delete=models.CASCADE,
        related_name="kontohandelser",
    )
    handelse = models.CharField("händelse", max_length=10, choices=HANDELSE_CHOICES)
    fran_person = models.ForeignKey(
        "finsam.Person",
        verbose_name="från person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    till_person = models.ForeignKey(
        "finsam.Person",
        verbose_name="till person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    utford_av = models.ForeignKey(
        User,
        verbose_name="utförd av någon annan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Tomt när inloggningen själv eller systemet (t.ex. demodata) gjorde det.",
    )
    av_sig_sjalv = models.BooleanField("av inloggningen själv", default=False)
    tid = models.DateTimeField("tid", auto_now_add=True)

    forbund_path = "user__forbund"
    objects = ForbundQuerySet.as_manager()

    class Meta:
        verbose_name = "kontohändelse"
        verbose_name_plural = "kontohändelser"
        ordering = ["tid", "id"]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_handelse_display()} {self.tid:%Y-%m-%d %H:%M}"


class Medlem(Versionerad, models.Model):
    FORSAKRINGSKASSAN = "fk"
    ARBETSFORMEDLINGEN = "af"
    REGION = "region"
    KOMMUN = "kommun"
    TYP_CHOICES = [
        (FORSAKRINGSKASSAN, "Försäkringskassan"),
        (ARBETSFORMEDLINGEN, "Arbetsförmedlingen"),
        (REGION, "Region"),
        (KOMMUN, "Kommun"),
    ]
    STATEN = (FORSAKRINGSKASSAN, ARBETSFORMEDLINGEN)

    forbund = models.ForeignKey(
        Forbund,
        verbose_name="förbund",
        on_delete=models.CASCADE,
        related_name="medlemmar",
    )
    namn = models.CharField("namn", max_length=200, validators=[validate_fritext])
    typ = models.CharField("typ", max_length=10, choices=TYP_CHOICES)
    orgnr = models.CharField(
        "organisationsnummer", max_length=11, blank=True, validators=[validate_orgnr]
    )
    medlem_fran = models.DateField(
        "medlem från", null=True, blank=True, validators=[validate_datum]
    )
    medlem_till = models.DateField(
        "medlem till", null=True, blank=True, validators=[validate_datum]
    )
    # A member may change its name (Stockholms läns landsting became Region Stockholm on
    # 2019-01-01): a document prints the name valid on its own date.
    tidigare_namn = models.CharField(
        "tidigare namn", max_length=200, blank=True, validators=[validate_fritext]
    )
    namn_fran = models.DateField(
        "namnet gäller från",
        null=True,
        blank=True,
        help_text="Dagen då nuvarande namn började gälla; före den används det "
        "tidigare namnet.",
        validators=[validate_datum],
    )
    sortering = models.PositiveSmallIntegerField("sortering", default=0)

    objects = ForbundQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "medlem"
        verbose_name_plural = "medlemmar"
        ordering = ["sortering", "namn"]
        constraints = [
            datum_check(
                "finsam_medlem_rimliga_datum", "medlem_fran", "medlem_till", "namn_fran"
            ),
            models.UniqueConstraint(
                fields=["forbund", "namn"],
                name="medlem_unique_namn",
                violation_error_message="Förbundet har redan en medlem med det namnet.",
            ),
            models.CheckConstraint(
                condition=Q(medlem_till__isnull=True)
                | Q(medlem_fran__isnull=True)
                | Q(medlem_till__gte=models.F("medlem_fran")),
                name="medlem_period_ordered",
                violation_error_message="Slutdatum kan inte vara före startdatum.",
            ),
        ]

    def __str__(self) -> str:
        return self.namn

    @property
    def ar_staten(self) -> bool:
        return self.typ in self.STATEN

    def namn_pa(self, datum: dt.date) -> str:
        """The member's name on ``datum``."""
        if self.tidigare_namn and self.namn_fran and datum < self.namn_fran:
            return self.tidigare_namn
        return self.namn

    def ar_medlem(self, datum: dt.date) -> bool:
        return (self.medlem_fran is None or self.medlem_fran <= datum) and (
            self.medlem_till is None or datum <= self.medlem_till
        )


class Person(Versionerad, models.Model):
    forbund = models.ForeignKey(
        Forbund,
        verbose_name="förbund",
        on_delete=models.CASCADE,
        related_name="personer",
    )
    fornamn = models.CharField("förnamn", max_length=100, validators=[validate_fritext])
    efternamn = models.CharField(
        "efternamn", max_length=100, validators=[validate_fritext]
    )
    parti = models.CharField(
        "parti",
        max_length=10,
        blank=True,
        help_text="Partiförkortning för förtroendevalda, t.ex. S eller M.",
        validators=[validate_fritext],
    )
    epost = models.EmailField("e-post", blank=True)
    telefon = models.CharField("telefon", max_length=30, blank=True)
    organisation = models.CharField(
        "organisation",
        max_length=200,
        blank=True,
        help_text="T.ex. revisionsbyrå.",
        validators=[validate_fritext],
    )

    objects = ForbundQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "personer"
        ordering = ["efternamn", "fornamn"]

    def __str__(self) -> str:
        return self.namn_med_parti

    @property
    def namn(self) -> str:
        return f"{self.fornamn} {self.efternamn}"

    @property
    def namn_med_parti(self) -> str:
        return f"{self.namn} ({self.parti})" if self.parti else self.namn


class UppdragQuerySet(ForbundQuerySet):
    def pa_datum(self, datum: dt.date) -> UppdragQuerySet:
        return self.filter(fran__lte=datum).filter(
            Q(till__isnull=True) | Q(till__gte=datum)
        )


class Uppdrag(Versionerad, models.Model):
    """A person's assignment with a period: board seat, presidium, revisor, kansli…"""

    LEDAMOT = "ledamot"
    ERSATTARE = "ersattare"
    ORDFORANDE = "ordforande"
    VICE_ORDFORANDE = "vice_ordforande"
    REVISOR = "revisor"
    KANSLI = "kansli"
    BEREDNINGSGRUPP = "beredningsgrupp"
    TYP_CHOICES = [
        (LEDAMOT, "Ledamot"),
        (ERSATTARE, "Ersättare"),
        (ORDFORANDE, "Ordförande"),
        (VICE_ORDFORANDE, "Vice ordförande"),
        (REVISOR, "Revisor"),
        (KANSLI, "Kansli"),
        (BEREDNINGSGRUPP, "Beredningsgrupp"),
    ]
    STYRELSE = (LEDAMOT, ERSATTARE)
    PRESIDIUM = (ORDFORANDE, VICE_ORDFORANDE)

    REVISOR_KOMMUNERNA = "kommunerna"
    REVISOR_REGIONEN = "regionen"
    REVISOR_STATEN = "staten"
    REVISOR_FOR_CHOICES = [
        (REVISOR_KOMMUNERNA, "Kommunerna"),
        (REVISOR_REGIONEN, "Regionen"),
        (REVISOR_STATEN, "Staten (FK och AF)"),
    ]

    forbund = models.ForeignKey(
        Forbund,
        verbose_name="förbund",
        on_delete=models.CASCADE,
        related_name="uppdrag",
    )
    person = models.ForeignKey(
        Person, verbose_name="person", on_delete=models.PROTECT, related_name="uppdrag"
    )
    typ = models.CharField("uppdrag", max_length=20, choices=TYP_CHOICES)
    medlem = models.ForeignKey(
        Medlem,
        verbose_name="utsedd av / företräder",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uppdrag",
    )
    fran = models.DateField("från", validators=[validate_datum])
    till = models.DateField(
        "till och med", null=True, blank=True, validators=[validate_datum]
    )
    ordning = models.PositiveSmallIntegerField(
        "ordning",
        default=1,
        help_text="För vice ordförande: 1:e, 2:e. För ersättare: turordning.",
    )
    befattning = models.CharField(
        "befattning", max_length=100, blank=True, validators=[validate_fritext]
    )
    tjanstgoringsgrad = models.PositiveSmallIntegerField(
        "tjänstgöringsgrad (%)", null=True, blank=True
    )
    revisor_for = models.CharField(
        "revisor för", max_length=20, choices=REVISOR_FOR_CHOICES, blank=True
    )
    bitrade = models.CharField(
        "revisionsbiträde",
        max_length=200,
        blank=True,
        help_text="Revisionsbyrå.",
        validators=[validate_fritext],
    )

    objects = UppdragQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "uppdrag"
        verbose_name_plural = "uppdrag"
        ordering = ["typ", "ordning", "fran"]
        constraints = [
            datum_check("finsam_uppdrag_rimliga_datum", "fran", "till"),
            models.CheckConstraint(
                condition=Q(till__isnull=True) | Q(till__gte=models.F("fran")),
                name="uppdrag_period_ordered",
                violation_error_message="Slutdatum kan inte vara före startdatum.",
            ),
            models.CheckConstraint(
                condition=Q(tjanstgoringsgrad__isnull=True)
                | Q(tjanstgoringsgrad__lte=100),
                name="uppdrag_tjanstgoringsgrad_max_100",
                violation_error_message="Tjänstgöringsgraden kan vara högst 100 %%.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person.namn}, {self.get_typ_display().lower()}"

    def galler(self, datum: dt.date) -> bool:
        return self.fran <= datum and (self.till is None or datum <= self.till)

    def clean(self) -> None:
        errors: dict[str, str | list[str]] = {}
        if self.typ in (*self.STYRELSE, self.BEREDNINGSGRUPP) and not self.medlem_id:
            errors["medlem"] = "Ange vilken medlem som utsett personen."
        if self.typ == self.REVISOR and not self.revisor_for:
            errors["revisor_for"] = "Ange vem revisorn granskar för."
        if self.typ == self.KANSLI and not self.befattning:
            errors["befattning"] = "Ange befattning för kansliets personal."
        if self.till and self.fran and self.till < self.fran:
            errors["till"] = "Slutdatum kan inte vara före startdatum."
        for field, namn in (("person", "Personen"), ("medlem", "Medlemmen")):
            try:
                require_same_forbund(
                    self.forbund_id,
                    getattr(self, field) if getattr(self, f"{field}_id") else None,
                    namn=namn,
                    field=field,
                )
            except ValidationError as exc:
                errors.update(exc.message_dict)
        if errors:
            raise ValidationError(errors)


# --- Medlemsavgifter ----------------------------------------------------------------


class Kommununderlag(models.Model):
    """A kommun's basis for splitting the kommun quarter in one budget year.

    Either the population of 1 November the year before (förbundsordningen's usual rule,
    seed 000 section 7) or a fixed percentage (seed 002: 44/27/29).
    """

    forbund = models.ForeignKey(
        Forbund, verbose_name="förbund", on_delete=models.CASCADE
    )
    medlem = models.ForeignKey(
        Medlem, verbose_name="kommun", on_delete=models.CASCADE, related_name="underlag"
    )
    ar = models.PositiveSmallIntegerField("budgetår", validators=[validate_ar])
    befolkning = models.PositiveIntegerField(
        "befolkning 1 november året före", null=True, blank=True
    )
    procent = models.DecimalField(
        "fast andel (%)", max_digits=6, decimal_places=3, null=True, blank=True
    )

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kommununderlag"
        verbose_name_plural = "kommununderlag"
        ordering = ["ar", "medlem__sortering", "medlem__namn"]
        constraints = [
            ar_check("finsam_kommununderlag_rimligt_ar"),
            models.UniqueConstraint(
                fields=["medlem", "ar"],
                name="kommununderlag_unique_medlem_ar",
                violation_error_message="Kommunen har redan ett underlag för året.",
            ),
            models.CheckConstraint(
                condition=Q(procent__isnull=True) | Q(procent__gte=0, procent__lte=100),
                name="kommununderlag_procent_0_100",
                violation_error_message="Andelen ska vara mellan 0 och 100 procent.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.medlem} {self.ar}"


class Avgiftsbeslut(Versionerad, FrysbarModel):
    """The board's decision on the members' fees for one budget year."""

    BEFOLKNING = "befolkning"
    PROCENT = "procent"
    METOD_CHOICES = [
        (BEFOLKNING, "Efter befolkning 1 november året före"),
        (PROCENT, "Fasta procentandelar enligt förbundsordningen"),
    ]
    UTKAST = "utkast"
    EXPEDIERAT = "expedierat"
    ERSATT = "ersatt"
    STATUS_CHOICES = [
        (UTKAST, "Utkast"),
        (EXPEDIERAT, "Expedierat till medlemmarna"),
        (ERSATT, "Ersatt av nytt beslut"),
    ]

    forbund = models.ForeignKey(
        Forbund, verbose_name="förbund", on_delete=models.CASCADE
    )
    ar = models.PositiveSmallIntegerField("budgetår", validators=[validate_ar])
    total = models.DecimalField("total medlemsavgift", max_digits=14, decimal_places=2)
    metod = models.CharField(
        "fördelning mellan kommunerna",
        max_length=12,
        choices=METOD_CHOICES,
        default=BEFOLKNING,
    )
    staten_en_rad = models.BooleanField("staten på en rad", default=True)
    status = models.CharField(
        "status", max_length=12, choices=STATUS_CHOICES, default=UTKAST
    )
    ersatter = models.OneToOneField(
        "self",
        verbose_name="ersätter",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ersatt_av",
    )
    # The § that adopted the decision: a link to the protocol's paragraph (named by
    # string: the board app stands above this one), or a text for decisions older than
    # the förbund's protocols in the system.
    beslutsparagraf = models.ForeignKey(
        "styrelse.Paragraf",
        verbose_name="paragraf i protokollet",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    paragraf = models.CharField(
        "beslutsparagraf (text)",
        max_length=100,
        blank=True,
        help_text="T.ex. § 54, 2017-11-22, när paragrafen inte finns i systemet.",
        validators=[validate_fritext],
    )
    beslutsdatum = models.DateField(
        "beslutsdatum", null=True, blank=True, validators=[validate_datum]
    )
    avsandare = models.ForeignKey(
        Person,
        verbose_name="avsändare",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    historisk = models.BooleanField(
        "historisk uppgift",
        default=False,
        help_text="Belopp inlagda som de trycktes i äldre dokument, inte beräknade här.",
    )
    expedierad = models.DateTimeField("expedierad", null=True, blank=True)
    skapad = models.DateTimeField("skapad", auto_now_add=True)

    objects = FrysbarForbundQuerySet.as_manager()
    frysregel = "finsam.rules.avgiftsbeslut_fryst_orsak"
    history = HistoricalRecords()

    class Meta:
        verbose_name = "avgiftsbeslut"
        verbose_name_plural = "avgiftsbeslut"
        ordering = ["-ar", "-skapad"]
        constraints = [
            ar_check("finsam_avgiftsbeslut_rimligt_ar"),
            datum_check("finsam_avgiftsbeslut_rimligt_datum", "beslutsdatum"),
            models.UniqueConstraint(
                fields=["forbund", "ar"],
                condition=~Q(status="ersatt"),
                name="avgiftsbeslut_one_current_per_year",
                violation_error_message="Det finns redan ett gällande avgiftsbeslut för året.",
            ),
            models.CheckConstraint(
                condition=Q(total__gt=0),
                name="avgiftsbeslut_total_positive",
                violation_error_message="Totalbeloppet måste vara större än noll.",
            ),
        ]

    def __str__(self) -> str:
        return f"Medlemsavgifter {self.ar}"

    def frysning_tillater(self, fore: Avgiftsbeslut, andrade: set[str]) -> bool:
        # A sent decision is replaced, never edited: only its status moves to "ersatt".
        return (
            andrade == {"status"}
            and fore.status == self.EXPEDIERAT
            and self.status == self.ERSATT
        )

    @property
    def paragraf_text(self) -> str:
        p = self.beslutsparagraf
        if p is not None:
            return f"§ {p.nummer}, {p.sammantrade.datum:%Y-%m-%d}"
        return self.paragraf


class Avgiftsrad(FrysbarModel):
    beslut = models.ForeignKey(
        Avgiftsbeslut,
        verbose_name="beslut",
        on_delete=models.CASCADE,
        related_name="rader",
    )
    medlem = models.ForeignKey(
        Medlem,
        verbose_name="betalande medlem",
        on_delete=models.PROTECT,
        related_name="+",
    )
    benamning = models.CharField(
        "benämning", max_length=200, validators=[validate_fritext]
    )
    andel = models.DecimalField("andel", max_digits=11, decimal_places=8)
    belopp = models.DecimalField("belopp", max_digits=14, decimal_places=2)
    underlag = models.CharField(
        "underlag", max_length=100, blank=True, validators=[validate_fritext]
    )
    ordning = models.PositiveSmallIntegerField("ordning", default=0)

    forbund_path = "beslut__forbund"
    objects = FrysbarForbundQuerySet.as_manager()
    frysregel = "finsam.rules.avgiftsbeslut_fryst_orsak"
    frysforaldrar = ("beslut",)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "avgiftsrad"
        verbose_name_plural = "avgiftsrader"
        ordering = ["ordning"]
        constraints = [
            models.CheckConstraint(
                condition=Q(belopp__gte=0),
                name="avgiftsrad_belopp_not_negative",
                violation_error_message="Beloppet kan inte vara negativt.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.benamning}: {self.belopp}"


class Avgiftsbud(models.Model):
    """What a party has said it will pay for a budget year (seed 002, 5.2)."""

    STATEN = "staten"
    REGION = "region"
    KOMMUNERNA = "kommunerna"
    PART_CHOICES = [
        (STATEN, "Staten (FK och AF)"),
        (REGION, "Regionen"),
        (KOMMUNERNA, "Kommunerna tillsammans"),
    ]

    forbund = models.ForeignKey(
        Forbund, verbose_name="förbund", on_delete=models.CASCADE
    )
    ar = models.PositiveSmallIntegerField("budgetår", validators=[validate_ar])
    part = models.CharField("part", max_length=12, choices=PART_CHOICES)
    belopp = models.DecimalField("erbjudet belopp", max_digits=14, decimal_places=2)

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "avgiftsbud"
        verbose_name_plural = "avgiftsbud"
        ordering = ["ar", "part"]
        constraints = [
            ar_check("finsam_avgiftsbud_rimligt_ar"),
            models.UniqueConstraint(
                fields=["forbund", "ar", "part"], name="avgiftsbud_unique_part"
            ),
            models.CheckConstraint(
                condition=Q(belopp__gt=0),
                name="avgiftsbud_belopp_positive",
                violation_error_message="Budet måste vara större än noll.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_part_display()} {self.ar}"


class ExternIntakt(Versionerad, models.Model):
    """Income besides the fees: ESF, Arvsfonden and other grants, per year."""

    ESF = "esf"
    ARVSFONDEN = "arvsfonden"
    OVRIGT = "ovrigt"
    KATEGORI_CHOICES = [
        (ESF, "ESF-medel"),
        (ARVSFONDEN, "Arvsfonden"),
        (OVRIGT, "Övriga bidrag"),
    ]

    forbund = models.ForeignKey(
        Forbund, verbose_name="förbund", on_delete=models.CASCADE
    )
    ar = models.PositiveSmallIntegerField("år", validators=[validate_ar])
    kategori = models.CharField("kategori", max_length=12, choices=KATEGORI_CHOICES)
    benamning = models.CharField(
        "benämning", max_length=200, blank=True, validators=[validate_fritext]
    )
    belopp = models.DecimalField("belopp", max_digits=14, decimal_places=2)

    objects = ForbundQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "extern intäkt"
        verbose_name_plural = "externa intäkter"
        ordering = ["ar", "kategori"]
        constraints = [
            ar_check("finsam_externintakt_rimligt_ar"),
            models.CheckConstraint(
                condition=Q(belopp__gte=0),
                name="externintakt_belopp_not_negative",
                violation_error_message="Beloppet kan inte vara negativt.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kategori_display()} {self.ar}"


class Dokumentfil(models.Model):
    """A PDF rendered in the background, kept until the data it was made from changes.

    One row per (förbund, kind, key), e.g. ("arsredovisning", "2017"); the renderer
    registered for ``kind`` makes it (finsam/dokumentfiler.py) and ``fingerprint`` records
    the data it was made from.
    """

    KOAD = "koad"
    PAGAR = "pagar"
    KLAR = "klar"
    FEL = "fel"
    STATUS_CHOICES = [
        (KOAD, "Köad"),
        (PAGAR, "Pågår"),
        (KLAR, "Klar"),
        (FEL, "Fel"),
    ]
    # Not a field: set by finsam.dokumentfiler.hamta (made from today's data?).
    aktuell: bool

    forbund = models.ForeignKey(
        Forbund, verbose_name="förbund", on_delete=models.CASCADE
    )
    kind = models.CharField("slag", max_length=60)
    key = models.CharField("nyckel", max_length=100, blank=True)
    titel = models.CharField("titel", max_length=200)
    fingerprint = models.CharField("dataavtryck", max_length=64)
    status = models.CharField(
        "status", max_length=5, choices=STATUS_CHOICES, default=KOAD
    )
    progress = models.PositiveSmallIntegerField("förlopp (%)", default=0)
    fil = models.FileField("fil", upload_to="dokumentfiler/%Y/", blank=True)
    sha256 = models.CharField("kontrollsumma (SHA-256)", max_length=64, blank=True)
    sidor = models.PositiveIntegerField("sidor", null=True, blank=True)
    felmeddelande = models.TextField("felmeddelande", blank=True)
    task_id = models.CharField("uppgiftens id", max_length=64, blank=True)
    begard_av = models.ForeignKey(
        "finsam.User",
        verbose_name="begärd av",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    begard_tid = models.DateTimeField("begärd", null=True, blank=True)
    klar_tid = models.DateTimeField("klar", null=True, blank=True)
    sekunder = models.FloatField("renderingstid (s)", null=True, blank=True)

    objects = ForbundQuerySet.as_manager()

    class Meta:
        verbose_name = "dokumentfil"
        verbose_name_plural = "dokumentfiler"
        ordering = ["kind", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "kind", "key"], name="dokumentfil_unique_kind_key"
            )
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def pagar(self) -> bool:
        return self.status in (self.KOAD, self.PAGAR)


class Forsegling(models.Model):
    """The seal of one frozen document: the SHA-256 of its content and of its signed PDF,
    and the PDF itself (in the database, like the årsredovisning's: a backup holds it).

    One per document (``slag`` and ``objekt_id``), made once when it froze
    (finsam/forsegling.py) and never changed: ``verifiera`` recomputes both hashes and
    the signature and reports every difference.
    """

    forbund = models.ForeignKey(
        Forbund, verbose_name="förbund", on_delete=models.CASCADE
    )
    slag = models.CharField("slag", max_length=40)
    objekt_id = models.PositiveBigIntegerField("post")
    titel = models.CharField("titel", max_length=200)
    innehall_sha256 = models.CharField("innehållets SHA-256", max_length=64)
    pdf = models.BinaryField("förseglad PDF", blank=True, default=b"", editable=False)
    pdf_sha256 = models.CharField("PDF:ens SHA-256", max_length=64, blank=True)
    signerad = models.BooleanField("signerad (PAdES)", default=False)
    skapad = models.DateTimeField("förseglad", auto_now_add=True)

    objects = ForbundQuerySet.as_manager()

    class Meta:
        verbose_name = "försegling"
        verbose_name_plural = "förseglingar"
        ordering = ["slag", "objekt_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["slag", "objekt_id"], name="forsegling_en_per_dokument"
            )
        ]

    def __str__(self) -> str:
        return self.titel
