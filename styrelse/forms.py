from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import ValidationError

from finsam.forms import (
    AntalField,
    CrispyFormMixin,
    DateInput,
    DatumField,
    FritextField,
    choice_field,
)
from finsam.models import Forbund, Person
from styrelse import rules
from styrelse.models import Arende, Delegationspunkt, Narvaro, Organ, Paragraf

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from finsam.tenancy import ForbundQuerySet


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class ScopedForm(CrispyFormMixin, forms.Form):
    """A plain form whose record choices are limited to one förbund."""

    def __init__(self, *args, forbund: Forbund, **kwargs):
        super().__init__(*args, **kwargs)
        self.forbund = forbund
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                queryset = cast("ForbundQuerySet[Any]", field.queryset)
                field.queryset = queryset.for_forbund(forbund)
        self.setup_helper()


class SammantradeForm(ScopedForm):
    organ = forms.ModelChoiceField(Organ.objects.all(), label="Organ")
    datum = DatumField(label="Datum", widget=DateInput())
    tid_start = forms.TimeField(
        label="Klockan från", required=False, widget=TimeInput()
    )
    tid_slut = forms.TimeField(label="Klockan till", required=False, widget=TimeInput())
    plats = FritextField(label="Plats", max_length=300, required=False)
    ordforande = forms.ModelChoiceField(
        Person.objects.all(), label="Ordförande", required=False
    )
    justerare = forms.ModelChoiceField(
        Person.objects.all(), label="Justerare", required=False
    )
    sekreterare = forms.ModelChoiceField(
        Person.objects.all(), label="Sekreterare", required=False
    )
    justering_plats = FritextField(
        label="Justeringens plats", max_length=300, required=False
    )
    offentligt = forms.BooleanField(label="Offentligt sammanträde", required=False)

    def clean(self):
        data = super().clean()
        try:
            rules.kontrollera_ordforande_justerare(
                data.get("ordforande"), data.get("justerare")
            )
        except ValidationError as exc:
            self.add_error(None, exc)
        return data


class SammantradeCreateForm(SammantradeForm):
    arenden = forms.ModelMultipleChoiceField(
        Arende.objects.all(),
        label="Ärenden på föredragningslistan",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, forbund: Forbund, **kwargs):
        super().__init__(*args, forbund=forbund, **kwargs)
        choice_field(self, "arenden").queryset = (
            Arende.objects.for_forbund(forbund)
            .filter(paragrafer__isnull=True)
            .select_related("forbund")
        )


class ArendeForm(ScopedForm):
    rubrik = FritextField(label="Rubrik", max_length=300)
    tjansteskrivelse = FritextField(
        label="Tjänsteskrivelse",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )
    forslag_till_beslut = FritextField(
        label="Förslag till beslut",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    delges = FritextField(
        label="Beslutet delges",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class ParagrafAddForm(ScopedForm):
    submit_label = "Lägg till paragraf"
    arende = forms.ModelChoiceField(
        Arende.objects.all(), label="Ärende", required=False
    )
    rubrik = FritextField(
        label="Rubrik (om inget ärende)", max_length=300, required=False
    )

    def __init__(self, *args, forbund: Forbund, ar: int, **kwargs):
        super().__init__(*args, forbund=forbund, **kwargs)
        # The ärenden of the meeting's year and the year before, each with its förbund
        # (for the diarienummer) in the same query: not every ärende ever opened.
        arende = choice_field(self, "arende")
        arende.queryset = (
            cast("QuerySet[Arende]", arende.queryset)
            .filter(ar__gte=ar - 1, ar__lte=ar)
            .select_related("forbund")
            .order_by("-ar", "-lopnummer")
        )

    def clean(self):
        data = super().clean()
        if not data.get("arende") and not data.get("rubrik"):
            raise forms.ValidationError("Välj ett ärende eller skriv en rubrik.")
        return data


def _text(label: str, rows: int = 3, help_text: str = "") -> forms.CharField:
    return FritextField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ParagrafForm(ScopedForm):
    rubrik = FritextField(label="Rubrik", max_length=300)
    sammanfattning = _text("Sammanfattning", 6)
    forslag_till_beslut = _text("Förslag till beslut")
    beslut = _text("Beslut", 4)
    overlaggning = _text("Överläggning", 2, "Vilka som yttrade sig.")
    reservation = _text("Reservation", 2)
    jav = _text("Jäv", 2, "Vem som lämnade sammanträdet under paragrafen.")
    delges = _text("Beslutet delges/Exp.", 2)
    handlingar = _text(
        "Anmälda handlingar",
        4,
        "En handling per rad; numreras a), b), c) i protokollet.",
    )

    @classmethod
    def initial_from(cls, paragraf: Paragraf) -> dict:
        return {name: getattr(paragraf, name) for name in cls.base_fields}


class NarvaroForm(ScopedForm):
    submit_label = "Lägg till"
    person = forms.ModelChoiceField(Person.objects.all(), label="Person")
    roll = forms.ChoiceField(label="Roll", choices=Narvaro.ROLL_CHOICES)
    funktion = FritextField(label="Funktion", max_length=200, required=False)
    ersatter = forms.ModelChoiceField(
        Person.objects.all(), label="Ersätter (tjänstgörande ersättare)", required=False
    )
    fran_paragraf = AntalField(label="Från §", required=False)
    till_paragraf = AntalField(label="Till §", required=False)


class KommentarForm(ScopedForm):
    submit_label = "Kommentera"
    text = FritextField(label="Kommentar", widget=forms.Textarea(attrs={"rows": 2}))


class AnslagForm(ScopedForm):
    submit_label = "Anslå"
    uppsatt = DatumField(label="Anslaget sätts upp", widget=DateInput())
    forvaringsplats = FritextField(
        label="Protokollet förvaras", max_length=300, required=False
    )


class DelegationsbeslutForm(ScopedForm):
    delegationspunkt = forms.ModelChoiceField(
        Delegationspunkt.objects.all(),
        label="Enligt delegationsordningen",
        required=False,
    )
    datum = DatumField(label="Beslutsdatum", widget=DateInput())
    delegat = FritextField(label="Delegat", max_length=200, required=False)
    arendetyp = FritextField(label="Ärendetyp", max_length=200, required=False)
    beslut = FritextField(label="Beslut", widget=forms.Textarea(attrs={"rows": 3}))
    diarienummer = FritextField(label="Dnr", max_length=50, required=False)

    def clean(self):
        data = super().clean()
        if not data.get("delegationspunkt") and not (
            data.get("delegat") and data.get("arendetyp")
        ):
            raise forms.ValidationError(
                "Välj en punkt i delegationsordningen eller ange delegat och ärendetyp."
            )
        return data


class DelegationspunktForm(ScopedForm):
    arendetyp = FritextField(label="Ärendetyp", max_length=200)
    delegat = FritextField(label="Delegat (roll eller person)", max_length=200)
    lagrum = FritextField(label="Lagrum", max_length=200, required=False)
    anmalas = forms.BooleanField(
        label="Anmäls till styrelsen", required=False, initial=True
    )
    ordning = AntalField(label="Ordning", initial=0)


class MaskeringForm(ScopedForm):
    """What the public copy hides, chosen among the protocol's own §§, ärenden,
    delegation reports and persons (``selectors.maskeringsalternativ``)."""

    submit_label = "Spara maskeringen"
    GRUPPER = (
        ("paragrafer", "Paragrafer som maskeras helt"),
        ("arenden", "Ärenden (varje paragraf som behandlar ärendet maskeras)"),
        ("delegationsbeslut", "Delegationsbeslut som maskeras"),
        (
            "personer",
            "Personer vars namn maskeras (en paragraf som nämner personen i sin text "
            "maskeras helt)",
        ),
    )

    def __init__(self, *args: Any, alternativ: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for namn, etikett in self.GRUPPER:
            self.fields[namn] = forms.TypedMultipleChoiceField(
                label=etikett,
                required=False,
                coerce=int,
                choices=[(v.varde, v.text) for v in getattr(alternativ, namn)],
                widget=forms.CheckboxSelectMultiple,
            )


class UtdragsbestyrkandeForm(ScopedForm):
    submit_label = "Bestyrk utdraget"
    namn = FritextField(
        label="Bestyrks av",
        max_length=200,
        help_text="Den som intygar att utdraget överensstämmer med protokollet.",
    )
    datum = DatumField(label="Datum", widget=DateInput())


class JusteringForm(ScopedForm):
    """The approval: the hash of the content shown, and a reason when comments on the
    draft are unresolved (the service checks both)."""

    innehall_hash = forms.CharField(widget=forms.HiddenInput, max_length=64)
    motivering = FritextField(
        label="Varför justerar du trots olösta kommentarer?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, olosta: int = 0, **kwargs):
        self.submit_label = "Jag har läst protokollet och justerar det"
        super().__init__(*args, **kwargs)
        if not olosta:
            self.fields["motivering"].widget = forms.HiddenInput()
