import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from styrelse import services
from styrelse.models import Sammantrade

pytestmark = pytest.mark.django_db


def test_a_held_meeting_is_marked_genomfort(sammantrade):
    services.sammantrade_genomfort(sammantrade=sammantrade, idag=dt.date(2018, 3, 23))
    sammantrade.refresh_from_db()
    assert sammantrade.status == Sammantrade.GENOMFORT


def test_a_meeting_in_the_future_cannot_be_genomfort(sammantrade):
    with pytest.raises(ValidationError, match="kan inte vara genomfört ännu"):
        services.sammantrade_genomfort(
            sammantrade=sammantrade, idag=dt.date(2018, 3, 22)
        )
    sammantrade.refresh_from_db()
    assert sammantrade.status != Sammantrade.GENOMFORT


def test_a_published_draft_is_not_set_back_to_genomfort(utkast):
    with pytest.raises(ValidationError, match="redan genomfört"):
        services.sammantrade_genomfort(sammantrade=utkast, idag=dt.date(2018, 4, 1))


def test_kansli_marks_it_from_the_meeting_page(
    as_user, kanslist, styrelseledamot, sammantrade
):
    url = f"/styrelse/{sammantrade.pk}/genomfort/"
    assert as_user(styrelseledamot).post(url).status_code == 403
    assert as_user(kanslist).post(url).status_code == 302
    sammantrade.refresh_from_db()
    assert sammantrade.status == Sammantrade.GENOMFORT
