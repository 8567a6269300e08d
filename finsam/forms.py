from __future__ import annotations

from typing import Any, cast

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.apps import apps
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.db.models import Q

from finsam import dates, excel, historik
from finsam.fields import SvDecimalField, SvIntegerField, svenska_tal
from finsam.models import (
    Avgiftsbeslut,
    Avgiftsbud,
    ExternIntakt,
    Forbund,
    Medlem,
    Person,
    Uppdrag,
    User,
)
from finsam.uploads import UploadForm
from finsam.validators import MAX_ANTAL, validate_datum, validate_fritext


def choice_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField[Any]:
    """The form's own copy of a model choice field, typed, to narrow its queryset."""
    return cast("forms.ModelChoiceField[Any]", form.fields[name])


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class FritextField(forms.CharField):
    """A free-text form field: no personnummer, no control characters (the same check
    as every free text field of the models, ``finsam.validators.validate_fritext``)."""

    default_validators = [validate_fritext]


class DatumField(forms.DateField):
    """A date within the years the app keeps (``finsam.validators.validate_datum``):
    9999-12-31 is a typo, and a page doing date arithmetic on it would fail."""

    default_validators = [validate_datum]


class AntalField(SvIntegerField):
    """A count: 0 or more and at most ``MAX_ANTAL`` unless told otherwise, so a number
    beyond the database's integers is a message, not a failed save."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_ANTAL)
        super().__init__(**kwargs)


class CrispyFormMixin:
    submit_label = "Spara"

    def setup_helper(self) -> None:
        svenska_tal(self)  # type: ignore[arg-type]
        self.helper = FormHelper()
        self.helper.form_tag = True
        self.helper.add_input(Submit("submit", self.submit_label))


class ForbundScopedForm(CrispyFormMixin, forms.ModelForm):
    """A ModelForm whose choices of related records are limited to one förbund."""

    scoped_fields: tuple[str, ...] = ()

    def __init__(self, *args, forbund: Forbund, **kwargs):
        super().__init__(*args, **kwargs)
        self.forbund = forbund
        for name in self.scoped_fields:
            field = choice_field(self, name)
            if field.queryset is not None:
                model = field.queryset.model
                field.queryset = model.objects.for_forbund(forbund)
        self.setup_helper()

    def _post_clean(self):
        # The instance gets its förbund before model validation runs.
        if not getattr(self.instance, "forbund_id", None):
            self.instance.forbund = self.forbund
        super()._post_clean()


class MedlemForm(ForbundScopedForm):
    class Meta:
        model = Medlem
        fields = [
            "namn",
            "typ",
            "orgnr",
            "medlem_fran",
            "medlem_till",
            "tidigare_namn",
            "namn_fran",
            "sortering",
        ]
        widgets = {
            "medlem_fran": DateInput(),
            "medlem_till": DateInput(),
            "namn_fran": DateInput(),
        }


class PersonForm(ForbundScopedForm):
    class Meta:
        model = Person
        fields = ["fornamn", "efternamn", "parti", "epost", "telefon", "organisation"]


class UppdragForm(ForbundScopedForm):
    scoped_fields = ("person", "medlem")

    class Meta:
        model = Uppdrag
        fields = [
            "person",
            "typ",
            "medlem",
            "fran",
            "till",
            "ordning",
            "befattning",
            "tjanstgoringsgrad",
            "revisor_for",
            "bitrade",
        ]
        widgets = {"fran": DateInput(), "till": DateInput()}


class DatumForm(forms.Form):
    datum = DatumField(label="Datum", widget=DateInput(), required=False)


# --- Medlemsavgifter ----------------------------------------------------------------


class AvgiftsbeslutForm(CrispyFormMixin, forms.Form):
    ar = SvIntegerField(label="Budgetår", min_value=2000, max_value=2100)
    total = SvDecimalField(
        label="Total medlemsavgift (kr)",
        max_digits=14,
        decimal_places=0,
        min_value=1,
        error_messages={
            "required": "Ange totalbeloppet i hela kronor.",
            "min_value": "Totalbeloppet måste vara större än noll.",
            "max_decimal_places": "Medlemsavgifter anges i hela kronor, utan ören.",
        },
    )
    metod = forms.ChoiceField(
        label="Fördelning mellan kommunerna", choices=Avgiftsbeslut.METOD_CHOICES
    )
    beslutsparagraf: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Paragraf i styrelsens protokoll",
        queryset=None,
        required=False,
        help_text="Den paragraf som fattade beslutet. Krävs (eller texten nedan) innan "
        "beslutet expedieras.",
    )
    paragraf = FritextField(
        label="Beslutsparagraf som text",
        max_length=100,
        required=False,
        help_text="När paragrafen inte finns i systemet, t.ex. § 54, 2017-11-22.",
    )
    beslutsdatum = DatumField(label="Beslutsdatum", required=False, widget=DateInput())
    avsandare = forms.ModelChoiceField(
        label="Avsändare av brevet", queryset=Person.objects.none(), required=False
    )

    SENASTE_SAMMANTRADEN = 5

    def __init__(
        self,
        *args,
        forbund: Forbund,
        fixed_year: int | None = None,
        sok: str = "",
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.forbund = forbund
        choice_field(self, "avsandare").queryset = Person.objects.for_forbund(forbund)
        # Named by string: the board app stands above this one.
        paragraf_model = apps.get_model("styrelse", "Paragraf")
        paragrafer = (
            paragraf_model.objects.for_forbund(forbund)
            .select_related("sammantrade")
            .order_by("-ar", "-nummer")
        )
        if not self.is_bound:
            # Offer the §§ of the last meetings (and the one chosen before, and those
            # the search finds), not every § ever written; a posted § is checked
            # against all of the förbund's.
            senaste = (
                apps.get_model("styrelse", "Sammantrade")
                .objects.for_forbund(forbund)
                .order_by("-datum")
                .values("pk")[: self.SENASTE_SAMMANTRADEN]
            )
            urval = Q(sammantrade__in=senaste)
            if self.initial.get("beslutsparagraf"):
                urval |= Q(pk=self.initial["beslutsparagraf"])
            if sok.strip():
                urval |= Q(rubrik__icontains=sok.strip())
            paragrafer = paragrafer.filter(urval)[:200]
        choice_field(self, "beslutsparagraf").queryset = paragrafer
        if fixed_year is not None:
            self.fields["ar"].initial = fixed_year
            self.fields["ar"].disabled = True
        self.setup_helper()


class KommununderlagForm(forms.Form):
    """One row per kommun; built dynamically for the year's kommuner."""

    def __init__(self, *args, kommuner, **kwargs):
        super().__init__(*args, **kwargs)
        self.kommuner = kommuner
        for medlem, underlag in kommuner:
            self.fields[f"befolkning_{medlem.pk}"] = AntalField(
                label=f"{medlem.namn}: befolkning",
                required=False,
                max_value=int(excel.BEFOLKNING_GRANS),
                initial=underlag.befolkning if underlag else None,
            )
            self.fields[f"procent_{medlem.pk}"] = SvDecimalField(
                label=f"{medlem.namn}: fast andel (%)",
                required=False,
                min_value=0,
                max_value=100,
                max_digits=6,
                decimal_places=3,
                initial=underlag.procent if underlag else None,
            )

    def varden(self) -> dict:
        return {
            medlem: {
                "befolkning": self.cleaned_data[f"befolkning_{medlem.pk}"],
                "procent": self.cleaned_data[f"procent_{medlem.pk}"],
            }
            for medlem, _ in self.kommuner
        }

    def rows(self):
        for medlem, _ in self.kommuner:
            yield medlem, self[f"befolkning_{medlem.pk}"], self[f"procent_{medlem.pk}"]


class UnderlagImportForm(UploadForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fil"].help_text = (
            "Kolumn A: kommunens namn, kolumn B: befolkning. Första raden är rubriker. "
            + self.fields["fil"].help_text
        )


class BudForm(CrispyFormMixin, forms.Form):
    submit_label = "Beräkna nivån"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for part, namn in Avgiftsbud.PART_CHOICES:
            self.fields[part] = SvDecimalField(
                label=f"{namn}: erbjudet belopp (kr)",
                min_value=1,
                max_digits=14,
                decimal_places=0,
                error_messages={"required": f"Ange budet från {namn.lower()}."},
            )
        self.setup_helper()


class ExternIntaktForm(ForbundScopedForm):
    class Meta:
        model = ExternIntakt
        fields = ["ar", "kategori", "benamning", "belopp"]


class UserForm(ForbundScopedForm):
    """A login of the förbund: its role and, for board members, the person it signs as."""

    scoped_fields = ("person",)
    password = forms.CharField(
        label="Lösenord",
        widget=forms.PasswordInput(render_value=False),
        required=False,
        help_text="Krävs för en ny användare. Lämna tomt för att behålla lösenordet.",
    )

    class Meta:
        model = User
        fields = [
            "username",
            "first_name",
            "last_name",
            "email",
            "roll",
            "person",
            "is_active",
        ]
        # Django's own help text says "skall"; the house writes "ska".
        help_texts = {
            "is_active": "Anger om användaren ska betraktas som aktiv. Avmarkera "
            "i stället för att radera kontot."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roll"].required = True
        self.fields["username"].help_text = ""

    def clean_password(self):
        from django.contrib.auth.password_validation import validate_password

        password = self.cleaned_data.get("password")
        if not password and not self.instance.pk:
            raise forms.ValidationError("Ange ett lösenord för den nya användaren.")
        if password:
            validate_password(password, self.instance)
        return password


class InstallningarForm(ForbundScopedForm):
    """The user's own settings: whether Finsam e-mails them when they must act."""

    class Meta:
        model = User
        fields = ["epost_notiser"]


class LosenordForm(CrispyFormMixin, PasswordChangeForm):
    """The login's owner chooses their own password."""

    submit_label = "Byt lösenord"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_helper()


class EgetLosenordForm(SetPasswordForm):
    """Reset by e-mail: the login's owner chose it (finsam/konton.py counts it as their
    own password, not one set by someone else)."""

    def save(self, commit: bool = True) -> Any:
        self.user._utford_av = self.user
        return super().save(commit)


class EngangskodForm(CrispyFormMixin, forms.Form):
    kod = forms.RegexField(
        label="Engångskod",
        regex=r"^\s*\d{6,8}\s*$",
        error_messages={"invalid": "Skriv de sex siffrorna från appen."},
        max_length=8,
        help_text="Sex siffror från appen (t.ex. Microsoft Authenticator eller FreeOTP).",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def __init__(self, *args: Any, submit_label: str = "Bekräfta", **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.submit_label = submit_label
        self.setup_helper()

    def clean_kod(self) -> str:
        kod = "".join(self.cleaned_data["kod"].split())
        return kod


class LoggFilter(forms.Form):
    """The förbund's change log: by user, kind of record and dates (finsam/historik.py)."""

    anvandare = forms.ModelChoiceField(
        label="Användare", queryset=User.objects.none(), required=False
    )
    modell = forms.ChoiceField(label="Posttyp", required=False)
    fran = forms.DateField(label="Från", required=False, widget=DateInput)
    till = forms.DateField(label="Till och med", required=False, widget=DateInput)

    def __init__(self, *args, forbund, **kwargs):
        super().__init__(*args, **kwargs)
        choice_field(self, "anvandare").queryset = User.objects.for_forbund(
            forbund
        ).order_by("username")
        self.fields["modell"].choices = [("", "Alla")] + sorted(
            (
                (label, str(m._meta.verbose_name).capitalize())
                for label, m in historik.modeller().items()
            ),
            key=lambda c: c[1],
        )

    def clean(self):
        data = super().clean()
        fran, till = data.get("fran"), data.get("till")
        for namn in ("fran", "till"):
            d = data.get(namn)
            if d and not dates.MIN_AR <= d.year <= dates.MAX_AR:
                self.add_error(
                    namn, f"Ange ett datum mellan år {dates.MIN_AR} och {dates.MAX_AR}."
                )
        if fran and till and till < fran:
            self.add_error("till", "Slutdatum kan inte vara före startdatum.")
        return data
