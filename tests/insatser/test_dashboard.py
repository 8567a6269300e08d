import datetime as dt

import pytest
from django.test import RequestFactory

from insatser import dashboard
from insatser.models import Periodrapport
from tests.insatser.factories import InsatsFactory, PeriodrapportFactory

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    request.forbund = user.forbund
    return request


def test_the_kansli_panel_counts_reports_to_review_and_late_ones(
    kanslist, forbund, monkeypatch
):
    monkeypatch.setattr(dashboard.dates, "today", lambda: dt.date(2018, 9, 20))
    insats = InsatsFactory(forbund=forbund, startdatum=dt.date(2018, 1, 1))
    PeriodrapportFactory(insats=insats, period=Periodrapport.T1, status="inlamnad")
    panel = dashboard.panel(_request(kanslist))
    texter = [r.text for r in panel.rader]
    # T1 is handed in (to review); T2 (due 15 September) is late.
    assert texter == ["1 rapport att granska", "1 sen rapport"]


def test_the_rapportor_panel_lists_only_its_insatser(rapportor, insats, annan_insats):
    panel = dashboard.panel(_request(rapportor))
    texter = [r.text for r in panel.rader]
    assert texter and all(insats.namn in t for t in texter), texter
    assert not any(annan_insats.namn in t for t in texter)


def test_a_reader_gets_no_panel(styrelseledamot):
    assert dashboard.panel(_request(styrelseledamot)) is None
