import datetime as dt

import pytest

from finsam import dates, selectors
from finsam.demo import build_ostra_sodertorn
from finsam.models import Medlem, Uppdrag
from tests.factories import MedlemFactory, PersonFactory, UppdragFactory


@pytest.mark.django_db
def test_history_shows_seed_000s_table_and_its_printing_errors(
    django_assert_num_queries,
):
    forbund = build_ostra_sodertorn(user_prefix="t-")
    # 1: decisions, 2: their lines, 3: the lines' members, 4: external income.
    with django_assert_num_queries(4):
        h = selectors.avgift_historik(forbund=forbund)
    # Seed 000's years, then every year since, decided and sent, up to this year's, and
    # next year's in preparation: the history runs without a gap.
    ar = dates.today().year
    assert h.ar == [2013, 2014, 2015, 2016, 2017, 2018, *range(2019, ar + 2)]
    seed = slice(0, 6)  # the columns seed 000 prints
    rows = {
        r.namn: [int(b) if b is not None else None for b in r.belopp[seed]]
        for r in h.medlemsrader
    }
    assert rows["Haninge kommun"] == [
        2_383_204,
        2_383_831,
        2_397_872,
        2_404_910,
        2_404_472,
        2_316_603,
    ]
    assert rows["Staten, Försäkringskassan för FK och AF"][-1] == 8_689_000
    assert [int(s) for s in h.summa.belopp[seed]] == [
        18_000_000,
        17_999_000,
        18_000_000,
        18_064_869,
        18_066_869,
        17_378_000,
    ]
    # The budget document's printed sums differ from its own lines in 2014, 2016, 2017.
    assert h.differens[seed] == [None, -1_000, None, -1, 2_001, None]
    assert h.forandring[5] == 17_378_000 - 18_066_869
    externa = {r.namn: r.belopp for r in h.externa}
    assert int(externa["ESF-medel"][5]) == 7_368_000
    assert int(externa["Arvsfonden"][2]) == 3_000_000


def test_board_table_lists_ledamot_ersattare_and_utsedd_av_for_a_date(forbund):
    botkyrka = MedlemFactory(forbund=forbund, namn="Botkyrka kommun", sortering=1)
    af = MedlemFactory(
        forbund=forbund,
        namn="Arbetsförmedlingen",
        typ=Medlem.ARBETSFORMEDLINGEN,
        sortering=2,
    )
    anna = PersonFactory(forbund=forbund, fornamn="Anna", efternamn="Berg", parti="S")
    bo = PersonFactory(forbund=forbund, fornamn="Bo", efternamn="Ek", parti="M")
    old = PersonFactory(forbund=forbund, fornamn="Gammal", efternamn="Ledamot")
    new = PersonFactory(forbund=forbund, fornamn="Ny", efternamn="Ledamot")
    start = dt.date(2015, 4, 1)
    UppdragFactory(
        forbund=forbund, person=anna, medlem=botkyrka, typ=Uppdrag.LEDAMOT, fran=start
    )
    UppdragFactory(
        forbund=forbund,
        person=anna,
        medlem=botkyrka,
        typ=Uppdrag.ORDFORANDE,
        fran=start,
    )
    UppdragFactory(
        forbund=forbund, person=bo, medlem=botkyrka, typ=Uppdrag.ERSATTARE, fran=start
    )
    UppdragFactory(
        forbund=forbund, person=old, medlem=af, fran=start, till=dt.date(2017, 3, 31)
    )
    UppdragFactory(forbund=forbund, person=new, medlem=af, fran=dt.date(2017, 9, 1))

    rows = selectors.styrelse_sammansattning(forbund=forbund, datum=dt.date(2017, 2, 1))
    assert [(r.ledamoter, r.ersattare, r.medlem.namn) for r in rows] == [
        (["Anna Berg (S), ordförande"], ["Bo Ek (M)"], "Botkyrka kommun"),
        (["Gammal Ledamot"], [], "Arbetsförmedlingen"),
    ]
    rows = selectors.styrelse_sammansattning(forbund=forbund, datum=dt.date(2017, 6, 1))
    assert [r.medlem.namn for r in rows] == ["Botkyrka kommun"]  # AF's seat was vacant
    rows = selectors.styrelse_sammansattning(
        forbund=forbund, datum=dt.date(2017, 12, 31)
    )
    assert rows[1].ledamoter == ["Ny Ledamot"]


def test_board_table_takes_two_queries(forbund, django_assert_num_queries):
    for i in range(10):
        UppdragFactory(forbund=forbund, fran=dt.date(2015, 1, 1), medlem__sortering=i)
    # 1: the assignments with person and medlem joined; nothing per row.
    with django_assert_num_queries(1):
        rows = selectors.styrelse_sammansattning(
            forbund=forbund, datum=dt.date(2016, 1, 1)
        )
    assert len(rows) == 10


def test_it_numbers_two_vice_chairs_first_and_second(forbund):
    m = MedlemFactory(forbund=forbund)
    a = PersonFactory(forbund=forbund, fornamn="A", efternamn="A")
    b = PersonFactory(forbund=forbund, fornamn="B", efternamn="B")
    day = dt.date(2016, 1, 1)
    for person, ordning in [(a, 1), (b, 2)]:
        UppdragFactory(forbund=forbund, person=person, medlem=m, fran=day)
        UppdragFactory(
            forbund=forbund,
            person=person,
            medlem=m,
            fran=day,
            typ=Uppdrag.VICE_ORDFORANDE,
            ordning=ordning,
        )
    [row] = selectors.styrelse_sammansattning(forbund=forbund, datum=day)
    assert row.ledamoter == ["A A, 1:e vice ordförande", "B B, 2:e vice ordförande"]
