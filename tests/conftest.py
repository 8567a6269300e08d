"""Personas shared by every test: a kanslist, a styrelseledamot, a revisor, an
insatsrapportör, an admin and an outsider from another förbund."""

import pytest

from finsam import access
from tests.factories import ForbundFactory, PersonFactory, UserFactory


@pytest.fixture
def forbund(db):
    return ForbundFactory(
        namn="Samordningsförbundet Exempel", orgnr="222000-3020", kortnamn="EX"
    )


@pytest.fixture
def annat_forbund(db):
    return ForbundFactory(namn="Samordningsförbundet Annat", kortnamn="AN")


@pytest.fixture
def kanslist(forbund):
    return UserFactory(username="kanslist", forbund=forbund, roll=access.KANSLI)


@pytest.fixture
def styrelseledamot(forbund):
    person = PersonFactory(forbund=forbund, fornamn="Stina", efternamn="Styrelse")
    return UserFactory(
        username="ledamot", forbund=forbund, roll=access.STYRELSE, person=person
    )


@pytest.fixture
def revisor(forbund):
    return UserFactory(username="revisor", forbund=forbund, roll=access.REVISOR)


@pytest.fixture
def insatsrapportor(forbund):
    return UserFactory(
        username="rapportor", forbund=forbund, roll=access.INSATSRAPPORTOR
    )


@pytest.fixture
def forbundsadmin(forbund):
    return UserFactory(username="forbundsadmin", forbund=forbund, roll=access.ADMIN)


@pytest.fixture
def superuser(db):
    """A system administrator: Django's admin, no förbund of its own."""
    return UserFactory(
        username="root", forbund=None, roll="", is_superuser=True, is_staff=True
    )


@pytest.fixture
def outsider(annat_forbund):
    return UserFactory(username="outsider", forbund=annat_forbund, roll=access.KANSLI)


@pytest.fixture
def as_user(client):
    """``as_user(user)`` logs the test client in and returns it."""

    def login(user):
        client.force_login(user)
        return client

    return login
