"""factory_boy factories for the ground floor. Apps add theirs in tests/<app>/factories.py."""

import datetime as dt

import factory

from finsam import access
from finsam.models import Forbund, Medlem, Person, Uppdrag, User


class ForbundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forbund
        django_get_or_create = ("orgnr",)

    namn = factory.Sequence(lambda n: f"Samordningsförbundet Test {n}")
    # Luhn-valid organisationsnummer in the 222000-series of kommunalförbund.
    orgnr = factory.Sequence(lambda n: _orgnr(n))
    kortnamn = factory.Sequence(lambda n: f"T{n}")


def _orgnr(n: int) -> str:
    base = f"222{n % 1000:03d}{(n // 1000) % 1000:03d}"
    for check in range(10):
        digits = base + str(check)
        total = 0
        for i, ch in enumerate(digits):
            v = int(ch) * (2 if i % 2 == 0 else 1)
            total += v - 9 if v > 9 else v
        if total % 10 == 0:
            return f"{digits[:6]}-{digits[6:]}"
    raise AssertionError("unreachable")


class MedlemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Medlem

    forbund = factory.SubFactory(ForbundFactory)
    namn = factory.Sequence(lambda n: f"Testkommun {n}")
    typ = Medlem.KOMMUN


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    forbund = factory.SubFactory(ForbundFactory)
    fornamn = factory.Sequence(lambda n: f"Förnamn{n}")
    efternamn = "Testsson"


class UppdragFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Uppdrag

    forbund = factory.SubFactory(ForbundFactory)
    person = factory.SubFactory(
        PersonFactory, forbund=factory.SelfAttribute("..forbund")
    )
    medlem = factory.SubFactory(
        MedlemFactory, forbund=factory.SelfAttribute("..forbund")
    )
    typ = Uppdrag.LEDAMOT
    fran = dt.date(2015, 4, 1)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    forbund = factory.SubFactory(ForbundFactory)
    roll = access.KANSLI
    password = factory.PostGenerationMethodCall("set_password", "hemligt-lösen-123")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


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
