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
from styrelse.selectors import protokoll_hash
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
    services.sammantrade_justera(
        sammantrade=utkast, user=ordforande, sedd_hash=protokoll_hash(utkast)
    )
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


@pytest.mark.parametrize("sedd", [None, ""])
def test_an_approval_that_does_not_say_what_it_approves_is_refused(
    sammantrade, utkast, ordforande, sedd
):
    with pytest.raises(ValidationError, match="saknar uppgift om vilket innehåll"):
        services.sammantrade_justera(
            sammantrade=utkast, user=ordforande, sedd_hash=sedd
        )
    paragraf = utkast.paragrafer.first()
    services.paragraf_update(paragraf=paragraf, beslut="Beslutet.")
    with pytest.raises(ValidationError, match="saknar uppgift om vilket innehåll"):
        services.paragraf_justera_omedelbart(
            paragraf=paragraf, user=ordforande, sedd_hash=sedd
        )
    assert not Justering.objects.exists()


def test_the_omedelbar_justering_button_without_the_hash_approves_nothing(
    as_user, sammantrade, ordforande
):
    paragraf = sammantrade.paragrafer.first()
    services.paragraf_update(paragraf=paragraf, beslut="Beslutet.")
    response = as_user(ordforande).post(
        reverse("styrelse:paragraf_justera", args=[paragraf.pk]), follow=True
    )
    assert "saknar uppgift om vilket innehåll" in response.content.decode()
    assert not Justering.objects.exists()


def test_the_paragraph_hash_covers_its_diarienummer_and_reports(
    forbund, sammantrade, arende
):
    paragraf = services.paragraf_add(
        sammantrade=sammantrade, rubrik=arende.rubrik, arende=arende
    )
    fore = selectors.paragraf_hash(paragraf)
    forbund.kortnamn = "NYTT"
    forbund.save()
    assert selectors.paragraf_hash(Paragraf.objects.get(pk=paragraf.pk)) != fore
    deleg = sammantrade.paragrafer.get(typ=Paragraf.DELEGATIONSBESLUT)
    fore = selectors.paragraf_hash(deleg)
    services.delegationsbeslut_create(
        forbund=forbund,
        datum=dt.date(2018, 3, 1),
        delegat="Förbundschef",
        arendetyp="Avtal",
        beslut="Hyresavtal",
    )
    assert selectors.paragraf_hash(Paragraf.objects.get(pk=deleg.pk)) != fore


def test_the_justerat_page_and_pdf_show_the_frozen_names_not_todays(
    as_user, kanslist, forbund, sammantrade, ordforande, justerare, arende
):
    """Names change (a marriage, a typo fixed, the förbund renamed); the justerat
    protocol keeps saying what was approved, on the page as in the PDF."""
    gast = PersonFactory(forbund=forbund, fornamn="Gun", efternamn="Gäst")
    services.narvaro_add(
        sammantrade=sammantrade, person=gast, roll=Narvaro.OVRIG, funktion="ekonom"
    )
    services.paragraf_add(sammantrade=sammantrade, rubrik=arende.rubrik, arende=arende)
    services.delegationsbeslut_create(
        forbund=forbund,
        datum=dt.date(2018, 3, 1),
        delegat="Förbundschef",
        arendetyp="Avtal",
        beslut="Hyresavtal för kansliet",
    )
    services.utkast_publicera(sammantrade=sammantrade)
    for user in (ordforande, justerare):
        services.sammantrade_justera(
            sammantrade=sammantrade, user=user, sedd_hash=protokoll_hash(sammantrade)
        )
    sammantrade.refresh_from_db()
    assert sammantrade.ar_justerat
    dnr = arende.diarienummer
    for person, fornamn in (
        (ordforande.person, "Omdöpt"),
        (justerare.person, "Bytt"),
        (gast, "Ändrad"),
    ):
        person.fornamn = fornamn
        person.save()
    forbund.namn = "Nytt förbundsnamn"
    forbund.kortnamn = "NYTT"
    forbund.save()

    client = as_user(kanslist)
    page = client.get(
        reverse("styrelse:sammantrade_detail", args=[sammantrade.pk])
    ).content.decode()
    html = client.get(
        reverse("styrelse:protokoll_pdf", args=[sammantrade.pk]) + "?html=1"
    ).content.decode()
    for text in (page, html):
        assert "Olle Ordförande (S)" in text and "Jenny Justerare (M)" in text
        assert "Gun Gäst" in text and dnr in text
        assert "Hyresavtal för kansliet" in text
        for ny in ("Omdöpt", "Bytt", "Ändrad", "NYTT "):
            assert ny not in text
    # The printed text (the PDF's Author metadata names today's publisher).
    assert "Nytt förbundsnamn" not in html.split("<body", 1)[1]
