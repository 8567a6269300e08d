from __future__ import annotations

from django import forms

from finsam.forms import DateInput, ForbundScopedForm
from insatser.models import Avslutsorsak, Insats, Periodrapport
from insatser.services import FLODEN, KON
from insatser.validators import validate_no_personnummer


class InsatsForm(ForbundScopedForm):
    scoped_fields = ("huvudman",)

    class Meta:
        model = Insats
        fields = [
            "namn",
            "inriktning",
            "huvudman",
            "status",
            "startdatum",
            "slutdatum",
            "samverkande_parter",
            "malgrupp",
            "alder_fran",
            "alder_till",
            "avslutsutfall_redovisas",
            "sortering",
            "arstext_malgrupp",
            "arstext_samverkan",
            "arstext_framgangsfaktorer",
        ]
        widgets = {
            "startdatum": DateInput(),
            "slutdatum": DateInput(),
            "samverkande_parter": forms.Textarea(attrs={"rows": 2}),
            "malgrupp": forms.Textarea(attrs={"rows": 2}),
            "arstext_malgrupp": forms.Textarea(attrs={"rows": 3}),
            "arstext_samverkan": forms.Textarea(attrs={"rows": 3}),
            "arstext_framgangsfaktorer": forms.Textarea(attrs={"rows": 3}),
        }


class NyRapportForm(forms.Form):
    ar = forms.IntegerField(label="År", min_value=2000, max_value=2100)
    period = forms.ChoiceField(label="Period", choices=Periodrapport.PERIOD_CHOICES)


KON_RUBRIK = {"kvinnor": "Kvinnor", "man": "Män", "annat": "Annat/ej angivet"}


def _antal(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        required=False,
        widget=forms.NumberInput(attrs={"class": "form-control form-control-sm"}),
    )


class PeriodrapportForm(forms.Form):
    """The counts of a report as a grid: flows by kön, exit reasons by kön.

    Shares are never typed: the statistics compute them.
    """

    berattelse = forms.CharField(
        label="Vad har gått bra, avvikelser och prognos för året",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
        validators=[validate_no_personnummer],
    )

    def __init__(
        self,
        *args,
        orsaker: list[Avslutsorsak],
        rapport: Periodrapport | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.orsaker = orsaker
        for flode, rubrik in FLODEN:
            self.fields[f"{flode}_totalt"] = _antal(f"{rubrik} deltagare, totalt")
            for kon, _ in KON:
                self.fields[f"{flode}_{kon}"] = _antal(
                    f"{rubrik} deltagare, {KON_RUBRIK[kon].lower()}"
                )
        for orsak in orsaker:
            for kon, _ in KON:
                self.fields[f"avslut_{orsak.pk}_{kon}"] = _antal(
                    f"Avslutsorsak {orsak.namn}, {KON_RUBRIK[kon].lower()}"
                )
        if rapport is not None and not self.is_bound:
            for flode, _ in FLODEN:
                for suffix in ["totalt"] + [k for k, _ in KON]:
                    name = f"{flode}_{suffix}"
                    self.initial[name] = getattr(rapport, name)
            for rad in rapport.avslut.all():
                for kon, _ in KON:
                    self.initial[f"avslut_{rad.avslutsorsak_id}_{kon}"] = getattr(
                        rad, kon
                    )
            self.initial["berattelse"] = rapport.berattelse

    def siffror(self) -> dict[str, int]:
        return {
            f"{flode}_{suffix}": self.cleaned_data.get(f"{flode}_{suffix}") or 0
            for flode, _ in FLODEN
            for suffix in ["totalt"] + [k for k, _ in KON]
        }

    def avslut(self) -> dict[int, dict[str, int]]:
        return {
            orsak.pk: {
                kon: self.cleaned_data.get(f"avslut_{orsak.pk}_{kon}") or 0
                for kon, _ in KON
            }
            for orsak in self.orsaker
        }

    def flodesrader(self):
        return [
            {
                "rubrik": f"{rubrik} deltagare",
                "falt": [self[f"{flode}_totalt"]]
                + [self[f"{flode}_{k}"] for k, _ in KON],
                "fel": [
                    e
                    for s in ["totalt"] + [k for k, _ in KON]
                    for e in self.errors.get(f"{flode}_{s}", [])
                ],
            }
            for flode, rubrik in FLODEN
        ]

    def avslutsrader(self):
        return [
            {
                "rubrik": orsak.namn,
                "falt": [self[f"avslut_{orsak.pk}_{k}"] for k, _ in KON],
            }
            for orsak in self.orsaker
        ]


class ReturForm(forms.Form):
    kommentar = forms.CharField(
        label="Kommentar till insatsen",
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        validators=[validate_no_personnummer],
    )


class AvvikelseForm(forms.Form):
    koder = forms.MultipleChoiceField(
        label="Avvikelser som godtas", widget=forms.CheckboxSelectMultiple
    )
    motivering = forms.CharField(
        label="Motivering",
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        validators=[validate_no_personnummer],
    )

    def __init__(self, *args, avvikelser, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["koder"].choices = [(a.kod, a.meddelande) for a in avvikelser]
