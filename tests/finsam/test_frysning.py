"""A sent fee decision and an approved period report are refused on every path: service,
form, admin change, admin history revert, admin delete (alone and as a bulk action),
bulk queryset update and delete, and rows added under them."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from finsam import services
from finsam.frysning import fryst_orsak, kan_andras
from finsam.models import Avgiftsbeslut, Avgiftsrad
from insatser.models import Periodrapport, PeriodrapportAvslut
from insatser.services import (
    avslutsorsaker_seed,
    insats_save,
    insatsrapportor_add,
    periodrapport_approve,
    periodrapport_save,
    periodrapport_submit,
)

pytestmark = pytest.mark.django_db


def _oforandrat(beslut: Avgiftsbeslut) -> None:
    fresh = Avgiftsbeslut.objects.get(pk=beslut.pk)
    assert fresh.total == Decimal(2000) and fresh.status == Avgiftsbeslut.EXPEDIERAT
    assert sum(r.belopp for r in fresh.rader.all()) == Decimal(2000)


def test_a_draft_may_change_and_a_sent_decision_says_why_not(expedierat, forbund):
    assert fryst_orsak(expedierat).startswith("Beslutet är expedierat")
    assert not kan_andras(expedierat)
    utkast = Avgiftsbeslut(forbund=forbund, ar=2030, total=1)
    assert kan_andras(utkast)


def test_service_refuses_a_sent_decision(expedierat, forbund):
    with pytest.raises(ValidationError, match="expedierat"):
        services.avgiftsbeslut_save(
            forbund=forbund, ar=2019, total=5, beslut=expedierat, metod="procent"
        )
    _oforandrat(expedierat)


def test_form_refuses_a_sent_decision(as_user, kanslist, expedierat):
    response = as_user(kanslist).post(
        f"/avgifter/{expedierat.pk}/andra/",
        {"ar": 2019, "total": "9999", "metod": "procent"},
    )
    assert response.status_code == 302
    _oforandrat(expedierat)


def test_model_save_refuses_even_a_stale_object(expedierat):
    stale = Avgiftsbeslut.objects.get(pk=expedierat.pk)
    stale.status = Avgiftsbeslut.UTKAST  # a history version or a forged form says so
    stale.total = Decimal(1)
    with pytest.raises(ValidationError):
        stale.save()
    with pytest.raises(ValidationError):
        stale.delete()
    _oforandrat(expedierat)


def test_replacing_is_the_one_allowed_change(expedierat):
    nytt = services.avgiftsbeslut_ersatt(
        beslut=expedierat, total=3000, metod="procent", paragraf="§ 9"
    )
    expedierat.refresh_from_db()
    assert expedierat.status == Avgiftsbeslut.ERSATT and expedierat.total == 2000
    assert nytt.ersatter == expedierat
    expedierat.status = Avgiftsbeslut.EXPEDIERAT  # and no way back
    with pytest.raises(ValidationError, match="ersatt"):
        expedierat.save()


def test_bulk_queryset_update_and_delete_are_refused(expedierat):
    qs = Avgiftsbeslut.objects.filter(pk=expedierat.pk)
    with pytest.raises(ValidationError):
        qs.update(total=1)
    with pytest.raises(ValidationError):
        qs.delete()
    with pytest.raises(ValidationError):
        Avgiftsrad.objects.filter(beslut=expedierat).update(belopp=0)
    with pytest.raises(ValidationError):
        expedierat.rader.all().delete()
    rad = expedierat.rader.first()
    with pytest.raises(ValidationError):
        Avgiftsrad.objects.bulk_create(
            [Avgiftsrad(beslut=expedierat, medlem=rad.medlem, andel=0, belopp=1)]
        )
    _oforandrat(expedierat)


def test_admin_change_form_is_read_only(client, superuser, expedierat):
    client.force_login(superuser)
    url = f"/admin/finsam/avgiftsbeslut/{expedierat.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200 and 'name="total"' not in page.content.decode()
    response = client.post(url, {"ar": 2019, "total": "1", "status": "utkast"})
    assert response.status_code == 403
    _oforandrat(expedierat)


def test_admin_history_revert_is_refused(client, superuser, expedierat):
    client.force_login(superuser)
    utkast_version = expedierat.history.order_by("history_id").first()
    assert utkast_version.status == Avgiftsbeslut.UTKAST
    url = (
        f"/admin/finsam/avgiftsbeslut/{expedierat.pk}/history/"
        f"{utkast_version.history_id}/"
    )
    page = client.get(url).content.decode()
    assert "Återställ" not in page and "Revert" not in page
    response = client.post(
        url,
        {
            "forbund": expedierat.forbund_id,
            "ar": 2019,
            "total": "1000",
            "metod": "procent",
            "status": "utkast",
            "rader-TOTAL_FORMS": 0,
            "rader-INITIAL_FORMS": 0,
        },
        follow=True,
    )
    assert "Kan inte återställas" in response.content.decode()
    _oforandrat(expedierat)


def test_admin_delete_and_bulk_delete_action_are_refused(client, superuser, expedierat):
    client.force_login(superuser)
    response = client.post(
        f"/admin/finsam/avgiftsbeslut/{expedierat.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 403
    response = client.post(
        "/admin/finsam/avgiftsbeslut/",
        {
            "action": "delete_selected",
            "_selected_action": [expedierat.pk],
            "post": "yes",
        },
    )
    assert response.status_code == 200
    assert "Kan inte ta bort" in response.content.decode()
    _oforandrat(expedierat)


# --- Approved period report -----------------------------------------------------------


@pytest.fixture
def godkand(forbund, kanslist, insatsrapportor):
    orsaker = avslutsorsaker_seed(forbund=forbund)
    insats = insats_save(forbund=forbund, namn="Slussen")
    insatsrapportor_add(insats=insats, user=insatsrapportor)
    siffror = {
        "aktuella_totalt": 10,
        "aktuella_kvinnor": 4,
        "aktuella_man": 6,
        "avslutade_totalt": 2,
        "avslutade_kvinnor": 1,
        "avslutade_man": 1,
        "nya_totalt": 2,
        "nya_kvinnor": 1,
        "nya_man": 1,
    }
    rapport = periodrapport_save(
        insats=insats,
        ar=2026,
        period=Periodrapport.T1,
        siffror=siffror,
        avslut={orsaker[0].pk: {"kvinnor": 1, "man": 1, "annat": 0}},
    )
    periodrapport_submit(rapport=rapport, user=insatsrapportor)
    return periodrapport_approve(rapport=rapport, user=kanslist)


def _rapport_oforandrad(rapport):
    fresh = Periodrapport.objects.get(pk=rapport.pk)
    assert fresh.status == Periodrapport.GODKAND and fresh.aktuella_totalt == 10
    assert fresh.avslut.count() == 1


def test_an_approved_report_is_refused_by_service_model_and_bulk(godkand):
    assert (
        fryst_orsak(godkand) == "Rapporten är godkänd av kansliet och kan inte ändras."
    )
    with pytest.raises(ValidationError):
        periodrapport_save(
            insats=godkand.insats,
            ar=2026,
            period=Periodrapport.T1,
            siffror={"aktuella_totalt": 99},
            avslut={},
            rapport=godkand,
        )
    stale = Periodrapport.objects.get(pk=godkand.pk)
    stale.status = Periodrapport.UTKAST
    with pytest.raises(ValidationError):
        stale.save()
    with pytest.raises(ValidationError):
        Periodrapport.objects.filter(pk=godkand.pk).update(status="utkast")
    with pytest.raises(ValidationError):
        Periodrapport.objects.filter(pk=godkand.pk).delete()
    with pytest.raises(ValidationError):
        PeriodrapportAvslut.objects.filter(periodrapport=godkand).update(kvinnor=9)
    with pytest.raises(ValidationError):
        godkand.avslut.first().delete()
    _rapport_oforandrad(godkand)


def test_an_approved_report_is_read_only_in_the_admin(client, superuser, godkand):
    client.force_login(superuser)
    url = f"/admin/insatser/periodrapport/{godkand.pk}/change/"
    assert client.post(url, {"status": "utkast"}).status_code == 403
    delete = f"/admin/insatser/periodrapport/{godkand.pk}/delete/"
    assert client.post(delete, {"post": "yes"}).status_code == 403
    response = client.post(
        "/admin/insatser/periodrapport/",
        {"action": "delete_selected", "_selected_action": [godkand.pk], "post": "yes"},
    )
    assert "Kan inte ta bort" in response.content.decode()
    _rapport_oforandrad(godkand)


# --- Every admin of a freezable model ------------------------------------------------


def test_every_admin_of_a_freezable_model_keeps_frozen_rows_read_only():
    """Change, delete and history revert in the admin are refused by
    FrysbarAdminMixin; an admin registered for a freezable model without it (a new
    SimpleHistoryAdmin, say) would open all three again."""
    from django.contrib import admin

    from finsam.frysning import FrysbarAdminMixin, FrysbarModel

    frysbara = {
        model: model_admin
        for model, model_admin in admin.site._registry.items()
        if issubclass(model, FrysbarModel)
    }
    assert frysbara  # the fee decision, the report, the board's records
    utan = [
        m.__name__ for m, a in frysbara.items() if not isinstance(a, FrysbarAdminMixin)
    ]
    assert not utan, f"Admin utan FrysbarAdminMixin: {utan}"


def test_the_report_form_refuses_an_approved_report(as_user, insatsrapportor, godkand):
    response = as_user(insatsrapportor).post(
        f"/insatser/rapport/{godkand.pk}/andra/",
        {"aktuella_totalt": 99, "aktuella_kvinnor": 50, "aktuella_man": 49},
    )
    assert response.status_code in (302, 400, 403)
    _rapport_oforandrad(godkand)
