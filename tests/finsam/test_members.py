import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from finsam import selectors, services
from finsam.models import Medlem, Uppdrag
from finsam.validators import validate_orgnr
from tests.factories import MedlemFactory, PersonFactory, UppdragFactory

pytestmark = pytest.mark.django_db


def test_it_refuses_an_orgnr_with_a_wrong_check_digit():
    validate_orgnr("222000-3020")
    with pytest.raises(ValidationError, match="kontrollsiffra"):
        validate_orgnr("222000-3021")
    with pytest.raises(ValidationError, match="NNNNNN-NNNN"):
        validate_orgnr("2220003020")


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


def test_an_assignment_needs_its_appointing_member_and_an_ordered_period(forbund):
    person = PersonFactory(forbund=forbund)
    with pytest.raises(ValidationError) as exc:
        services.uppdrag_save(
            forbund=forbund,
            person=person,
            typ=Uppdrag.LEDAMOT,
            fran=dt.date(2018, 1, 1),
            till=dt.date(2017, 1, 1),
        )
    assert set(exc.value.message_dict) == {"medlem", "till"}
    assert not Uppdrag.objects.exists()


def test_an_assignment_cannot_use_another_forbunds_person(forbund, annat_forbund):
    stranger = PersonFactory(forbund=annat_forbund)
    medlem = MedlemFactory(forbund=forbund)
    with pytest.raises(ValidationError) as exc:
        services.uppdrag_save(
            forbund=forbund,
            person=stranger,
            medlem=medlem,
            typ=Uppdrag.LEDAMOT,
            fran=dt.date(2018, 1, 1),
        )
    assert "person" in exc.value.message_dict


def test_kansli_needs_a_title_and_at_most_full_time(forbund):
    person = PersonFactory(forbund=forbund)
    with pytest.raises(ValidationError) as exc:
        services.uppdrag_save(
            forbund=forbund,
            person=person,
            typ=Uppdrag.KANSLI,
            fran=dt.date(2018, 1, 1),
            tjanstgoringsgrad=120,
        )
    assert set(exc.value.message_dict) >= {"befattning"}
    assert "100" in str(exc.value)
