"""Personas shared by every test: a kanslist, a styrelseledamot, a revisor, an
insatsrapportör, an admin and an outsider from another förbund; clients logged in as
them, the förbund's board and the demo."""

import pytest
from django.test import Client, override_settings

from finsam import access
from styrelse import services as styrelse_services
from tests.factories import ForbundFactory, PersonFactory, UserFactory
from tests.transaktion import tillbakarullad


@pytest.fixture(scope="session", autouse=True)
def media_per_korning(tmp_path_factory):
    """Uploaded and rendered files of a test run go to its own directory, not the
    checkout's media/: two runs side by side (SQLite and PostgreSQL in CI) never share
    a file, and a run leaves nothing behind in the repository."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


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


@pytest.fixture
def client_for():
    """``client_for(user)``: a client of its own logged in as ``user``, for a test with
    more than one person or browser tab at once; keyword arguments go to ``Client``."""

    def make(user, **client_kwargs) -> Client:
        client = Client(**client_kwargs)
        client.force_login(user)
        return client

    return make


@pytest.fixture
def organ(forbund):
    """The test förbund's board (styrelsen) as an organ."""
    return styrelse_services.organ_styrelse(forbund=forbund)


@pytest.fixture(scope="module")
def demo_modul(django_db_setup, django_db_blocker):
    """The full demo (every app's part), built once for a test module inside a
    transaction that is rolled back when the module is done. Each test that also asks
    for ``db`` runs in a savepoint inside it, so what one test writes is gone before
    the next. Building the demo takes seconds; most tests only read it."""
    from finsam.demo import build_demo

    with tillbakarullad(django_db_blocker):
        yield build_demo()


@pytest.fixture
def demo(demo_modul, db):
    """The demo for one test: the module's demo, this test's writes rolled back."""
    return demo_modul
