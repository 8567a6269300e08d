import pytest

from finsam.demo import build_demo
from insatser.models import Insats
from insatser.services import avslutsorsaker_seed, insats_save, insatsrapportor_add


@pytest.fixture
def demo(db):
    return build_demo()


@pytest.fixture
def orsaker(forbund):
    return {o.namn: o for o in avslutsorsaker_seed(forbund=forbund)}


@pytest.fixture
def insats(forbund, orsaker):
    return insats_save(forbund=forbund, namn="Slussen", inriktning=Insats.INDIVID)


@pytest.fixture
def annan_insats(forbund, orsaker):
    return insats_save(forbund=forbund, namn="Lyra")


@pytest.fixture
def rapportor(insatsrapportor, insats):
    insatsrapportor_add(insats=insats, user=insatsrapportor)
    return insatsrapportor


def siffror(akt=(10, 4, 6, 0), nya=(5, 2, 3, 0), avsl=(4, 2, 2, 0)) -> dict[str, int]:
    out = {}
    for flode, (tot, k, m, a) in [("aktuella", akt), ("nya", nya), ("avslutade", avsl)]:
        out.update(
            {
                f"{flode}_totalt": tot,
                f"{flode}_kvinnor": k,
                f"{flode}_man": m,
                f"{flode}_annat": a,
            }
        )
    return out
