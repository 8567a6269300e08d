"""The audit trail: every domain model keeps its history; kansli, administrator and
revisor read one record's changes field by field and the förbund's log by user, kind and
date — never another förbund's — and a history cannot bring back a frozen record."""

import datetime as dt

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from finsam import access
from finsam.models import Avgiftsbeslut, Medlem
from tests.factories import MedlemFactory, UserFactory

pytestmark = pytest.mark.django_db

UTAN_HISTORIK = {
    # Imported bookkeeping: thousands of lines per file; the import is the one event.
    "ekonomi.konto",
    "ekonomi.objekt",
    "ekonomi.kontosaldo",
    "ekonomi.transaktion",
    # The cache of rendered PDFs, the login events (themselves a log) and the seals
    # (written once, checked by `verifiera`).
    "finsam.dokumentfil",
    "finsam.kontohandelse",
    "finsam.forsegling",
}


def test_every_domain_model_keeps_its_history():
    saknas = set()
    for app in ("finsam", "insatser", "styrelse", "ekonomi", "arsredovisning"):
        for model in apps.get_app_config(app).get_models():
            if model.__name__.startswith("Historical"):
                continue
            if not getattr(model._meta, "simple_history_manager_attribute", None):
                saknas.add(model._meta.label_lower)
    assert saknas == UTAN_HISTORIK


def _andra_medlem(client, medlem, **andrat):
    data = {
        "namn": medlem.namn,
        "typ": medlem.typ,
        "orgnr": medlem.orgnr,
        "sortering": medlem.sortering,
        **andrat,
    }
    response = client.post(reverse("finsam:medlem_edit", args=[medlem.pk]), data)
    assert response.status_code == 302, response.content.decode()[:500]


def test_a_records_page_shows_who_changed_what_field_by_field(
    client, forbund, kanslist, revisor
):
    kanslist.first_name, kanslist.last_name = "Karin", "Kanslist"
    kanslist.save()
    medlem = MedlemFactory(forbund=forbund, namn="Norrby kommun", typ=Medlem.KOMMUN)
    client.force_login(kanslist)
    _andra_medlem(client, medlem, namn="Norrby kommun (ny)", sortering=4)

    client.force_login(revisor)
    url = reverse("finsam:historik_objekt", args=["finsam.medlem", medlem.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ändrad" in html and "av Karin Kanslist" in html
    assert (
        '<th scope="row" class="fw-normal">Namn</th><td>Norrby kommun</td><td>Norrby kommun (ny)</td>'
        in html
    )
    assert ">Sortering</th>" in html
    assert "Skapad" in html
    # The record's own page links to it.
    client.force_login(kanslist)
    edit = client.get(reverse("finsam:medlem_edit", args=[medlem.pk])).content.decode()
    assert f'href="{url}"' in edit


def test_the_history_pages_are_for_kansli_admin_and_revisor(
    client, forbund, styrelseledamot, insatsrapportor, forbundsadmin, kanslist
):
    medlem = MedlemFactory(forbund=forbund)
    url = reverse("finsam:historik_objekt", args=["finsam.medlem", medlem.pk])
    for user, status in [
        (styrelseledamot, 403),
        (insatsrapportor, 403),
        (forbundsadmin, 200),
        (kanslist, 200),
    ]:
        client.force_login(user)
        assert client.get(url).status_code == status
        assert client.get(reverse("finsam:historik_logg")).status_code == status


def test_another_forbunds_record_and_log_are_not_shown(
    client, forbund, annat_forbund, kanslist, outsider
):
    deras = MedlemFactory(forbund=annat_forbund, namn="Hemliga kommunen")
    client.force_login(kanslist)
    url = reverse("finsam:historik_objekt", args=["finsam.medlem", deras.pk])
    assert client.get(url).status_code == 404
    assert (
        client.get(
            reverse("finsam:historik_objekt", args=["finsam.okand", deras.pk])
        ).status_code
        == 404
    )
    logg = client.get(
        reverse("finsam:historik_logg"), {"ar": timezone.localdate().year}
    ).content.decode()
    assert "Hemliga" not in logg and f"Medlem #{deras.pk}<" not in logg
    client.force_login(outsider)
    egen = client.get(reverse("finsam:historik_logg")).content.decode()
    assert f"Medlem #{deras.pk}<" in egen


def test_the_log_filters_by_user_kind_and_date_and_pages(
    client, forbund, kanslist, forbundsadmin, django_assert_max_num_queries
):
    medlemmar = [MedlemFactory(forbund=forbund, namn=f"Kommun {i}") for i in range(3)]
    client.force_login(kanslist)
    for i in range(55):
        _andra_medlem(client, medlemmar[0], sortering=i + 1)
    client.force_login(forbundsadmin)
    _andra_medlem(client, medlemmar[1], sortering=99)

    idag = timezone.localdate()
    url = reverse("finsam:historik_logg")
    with django_assert_max_num_queries(12):
        page = client.get(url, {"ar": idag.year})
    html = page.content.decode()
    assert "Sida 1 av 2" in html
    assert html.index(f"Medlem #{medlemmar[1].pk}<") < html.index(
        f"Medlem #{medlemmar[0].pk}<"
    )

    bara_admin = client.get(
        url, {"ar": idag.year, "anvandare": forbundsadmin.pk}
    ).content.decode()
    assert f"Medlem #{medlemmar[1].pk}<" in bara_admin
    assert f"Medlem #{medlemmar[0].pk}<" not in bara_admin

    personer = client.get(url, {"ar": idag.year, "modell": "finsam.person"})
    assert "Inga ändringar med det urvalet." in personer.content.decode()

    forra_aret = client.get(url, {"ar": idag.year - 1}).content.decode()
    assert "Inga ändringar med det urvalet." in forra_aret
    intervall = client.get(
        url, {"fran": idag.isoformat(), "till": idag.isoformat()}
    ).content.decode()
    assert f"Medlem #{medlemmar[2].pk}<" in intervall or "Sida 1 av 2" in intervall
    # Every change above is today's: a range of yesterday alone must leave none.
    igar = (idag - dt.timedelta(days=1)).isoformat()
    tomt = client.get(url, {"fran": igar, "till": igar}).content.decode()
    assert "Inga ändringar med det urvalet." in tomt
    assert f"Medlem #{medlemmar[0].pk}<" not in tomt

    fel = client.get(url, {"fran": "2026-05-01", "till": "2026-01-01"})
    assert fel.status_code == 400
    assert "Slutdatum kan inte vara före startdatum." in fel.content.decode()


def test_a_login_and_a_password_make_no_history_but_a_role_change_does(
    client, kanslist, forbundsadmin
):
    fore = kanslist.history.count()
    kanslist.set_password("Ett helt nytt lösenord 9")
    kanslist.save(update_fields=["password"])
    client.force_login(kanslist)
    assert kanslist.history.count() == fore
    assert not hasattr(kanslist.history.model, "password")
    kanslist.roll = access.REVISOR
    kanslist.save()
    assert kanslist.history.count() == fore + 1
    assert kanslist.history.first().roll == access.REVISOR


def test_a_frozen_record_cannot_be_brought_back_from_its_history(expedierat):
    utkast = expedierat.history.order_by("history_id").first()
    assert utkast.status == Avgiftsbeslut.UTKAST
    with pytest.raises(ValidationError):
        utkast.instance.save()
    with pytest.raises(ValidationError):
        utkast.instance.delete()
    fresh = Avgiftsbeslut.objects.get(pk=expedierat.pk)
    assert fresh.status == Avgiftsbeslut.EXPEDIERAT


def test_a_users_history_is_read_through_the_same_page(client, kanslist, forbundsadmin):
    anna = UserFactory(username="anna", forbund=kanslist.forbund, roll=access.STYRELSE)
    anna.roll = access.REVISOR
    anna.save()
    client.force_login(kanslist)
    page = client.get(reverse("finsam:historik_objekt", args=["finsam.user", anna.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Styrelse</td><td>Revisor" in html
    assert "Lösenord" not in html
