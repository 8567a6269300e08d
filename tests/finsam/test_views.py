import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from finsam import services
from finsam.models import Avgiftsbeslut, Kommununderlag, Medlem, Uppdrag
from finsam.numbers import NBSP
from tests.factories import MedlemFactory, PersonFactory, UppdragFactory
from tests.finsam.factories import medlemmar

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


def test_the_letter_pdf_holds_every_amount_and_the_paragraph(client, os_forbund):
    from finsam.models import User

    client.force_login(User.objects.get(username="t-kansli"))
    beslut = Avgiftsbeslut.objects.get(forbund=os_forbund, ar=2018)
    response = client.get(f"/avgifter/{beslut.pk}/brev.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages
    )
    text = text.replace(NBSP, " ")
    for amount in [
        "8 689 000 kr",
        "4 344 500 kr",
        "2 316 603 kr",
        "1 276 059 kr",
        "751 838 kr",
        "17 378 000 kr",
    ]:
        assert amount in text
    assert "§ 54, 2017-11-22" in text
    assert "Siv Granlund" in text


def test_the_excel_export_holds_the_allocation(client, os_forbund):
    from finsam.models import User

    client.force_login(User.objects.get(username="t-kansli"))
    beslut = Avgiftsbeslut.objects.get(forbund=os_forbund, ar=2018)
    response = client.get(f"/avgifter/{beslut.pk}/fordelning.xlsx")
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert [(r[0], r[2]) for r in rows] == [
        ("Staten, Försäkringskassan för FK och AF", 8_689_000),
        ("Stockholms läns landsting", 4_344_500),
        ("Haninge kommun", 2_316_603),
        ("Tyresö kommun", 1_276_059),
        ("Nynäshamns kommun", 751_838),
        ("Summa", 17_378_000),
    ]
    assert ws["C4"].number_format == '#,##0 "kr"'


@pytest.fixture
def kommuner(forbund):
    medlem = medlemmar(forbund, ["A kommun", "B kommun"])
    return medlem["A kommun"], medlem["B kommun"]


def test_kansli_enters_populations_and_a_decision(as_user, kanslist, kommuner):
    a, b = kommuner
    client = as_user(kanslist)
    response = client.post(
        "/avgifter/underlag/2019/",
        {
            f"befolkning_{a.pk}": "3000",
            f"befolkning_{b.pk}": "1000",
            f"procent_{a.pk}": "",
            f"procent_{b.pk}": "",
        },
    )
    assert response.status_code == 302
    response = client.post(
        "/avgifter/nytt/", {"ar": 2019, "total": "4000000", "metod": "befolkning"}
    )
    beslut = Avgiftsbeslut.objects.get()
    assert response["Location"] == f"/avgifter/{beslut.pk}/"
    page = client.get(response["Location"]).content.decode().replace("\xa0", " ")
    assert "750 000 kr" in page and "250 000 kr" in page and "4 000 000 kr" in page


def test_the_form_names_the_missing_population_and_saves_nothing(
    as_user, kanslist, kommuner
):
    a, _b = kommuner
    Kommununderlag.objects.create(forbund=a.forbund, medlem=a, ar=2019, befolkning=10)
    response = as_user(kanslist).post(
        "/avgifter/nytt/", {"ar": 2019, "total": "1000", "metod": "befolkning"}
    )
    assert response.status_code == 400
    assert (
        "Befolkningstal saknas för B kommun för budgetåret 2019"
        in response.content.decode()
    )
    assert not Avgiftsbeslut.objects.exists()


def test_a_negative_total_is_refused_in_the_form(as_user, kanslist, kommuner):
    response = as_user(kanslist).post(
        "/avgifter/nytt/", {"ar": 2019, "total": "-5", "metod": "befolkning"}
    )
    assert response.status_code == 400
    assert "Totalbeloppet måste vara större än noll." in response.content.decode()


def test_editing_a_sent_decision_redirects_with_a_message(
    as_user, kanslist, kommuner, forbund
):
    a, b = kommuner
    services.kommununderlag_save(
        forbund=forbund, ar=2019, varden={a: {"befolkning": 1}, b: {"befolkning": 1}}
    )
    beslut = services.avgiftsbeslut_save(
        forbund=forbund, ar=2019, total=1000, paragraf="§ 3"
    )
    services.avgiftsbeslut_expediera(beslut=beslut)
    client = as_user(kanslist)
    response = client.post(
        f"/avgifter/{beslut.pk}/andra/",
        {"ar": 2019, "total": "9999", "metod": "befolkning"},
    )
    assert response.status_code == 302
    beslut.refresh_from_db()
    assert beslut.total == 1000
    assert "kan inte ändras" in client.get(response["Location"]).content.decode()


def test_board_and_auditors_read_fees_but_cannot_decide(
    as_user, styrelseledamot, revisor, kommuner, forbund
):
    a, b = kommuner
    services.kommununderlag_save(
        forbund=forbund, ar=2019, varden={a: {"befolkning": 1}, b: {"befolkning": 1}}
    )
    beslut = services.avgiftsbeslut_save(forbund=forbund, ar=2019, total=1000)
    for user in (styrelseledamot, revisor):
        client = as_user(user)
        assert client.get(f"/avgifter/{beslut.pk}/").status_code == 200
        assert client.get(f"/avgifter/{beslut.pk}/brev.pdf").status_code == 200
        assert (
            client.post(
                "/avgifter/nytt/", {"ar": 2020, "total": "1", "metod": "befolkning"}
            ).status_code
            == 403
        )
        assert client.post(f"/avgifter/{beslut.pk}/expediera/").status_code == 403


def test_an_insatsrapportor_sees_no_fees(as_user, insatsrapportor):
    assert as_user(insatsrapportor).get("/avgifter/").status_code == 403


def test_history_page_takes_a_fixed_number_of_queries(
    as_user, kanslist, kommuner, forbund, django_assert_num_queries
):
    a, b = kommuner
    for ar in range(2010, 2020):
        services.kommununderlag_save(
            forbund=forbund, ar=ar, varden={a: {"befolkning": 1}, b: {"befolkning": 2}}
        )
        services.avgiftsbeslut_save(forbund=forbund, ar=ar, total=1000 + ar)
    client = as_user(kanslist)
    # session, user, the user's förbund; then 4 for the history whatever the number of
    # years: decisions, their lines, the lines' members, external income.
    with django_assert_num_queries(7):
        assert client.get("/avgifter/historik/").status_code == 200
