import datetime as dt

import pytest

from finsam.models import Medlem, Uppdrag
from tests.factories import MedlemFactory, PersonFactory, UppdragFactory

pytestmark = pytest.mark.django_db


def test_kansli_adds_a_board_member_through_the_form(as_user, kanslist, forbund):
    medlem = MedlemFactory(forbund=forbund, namn="Salems kommun")
    person = PersonFactory(forbund=forbund, fornamn="Ulla", efternamn="Ek", parti="C")
    client = as_user(kanslist)
    response = client.post(
        "/uppdrag/nytt/",
        {
            "person": person.pk,
            "typ": "ledamot",
            "medlem": medlem.pk,
            "fran": "2019-04-01",
            "ordning": 1,
        },
    )
    assert response.status_code == 302
    page = client.get("/styrelsen/?datum=2019-05-01").content.decode()
    assert "Ulla Ek (C)" in page and "Salems kommun" in page


def test_the_form_names_each_error_in_swedish_and_saves_nothing(
    as_user, kanslist, forbund
):
    person = PersonFactory(forbund=forbund)
    response = as_user(kanslist).post(
        "/uppdrag/nytt/",
        {
            "person": person.pk,
            "typ": "ledamot",
            "fran": "2019-04-01",
            "till": "2019-01-01",
            "ordning": 1,
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Ange vilken medlem som utsett personen." in body
    assert "Slutdatum kan inte vara före startdatum." in body
    assert not Uppdrag.objects.exists()


def test_a_post_cannot_smuggle_in_another_forbunds_person(
    as_user, kanslist, forbund, annat_forbund
):
    medlem = MedlemFactory(forbund=forbund)
    stranger = PersonFactory(forbund=annat_forbund)
    response = as_user(kanslist).post(
        "/uppdrag/nytt/",
        {
            "person": stranger.pk,
            "typ": "ledamot",
            "medlem": medlem.pk,
            "fran": "2019-04-01",
            "ordning": 1,
        },
    )
    assert response.status_code == 400
    assert not Uppdrag.objects.exists()


def test_a_board_member_reads_but_cannot_edit(as_user, styrelseledamot, forbund):
    medlem = MedlemFactory(forbund=forbund)
    client = as_user(styrelseledamot)
    assert client.get("/medlemmar/").status_code == 200
    assert "Ändra" not in client.get("/medlemmar/").content.decode()
    assert client.get(f"/medlemmar/{medlem.pk}/").status_code == 403
    response = client.post(
        f"/medlemmar/{medlem.pk}/", {"namn": "Kapat", "typ": "kommun", "sortering": 1}
    )
    assert response.status_code == 403
    medlem.refresh_from_db()
    assert medlem.namn != "Kapat"


def test_an_insatsrapportor_is_kept_out_of_the_members_register(
    as_user, insatsrapportor
):
    assert as_user(insatsrapportor).get("/medlemmar/").status_code == 403


def test_deleting_an_assignment_needs_post_and_kansli(
    as_user, kanslist, revisor, forbund
):
    uppdrag = UppdragFactory(forbund=forbund, fran=dt.date(2015, 1, 1))
    assert as_user(revisor).post(f"/uppdrag/{uppdrag.pk}/ta-bort/").status_code == 403
    client = as_user(kanslist)
    assert client.get(f"/uppdrag/{uppdrag.pk}/ta-bort/").status_code == 405
    assert client.post(f"/uppdrag/{uppdrag.pk}/ta-bort/").status_code == 302
    assert not Uppdrag.objects.exists()


def test_member_list_takes_a_fixed_number_of_queries(
    as_user, kanslist, forbund, django_assert_max_num_queries
):
    for i in range(20):
        MedlemFactory(forbund=forbund, namn=f"Kommun {i}")
    client = as_user(kanslist)
    # session, user (+ förbund), the member list; independent of the number of members.
    with django_assert_max_num_queries(6):
        response = client.get("/medlemmar/")
    assert response.content.decode().count("<tr><td>Kommun ") == 20
    assert Medlem.objects.count() == 20


def test_a_superuser_switches_forbund(
    client, django_user_model, forbund, annat_forbund
):
    admin = django_user_model.objects.create_superuser(
        "root", "root@example.se", "x-lösen-123"
    )
    client.force_login(admin)
    response = client.post("/forbund/", {"forbund": annat_forbund.pk})
    assert response.status_code == 302
    assert annat_forbund.namn in client.get("/").content.decode()


def test_a_forbund_role_cannot_switch_forbund(as_user, forbundsadmin, annat_forbund):
    client = as_user(forbundsadmin)
    assert client.post("/forbund/", {"forbund": annat_forbund.pk}).status_code == 403


def test_anonymous_users_are_sent_to_login(client):
    response = client.get("/medlemmar/")
    assert response.status_code == 302
    assert response["Location"].startswith("/logga-in/")


def test_login_is_locked_after_five_failures(client, kanslist):
    for _ in range(5):
        client.post("/logga-in/", {"username": "kanslist", "password": "fel"})
    response = client.post(
        "/logga-in/", {"username": "kanslist", "password": "hemligt-lösen-123"}
    )
    assert response.status_code == 429
    assert "För många misslyckade inloggningar" in response.content.decode()


def test_a_forbund_admin_creates_a_login_with_a_role(as_user, forbundsadmin, forbund):
    person = PersonFactory(forbund=forbund, fornamn="Rut", efternamn="Ordf")
    client = as_user(forbundsadmin)
    response = client.post(
        "/anvandare/ny/",
        {
            "username": "rut",
            "first_name": "Rut",
            "last_name": "Ordf",
            "email": "rut@example.se",
            "roll": "styrelse",
            "person": person.pk,
            "is_active": "on",
            "password": "Lång-och-säker-fras-42",
        },
    )
    assert response.status_code == 302
    from finsam.models import User

    rut = User.objects.get(username="rut")
    assert rut.forbund == forbund and rut.roll == "styrelse" and rut.person == person
    assert rut.check_password("Lång-och-säker-fras-42")


def test_a_weak_password_is_refused_in_swedish(as_user, forbundsadmin):
    response = as_user(forbundsadmin).post(
        "/anvandare/ny/",
        {"username": "svag", "roll": "kansli", "password": "123", "is_active": "on"},
    )
    assert response.status_code == 400
    assert "Det här lösenordet är för kort" in response.content.decode()


def test_kansli_cannot_manage_logins(as_user, kanslist):
    assert as_user(kanslist).get("/anvandare/").status_code == 403
