"""Fixtures shared by the finsam tests: Östra Södertörn, and a board meeting of the test
förbund with its ordförande and justerare (board members with logins)."""

import datetime as dt

import pytest

from finsam import access
from finsam.demo import build_ostra_sodertorn
from finsam.models import Uppdrag
from styrelse import services as styrelse_services
from tests.factories import PersonFactory, UppdragFactory, UserFactory


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
def organ(forbund):
    return styrelse_services.organ_styrelse(forbund=forbund)


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
