"""The kansli writes the texts, accepts findings and registers the board's approval;
the approved PDF is frozen; revisorer read the approved documents only."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.urls import reverse

from ekonomi.arsredovisning import selectors, services
from ekonomi.arsredovisning.models import Arsredovisning, Avsnittstext
from styrelse import services as styrelse_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def paragraf(forbund, kanslist):
    organ = styrelse_services.organ_styrelse(forbund=forbund)
    s = styrelse_services.sammantrade_create(
        organ=organ, datum=dt.date(2018, 3, 23), plats="Kansliet"
    )
    return s.paragrafer.order_by("nummer").last()


@pytest.fixture
def snabb_pdf(monkeypatch):
    """Laying out the whole document takes seconds; these tests are about the rules
    around it, so the PDF is a stand-in carrying the frozen HTML it was made from."""
    calls = []

    def fake(html: str) -> bytes:
        calls.append(html)
        return f"%PDF-1.7 {len(calls)}\n{html}".encode()

    monkeypatch.setattr(services, "html_to_pdf", fake)
    return calls


def test_kansli_writes_a_text_and_markup_is_never_injected(as_user, kanslist, forbund):
    client = as_user(kanslist)
    url = reverse("ekonomi:arsredovisning_text", args=[2017, "ordforande"])
    response = client.post(
        url, {"text": "Ett **gott** år.\n\n<script>alert(1)</script>"}
    )
    assert response.status_code == 302
    t = Avsnittstext.objects.get(forbund=forbund, ar=2017, avsnitt="ordforande")
    assert t.andrad_av == kanslist
    html = selectors.avsnitt_list(forbund=forbund, ar=2017)[0].html
    assert "<strong>gott</strong>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_last_years_text_is_the_starting_point(as_user, kanslist, forbund):
    services.avsnittstext_save(
        forbund=forbund,
        ar=2016,
        avsnitt="vision",
        text="Förra årets vision.",
        user=None,
    )
    client = as_user(kanslist)
    response = client.get(reverse("ekonomi:arsredovisning_text", args=[2017, "vision"]))
    assert "Förra årets vision." in response.content.decode()
    vision = next(
        a for a in selectors.avsnitt_list(forbund=forbund, ar=2017) if a.kod == "vision"
    )
    assert (vision.egen, vision.fran_ar) == (False, 2016)


def test_unknown_section_is_404(as_user, kanslist):
    client = as_user(kanslist)
    url = reverse("ekonomi:arsredovisning_text", args=[2017, "inget"])
    assert client.get(url).status_code == 404


def test_revisor_and_styrelse_cannot_write(as_user, revisor, styrelseledamot):
    url = reverse("ekonomi:arsredovisning_text", args=[2017, "ordforande"])
    for user in (revisor, styrelseledamot):
        assert as_user(user).post(url, {"text": "x"}).status_code == 403


def test_approval_freezes_the_pdf_and_it_downloads_unchanged_after_edits(
    as_user, kanslist, revisor, forbund, paragraf, snabb_pdf
):
    services.avsnittstext_save(
        forbund=forbund, ar=2017, avsnitt="ordforande", text="Före.", user=None
    )
    response = as_user(kanslist).post(
        reverse("ekonomi:arsredovisning_godkann", args=[2017]),
        {"paragraf": paragraf.pk},
    )
    assert response.status_code == 302
    a = Arsredovisning.objects.get(forbund=forbund, ar=2017)
    assert a.ar_godkand and a.godkand_paragraf == paragraf
    assert a.godkand_datum == dt.date(2018, 3, 23)
    assert a.pdf_sha256 == hashlib.sha256(bytes(a.pdf)).hexdigest()
    forsta = bytes(a.pdf)
    assert b"F\xc3\xb6re." in forsta  # made from the data of the approval

    # The data changes afterwards past the freeze guard (as raw SQL would).
    Avsnittstext._base_manager.filter(forbund=forbund, ar=2017).update(text="Efter.")

    client = as_user(revisor)
    url = reverse("ekonomi:arsredovisning_godkand_pdf", args=[2017])
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert response.content == forsta
        assert response["X-Content-SHA256"] == a.pdf_sha256
    assert len(snabb_pdf) == 1  # laid out once, on approval, never again
    assert "UTKAST" not in snabb_pdf[0].split("<body>")[1]
    arkiv = client.get(reverse("ekonomi:arsredovisning_arkiv")).content.decode()
    assert a.pdf_sha256 in arkiv


def test_an_approved_report_refuses_new_texts(forbund, paragraf, snabb_pdf):
    services.arsredovisning_godkann(
        forbund=forbund, ar=2017, paragraf=paragraf, user=None
    )
    with pytest.raises(services.ValidationError):
        services.avsnittstext_save(
            forbund=forbund, ar=2017, avsnitt="vision", text="x", user=None
        )
    with pytest.raises(services.ValidationError):
        services.arsredovisning_godkann(
            forbund=forbund, ar=2017, paragraf=paragraf, user=None
        )


def _varje_vag_vagras(stale, andring: dict) -> None:
    """A row of an approved report, read before: saving it with ``andring``, deleting
    it, and a bulk update or delete of it are all refused by the freeze guard."""
    from django.core.exceptions import ValidationError

    for falt, varde in andring.items():
        setattr(stale, falt, varde)
    with pytest.raises(ValidationError, match="godkänd och fastställd"):
        stale.save()
    with pytest.raises(ValidationError):
        stale.delete()
    qs = type(stale).objects.filter(pk=stale.pk)
    with pytest.raises(ValidationError):
        qs.update(**andring)
    with pytest.raises(ValidationError):
        qs.delete()


def test_the_approved_report_freezes_through_finsams_one_guard(
    forbund, paragraf, snabb_pdf
):
    """finsam/frysning.py refuses every path to the approved report: the model's save,
    a bulk update or delete; only the PDF laid out once is stored."""
    from django.core.exceptions import ValidationError

    from finsam.frysning import fryst_orsak

    a = services.arsredovisning_godkann(
        forbund=forbund, ar=2017, paragraf=paragraf, user=None
    )
    assert a.pdf_sha256  # the PDF was stored after approval
    assert fryst_orsak(a) == (
        "Årsredovisningen 2017 är godkänd och fastställd; den kan inte ändras."
    )
    a.html = "<p>ändrad</p>"
    with pytest.raises(ValidationError):
        a.save()
    with pytest.raises(ValidationError):
        Arsredovisning.objects.filter(pk=a.pk).update(html="<p>ändrad</p>")
    with pytest.raises(ValidationError):
        Arsredovisning.objects.filter(pk=a.pk).delete()
    a.refresh_from_db()
    a.pdf_sha256 = "0" * 64
    with pytest.raises(ValidationError):
        a.save()  # a stored PDF is never replaced


def test_an_approved_report_is_refused_by_model_save_delete_and_bulk_writes(
    forbund, paragraf, snabb_pdf
):
    """Not only the services: a stale object, a bulk update or delete and a second
    PDF are refused by the freeze guard (finsam/frysning.py)."""
    from django.core.exceptions import ValidationError

    a = services.arsredovisning_godkann(
        forbund=forbund, ar=2017, paragraf=paragraf, user=None
    )
    fryst = (a.html, bytes(a.pdf), a.pdf_sha256)
    assert a.pdf_sha256  # stored once after approval: the one change allowed
    _varje_vag_vagras(
        Arsredovisning.objects.get(pk=a.pk),
        {"status": Arsredovisning.UTKAST, "html": "<p>Ändrad</p>"},
    )
    with pytest.raises(ValidationError):
        Arsredovisning.objects.filter(pk=a.pk).update(
            pdf=b"%PDF annan", pdf_sha256="0" * 64
        )
    again = Arsredovisning.objects.get(pk=a.pk)
    again.pdf, again.pdf_sha256 = b"%PDF annan", "0" * 64
    with pytest.raises(ValidationError):
        again.save(update_fields=["pdf", "pdf_sha256"])
    assert services.arsredovisning_pdf_faststall(arsredovisning_id=a.pk) == fryst[2]
    a = Arsredovisning.objects.get(pk=a.pk)
    assert (a.html, bytes(a.pdf), a.pdf_sha256) == fryst
    assert a.status == Arsredovisning.GODKAND


def test_the_years_texts_and_accepted_findings_freeze_with_the_approved_report(
    forbund, paragraf, snabb_pdf
):
    """What the approved document was made from cannot change by any path either:
    a text or an accepted finding of the year is refused on save, delete, bulk update,
    bulk delete and as a new row; another year's stay open."""
    from django.core.exceptions import ValidationError

    from ekonomi.arsredovisning.models import Fyndbedomning

    text = services.avsnittstext_save(
        forbund=forbund, ar=2017, avsnitt="vision", text="Före.", user=None
    )
    fynd = Fyndbedomning.objects.create(
        forbund=forbund, ar=2017, nyckel="balans", kommentar="Öresavrundning."
    )
    services.arsredovisning_godkann(
        forbund=forbund, ar=2017, paragraf=paragraf, user=None
    )
    for obj, falt in ((text, "text"), (fynd, "kommentar")):
        model = type(obj)
        _varje_vag_vagras(model.objects.get(pk=obj.pk), {falt: "Efteråt."})
        assert getattr(model.objects.get(pk=obj.pk), falt) == getattr(obj, falt)
    with pytest.raises(ValidationError, match="godkänd och fastställd"):
        Avsnittstext.objects.create(
            forbund=forbund, ar=2017, avsnitt="historik", text="Ny."
        )
    with pytest.raises(ValidationError):
        Fyndbedomning.objects.bulk_create(
            [Fyndbedomning(forbund=forbund, ar=2017, nyckel="ny", kommentar="x")]
        )
    assert not Avsnittstext.objects.filter(ar=2017, avsnitt="historik").exists()
    # The next year's report is a draft: its texts are written as before.
    nasta = Avsnittstext.objects.create(
        forbund=forbund, ar=2018, avsnitt="vision", text="Nästa år."
    )
    nasta.text = "Nästa år, omskrivet."
    nasta.save()
    Avsnittstext.objects.filter(pk=nasta.pk).delete()


def test_a_paragraph_from_within_the_year_is_refused(forbund, paragraf, snabb_pdf):
    with pytest.raises(services.ValidationError, match="efter årets slut"):
        services.arsredovisning_godkann(
            forbund=forbund, ar=2018, paragraf=paragraf, user=None
        )
    assert snabb_pdf == []


@dataclass
class Fynd:
    nyckel: str
    beskrivning: str
    plats: str
    belopp_a: Decimal
    belopp_b: Decimal
    differens: Decimal


def test_findings_block_approval_until_each_is_accepted_with_a_comment(
    as_user, kanslist, forbund, paragraf, snabb_pdf, monkeypatch
):
    fynd = [
        Fynd(
            "balans",
            "Tillgångar ≠ eget kapital och skulder",
            "Balansräkning",
            Decimal("15794501"),
            Decimal("15794500"),
            Decimal("1"),
        )
    ]
    monkeypatch.setattr(selectors, "avstamning", lambda forbund, ar: fynd)
    client = as_user(kanslist)
    godkann = reverse("ekonomi:arsredovisning_godkann", args=[2017])
    client.post(godkann, {"paragraf": paragraf.pk})
    assert not Arsredovisning.objects.filter(ar=2017, status="godkand").exists()

    page = client.get(reverse("ekonomi:arsredovisning_ar", args=[2017]))
    assert "Tillgångar ≠ eget kapital och skulder" in page.content.decode()

    # An empty comment is not an acceptance.
    fynd_url = reverse("ekonomi:arsredovisning_fynd", args=[2017])
    client.post(fynd_url, {"nyckel": "balans", "kommentar": " "})
    assert selectors.fynd_list(forbund=forbund, ar=2017)[0].godtaget is False
    client.post(fynd_url, {"nyckel": "balans", "kommentar": "Avrundning i bokslutet."})
    assert selectors.fynd_list(forbund=forbund, ar=2017)[0].godtaget is True

    # The difference grows: the acceptance no longer covers it.
    fynd[0].differens = Decimal("30")
    assert selectors.fynd_list(forbund=forbund, ar=2017)[0].godtaget is False
    fynd[0].differens = Decimal("1")

    client.post(godkann, {"paragraf": paragraf.pk})
    assert Arsredovisning.objects.get(forbund=forbund, ar=2017).ar_godkand


def test_a_draft_is_not_downloadable_as_approved(as_user, revisor):
    response = as_user(revisor).get(
        reverse("ekonomi:arsredovisning_godkand_pdf", args=[2017])
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("ekonomi:arsredovisning_arkiv")


def test_revisor_is_sent_to_the_approved_documents(as_user, revisor):
    response = as_user(revisor).get(reverse("ekonomi:arsredovisning_index"))
    assert response["Location"] == reverse("ekonomi:arsredovisning_arkiv")
    assert (
        as_user(revisor)
        .get(reverse("ekonomi:arsredovisning_visa", args=[2017]))
        .status_code
        == 403
    )


def test_only_the_approved_report_is_listed_on_the_dokument_page(
    forbund, paragraf, snabb_pdf
):
    from finsam.documents import documents_for

    def titlar():
        return [d.titel for d in documents_for(forbund, 2017)]

    services.avsnittstext_save(
        forbund=forbund, ar=2017, avsnitt="vision", text="Utkast.", user=None
    )
    assert not any("Årsredovisning" in t for t in titlar())
    services.arsredovisning_godkann(
        forbund=forbund, ar=2017, paragraf=paragraf, user=None
    )
    docs = [d for d in documents_for(forbund, 2017) if "Årsredovisning" in d.titel]
    assert [(d.titel, d.url, d.datum) for d in docs] == [
        (
            "Årsredovisning 2017 (fastställd)",
            reverse("ekonomi:arsredovisning_godkand_pdf", args=[2017]),
            dt.date(2018, 3, 23),
        )
    ]
