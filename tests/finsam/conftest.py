"""Fixtures shared by the finsam tests: Östra Södertörn, a board meeting of the test
förbund with its ordförande and justerare (board members with logins), and a sent fee
decision."""

import datetime as dt
from decimal import Decimal

import pytest

from finsam import access, services
from finsam.demo import build_ostra_sodertorn
from finsam.models import Medlem, Uppdrag
from styrelse import services as styrelse_services
from tests.factories import MedlemFactory, PersonFactory, UppdragFactory, UserFactory


@pytest.fixture
def os_forbund(db):
    return build_ostra_sodertorn(user_prefix="t-")


def _ledamot(forbund, namn, typ=Uppdrag.LEDAMOT):
    fornamn, efternamn = namn.split()
    person = PersonFactory(forbund=forbund, fornamn=fornamn, efternamn=efternamn)
    UppdragFactory(forbund=forbund, person=person, typ=typ)
    return UserFactory(
        username=fornamn.lower(), forbund=forbund, roll=access.STYRELSE, person=person
    )


@pytest.fixture
def ordf(forbund):
    return _ledamot(forbund, "Olle Ordförande")


@pytest.fixture
def just(forbund):
    return _ledamot(forbund, "Jenny Justerare")


@pytest.fixture
def mote(organ, ordf, just):
    return styrelse_services.sammantrade_create(
        organ=organ,
        datum=dt.date(2026, 3, 12),
        ordforande=ordf.person,
        justerare=just.person,
    )


@pytest.fixture
def expedierat(forbund):
    """A sent fee decision with a draft version in its history."""
    for i, (namn, typ) in enumerate(
        [
            ("Försäkringskassan", Medlem.FORSAKRINGSKASSAN),
            ("Arbetsförmedlingen", Medlem.ARBETSFORMEDLINGEN),
            ("Regionen", Medlem.REGION),
            ("A kommun", Medlem.KOMMUN),
        ]
    ):
        kommun = MedlemFactory(forbund=forbund, namn=namn, typ=typ, sortering=i)
    services.kommununderlag_save(
        forbund=forbund, ar=2019, varden={kommun: {"procent": Decimal(100)}}
    )
    beslut = services.avgiftsbeslut_save(
        forbund=forbund, ar=2019, total=1000, paragraf="§ 3", metod="procent"
    )
    # The draft is history version 1: what a revert would go back to.
    services.avgiftsbeslut_save(
        forbund=forbund,
        ar=2019,
        total=2000,
        paragraf="§ 3",
        metod="procent",
        beslut=beslut,
    )
    return services.avgiftsbeslut_expediera(beslut=beslut)
