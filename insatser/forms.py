from __future__ import annotations

from collections.abc import Iterable

from django import forms

from finsam import access
from finsam.fields import SvDecimalField, SvIntegerField, TalInput
from finsam.forms import AntalField, DateInput, ForbundScopedForm, FritextField
from finsam.models import User
from insatser.models import (
    Avslutsorsak,
    Bemanning,
    ForbundsMal,
    Indikatorfraga,
    Insats,
    Kategori,
    Mal,
    Medfinansiering,
    Periodrapport,
    Strukturaktivitet,
)
from insatser.services import FLODEN, KON


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
    ar = SvIntegerField(label="År", min_value=2000, max_value=2100)
    period = forms.ChoiceField(label="Period", choices=Periodrapport.PERIOD_CHOICES)


KON_RUBRIK = {"kvinnor": "Kvinnor", "man": "Män", "annat": "Annat/ej angivet"}


def _antal(label: str) -> forms.IntegerField:
    return AntalField(
        label=label,
        required=False,
        widget=TalInput(attrs={"class": "form-control form-control-sm"}),
    )


class PeriodrapportForm(forms.Form):
    """The counts of a report as a grid: flows by kön, exit reasons by kön.

    Shares are never typed: the statistics compute them.
    """

    berattelse = FritextField(
        label="Vad har gått bra, avvikelser och prognos för året",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
    )

    def __init__(
        self,
        *args,
        orsaker: list[Avslutsorsak],
        rapport: Periodrapport | None = None,
        kategorier: Iterable[Kategori] = (),
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.orsaker = orsaker
        self.kategorier = list(kategorier)
        for kon, _ in KON:
            self.fields[f"konsultationer_{kon}"] = _antal(
                f"Konsultationer, {KON_RUBRIK[kon].lower()}"
            )
        self.fields["uppfoljda_12m"] = _antal("Följda upp 12 månader efter avslut")
        self.fields["egen_forsorjning_12m"] = _antal(
            "Varav med egen försörjning efter 12 månader"
        )
        for kat, tillfalle in self._kategorifalt():
            for kon, _ in KON:
                self.fields[f"kat_{kat.pk}_{tillfalle or 'x'}_{kon}"] = _antal(
                    f"{kat.get_dimension_display()}{self._tillfalle_text(tillfalle)} "
                    f"{kat.namn}, {KON_RUBRIK[kon].lower()}"
                )
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
            for name in [f"konsultationer_{k}" for k, _ in KON] + [
                "uppfoljda_12m",
                "egen_forsorjning_12m",
            ]:
                self.initial[name] = getattr(rapport, name)
            for antal in rapport.antal.all():
                for kon, _ in KON:
                    self.initial[
                        f"kat_{antal.kategori_id}_{antal.tillfalle or 'x'}_{kon}"
                    ] = getattr(antal, kon)

    @staticmethod
    def _tillfalle_text(tillfalle: str) -> str:
        return {"start": " vid start", "slut": " vid avslut"}.get(tillfalle, "")

    def _kategorifalt(self):
        for kat in self.kategorier:
            if kat.dimension == Kategori.FORSORJNING:
                yield kat, "start"
                yield kat, "slut"
            else:
                yield kat, ""

    def ovrigt(self) -> dict:
        data = {
            name: self.cleaned_data.get(name) or 0
            for name in [f"konsultationer_{k}" for k, _ in KON]
        }
        for name in ["uppfoljda_12m", "egen_forsorjning_12m"]:
            data[name] = self.cleaned_data.get(name)
        return data

    def antal(self) -> dict[tuple[int, str], dict[str, int]]:
        return {
            (kat.pk, tillfalle): {
                kon: self.cleaned_data.get(f"kat_{kat.pk}_{tillfalle or 'x'}_{kon}")
                or 0
                for kon, _ in KON
            }
            for kat, tillfalle in self._kategorifalt()
        }

    def kategorisektioner(self):
        """Grids per dimension (försörjning twice: at start and at exit)."""
        sektioner = [
            (Kategori.ANVISANDE, "", "Nya deltagare per anvisande part"),
            (Kategori.ALDER, "", "Nya deltagare per åldersgrupp"),
            (Kategori.KOMMUN, "", "Nya deltagare per hemkommun"),
            (Kategori.FORSORJNING, "start", "Försörjning vid start (flera per person)"),
            (Kategori.FORSORJNING, "slut", "Försörjning vid avslut (flera per person)"),
        ]
        out = []
        for dim, tillfalle, rubrik in sektioner:
            rader = [
                {
                    "rubrik": kat.namn,
                    "falt": [
                        self[f"kat_{kat.pk}_{tillfalle or 'x'}_{k}"] for k, _ in KON
                    ],
                }
                for kat in self.kategorier
                if kat.dimension == dim
            ]
            if rader:
                out.append({"rubrik": rubrik, "rader": rader})
        return out

    def konsultationsfalt(self):
        return [self[f"konsultationer_{k}"] for k, _ in KON]

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
    kommentar = FritextField(
        label="Kommentar till insatsen",
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )


class AvvikelseForm(forms.Form):
    koder = forms.MultipleChoiceField(
        label="Avvikelser som godtas", widget=forms.CheckboxSelectMultiple
    )
    motivering = FritextField(
        label="Motivering",
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )

    def __init__(self, *args, avvikelser, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["koder"].choices = [(a.kod, a.meddelande) for a in avvikelser]


class MalForm(ForbundScopedForm):
    class Meta:
        model = Mal
        fields = [
            "ar",
            "typ",
            "beskrivning",
            "malvarde",
            "resultat_text",
            "bedomning",
            "ordning",
        ]
        widgets = {
            "beskrivning": forms.Textarea(attrs={"rows": 2}),
            "resultat_text": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "resultat_text": "Anges bara för fritextmål; övriga räknas fram ur "
            "godkända helårsrapporter."
        }

    def _post_clean(self):
        forms.ModelForm._post_clean(self)


class BemanningForm(ForbundScopedForm):
    scoped_fields = ("part",)

    class Meta:
        model = Bemanning
        fields = ["roll", "part", "procent"]

    def _post_clean(self):
        forms.ModelForm._post_clean(self)


class MedfinansieringForm(ForbundScopedForm):
    class Meta:
        model = Medfinansiering
        fields = ["finansiar", "total_budget", "extern_andel", "fran", "till"]
        widgets = {"fran": DateInput(), "till": DateInput()}

    def _post_clean(self):
        forms.ModelForm._post_clean(self)


class RapportorForm(forms.Form):
    user = forms.ModelChoiceField(label="Insatsrapportör", queryset=User.objects.none())

    def __init__(self, *args, forbund, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(
            forbund=forbund, roll=access.INSATSRAPPORTOR, is_active=True
        ).order_by("username")


class UnikaForm(forms.Form):
    antal = AntalField(label="Unika deltagare")


class StrukturaktivitetForm(ForbundScopedForm):
    scoped_fields = ("insats",)

    class Meta:
        model = Strukturaktivitet
        fields = ["datum", "typ", "tema", "deltagare", "insats"]
        widgets = {"datum": DateInput()}


class ForbundsMalForm(ForbundScopedForm):
    class Meta:
        model = ForbundsMal
        fields = ["ar", "typ", "beskrivning", "malvarde", "resultat_text", "bedomning"]
        widgets = {
            "beskrivning": forms.Textarea(attrs={"rows": 2}),
            "resultat_text": forms.Textarea(attrs={"rows": 2}),
        }


class IndikatorfragaForm(ForbundScopedForm):
    class Meta:
        model = Indikatorfraga
        fields = ["grupp", "text", "sortering"]


class AvslutsorsakForm(ForbundScopedForm):
    submit_label = "Lägg till avslutsorsak"

    class Meta:
        model = Avslutsorsak
        fields = ["namn", "grupp", "sortering"]


class KategoriForm(ForbundScopedForm):
    submit_label = "Lägg till kategori"

    class Meta:
        model = Kategori
        fields = ["dimension", "namn", "sortering"]


def _andel_falt(label: str) -> forms.DecimalField:
    return SvDecimalField(
        label=label,
        min_value=0,
        max_value=100,
        decimal_places=1,
        required=False,
        widget=TalInput(attrs={"class": "form-control form-control-sm", "step": "0.1"}),
    )


class IndikatorForm(forms.Form):
    """The year's indicator results as a grid: per question (and kön for deltagare)."""

    def __init__(self, *args, fragor, resultat, **kwargs):
        super().__init__(*args, **kwargs)
        self.rader = []
        for fraga in fragor:
            konen = (
                [("alla", "alla"), ("kvinnor", "kvinnor"), ("man", "män")]
                if fraga.grupp == Indikatorfraga.DELTAGARE
                else [("alla", "alla")]
            )
            for kon, kon_namn in konen:
                prefix = f"r_{fraga.pk}_{kon}"
                etikett = (
                    f"{fraga.text} ({fraga.get_grupp_display().lower()}, {kon_namn})"
                )
                self.fields[f"{prefix}_pos"] = _andel_falt(
                    f"Andel klart positiva: {etikett}"
                )
                self.fields[f"{prefix}_neg"] = _andel_falt(f"Andel negativa: {etikett}")
                self.fields[f"{prefix}_antal"] = AntalField(
                    label=f"Antal svar: {etikett}",
                    required=False,
                    widget=TalInput(attrs={"class": "form-control form-control-sm"}),
                )
                befintligt = resultat.get((fraga.pk, kon))
                if befintligt is not None and not self.is_bound:
                    self.initial[f"{prefix}_pos"] = befintligt.andel_positiva
                    self.initial[f"{prefix}_neg"] = befintligt.andel_negativa
                    self.initial[f"{prefix}_antal"] = befintligt.antal_svar
                self.rader.append((fraga, kon, kon_namn, prefix))

    def clean(self):
        data = super().clean()
        for _fraga, _kon, _namn, prefix in self.rader:
            varden = [data.get(f"{prefix}_{x}") for x in ("pos", "neg", "antal")]
            if any(v is not None for v in varden) and any(v is None for v in varden):
                self.add_error(
                    f"{prefix}_antal",
                    "Fyll i andel positiva, andel negativa och antal svar, eller inget.",
                )
            elif all(v is not None for v in varden) and varden[0] + varden[1] > 100:
                self.add_error(
                    f"{prefix}_neg", "Andelarna är tillsammans mer än 100 %."
                )
        return data

    def grid(self):
        return [
            {
                "fraga": fraga,
                "kon": kon_namn,
                "falt": [self[f"{prefix}_{x}"] for x in ("pos", "neg", "antal")],
            }
            for fraga, kon, kon_namn, prefix in self.rader
        ]

    def varden(self):
        for fraga, kon, _namn, prefix in self.rader:
            pos, neg, antal = (
                self.cleaned_data.get(f"{prefix}_{x}") for x in ("pos", "neg", "antal")
            )
            yield fraga, kon, pos, neg, antal
