import datetime as dt

import pytest

from finsam import access
from finsam.models import Uppdrag
from styrelse import services
from styrelse.selectors import protokoll_hash
from tests.factories import PersonFactory, UppdragFactory, UserFactory
from tests.styrelse.factories import beslutande


@pytest.fixture
def organ(forbund):
    return services.organ_styrelse(forbund=forbund)


@pytest.fixture
def ordforande(forbund):
    person = PersonFactory(
        forbund=forbund, fornamn="Olle", efternamn="Ordförande", parti="S"
    )
    UppdragFactory(forbund=forbund, person=person)  # a ledamot since 2015
    return UserFactory(
        username="ordf", forbund=forbund, roll=access.STYRELSE, person=person
    )


@pytest.fixture
def justerare(forbund):
    person = PersonFactory(
        forbund=forbund, fornamn="Jenny", efternamn="Justerare", parti="M"
    )
    UppdragFactory(forbund=forbund, person=person)
    return UserFactory(
        username="just", forbund=forbund, roll=access.STYRELSE, person=person
    )


@pytest.fixture
def sammantrade(organ, ordforande, justerare):
    """A meeting where the ordförande and the justerare took part as ledamöter."""
    sammantrade = services.sammantrade_create(
        organ=organ,
        datum=dt.date(2018, 3, 23),
        plats="Kansliet",
        tid_start=dt.time(8, 30),
        tid_slut=dt.time(10, 15),
        ordforande=ordforande.person,
        justerare=justerare.person,
    )
    return beslutande(sammantrade, ordforande, justerare)


@pytest.fixture
def utkast(sammantrade):
    return services.utkast_publicera(
        sammantrade=sammantrade, nar=dt.datetime(2018, 3, 26, 9, tzinfo=dt.UTC)
    )


@pytest.fixture
def justerat(utkast, ordforande, justerare):
    nar = dt.datetime(2018, 3, 28, 10, tzinfo=dt.UTC)
    services.sammantrade_justera(
        sammantrade=utkast, user=ordforande, sedd_hash=protokoll_hash(utkast), nar=nar
    )
    services.sammantrade_justera(
        sammantrade=utkast, user=justerare, sedd_hash=protokoll_hash(utkast), nar=nar
    )
    utkast.refresh_from_db()
    return utkast


@pytest.fixture
def arende(forbund):
    return services.arende_create(
        forbund=forbund, ar=2018, rubrik="Årsredovisning 2017"
    )


@pytest.fixture
def styrelsen(forbund):
    ledamot = PersonFactory(forbund=forbund, fornamn="Lena", epost="lena@example.se")
    ersattare = PersonFactory(forbund=forbund, fornamn="Erik", epost="erik@example.se")
    avgangen = PersonFactory(
        forbund=forbund, fornamn="Gammal", epost="gammal@example.se"
    )
    UppdragFactory(
        forbund=forbund,
        person=ledamot,
        typ=Uppdrag.LEDAMOT,
        fran=dt.date(2015, 1, 1),
        till=None,
    )
    UppdragFactory(
        forbund=forbund,
        person=ersattare,
        typ=Uppdrag.ERSATTARE,
        fran=dt.date(2015, 1, 1),
        till=None,
    )
    UppdragFactory(
        forbund=forbund,
        person=avgangen,
        typ=Uppdrag.LEDAMOT,
        fran=dt.date(2010, 1, 1),
        till=dt.date(2014, 12, 31),
    )
    return ledamot, ersattare
