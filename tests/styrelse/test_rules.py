"""One freeze rule for the board (styrelse/rules.py), asked on every path: service, form,
model save and delete, bulk queryset update and delete, admin change and delete,
attachments on the ärende of a justerat §, delegation reports after omedelbar justering."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from styrelse import rules, services
from styrelse.models import (
    Arende,
    Bilaga,
    Delegationsbeslut,
    Narvaro,
    Paragraf,
    Sammantrade,
)
from styrelse.selectors import paragraf_hash, protokoll_hash
from tests.factories import PersonFactory, UserFactory
from tests.styrelse.factories import beslutande

pytestmark = pytest.mark.django_db


@pytest.fixture
def arende(forbund):
    return services.arende_create(forbund=forbund, ar=2018, rubrik="Budget 2019")


@pytest.fixture
def justerat_med_arende(organ, ordforande, justerare, arende, forbund):
    sammantrade = services.sammantrade_create(
        organ=organ,
        datum=dt.date(2018, 3, 23),
        ordforande=ordforande.person,
        justerare=justerare.person,
        arenden=[arende],
    )
    beslutande(sammantrade, ordforande, justerare)
    services.delegationsbeslut_create(
        forbund=forbund,
        datum=dt.date(2018, 3, 1),
        delegat="Förbundschef",
        arendetyp="Avtal",
        beslut="Avtal om lokal",
    )
    services.utkast_publicera(sammantrade=sammantrade)
    for user in (ordforande, justerare):
        services.sammantrade_justera(
            sammantrade=sammantrade, user=user, sedd_hash=protokoll_hash(sammantrade)
        )
    sammantrade.refresh_from_db()
    assert sammantrade.ar_justerat
    return sammantrade


def _arende_paragraf(sammantrade) -> Paragraf:
    return sammantrade.paragrafer.get(typ=Paragraf.ARENDE)


def test_the_rule_answers_for_every_kind_of_record(justerat_med_arende, arende):
    s = justerat_med_arende
    p = _arende_paragraf(s)
    assert rules.fryst_orsak(s) == rules.FRYST
    assert rules.fryst_orsak(p) == rules.FRYST
    assert rules.fryst_orsak(s.narvaro.first() or Narvaro(sammantrade=s)) == rules.FRYST
    assert rules.fryst_orsak(arende) == rules.ARENDE_FRYST
    beslut = Delegationsbeslut.objects.get()
    assert rules.fryst_orsak(beslut) == rules.DELEGATION_FRYST
    assert not rules.kan_andras(s)


def test_a_draft_and_its_parts_may_change(utkast, arende):
    p = utkast.paragrafer.first()
    assert rules.kan_andras(utkast) and rules.kan_andras(p)
    assert rules.kan_andras(arende)


def test_services_refuse_every_change_to_a_justerat_protocol(
    justerat_med_arende, styrelseledamot
):
    s = justerat_med_arende
    p = _arende_paragraf(s)
    for call in (
        lambda: services.paragraf_update(paragraf=p, beslut="Nytt beslut"),
        lambda: services.paragraf_add(sammantrade=s, rubrik="Sent tillägg"),
        lambda: services.sammantrade_update(sammantrade=s, plats="Annat rum"),
        lambda: services.narvaro_add(
            sammantrade=s, person=styrelseledamot.person, roll=Narvaro.OVRIG
        ),
        lambda: services.utkast_publicera(sammantrade=s),
    ):
        with pytest.raises(ValidationError, match="justerat"):
            call()
    assert s.paragrafer.count() == 7


def test_the_paragraph_form_refuses_and_keeps_the_text(
    as_user, kanslist, justerat_med_arende
):
    p = _arende_paragraf(justerat_med_arende)
    client = as_user(kanslist)
    response = client.post(
        reverse("styrelse:paragraf_edit", args=[p.pk]),
        {"rubrik": "Ändrad", "beslut": "Ändrat"},
        follow=True,
    )
    assert rules.FRYST in response.content.decode()
    p.refresh_from_db()
    assert p.rubrik == "Budget 2019"
    response = client.post(
        reverse("styrelse:sammantrade_edit", args=[justerat_med_arende.pk]),
        {"organ": justerat_med_arende.organ_id, "datum": "2018-03-23", "plats": "X"},
    )
    justerat_med_arende.refresh_from_db()
    assert justerat_med_arende.plats == ""


def test_model_save_and_delete_refuse_a_stale_copy(justerat_med_arende):
    stale = Paragraf.objects.get(pk=_arende_paragraf(justerat_med_arende).pk)
    stale.beslut = "Ändrat bakom tjänsterna"
    with pytest.raises(ValidationError):
        stale.save()
    with pytest.raises(ValidationError):
        stale.delete()
    s = Sammantrade.objects.get(pk=justerat_med_arende.pk)
    s.status = Sammantrade.UTKAST
    with pytest.raises(ValidationError):
        s.save()
    with pytest.raises(ValidationError):
        s.delete()  # and with it the §§ it would cascade to


def test_bulk_queryset_update_and_delete_are_refused(justerat_med_arende):
    s = justerat_med_arende
    with pytest.raises(ValidationError):
        Paragraf.objects.filter(sammantrade=s).update(beslut="x")
    with pytest.raises(ValidationError):
        s.paragrafer.all().delete()
    with pytest.raises(ValidationError):
        Sammantrade.objects.filter(pk=s.pk).update(status=Sammantrade.UTKAST)
    with pytest.raises(ValidationError):
        Delegationsbeslut.objects.all().update(beslut="x")
    assert Paragraf.objects.filter(sammantrade=s, beslut="x").count() == 0


def test_attachments_to_the_arende_of_a_justerat_paragraph_are_refused(
    as_user, kanslist, justerat_med_arende, arende
):
    with pytest.raises(ValidationError, match="justerad paragraf"):
        services.bilaga_create(arende=arende, namn="sen.txt", innehall=b"hej")
    with pytest.raises(ValidationError):
        Bilaga(arende=arende, namn="x.txt", content_type="text/plain", storlek=1).save()
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = as_user(kanslist).post(
        reverse("styrelse:bilaga_create", args=[arende.pk]),
        {"fil": SimpleUploadedFile("sen.txt", b"hej", content_type="text/plain")},
        follow=True,
    )
    assert rules.ARENDE_FRYST in response.content.decode()
    assert not Bilaga.objects.exists()


def test_a_delegation_report_does_not_attach_after_omedelbar_justering(
    forbund, organ, ordforande, justerare
):
    sammantrade = services.sammantrade_create(
        organ=organ,
        datum=dt.date(2018, 3, 23),
        ordforande=ordforande.person,
        justerare=justerare.person,
    )
    beslutande(sammantrade, ordforande, justerare)
    deleg = sammantrade.paragrafer.get(typ=Paragraf.DELEGATIONSBESLUT)
    services.paragraf_update(paragraf=deleg, beslut="Anmälan noteras.")
    for user in (ordforande, justerare):
        services.paragraf_justera_omedelbart(
            paragraf=deleg, user=user, sedd_hash=paragraf_hash(deleg)
        )
    deleg.refresh_from_db()
    assert deleg.omedelbart_justerad
    beslut = services.delegationsbeslut_create(
        forbund=forbund,
        datum=dt.date(2018, 3, 2),
        delegat="Förbundschef",
        arendetyp="Avtal",
        beslut="Sent avtal",
    )
    assert beslut.anmald_paragraf is None
    beslut.anmald_paragraf = deleg
    with pytest.raises(ValidationError, match="omedelbart justerad"):
        beslut.save()
    with pytest.raises(ValidationError):
        Delegationsbeslut.objects.filter(pk=beslut.pk).update(anmald_paragraf=deleg)
    assert not deleg.delegationsbeslut.exists()


def test_ordforande_and_justerare_must_differ_in_the_service(organ, ordforande):
    with pytest.raises(ValidationError, match="annan än ordföranden"):
        services.sammantrade_create(
            organ=organ,
            datum=dt.date(2018, 5, 1),
            ordforande=ordforande.person,
            justerare=ordforande.person,
        )
    sammantrade = services.sammantrade_create(organ=organ, datum=dt.date(2018, 5, 2))
    with pytest.raises(ValidationError, match="annan än ordföranden"):
        services.sammantrade_update(
            sammantrade=sammantrade,
            ordforande=ordforande.person,
            justerare=ordforande.person,
        )


def test_the_admin_keeps_a_justerat_protocol_read_only(
    client, superuser, justerat_med_arende
):
    client.force_login(superuser)
    s = justerat_med_arende
    p = _arende_paragraf(s)
    assert (
        client.post(
            f"/admin/styrelse/paragraf/{p.pk}/change/", {"rubrik": "Ändrad"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/admin/styrelse/sammantrade/{s.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    response = client.post(
        "/admin/styrelse/paragraf/",
        {"action": "delete_selected", "_selected_action": [p.pk], "post": "yes"},
    )
    assert "Kan inte ta bort" in response.content.decode()
    assert Paragraf.objects.filter(pk=p.pk, rubrik="Budget 2019").exists()
    assert Arende.objects.filter(pk=p.arende_id).exists()


def test_the_page_offers_no_edit_once_justerat(as_user, kanslist, justerat_med_arende):
    p = _arende_paragraf(justerat_med_arende)
    page = (
        as_user(kanslist)
        .get(reverse("styrelse:sammantrade_detail", args=[justerat_med_arende.pk]))
        .content.decode()
    )
    assert f'href="{reverse("styrelse:paragraf_edit", args=[p.pk])}"' not in page
    assert "Anslås när protokollet är justerat" not in page


def test_a_board_member_reads_no_stale_anslag_text_once_justerat(
    as_user, justerat_med_arende, forbund
):
    person = PersonFactory(forbund=forbund)
    ledamot = UserFactory(forbund=forbund, roll="styrelse", person=person)
    page = (
        as_user(ledamot)
        .get(reverse("styrelse:sammantrade_detail", args=[justerat_med_arende.pk]))
        .content.decode()
    )
    assert "Anslås när protokollet är justerat" not in page
    assert "kansliet sätter upp anslaget" in page
