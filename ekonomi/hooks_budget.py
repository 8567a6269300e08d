"""What the budget gives the apps below it: documents for the Dokument page and money
for the insatser pages and the Uppföljning Finsam underlag (through insatser.pengar)."""

from __future__ import annotations

from django.urls import reverse

from ekonomi.selectors import budget as selectors
from finsam.documents import Dokument
from insatser.pengar import InsatsPengar, UppfoljningPengar


def budget_documents(forbund, ar: int):
    budget = selectors.budget_for_ar(forbund, ar)
    if budget is None:
        return
    utkast = "" if budget.ar_antagen else " (UTKAST)"
    yield Dokument(
        titel=f"Mål, budget och verksamhetsplan {ar}{utkast}",
        kategori="Budget",
        url=reverse("ekonomi:budget_dokument", args=[ar]),
        datum=budget.antagen_datum,
    )
    yield Dokument(
        titel=f"Budget {ar} och verksamhetsplan {ar}–{ar + 2}{utkast}",
        kategori="Budget",
        url=reverse("ekonomi:budget_verksamhetsplan", args=[ar]),
        datum=budget.antagen_datum,
    )


def insatser_pengar(forbund, ar: int) -> dict[int, InsatsPengar]:
    url = reverse("ekonomi:budget_utfall", args=[ar])
    return {
        insats_id: InsatsPengar(ar=ar, budget=d["budget"], utfall=d["utfall"], url=url)
        for insats_id, d in selectors.insats_pengar(forbund, ar).items()
    }


def uppfoljning_pengar(forbund, ar: int) -> UppfoljningPengar:
    d = selectors.uppfoljning_pengar(forbund, ar)
    return UppfoljningPengar(
        tilldelade_medel=d["tilldelade_medel"],
        eget_kapital=d["eget_kapital"],
        administration_budget=d["administration_budget"],
        administration_utfall=d["administration_utfall"],
        insatser=insatser_pengar(forbund, ar),
    )
