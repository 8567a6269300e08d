"""The one check that a record refers to its own förbund's records."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from finsam.models import Uppdrag
from finsam.tenancy import forbund_id_of, require_same_forbund
from styrelse import services as styrelse_services
from tests.factories import MedlemFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_an_object_of_the_same_forbund_passes(forbund):
    person = PersonFactory(forbund=forbund)
    require_same_forbund(forbund, person, namn="Personen")
    require_same_forbund(forbund.pk, person, namn="Personen")


def test_an_object_of_another_forbund_is_refused_with_a_swedish_message(
    forbund, annat_forbund
):
    person = PersonFactory(forbund=annat_forbund)
    with pytest.raises(ValidationError) as exc:
        require_same_forbund(forbund, person, namn="Personen")
    assert exc.value.messages == ["Personen hör till ett annat förbund."]
    with pytest.raises(ValidationError) as exc:
        require_same_forbund(forbund, person, namn="Personen", field="person")
    assert exc.value.message_dict == {
        "person": ["Personen hör till ett annat förbund."]
    }


def test_nothing_to_compare_passes(forbund):
    require_same_forbund(forbund, None, namn="Personen")
    require_same_forbund(None, PersonFactory(forbund=forbund), namn="Personen")


def test_the_forbund_is_followed_through_the_models_forbund_path(
    forbund, annat_forbund
):
    organ = styrelse_services.organ_styrelse(forbund=annat_forbund)
    sammantrade = styrelse_services.sammantrade_create(
        organ=organ, datum=dt.date(2018, 3, 23)
    )
    paragraf = sammantrade.paragrafer.first()
    assert forbund_id_of(paragraf) == annat_forbund.pk
    with pytest.raises(ValidationError, match="Paragrafen hör till ett annat förbund"):
        require_same_forbund(forbund, paragraf, namn="Paragrafen")


def test_a_model_reports_every_field_that_points_to_another_forbund(
    forbund, annat_forbund
):
    uppdrag = Uppdrag(
        forbund=forbund,
        person=PersonFactory(forbund=annat_forbund),
        medlem=MedlemFactory(forbund=annat_forbund),
        typ=Uppdrag.LEDAMOT,
        fran=dt.date(2019, 1, 1),
    )
    with pytest.raises(ValidationError) as exc:
        uppdrag.full_clean()
    assert exc.value.message_dict["person"] == ["Personen hör till ett annat förbund."]
    assert exc.value.message_dict["medlem"] == ["Medlemmen hör till ett annat förbund."]
