"""Only the board signs: the ordförande and the justerare are board members present for
the §§ they justera, and a login is its owner's own — every change of its person link or
password is recorded, and none made by someone else lets the login sign."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from finsam import access
from finsam import services as finsam_services
from finsam.models import Kontohandelse, Uppdrag, User
from styrelse import services
from styrelse.models import Narvaro, Paragraf
from styrelse.selectors import paragraf_hash, protokoll_hash
from tests.factories import PersonFactory, UppdragFactory
from tests.finsam.conftest import _ledamot
from tests.styrelse.factories import beslutande

pytestmark = pytest.mark.django_db


def _justera_bada(sammantrade, *users):
    services.utkast_publicera(sammantrade=sammantrade)
    for user in users:
        services.sammantrade_justera(
            sammantrade=sammantrade, user=user, sedd_hash=protokoll_hash(sammantrade)
        )
    sammantrade.refresh_from_db()
    return sammantrade


def test_the_kansli_cannot_name_its_own_staff_to_sign(organ, forbund, ordf):
    kanslist_person = PersonFactory(
        forbund=forbund, fornamn="Karin", efternamn="Kansli"
    )
    UppdragFactory(forbund=forbund, person=kanslist_person, typ=Uppdrag.KANSLI)
    with pytest.raises(ValidationError, match="ledamot eller ersättare"):
        services.sammantrade_create(
            organ=organ,
            datum=dt.date(2026, 3, 12),
            ordforande=kanslist_person,
            justerare=ordf.person,
        )
    mote = services.sammantrade_create(organ=organ, datum=dt.date(2026, 3, 12))
    with pytest.raises(ValidationError, match="Justeraren ska vara ledamot"):
        services.sammantrade_update(
            sammantrade=mote, ordforande=ordf.person, justerare=kanslist_person
        )


def test_the_form_shows_why_staff_cannot_sign(as_user, kanslist, organ, forbund, ordf):
    staff = PersonFactory(forbund=forbund, fornamn="Sten", efternamn="Sekreterare")
    response = as_user(kanslist).post(
        reverse("styrelse:sammantrade_create"),
        {
            "organ": organ.pk,
            "datum": "2026-03-12",
            "ordforande": ordf.person.pk,
            "justerare": staff.pk,
        },
        follow=True,
    )
    assert "Justeraren ska vara ledamot eller ersättare" in response.content.decode()
    assert not organ.sammantraden.exists()


def test_a_signer_not_present_as_ledamot_cannot_justera(mote, ordf, just):
    beslutande(mote, ordf)
    services.utkast_publicera(sammantrade=mote)
    services.sammantrade_justera(
        sammantrade=mote, user=ordf, sedd_hash=protokoll_hash(mote)
    )
    with pytest.raises(ValidationError, match="inte antecknad som ledamot"):
        services.sammantrade_justera(
            sammantrade=mote, user=just, sedd_hash=protokoll_hash(mote)
        )
    # Present, but as a non-serving ersättare: no vote, no signature.
    services.narvaro_add(sammantrade=mote, person=just.person, roll=Narvaro.OVRIG)
    with pytest.raises(ValidationError, match="inte antecknad som ledamot"):
        services.sammantrade_justera(
            sammantrade=mote, user=just, sedd_hash=protokoll_hash(mote)
        )
    mote.refresh_from_db()
    assert not mote.ar_justerat


def test_a_signer_present_for_part_of_the_meeting_justerar_only_that_part(
    mote, ordf, just
):
    beslutande(mote, ordf)
    forsta = mote.paragrafer.order_by("nummer").first()
    services.narvaro_add(
        sammantrade=mote,
        person=just.person,
        roll=Narvaro.LEDAMOT,
        fran_paragraf=forsta.nummer,
        till_paragraf=forsta.nummer,
    )
    services.utkast_publicera(sammantrade=mote)
    with pytest.raises(ValidationError, match="inte närvarande vid §"):
        services.sammantrade_justera(
            sammantrade=mote, user=just, sedd_hash=protokoll_hash(mote)
        )
    services.paragraf_update(paragraf=forsta, beslut="Jenny Justerare väljs.")
    for user in (ordf, just):
        services.paragraf_justera_omedelbart(
            paragraf=forsta, user=user, sedd_hash=paragraf_hash(forsta)
        )
    assert Paragraf.objects.get(pk=forsta.pk).omedelbart_justerad


def test_a_serving_ersattare_may_justera(organ, forbund, ordf, just):
    ers = _ledamot(forbund, "Erik Ersättare", typ=Uppdrag.ERSATTARE)
    mote = services.sammantrade_create(
        organ=organ,
        datum=dt.date(2026, 3, 12),
        ordforande=ordf.person,
        justerare=ers.person,
    )
    beslutande(mote, ordf)
    services.narvaro_add(
        sammantrade=mote,
        person=ers.person,
        roll=Narvaro.TJANSTGORANDE,
        ersatter=just.person,
    )
    assert _justera_bada(mote, ordf, ers).ar_justerat


def test_every_link_and_password_change_is_recorded_with_who_did_it(
    as_user, forbundsadmin, forbund, ordf
):
    annan = PersonFactory(forbund=forbund, fornamn="Anna", efternamn="Annan")
    client = as_user(forbundsadmin)
    response = client.post(
        reverse("finsam:user_edit", args=[ordf.pk]),
        {
            "username": ordf.username,
            "roll": access.STYRELSE,
            "person": annan.pk,
            "is_active": "on",
            "password": "Ett-nytt-langt-losen-42",
        },
    )
    assert response.status_code == 302
    handelser = list(Kontohandelse.objects.filter(user=ordf).order_by("id"))
    person_byte = [h for h in handelser if h.handelse == Kontohandelse.PERSON][-1]
    losen = [h for h in handelser if h.handelse == Kontohandelse.LOSENORD][-1]
    assert person_byte.till_person == annan and person_byte.utford_av == forbundsadmin
    assert losen.utford_av == forbundsadmin


def test_a_password_set_by_the_admin_stops_signing_until_the_owner_sets_their_own(
    as_user, client, forbundsadmin, mote, ordf, just
):
    beslutande(mote, ordf, just)
    services.utkast_publicera(sammantrade=mote)
    as_user(forbundsadmin).post(
        reverse("finsam:user_edit", args=[ordf.pk]),
        {
            "username": ordf.username,
            "roll": access.STYRELSE,
            "person": ordf.person.pk,
            "is_active": "on",
            "password": "Admin-vet-detta-losen-7",
        },
    )
    ordf.refresh_from_db()
    with pytest.raises(ValidationError, match="sattes av"):
        services.sammantrade_justera(
            sammantrade=mote, user=ordf, sedd_hash=protokoll_hash(mote)
        )
    # The owner chooses a password of their own, then signs.
    client.force_login(ordf)
    response = client.post(
        reverse("finsam:losenord_byt"),
        {
            "old_password": "Admin-vet-detta-losen-7",
            "new_password1": "Olles-egna-hemliga-9",
            "new_password2": "Olles-egna-hemliga-9",
        },
    )
    assert response.status_code == 302
    ordf.refresh_from_db()
    services.sammantrade_justera(
        sammantrade=mote, user=ordf, sedd_hash=protokoll_hash(mote)
    )
    services.sammantrade_justera(
        sammantrade=mote, user=just, sedd_hash=protokoll_hash(mote)
    )
    mote.refresh_from_db()
    assert mote.ar_justerat


def test_a_login_that_signed_cannot_be_relinked_by_service_form_or_admin(
    as_user, client, forbundsadmin, superuser, mote, ordf, just, forbund
):
    beslutande(mote, ordf, just)
    _justera_bada(mote, ordf, just)
    olle = ordf.person
    annan = PersonFactory(forbund=forbund)
    with pytest.raises(ValidationError, match="undertecknat"):
        finsam_services.user_save(forbund=forbund, user=ordf, person=annan)
    response = as_user(forbundsadmin).post(
        reverse("finsam:user_edit", args=[ordf.pk]),
        {
            "username": ordf.username,
            "roll": access.STYRELSE,
            "person": annan.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 400 and "undertecknat" in response.content.decode()
    ordf_db = User.objects.get(pk=ordf.pk)
    ordf_db.person = None
    with pytest.raises(ValidationError):
        ordf_db.save()
    assert User.objects.get(pk=ordf.pk).person == olle


def test_a_password_set_in_djangos_admin_is_recorded(client, superuser, ordf):
    client.force_login(superuser)
    response = client.post(
        f"/admin/finsam/user/{ordf.pk}/password/",
        {
            "password1": "Superns-losen-123!",
            "password2": "Superns-losen-123!",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    senaste = Kontohandelse.objects.filter(user=ordf).latest("id")
    assert senaste.handelse == Kontohandelse.LOSENORD
    assert senaste.utford_av == superuser
