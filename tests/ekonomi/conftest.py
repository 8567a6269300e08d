from pathlib import Path

import pytest

from ekonomi.services.bokforing import sie_importera

DEMO_SIE = Path(__file__).resolve().parents[2] / "ekonomi" / "demodata" / "bhs-2017.se"
FILES = Path(__file__).resolve().parents[1] / "files"


@pytest.fixture
def bhs_2017(forbund):
    """The demo förbund's 2017 books (seed 004) imported into the test förbund."""
    return sie_importera(
        forbund=forbund, data=DEMO_SIE.read_bytes(), filnamn="bhs-2017.se"
    )


@pytest.fixture
def bhs_mappad(forbund, bhs_2017):
    from ekonomi.demo_bokforing import kontoregler

    kontoregler(forbund)
    return bhs_2017


@pytest.fixture
def bhs_budget(forbund, bhs_mappad):
    """A 2017 budget whose lines carry the groups of seed 004's Tilläggsupplysningar."""
    from ekonomi.demodata.bhs_2017 import KONTON
    from ekonomi.models import Budget, Budgetpost

    budget = Budget.objects.create(forbund=forbund, ar=2017)
    koder = {}
    for konto, _, kod in KONTON:
        if not kod:
            continue
        if konto.startswith("30") and kod.startswith("avgift"):
            grupp = Budgetpost.MEDLEMSAVGIFTER
        elif konto.startswith("3"):
            grupp = Budgetpost.BIDRAG
        elif konto.startswith("463"):
            grupp = Budgetpost.STRUKTUR
        elif konto.startswith("46"):
            grupp = Budgetpost.INSATSER
        else:
            grupp = Budgetpost.ADMINISTRATION
        koder[kod] = grupp
    for kod, grupp in koder.items():
        Budgetpost.objects.create(budget=budget, kod=kod, namn=kod, grupp=grupp)
    return budget
