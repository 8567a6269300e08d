"""SIE dimensions and objects (#DIM, #OBJEKT, the object list of #TRANS): a project in
the books mapped to an insats gives that insats its utfall, whatever account the costs
are booked on. Tested with a hand-written SIE 4 file (CP437, å/ä/ö in the names)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ekonomi.models import Budget, Budgetpost, Objekt, Objektregel, Transaktion
from ekonomi.selectors import bokforing as bok
from ekonomi.selectors.budget import insats_pengar
from ekonomi.services.bokforing import (
    ImportFel,
    kontoregel_save,
    objektregel_save,
    sie_importera,
)
from ekonomi.sie import parse
from tests.insatser.factories import InsatsFactory

SIE = """#FLAGGA 0
#PROGRAM "Visma Administration" 2018.1
#FORMAT PC8
#SIETYP 4
#FNAMN "Samordningsförbundet Exempel"
#ORGNR 222000-3020
#RAR 0 20180101 20181231
#KPTYP BAS2014
#KONTO 1930 "Företagskonto"
#KONTO 2010 "Eget kapital"
#KONTO 3011 "Medlemsavgifter"
#KONTO 6993 "Lämnade bidrag till insatser"
#DIM 1 "Kostnadsställe"
#DIM 6 "Projekt"
#OBJEKT 1 "10" "Kansliet"
#OBJEKT 6 "P1" "Jobbspåret"
#OBJEKT 6 "P2" "Hälsoslussen i Växjö"
#IB 0 1930 500000.00
#IB 0 2010 -500000.00
#VER A 1 20180115 "Medlemsavgift"
{
   #TRANS 1930 {} 300000.00
   #TRANS 3011 {} -300000.00
}
#VER B 1 20180320 "Bidrag Jobbspåret, kvartal 1"
{
   #TRANS 6993 {6 "P1"} 100000.00
   #TRANS 1930 {} -100000.00
}
#VER B 2 20180925 "Bidrag Hälsoslussen"
{
   #TRANS 6993 {1 "10" 6 "P2"} 40000.00
   #TRANS 1930 {1 "10"} -40000.00
}
#VER B 3 20181010 "Övrigt bidrag"
{
   #TRANS 6993 {} 5000.00
   #TRANS 1930 {} -5000.00
}
"""


def _sie(text: str = SIE) -> bytes:
    return text.encode("cp437")


@pytest.fixture
def insatser(forbund):
    jobb = InsatsFactory(forbund=forbund, namn="Jobbspåret")
    halsa = InsatsFactory(forbund=forbund, namn="Hälsoslussen")
    budget = Budget.objects.create(forbund=forbund, ar=2018)
    for kod, insats in [
        ("insats-jobbsparet", jobb),
        ("halsoslussen", halsa),
        ("ovriga-insatser", None),
    ]:
        Budgetpost.objects.create(
            budget=budget,
            kod=kod,
            namn=kod,
            grupp=Budgetpost.INSATSER,
            insats=insats,
            belopp=100_000,
        )
    kontoregel_save(
        forbund=forbund, fran="6993", till="6993", budgetkod="ovriga-insatser"
    )
    return jobb, halsa


def test_the_parser_reads_dimensions_objects_and_the_object_lists():
    fil = parse(_sie())
    assert fil.dimensioner == {"1": "Kostnadsställe", "6": "Projekt"}
    assert fil.objekt[("6", "P2")] == "Hälsoslussen i Växjö"
    trans = fil.verifikationer[2].transaktioner[0]
    assert trans.objekt == (("1", "10"), ("6", "P2"))


def test_a_transaction_on_an_undeclared_object_refuses_the_whole_file(forbund):
    broken = SIE.replace('#TRANS 6993 {6 "P1"}', '#TRANS 6993 {6 "P9"}')
    with pytest.raises(ImportFel) as exc:
        sie_importera(forbund=forbund, data=_sie(broken))
    assert any("objekt P9 i dimension 6 finns inte" in f for f in exc.value.fel)
    assert not Transaktion.objects.exists() and not Objekt.objects.exists()


def test_objects_mapped_to_insatser_give_the_insatser_their_utfall(forbund, insatser):
    jobb, _ = insatser
    imp = sie_importera(forbund=forbund, data=_sie())
    assert {(o.dimension_namn, o.nummer, o.namn) for o in imp.objekt.all()} >= {
        ("Projekt", "P1", "Jobbspåret"),
        ("Kostnadsställe", "10", "Kansliet"),
    }
    # Without a rule for the objects, the account's line takes all of it.
    assert bok.utfall_per_budgetkod(forbund, 2018)["ovriga-insatser"] == 145_000

    objektregel_save(forbund=forbund, dimension="6", objekt="P1", insats=jobb)
    objektregel_save(
        forbund=forbund, dimension="6", objekt="P2", budgetkod="halsoslussen"
    )
    utfall = bok.utfall_per_budgetkod(forbund, 2018)
    assert utfall["insats-jobbsparet"] == Decimal("100000")
    assert utfall["halsoslussen"] == Decimal("40000")
    assert utfall["ovriga-insatser"] == Decimal("5000")
    manad = bok.utfall_per_manad(forbund, 2018)
    assert manad["insats-jobbsparet"][2] == 100_000
    assert manad["halsoslussen"][8] == 40_000
    assert sum(manad["ovriga-insatser"]) == 5_000
    assert insats_pengar(forbund, 2018)[jobb.pk]["utfall"] == 100_000
    # The move between lines keeps the total: the budget totals still meet the books.
    assert (
        utfall["insats-jobbsparet"] + utfall["halsoslussen"] + utfall["ovriga-insatser"]
        == 145_000
    )


def test_the_kansli_maps_an_object_on_the_kontoplan_page(
    as_user, kanslist, revisor, forbund, insatser
):
    jobb, _ = insatser
    sie_importera(forbund=forbund, data=_sie())
    url = reverse("ekonomi:kontoplan", args=[2018])
    page = as_user(kanslist).get(url).content.decode()
    assert "Jobbspåret" in page and "Hälsoslussen i Växjö" in page
    assert (
        as_user(revisor).post(url, {"objekt": "6\tP1", "insats": jobb.pk}).status_code
        == 403
    )
    client = as_user(kanslist)
    response = client.post(url, {"objekt": "6\tP1", "insats": ""})
    assert response.status_code == 400
    assert "Välj en insats eller en budgetpost." in response.content.decode()
    response = client.post(url, {"objekt": "6\tP1", "insats": jobb.pk})
    assert response.status_code == 302
    regel = Objektregel.objects.get()
    assert (regel.dimension, regel.objekt, regel.insats) == ("6", "P1", jobb)
    assert bok.utfall_per_budgetkod(forbund, 2018)["insats-jobbsparet"] == 100_000
    client.post(url, {"objekt_ta_bort": regel.pk})
    assert not Objektregel.objects.exists()
