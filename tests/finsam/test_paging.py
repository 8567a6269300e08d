import datetime as dt

import pytest
from django.test import RequestFactory

from finsam import paging
from finsam.models import Uppdrag
from tests.finsam.factories import UppdragFactory

rf = RequestFactory()


@pytest.fixture
def i_ar_2026(monkeypatch):
    monkeypatch.setattr(paging.dates, "today", lambda: dt.date(2026, 12, 3))


@pytest.mark.parametrize("raw", ["x", "99", "1999", "2101", "20188", "%00"])
def test_a_bad_year_in_the_query_falls_back_to_the_default(raw):
    assert paging.ar_val(rf.get("/", {"ar": raw}), 2018) == 2018


def test_a_list_shows_this_year_when_it_has_rows(i_ar_2026):
    assert paging.ar_urval(rf.get("/"), [2026, 2018])["ar"] == 2026


def test_without_rows_this_year_the_latest_earlier_year_is_shown(i_ar_2026):
    urval = paging.ar_urval(rf.get("/"), [2017, 2018, 2027])
    assert urval == {"ar": 2018, "ar_lista": [2027, 2018, 2017]}
    assert paging.ar_urval(rf.get("/"), [])["ar"] == 2026
    assert paging.ar_urval(rf.get("/"), [2027])["ar"] == 2027


def test_the_year_asked_for_wins(i_ar_2026):
    assert paging.ar_urval(rf.get("/", {"ar": "2017"}), [2018])["ar"] == 2017


def test_years_with_rows_come_from_one_query(forbund, django_assert_num_queries):
    for year in (2015, 2019, 2019):
        UppdragFactory(forbund=forbund, fran=dt.date(year, 4, 1))
    with django_assert_num_queries(1):
        assert paging.ar_i(Uppdrag.objects.for_forbund(forbund), "fran") == [
            2019,
            2015,
        ]


@pytest.mark.parametrize(("raw", "nummer"), [("2", 2), ("-1", 3), ("x", 1), ("99", 3)])
def test_a_page_number_out_of_range_gives_a_page_not_an_error(forbund, raw, nummer):
    for _ in range(5):
        UppdragFactory(forbund=forbund)
    sida = paging.sida(
        rf.get("/", {"sida": raw}), Uppdrag.objects.order_by("pk"), per_sida=2
    )
    assert sida.number == nummer
