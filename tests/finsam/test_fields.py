"""Swedish numbers in every input (finsam/fields.py)."""

from decimal import Decimal

import pytest
from django import forms

from finsam.fields import SvDecimalField, SvIntegerField, format_tal, svenska_tal
from finsam.forms import AvgiftsbeslutForm


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("40,5", Decimal("40.5")),
        ("17 378 000", Decimal("17378000")),
        ("1 234,50", Decimal("1234.50")),
        ("1\u00a0234,50", Decimal("1234.50")),
        ("\u2212 12,25", Decimal("-12.25")),
        ("40.5", Decimal("40.5")),
    ],
)
def test_a_decimal_is_read_as_a_swede_types_it(typed, expected):
    assert SvDecimalField(decimal_places=2).clean(typed) == expected


def test_an_integer_takes_spaces_between_thousands_and_refuses_decimals():
    field = SvIntegerField(min_value=0)
    assert field.clean("17 378 000") == 17_378_000
    with pytest.raises(forms.ValidationError):
        field.clean("40,5")
    with pytest.raises(forms.ValidationError, match="större än eller lika med 0"):
        field.clean("-3")


def test_numbers_are_shown_back_in_swedish_format():
    assert format_tal(Decimal("17378000")) == "17 378 000"
    assert format_tal(Decimal("1234.50")) == "1 234,5"
    assert format_tal(-1234) == "-1 234"


@pytest.mark.django_db
def test_the_fee_form_takes_a_swedish_total_in_a_text_field(forbund):
    form = AvgiftsbeslutForm(
        data={"ar": "2027", "total": "17 378 000", "metod": "befolkning"},
        forbund=forbund,
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["total"] == Decimal("17378000")
    html = str(form["total"])
    assert 'type="text"' in html and 'inputmode="decimal"' in html


@pytest.mark.django_db
def test_a_model_forms_number_fields_become_swedish():
    from finsam.models import Kommununderlag

    class Underlag(forms.ModelForm):
        class Meta:
            model = Kommununderlag
            fields = ["befolkning", "procent"]

    form = Underlag(data={"befolkning": "86 235", "procent": "44,5"})
    svenska_tal(form)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["befolkning"] == 86_235
    assert form.cleaned_data["procent"] == Decimal("44.5")
    assert 'type="number"' not in str(form)
