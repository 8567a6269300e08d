import pytest

from styrelse.forms import ParagrafAddForm
from tests.styrelse.factories import ArendeFactory

pytestmark = pytest.mark.django_db


def test_the_add_paragraph_form_offers_the_meetings_year_and_the_one_before(
    forbund, annat_forbund, django_assert_num_queries
):
    for ar, nr in ((2015, 1), (2017, 2), (2018, 3), (2018, 4)):
        ArendeFactory(forbund=forbund, ar=ar, lopnummer=nr)
    ArendeFactory(forbund=annat_forbund, ar=2018, lopnummer=5)
    form = ParagrafAddForm(forbund=forbund, ar=2018)
    # One query for the choices, each ärende with its förbund (for the diarienummer).
    with django_assert_num_queries(1):
        val = [label for value, label in form.fields["arende"].choices if value]
    assert [v.split(" ", 1)[1].split(" ")[0] for v in val] == [
        "2018/4",
        "2018/3",
        "2017/2",
    ]
