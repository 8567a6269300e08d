"""Justering that cannot happen by mistake: a confirmation of exactly what is approved,
no approval of content that changed since it was shown, a recorded reason to go ahead
past open comments, and attendance taken from the board's composition in one step."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from finsam.models import Uppdrag
from styrelse import selectors, services
from styrelse.models import Justering, Narvaro, Paragraf
from tests.factories import PersonFactory, UppdragFactory

pytestmark = pytest.mark.django_db


def _url(sammantrade):
    return reverse("styrelse:sammantrade_justera", args=[sammantrade.pk])


def test_the_confirmation_shows_the_paragraphs_and_the_hash(
    as_user, ordforande, utkast
):
    page = as_user(ordforande).get(_url(utkast)).content.decode()
    underlag = selectors.justeringsunderlag(sammantrade=utkast, user=ordforande)
    assert underlag.innehall_hash in page
    for p in utkast.paragrafer.all():
        assert f"§ {p.nummer} {p.rubrik}" in page
    assert not Justering.objects.exists()  # looking approves nothing


def test_an_approval_of_content_changed_since_it_was_shown_is_refused(
    as_user, ordforande, kanslist, utkast
):
    sett = selectors.justeringsunderlag(sammantrade=utkast, user=ordforande)
    paragraf = utkast.paragrafer.first()
    services.paragraf_update(paragraf=paragraf, beslut="Kansliet ändrade beslutet.")
    response = as_user(ordforande).post(
        _url(utkast), {"innehall_hash": sett.innehall_hash}
    )
    assert response.status_code == 400
    assert "har ändrats sedan du öppnade det" in response.content.decode()
    assert not Justering.objects.exists()
    with pytest.raises(ValidationError, match="ändrats"):
        services.sammantrade_justera(
            sammantrade=utkast, user=ordforande, sedd_hash=sett.innehall_hash
        )


def test_open_comments_need_a_recorded_reason(
    as_user, ordforande, styrelseledamot, utkast
):
    paragraf = utkast.paragrafer.first()
    services.kommentar_create(paragraf=paragraf, user=styrelseledamot, text="Fel namn?")
    client = as_user(ordforande)
    sett = selectors.justeringsunderlag(sammantrade=utkast, user=ordforande)
    response = client.post(_url(utkast), {"innehall_hash": sett.innehall_hash})
    assert response.status_code == 400
    assert "1 olösta kommentarer" in response.content.decode()
    assert not Justering.objects.exists()
    response = client.post(
        _url(utkast),
        {"innehall_hash": sett.innehall_hash, "motivering": "Namnet är rätt."},
    )
    assert response.status_code == 302
    justering = Justering.objects.get()
    assert justering.motivering == "Namnet är rätt."
    assert justering.innehall_hash == sett.innehall_hash


def test_both_approve_through_the_confirmation_and_the_protocol_is_justerat(
    as_user, client, ordforande, justerare, utkast
):
    for user in (ordforande, justerare):
        client.force_login(user)
        sett = selectors.justeringsunderlag(sammantrade=utkast, user=user)
        assert client.post(_url(utkast), {"innehall_hash": sett.innehall_hash})[
            "Location"
        ] == reverse("styrelse:sammantrade_detail", args=[utkast.pk])
    utkast.refresh_from_db()
    assert utkast.ar_justerat and utkast.innehall_hash == sett.innehall_hash


def test_an_omedelbar_justering_of_a_changed_paragraph_is_refused(
    sammantrade, ordforande
):
    paragraf = sammantrade.paragrafer.first()
    services.paragraf_update(paragraf=paragraf, beslut="Första lydelsen.")
    sett = selectors.paragraf_hash(Paragraf.objects.get(pk=paragraf.pk))
    services.paragraf_update(paragraf=paragraf, beslut="Andra lydelsen.")
    with pytest.raises(ValidationError, match="ändrats"):
        services.paragraf_justera_omedelbart(
            paragraf=paragraf, user=ordforande, sedd_hash=sett
        )


def test_the_hash_covers_the_delegation_reports_the_protocol_prints(
    forbund, utkast, ordforande
):
    fore = selectors.innehall_hash(selectors.protokoll_innehall(utkast))
    services.sammantrade_justera(sammantrade=utkast, user=ordforande)
    services.delegationsbeslut_create(
        forbund=forbund,
        datum=dt.date(2018, 3, 1),
        delegat="Förbundschef",
        arendetyp="Avtal",
        beslut="Hyresavtal",
    )
    efter = selectors.innehall_hash(selectors.protokoll_innehall(utkast))
    assert efter != fore
    # The earlier approval was of other content: it no longer counts.
    assert Justering.objects.get().ogiltig


def test_the_whole_board_of_the_meeting_date_in_one_step(
    as_user, kanslist, forbund, organ
):
    ordf = PersonFactory(forbund=forbund, fornamn="Ove", efternamn="Ordf")
    UppdragFactory(forbund=forbund, person=ordf, typ=Uppdrag.LEDAMOT)
    UppdragFactory(forbund=forbund, person=ordf, typ=Uppdrag.ORDFORANDE)
    ledamot = PersonFactory(forbund=forbund)
    UppdragFactory(forbund=forbund, person=ledamot, typ=Uppdrag.LEDAMOT)
    ersattare = PersonFactory(forbund=forbund)
    UppdragFactory(forbund=forbund, person=ersattare, typ=Uppdrag.ERSATTARE)
    avgangen = PersonFactory(forbund=forbund)
    UppdragFactory(
        forbund=forbund, person=avgangen, till=dt.date(2017, 12, 31)
    )  # left the board before the meeting
    sammantrade = services.sammantrade_create(organ=organ, datum=dt.date(2018, 3, 23))
    assert sammantrade.ordforande == ordf  # the ordförande of the date is proposed
    client = as_user(kanslist)
    client.post(reverse("styrelse:narvaro_hela_styrelsen", args=[sammantrade.pk]))
    roller = dict(sammantrade.narvaro.values_list("person_id", "roll"))
    assert roller == {
        ordf.pk: Narvaro.LEDAMOT,
        ledamot.pk: Narvaro.LEDAMOT,
        ersattare.pk: Narvaro.ERSATTARE,
    }
    assert sammantrade.narvaro.get(person=ordf).funktion == "ordförande"
    # A second click adds nobody twice.
    client.post(reverse("styrelse:narvaro_hela_styrelsen", args=[sammantrade.pk]))
    assert sammantrade.narvaro.count() == 3


def test_the_new_meeting_form_proposes_todays_ordforande(as_user, kanslist, forbund):
    ordf = PersonFactory(forbund=forbund, fornamn="Ove", efternamn="Ordf")
    UppdragFactory(forbund=forbund, person=ordf, typ=Uppdrag.ORDFORANDE)
    page = as_user(kanslist).get(reverse("styrelse:sammantrade_create")).content
    assert f'<option value="{ordf.pk}" selected>' in page.decode()
