import pytest

from finsam import services
from finsam.models import Avgiftsbeslut, Kommununderlag, Medlem
from tests.factories import MedlemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kommuner(forbund):
    MedlemFactory(
        forbund=forbund,
        namn="Försäkringskassan",
        typ=Medlem.FORSAKRINGSKASSAN,
        sortering=1,
    )
    MedlemFactory(
        forbund=forbund,
        namn="Arbetsförmedlingen",
        typ=Medlem.ARBETSFORMEDLINGEN,
        sortering=2,
    )
    MedlemFactory(forbund=forbund, namn="Regionen", typ=Medlem.REGION, sortering=3)
    a = MedlemFactory(forbund=forbund, namn="A kommun", typ=Medlem.KOMMUN, sortering=4)
    b = MedlemFactory(forbund=forbund, namn="B kommun", typ=Medlem.KOMMUN, sortering=5)
    return a, b


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
