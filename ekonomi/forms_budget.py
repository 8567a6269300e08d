"""Forms of the budget pages. Amounts are typed the Swedish way: "1 234 567,50"."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.apps import apps

from ekonomi.models import Budget, Budgetpost, Budgetprognos
from finsam.dates import MAX_AR, MIN_AR
from finsam.fields import SvDecimalField
from finsam.forms import (
    CrispyFormMixin,
    DateInput,
    DatumField,
    FritextField,
    choice_field,
)
from finsam.templatetags.finsam import format_tal


class BeloppField(SvDecimalField):
    """Kronor as people type them: spaces between thousands, a decimal comma, "kr"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": "Skriv ett belopp i kronor, t.ex. 1 250 000 eller 1 250 000,50.",
                "min_value": "Beloppet kan inte vara negativt.",
                "max_decimal_places": "Högst två decimaler (ören).",
            },
        )
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removesuffix("kr")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal | int):
            return format_tal(value).replace("\xa0", " ")
        return value


def _paragrafer(forbund):
    # Named by string: the board app sits beside this one, not below it.
    model = apps.get_model("styrelse", "Paragraf")
    return (
        model.objects.for_forbund(forbund)
        .select_related("sammantrade")
        .order_by("-ar", "-nummer")
    )


class BudgetNyForm(CrispyFormMixin, forms.Form):
    submit_label = "Skapa utkast"
    ar = forms.IntegerField(label="Budgetår", min_value=MIN_AR, max_value=MAX_AR)
    kopiera = forms.BooleanField(
        label="Utgå från föregående års budget och plan",
        required=False,
        initial=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_helper()


class BudgetpostForm(CrispyFormMixin, forms.ModelForm):
    belopp = BeloppField(label="Belopp (kr)")
    plan_1 = BeloppField(label="Plan år 2 (kr)", required=False)
    plan_2 = BeloppField(label="Plan år 3 (kr)", required=False)

    class Meta:
        model = Budgetpost
        fields = [
            "namn",
            "grupp",
            "overordnad",
            "belopp",
            "plan_1",
            "plan_2",
            "insats",
            "medlem",
            "kod",
            "ordning",
        ]
        help_texts = {
            "kod": "Lämna tom för en ny post: koden skapas av namnet. Samma kod år "
            "från år knyter posten till förra årets och till bokföringens utfall.",
        }

    def __init__(self, *args, budget: Budget, **kwargs):
        super().__init__(*args, **kwargs)
        self.budget = budget
        self.fields["kod"].required = False
        self.fields["ordning"].required = False
        self.fields["plan_1"].label = f"Plan {budget.ar + 1} (kr)"
        self.fields["plan_2"].label = f"Plan {budget.ar + 2} (kr)"
        overordnade = Budgetpost.objects.filter(budget=budget, overordnad__isnull=True)
        if self.instance.pk:
            overordnade = overordnade.exclude(pk=self.instance.pk)
        choice_field(self, "overordnad").queryset = overordnade
        choice_field(self, "insats").queryset = apps.get_model(
            "insatser", "Insats"
        )._default_manager.for_forbund(budget.forbund)
        choice_field(self, "medlem").queryset = apps.get_model(
            "finsam", "Medlem"
        )._default_manager.for_forbund(budget.forbund)
        self.setup_helper()

    def clean_ordning(self):
        return self.cleaned_data.get("ordning") or 0

    def _post_clean(self):
        self.instance.budget = self.budget
        super()._post_clean()


class AntaForm(CrispyFormMixin, forms.Form):
    submit_label = "Anta budgeten"
    paragraf: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Paragraf i styrelsens protokoll", queryset=None, required=False
    )
    antagen_enligt = FritextField(
        label="Paragraf som text",
        max_length=100,
        required=False,
        help_text="När protokollet inte finns i systemet, t.ex. § 54, 2017-11-22.",
    )
    datum = DatumField(
        label="Beslutsdatum",
        required=False,
        widget=DateInput(),
        help_text="Tomt: sammanträdets datum.",
    )

    def __init__(self, *args, forbund, **kwargs):
        super().__init__(*args, **kwargs)
        choice_field(self, "paragraf").queryset = _paragrafer(forbund)
        self.setup_helper()

    def clean(self):
        data = super().clean()
        if not data.get("paragraf") and not (data.get("antagen_enligt") or "").strip():
            raise forms.ValidationError(
                "Välj paragrafen som antog budgeten eller skriv den som text."
            )
        if not data.get("paragraf") and not data.get("datum"):
            self.add_error("datum", "Ange beslutsdatum.")
        return data


def _postrader(form: forms.Form, poster, initial: dict[int, Decimal | None]):
    for post in poster:
        form.fields[f"post_{post.pk}"] = BeloppField(
            label=post.namn,
            required=False,
            initial=initial.get(post.pk),
        )


class RevisionForm(CrispyFormMixin, forms.Form):
    submit_label = "Registrera revideringen"
    paragraf: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Paragraf där styrelsen beslutade", queryset=None, required=False
    )
    paragraf_text = FritextField(
        label="Paragraf som text", max_length=100, required=False
    )
    datum = DatumField(label="Beslutsdatum", widget=DateInput())
    motivering = FritextField(
        label="Motivering", widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, budget: Budget, poster, **kwargs):
        super().__init__(*args, **kwargs)
        self.poster = list(poster)
        choice_field(self, "paragraf").queryset = _paragrafer(budget.forbund)
        _postrader(self, self.poster, {p.pk: p.belopp for p in self.poster})
        self.setup_helper()

    def clean(self):
        data = super().clean()
        if not data.get("paragraf") and not (data.get("paragraf_text") or "").strip():
            raise forms.ValidationError(
                "Välj paragrafen där styrelsen beslutade eller skriv den som text."
            )
        return data

    def andringar(self) -> dict[Budgetpost, Decimal]:
        return {
            p: self.cleaned_data[f"post_{p.pk}"]
            for p in self.poster
            if self.cleaned_data.get(f"post_{p.pk}") is not None
        }


class PrognosForm(CrispyFormMixin, forms.Form):
    submit_label = "Spara prognosen"
    kommentar = FritextField(
        label="Kommentar", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(
        self, *args, poster, initial_belopp: dict[int, Decimal | None], **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.poster = list(poster)
        _postrader(self, self.poster, initial_belopp)
        self.setup_helper()

    def belopp(self) -> dict[Budgetpost, Decimal]:
        return {
            p: self.cleaned_data[f"post_{p.pk}"]
            for p in self.poster
            if self.cleaned_data.get(f"post_{p.pk}") is not None
        }


def safe_decimal(value: str) -> Decimal | None:
    try:
        return BeloppField(required=False).clean(value)
    except (forms.ValidationError, InvalidOperation):
        return None


PERIODER = dict(Budgetprognos.MANAD_CHOICES)


class BudgetForm(CrispyFormMixin, forms.ModelForm):
    ingaende_eget_kapital = BeloppField(
        label="Eget kapital vid årets början (kr)", required=False, min_value=None
    )

    class Meta:
        model = Budget
        fields = ["ingaende_eget_kapital", "kommentar"]
        help_texts = {
            "ingaende_eget_kapital": Budget._meta.get_field(
                "ingaende_eget_kapital"
            ).help_text
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ingaende_eget_kapital"].help_text = Budget._meta.get_field(
            "ingaende_eget_kapital"
        ).help_text
        self.setup_helper()
