"""factory_boy factories for insatser and their reports."""

import factory

from insatser.models import Insats, Mal, Periodrapport
from insatser.services import periodrapport_save
from tests.finsam.factories import ForbundFactory


class InsatsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Insats

    forbund = factory.SubFactory(ForbundFactory)
    namn = factory.Sequence(lambda n: f"Insats {n}")
    inriktning = Insats.INDIVID
    status = Insats.PAGAENDE


class PeriodrapportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Periodrapport

    insats = factory.SubFactory(InsatsFactory)
    ar = 2018
    period = Periodrapport.T1


class MalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mal

    insats = factory.SubFactory(InsatsFactory)
    ar = 2018
    typ = Mal.FRITEXT
    beskrivning = factory.Sequence(lambda n: f"Mål {n}")


def many_insatser(forbund, orsaker, n, start=0):
    """``n`` insatser, each with an approved helår report for 2017."""
    arbete = orsaker["Arbete"].pk
    for i in range(start, start + n):
        insats = Insats.objects.create(forbund=forbund, namn=f"Insats {i:03d}")
        rapport = periodrapport_save(
            insats=insats,
            ar=2017,
            period=Periodrapport.HELAR,
            siffror={
                "aktuella_totalt": 2,
                "aktuella_kvinnor": 2,
                "avslutade_totalt": 1,
                "avslutade_kvinnor": 1,
            },
            avslut={arbete: {"kvinnor": 1}},
        )
        Periodrapport.objects.filter(pk=rapport.pk).update(status=Periodrapport.GODKAND)
