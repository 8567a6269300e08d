from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from finsam.models import Forbund, Medlem, Person, Uppdrag


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class CrispyFormMixin:
    submit_label = "Spara"

    def setup_helper(self) -> None:
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
            field = self.fields[name]
            field.queryset = field.queryset.model.objects.for_forbund(forbund)
        self.setup_helper()

    def _post_clean(self):
        # The instance gets its förbund before model validation runs.
        if not getattr(self.instance, "forbund_id", None):
            self.instance.forbund = self.forbund
        super()._post_clean()


class MedlemForm(ForbundScopedForm):
    class Meta:
        model = Medlem
        fields = ["namn", "typ", "orgnr", "medlem_fran", "medlem_till", "sortering"]
        widgets = {"medlem_fran": DateInput(), "medlem_till": DateInput()}


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
    datum = forms.DateField(label="Datum", widget=DateInput(), required=False)
