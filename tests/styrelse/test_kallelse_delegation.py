import datetime as dt
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from finsam.models import Uppdrag
from styrelse import services
from styrelse.models import Delegationsbeslut, Paragraf, Sammantrade
from tests.factories import PersonFactory, UppdragFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def styrelsen(forbund):
    ledamot = PersonFactory(forbund=forbund, fornamn="Lena", epost="lena@example.se")
    ersattare = PersonFactory(forbund=forbund, fornamn="Erik", epost="erik@example.se")
    avgangen = PersonFactory(
        forbund=forbund, fornamn="Gammal", epost="gammal@example.se"
    )
    UppdragFactory(
        forbund=forbund,
        person=ledamot,
        typ=Uppdrag.LEDAMOT,
        fran=dt.date(2015, 1, 1),
        till=None,
    )
    UppdragFactory(
        forbund=forbund,
        person=ersattare,
        typ=Uppdrag.ERSATTARE,
        fran=dt.date(2015, 1, 1),
        till=None,
    )
    UppdragFactory(
        forbund=forbund,
        person=avgangen,
        typ=Uppdrag.LEDAMOT,
        fran=dt.date(2010, 1, 1),
        till=dt.date(2014, 12, 31),
    )
    return ledamot, ersattare


def test_kallelse_is_mailed_to_ledamoter_and_ersattare_with_a_link(
    as_user, kanslist, sammantrade, styrelsen, mailoutbox
):
    client = as_user(kanslist)
    response = client.post(reverse("styrelse:kallelse_skicka", args=[sammantrade.pk]))
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


def test_delegationsbeslut_after_a_justerat_meeting_waits_for_the_next(
    forbund, justerat
):
    beslut = services.delegationsbeslut_create(
        forbund=forbund,
        datum=dt.date(2018, 3, 20),
        delegat="Ordförande",
        arendetyp="Brådskande",
        beslut="X",
    )
    assert beslut.anmald_paragraf is None


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
