from __future__ import annotations

from typing import Any

from django import forms

from finsam.forms import CrispyFormMixin, FritextField, choice_field


class AvsnittstextForm(CrispyFormMixin, forms.Form):
    text = FritextField(
        label="Text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text="Markdown: tom rad mellan stycken, **fet**, *kursiv*, "
        "rader som börjar med - blir punktlista. HTML visas som text.",
        max_length=20_000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_helper()


class FyndForm(forms.Form):
    nyckel = forms.CharField(widget=forms.HiddenInput, max_length=200)
    kommentar = FritextField(
        label="Kommentar",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text="Varför skillnaden godtas (t.ex. avrundning i tryckt jämförelsetal).",
    )


def paragraf_etikett(p: Any) -> str:
    return f"§ {p.nummer}, {p.sammantrade.datum:%Y-%m-%d}: {p.rubrik}"


class GodkannForm(forms.Form):
    paragraf: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Styrelsens beslut (§)",
        queryset=None,
        empty_label="Välj paragraf",
        help_text="Paragrafen i protokollet där styrelsen godkände årsredovisningen.",
    )

    def __init__(self, *args, forbund, ar: int, **kwargs):
        from styrelse.models import Paragraf

        super().__init__(*args, **kwargs)
        field = choice_field(self, "paragraf")
        field.queryset = (
            Paragraf.objects.for_forbund(forbund)
            .filter(sammantrade__datum__year__gt=ar)
            .select_related("sammantrade")
            .order_by("sammantrade__datum", "nummer")
        )
        field.label_from_instance = paragraf_etikett  # type: ignore[method-assign,assignment]
