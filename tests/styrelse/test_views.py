import datetime as dt

import pytest
from django.urls import reverse

from styrelse import selectors, services
from styrelse.models import Arende, Justering, Kommentar, Paragraf, Sammantrade
from tests.factories import beslutande

pytestmark = pytest.mark.django_db


def detail(s):
    return reverse("styrelse:sammantrade_detail", args=[s.pk])


def test_kansli_creates_a_meeting_with_standard_items_and_chosen_arenden(
    as_user, kanslist, forbund, organ, ordforande, justerare
):
    arende = services.arende_create(forbund=forbund, ar=2018, rubrik="Budget 2019")
    client = as_user(kanslist)
    response = client.post(
        reverse("styrelse:sammantrade_create"),
        {
            "organ": organ.pk,
            "datum": "2018-11-22",
            "tid_start": "09:00",
            "plats": "Kansliet",
            "ordforande": ordforande.person.pk,
            "justerare": justerare.person.pk,
            "arenden": [arende.pk],
        },
    )
    s = Sammantrade.objects.get()
    assert response.status_code == 302
    assert list(s.paragrafer.values_list("rubrik", flat=True))[2] == "Budget 2019"
    assert s.paragrafer.count() == 7


def test_meeting_form_refuses_another_forbunds_person(
    as_user, kanslist, organ, annat_forbund
):
    from tests.factories import PersonFactory

    fremling = PersonFactory(forbund=annat_forbund)
    response = as_user(kanslist).post(
        reverse("styrelse:sammantrade_create"),
        {"organ": organ.pk, "datum": "2018-11-22", "ordforande": fremling.pk},
    )
    assert response.status_code == 200
    assert not Sammantrade.objects.exists()


def test_styrelse_cannot_create_meetings_or_edit_paragraphs(
    as_user, styrelseledamot, sammantrade
):
    client = as_user(styrelseledamot)
    assert client.get(reverse("styrelse:sammantrade_create")).status_code == 403
    p = sammantrade.paragrafer.first()
    assert (
        client.post(
            reverse("styrelse:paragraf_edit", args=[p.pk]), {"rubrik": "X"}
        ).status_code
        == 403
    )


def test_kansli_writes_a_paragraph(as_user, kanslist, sammantrade):
    p = sammantrade.paragrafer.first()
    response = as_user(kanslist).post(
        reverse("styrelse:paragraf_edit", args=[p.pk]),
        {"rubrik": p.rubrik, "beslut": "Styrelsen beslutar att utse Jenny Justerare."},
    )
    assert response.status_code == 302
    p.refresh_from_db()
    assert p.beslut.startswith("Styrelsen beslutar")


def test_board_member_comments_on_published_draft_and_kansli_resolves(
    as_user, styrelseledamot, kanslist, utkast
):
    p = utkast.paragrafer.first()
    client = as_user(styrelseledamot)
    page = client.get(detail(utkast))
    assert f"Kommentar till § {p.nummer}" in page.content.decode()
    client.post(
        reverse("styrelse:kommentar_create", args=[p.pk]), {"text": "Stavfel i namnet"}
    )
    kommentar = Kommentar.objects.get()
    assert kommentar.forfattare == styrelseledamot
    assert (
        client.post(reverse("styrelse:kommentar_losa", args=[kommentar.pk])).status_code
        == 403
    )
    as_user(kanslist).post(reverse("styrelse:kommentar_losa", args=[kommentar.pk]))
    kommentar.refresh_from_db()
    assert kommentar.lost


def test_revisor_reads_but_cannot_comment(as_user, revisor, utkast):
    client = as_user(revisor)
    assert client.get(detail(utkast)).status_code == 200
    p = utkast.paragrafer.first()
    assert (
        client.post(
            reverse("styrelse:kommentar_create", args=[p.pk]), {"text": "x"}
        ).status_code
        == 403
    )


def test_insatsrapportor_has_no_access(as_user, insatsrapportor, sammantrade):
    assert as_user(insatsrapportor).get(detail(sammantrade)).status_code == 403


def test_other_forbund_gets_404(as_user, outsider, sammantrade):
    assert as_user(outsider).get(detail(sammantrade)).status_code == 404


def test_ordforande_and_justerare_each_approve_with_own_login(
    client, ordforande, justerare, styrelseledamot, utkast
):
    url = reverse("styrelse:sammantrade_justera", args=[utkast.pk])
    client.force_login(styrelseledamot)
    client.post(url)
    assert not Justering.objects.exists()
    client.force_login(ordforande)
    page = client.get(detail(utkast)).content.decode()
    assert "Justera protokollet som ordförande" in page
    # The approval always carries the hash the confirmation page showed.
    client.post(url)
    assert not Justering.objects.exists()
    for user in (ordforande, justerare):
        client.force_login(user)
        sett = selectors.justeringsunderlag(sammantrade=utkast, user=user)
        client.post(url, {"innehall_hash": sett.innehall_hash})
    utkast.refresh_from_db()
    assert utkast.status == Sammantrade.JUSTERAT
    assert utkast.innehall_hash in client.get(detail(utkast)).content.decode()


def test_no_edit_path_after_justering(as_user, kanslist, justerat):
    client = as_user(kanslist)
    p = justerat.paragrafer.first()
    response = client.post(
        reverse("styrelse:paragraf_edit", args=[p.pk]),
        {"rubrik": "Ändrad", "beslut": "Nytt"},
    )
    assert response.status_code == 302
    assert client.get(reverse("styrelse:paragraf_edit", args=[p.pk])).status_code == 302
    client.post(
        reverse("styrelse:paragraf_create", args=[justerat.pk]), {"rubrik": "Ny"}
    )
    client.post(
        reverse("styrelse:sammantrade_edit", args=[justerat.pk]), {"plats": "Annan"}
    )
    p.refresh_from_db()
    justerat.refresh_from_db()
    assert p.rubrik == "Val av justerare" and p.beslut == ""
    assert justerat.paragrafer.count() == 6
    assert justerat.plats == "Kansliet"
    page = client.get(detail(justerat)).content.decode()
    assert "Skriv §" not in page


def test_anslag_appears_on_public_anslagstavla_with_dates(
    client, as_user, kanslist, forbund, justerat
):
    as_user(kanslist).post(
        reverse("styrelse:anslag_create", args=[justerat.pk]), {"uppsatt": "2018-03-29"}
    )
    client.logout()
    response = client.get(reverse("styrelse:anslagstavla", args=[forbund.orgnr]))
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "2018-03-23",
        "2018-03-28",
        "2018-03-29",
        "2018-04-19",
        "laglighetsprövning",
    ]:
        assert text in html


def test_anslagstavla_of_unknown_orgnr_is_404(client, db):
    assert (
        client.get(reverse("styrelse:anslagstavla", args=["000000-0000"])).status_code
        == 404
    )


def test_arende_gets_next_diarienummer(as_user, kanslist, forbund):
    client = as_user(kanslist)
    client.post(reverse("styrelse:arende_create"), {"rubrik": "Första"})
    client.post(reverse("styrelse:arende_create"), {"rubrik": "Andra"})
    assert sorted(Arende.objects.values_list("lopnummer", flat=True)) == [1, 2]
    page = client.get(reverse("styrelse:arende_list")).content.decode()
    assert "Andra" in page


def test_quorum_warning_when_half_or_fewer_ledamoter_take_part(
    as_user, kanslist, forbund, sammantrade
):
    from finsam.models import Uppdrag
    from styrelse.models import Narvaro
    from tests.factories import PersonFactory, UppdragFactory

    personer = [PersonFactory(forbund=forbund) for _ in range(4)]
    for person in personer:
        UppdragFactory(
            forbund=forbund,
            person=person,
            typ=Uppdrag.LEDAMOT,
            fran=dt.date(2015, 1, 1),
            till=None,
        )
    # Six ledamöter: the ordförande and the justerare are there, with one more.
    for person in personer[:1]:
        services.narvaro_add(
            sammantrade=sammantrade, person=person, roll=Narvaro.LEDAMOT
        )
    client = as_user(kanslist)
    assert "inte beslutför" in client.get(detail(sammantrade)).content.decode()
    ersattare = PersonFactory(forbund=forbund)
    UppdragFactory(
        forbund=forbund,
        person=ersattare,
        typ=Uppdrag.ERSATTARE,
        fran=dt.date(2015, 1, 1),
        till=None,
    )
    services.narvaro_add(
        sammantrade=sammantrade,
        person=ersattare,
        roll=Narvaro.TJANSTGORANDE,
        ersatter=personer[3],
    )
    assert "inte beslutför" not in client.get(detail(sammantrade)).content.decode()


def test_meeting_list_query_count_does_not_grow(
    as_user, kanslist, organ, django_assert_max_num_queries
):
    for month in range(1, 6):
        services.sammantrade_create(organ=organ, datum=dt.date(2018, month, 10))
    client = as_user(kanslist)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("styrelse:index"))
    assert response.content.decode().count("§§") == 5


def test_paragraph_numbers_shown_in_order(as_user, kanslist, sammantrade):
    html = as_user(kanslist).get(detail(sammantrade)).content.decode()
    positions = [
        html.index(f"§ {p.nummer} {p.rubrik}")
        for p in Paragraf.objects.order_by("nummer")
    ]
    assert positions == sorted(positions)


def test_attendance_is_checked_against_the_board_of_that_date(
    as_user, kanslist, forbund, sammantrade
):
    from finsam.models import Uppdrag
    from styrelse.models import Narvaro
    from tests.factories import PersonFactory, UppdragFactory

    avgangen = PersonFactory(forbund=forbund)
    UppdragFactory(
        forbund=forbund,
        person=avgangen,
        typ=Uppdrag.LEDAMOT,
        fran=dt.date(2010, 1, 1),
        till=dt.date(2017, 12, 31),
    )
    as_user(kanslist).post(
        reverse("styrelse:narvaro_create", args=[sammantrade.pk]),
        {"person": avgangen.pk, "roll": Narvaro.LEDAMOT},
    )
    assert not sammantrade.narvaro.filter(person=avgangen).exists()
    as_user(kanslist).post(
        reverse("styrelse:narvaro_create", args=[sammantrade.pk]),
        {"person": avgangen.pk, "roll": Narvaro.OVRIG, "funktion": "gäst"},
    )
    assert sammantrade.narvaro.get(person=avgangen).roll == Narvaro.OVRIG


def test_start_page_panel_tells_justerare_a_protocol_awaits_them(
    as_user, justerare, utkast
):
    html = as_user(justerare).get(reverse("finsam:dashboard")).content.decode()
    assert "väntar på din justering" in html


def test_justerat_protocol_is_listed_on_the_dokument_page(as_user, kanslist, justerat):
    url = reverse("finsam:dokument")
    html = as_user(kanslist).get(f"{url}?ar={justerat.datum.year}").content.decode()
    assert reverse("styrelse:protokoll_pdf", args=[justerat.pk]) in html
    other_year = as_user(kanslist).get(f"{url}?ar={justerat.datum.year - 1}")
    assert reverse("styrelse:protokoll_pdf", args=[justerat.pk]) not in (
        other_year.content.decode()
    )


def test_anslagstavla_query_count_does_not_grow(
    client, forbund, organ, ordforande, justerare, django_assert_max_num_queries
):
    for month in (2, 3, 4):
        s = services.sammantrade_create(
            organ=organ,
            datum=dt.date(2018, month, 10),
            ordforande=ordforande.person,
            justerare=justerare.person,
        )
        beslutande(s, ordforande, justerare)
        services.utkast_publicera(sammantrade=s)
        services.sammantrade_justera(sammantrade=s, user=ordforande)
        services.sammantrade_justera(sammantrade=s, user=justerare)
        s.refresh_from_db()
        services.anslag_publicera(sammantrade=s, uppsatt=s.justerat_tid.date())
    with django_assert_max_num_queries(6):
        html = client.get(
            reverse("styrelse:anslagstavla", args=[forbund.orgnr])
        ).content.decode()
    assert html.count("§§ ") == 3


def test_meeting_cannot_move_to_another_organ(sammantrade, forbund):
    from django.core.exceptions import ValidationError

    from styrelse.models import Organ

    presidium = Organ.objects.create(
        forbund=forbund, namn="Presidiet", typ=Organ.PRESIDIUM
    )
    with pytest.raises(ValidationError):
        services.sammantrade_update(sammantrade=sammantrade, organ=presidium)
