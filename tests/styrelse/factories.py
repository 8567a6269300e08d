"""factory_boy factories for the board: organ, ärenden, meetings, delegation decisions.

Ärenden get their numbers from a sequence here; tests of the diarium's numbering use
``styrelse.services.arende_create``, which keeps the counter.
"""

import datetime as dt

import factory

from styrelse.models import Arende, Delegationsbeslut, Organ, Sammantrade
from tests.finsam.factories import ForbundFactory


class OrganFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organ

    forbund = factory.SubFactory(ForbundFactory)
    namn = "Styrelsen"
    typ = Organ.STYRELSE


class ArendeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Arende

    forbund = factory.SubFactory(ForbundFactory)
    ar = 2018
    lopnummer = factory.Sequence(lambda n: n + 1)
    rubrik = factory.Sequence(lambda n: f"Ärende {n}")


class SammantradeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sammantrade

    organ = factory.SubFactory(OrganFactory)
    datum = dt.date(2018, 3, 23)


class DelegationsbeslutFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegationsbeslut

    forbund = factory.SubFactory(ForbundFactory)
    datum = dt.date(2018, 2, 1)
    delegat = "Förbundschefen"
    arendetyp = "Avtal"
    beslut = factory.Sequence(lambda n: f"Beslut {n}")


def beslutande(sammantrade, *users):
    """Enter the users' persons as ledamöter present at the meeting (who may justera)."""
    from styrelse import services
    from styrelse.models import Narvaro

    for user in users:
        if sammantrade.narvaro.filter(person=user.person).exists():
            continue
        services.narvaro_add(
            sammantrade=sammantrade, person=user.person, roll=Narvaro.LEDAMOT
        )
    return sammantrade
