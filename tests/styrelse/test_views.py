import datetime as dt
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from finsam.dates import local_date
from finsam.models import Uppdrag
from styrelse import selectors, services
from styrelse.models import (
    Arende,
    Bilaga,
    Delegationsbeslut,
    Justering,
    Kommentar,
    Paragraf,
    Sammantrade,
)
from styrelse.selectors import protokoll_hash
from tests.factories import PersonFactory, UppdragFactory
from tests.styrelse.factories import beslutande

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
    client, as_user, kanslist, forbund, justerat, monkeypatch
):
    monkeypatch.setattr("finsam.dates.today", lambda: dt.date(2018, 4, 1))
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
    from styrelse.models import Narvaro
    from tests.factories import PersonFactory

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
    from styrelse.models import Narvaro
    from tests.factories import PersonFactory

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
    assert "väntar på din justering" in html.lower()


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
        services.sammantrade_justera(
            sammantrade=s, user=ordforande, sedd_hash=protokoll_hash(s)
        )
        services.sammantrade_justera(
            sammantrade=s, user=justerare, sedd_hash=protokoll_hash(s)
        )
        s.refresh_from_db()
        services.anslag_publicera(sammantrade=s, uppsatt=local_date(s.justerat_tid))
    with django_assert_max_num_queries(6):
        html = client.get(
            reverse("styrelse:anslagstavla", args=[forbund.orgnr])
        ).content.decode()
    assert html.count("§§ ") == 3


def test_meeting_cannot_move_to_another_organ(sammantrade, forbund):

    from styrelse.models import Organ

    presidium = Organ.objects.create(
        forbund=forbund, namn="Presidiet", typ=Organ.PRESIDIUM
    )
    with pytest.raises(ValidationError):
        services.sammantrade_update(sammantrade=sammantrade, organ=presidium)


# --- Lists show one year (finsam/paging.py, templates/_ar_filter.html) ----------------


def test_the_diarium_shows_one_year_and_pages_a_long_one(as_user, kanslist, forbund):
    from tests.styrelse.factories import ArendeFactory

    ArendeFactory(forbund=forbund, ar=2017, rubrik="Gammalt ärende")
    for _ in range(55):
        ArendeFactory(forbund=forbund, ar=2018)
    client = as_user(kanslist)
    page = client.get(reverse("styrelse:arende_list")).content.decode()
    # No rows this year (the test clock is later): the latest year with rows.
    assert "Gammalt ärende" not in page and "Sida 1 av 2" in page
    assert len(re.findall(r'href="/styrelse/arenden/\d+/"', page)) == 50
    page = client.get(reverse("styrelse:arende_list") + "?ar=2018&sida=2").content
    assert len(re.findall(r'href="/styrelse/arenden/\d+/"', page.decode())) == 5
    page = client.get(reverse("styrelse:arende_list") + "?ar=2017").content.decode()
    assert "Gammalt ärende" in page and "År med uppgifter" in page


def test_meetings_and_delegation_decisions_are_listed_by_year(
    as_user, kanslist, forbund
):
    from tests.styrelse.factories import (
        DelegationsbeslutFactory,
        OrganFactory,
        SammantradeFactory,
    )

    organ = OrganFactory(forbund=forbund)
    SammantradeFactory(organ=organ, datum=dt.date(2017, 11, 22))
    SammantradeFactory(organ=organ, datum=dt.date(2018, 3, 23))
    DelegationsbeslutFactory(forbund=forbund, datum=dt.date(2017, 5, 2), beslut="Äldre")
    DelegationsbeslutFactory(forbund=forbund, datum=dt.date(2018, 5, 2), beslut="Nyare")
    client = as_user(kanslist)
    page = client.get(reverse("styrelse:index")).content.decode()
    assert "2018-03-23" in page and "2017-11-22" not in page
    page = client.get(reverse("styrelse:index") + "?ar=2017").content.decode()
    assert "2017-11-22" in page and "2018-03-23" not in page
    page = client.get(reverse("styrelse:delegationsbeslut_list")).content.decode()
    assert "Nyare" in page and "Äldre" not in page


def test_pdf_attachment_is_stored_and_downloaded(as_user, kanslist, revisor, arende):
    pdf = b"%PDF-1.4\n%demo\n"
    as_user(kanslist).post(
        reverse("styrelse:bilaga_create", args=[arende.pk]),
        {"fil": SimpleUploadedFile("bilaga.pdf", pdf, content_type="application/pdf")},
    )
    bilaga = Bilaga.objects.get()
    response = as_user(revisor).get(
        reverse("styrelse:bilaga_download", args=[bilaga.pk])
    )
    assert response.status_code == 200
    assert response.content == pdf
    assert response["Content-Type"] == "application/pdf"


def test_attachment_of_another_forbund_is_404(as_user, outsider, arende):
    bilaga = services.bilaga_create(arende=arende, namn="a.txt", innehall=b"hej")
    assert (
        as_user(outsider)
        .get(reverse("styrelse:bilaga_download", args=[bilaga.pk]))
        .status_code
        == 404
    )


def test_omedelbar_justering_via_view_only_for_ordforande_or_justerare(
    as_user, styrelseledamot, sammantrade
):
    p = sammantrade.paragrafer.first()
    services.paragraf_update(paragraf=p, beslut="X")
    response = as_user(styrelseledamot).post(
        reverse("styrelse:paragraf_justera", args=[p.pk])
    )
    assert response.status_code == 302
    assert not p.justeringar.exists()


def test_sammantradesplan_lists_the_years_meetings(as_user, revisor, organ):
    services.sammantrade_create(organ=organ, datum=dt.date(2018, 2, 2), plats="Rum A")
    services.sammantrade_create(organ=organ, datum=dt.date(2019, 2, 1), plats="Rum B")
    html = (
        as_user(revisor)
        .get(reverse("styrelse:sammantradesplan", args=[2018]))
        .content.decode()
    )
    assert "Rum A" in html and "Rum B" not in html


def test_kansli_marks_it_from_the_meeting_page(
    as_user, kanslist, styrelseledamot, sammantrade
):
    url = f"/styrelse/{sammantrade.pk}/genomfort/"
    assert as_user(styrelseledamot).post(url).status_code == 403
    assert as_user(kanslist).post(url).status_code == 302
    sammantrade.refresh_from_db()
    assert sammantrade.status == Sammantrade.GENOMFORT


def test_kallelse_is_mailed_to_ledamoter_and_ersattare_with_a_link(
    as_user,
    kanslist,
    sammantrade,
    styrelsen,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client = as_user(kanslist)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("styrelse:kallelse_skicka", args=[sammantrade.pk])
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == ["erik@example.se", "lena@example.se"]
    mail = mailoutbox[0]
    assert "§ 1 Val av justerare" in mail.body
    assert reverse("styrelse:kallelse", args=[sammantrade.pk]) in mail.body
    sammantrade.refresh_from_db()
    assert sammantrade.status == Sammantrade.KALLAT
    assert sammantrade.kallelse_skickad is not None


def test_styrelse_reads_the_agenda_but_cannot_send_it(
    as_user, styrelseledamot, sammantrade, mailoutbox
):
    client = as_user(styrelseledamot)
    page = client.get(reverse("styrelse:kallelse", args=[sammantrade.pk]))
    assert "Föredragningslista" in page.content.decode()
    assert (
        client.post(
            reverse("styrelse:kallelse_skicka", args=[sammantrade.pk])
        ).status_code
        == 403
    )
    assert not mailoutbox


def test_kallelse_pdf_lists_the_agenda(as_user, kanslist, sammantrade):
    pdf = (
        as_user(kanslist)
        .get(reverse("styrelse:kallelse_pdf", args=[sammantrade.pk]))
        .content
    )
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Föredragningslista" in text
    assert "Övriga frågor" in text


def test_new_delegationsbeslut_joins_the_next_open_meeting(
    as_user, kanslist, forbund, sammantrade
):
    as_user(kanslist).post(
        reverse("styrelse:delegationsbeslut_create"),
        {
            "datum": "2018-03-01",
            "delegat": "Förbundschef",
            "arendetyp": "Upphandling",
            "beslut": "Köp",
        },
    )
    beslut = Delegationsbeslut.objects.get()
    assert beslut.anmald_paragraf.typ == Paragraf.DELEGATIONSBESLUT
    assert beslut.anmald_paragraf.sammantrade == sammantrade


def test_utdrag_of_a_justerat_paragraph_carries_the_bestyrkande(
    as_user, kanslist, justerat
):
    p = justerat.paragrafer.get(nummer=2)
    response = as_user(kanslist).get(reverse("styrelse:utdrag_pdf", args=[p.pk]))
    text = " ".join(
        " ".join(page.extract_text().split())
        for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Protokollsutdrag" in text
    assert "§ 2 Godkännande av dagordningen" in text
    assert "§ 1 Val av justerare" not in text
    # Nobody has certified it: the box waits for a date and a signature.
    assert "Utdragsbestyrkande" in text and "Underskrift:" in text
    assert "Bestyrks av" not in text


def test_no_utdrag_from_a_draft(as_user, kanslist, utkast):
    p = utkast.paragrafer.first()
    assert (
        as_user(kanslist).get(reverse("styrelse:utdrag_pdf", args=[p.pk])).status_code
        == 302
    )
