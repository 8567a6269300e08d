from finsam.demo import build_demo
from insatser.selectors import flodessammanfattning


def test_demo_builds_twice_in_one_database(demo):
    other = build_demo(
        orgnr="222000-1701",
        namn="Samordningsförbundet Två",
        kortnamn="TV",
        user_prefix="b-",
    )
    _, total, _ = flodessammanfattning(forbund=other.forbund, ar=2017)
    assert total.aktuella == 760
    _, total_a, _ = flodessammanfattning(forbund=demo.forbund, ar=2017)
    assert total_a.aktuella == 760
