"""The public board shows only what is public: masking chosen on the protocol's structure
(a §, an ärende, a delegation report, a person), the public HTML and PDF made from the
masked data and read back as text, and anslag that have come down gone from the board."""

import datetime as dt
import html
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from styrelse import services
from styrelse.models import Maskering, Narvaro, Paragraf
from styrelse.selectors import protokoll_hash
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

UPPE = dt.date(2018, 4, 5)  # the anslag went up 2018-03-29 and comes down 2018-04-19


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


@pytest.fixture
def protokoll(forbund, sammantrade, ordforande, justerare, arende, monkeypatch):
    """A justerat protocol on the board with a private person's matter, an ärende, a
    staff matter and two delegation reports."""
    monkeypatch.setattr("finsam.dates.today", lambda: UPPE)
    anna = PersonFactory(forbund=forbund, fornamn="Anna", efternamn="Andersson")
    services.narvaro_add(
        sammantrade=sammantrade, person=anna, roll=Narvaro.OVRIG, funktion="sökande"
    )
    stod = services.paragraf_add(sammantrade=sammantrade, rubrik="Ansökan om stöd")
    # Another case and a line break than the person record: still her name.
    services.paragraf_update(
        paragraf=stod, beslut="Styrelsen beviljar ANNA\nandersson stöd."
    )
    ars = services.paragraf_add(
        sammantrade=sammantrade, rubrik=arende.rubrik, arende=arende
    )
    services.paragraf_update(paragraf=ars, beslut="Årsredovisningen godkänns.")
    personal = services.paragraf_add(
        sammantrade=sammantrade, rubrik="Personalärende sekretess"
    )
    services.paragraf_update(paragraf=personal, beslut="Kalle Karlsson omplaceras.")
    for beslut in ("Avtal med Bolaget AB", "Lönesättning för Sven Svensson"):
        services.delegationsbeslut_create(
            forbund=forbund,
            datum=dt.date(2018, 3, 1),
            delegat="Förbundschef",
            arendetyp="Avtal",
            beslut=beslut,
        )
    services.utkast_publicera(
        sammantrade=sammantrade, nar=dt.datetime(2018, 3, 26, 9, tzinfo=dt.UTC)
    )
    for user in (ordforande, justerare):
        services.sammantrade_justera(
            sammantrade=sammantrade,
            user=user,
            sedd_hash=protokoll_hash(sammantrade),
            nar=dt.datetime(2018, 3, 28, 10, tzinfo=dt.UTC),
        )
    services.anslag_publicera(sammantrade=sammantrade, uppsatt=dt.date(2018, 3, 29))
    sammantrade.refresh_from_db()
    sammantrade.anna = anna
    sammantrade.stod, sammantrade.ars, sammantrade.personal = stod, ars, personal
    return sammantrade


def _pdf_url(s) -> str:
    return reverse("styrelse:anslag_protokoll_pdf", args=[s.organ.forbund.orgnr, s.pk])


def _offentlig_text(client, s) -> dict[str, str]:
    """The public copy as a reader gets it: the HTML page's text and the PDF's text."""
    sida = client.get(_pdf_url(s) + "?html=1")
    assert sida.status_code == 200
    kropp = sida.content.decode().split("<body", 1)[1]
    kropp = re.sub(r"<style.*?</style>", " ", kropp, flags=re.S)
    webb = html.unescape(re.sub(r"<[^>]+>", " ", kropp))
    pdf = client.get(_pdf_url(s))
    assert pdf["Content-Type"] == "application/pdf"
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages
    )
    return {"html": _norm(webb), "pdf": _norm(text)}


def _deleg(s, text):
    paragraf = s.paragrafer.get(typ=Paragraf.DELEGATIONSBESLUT)
    return paragraf.delegationsbeslut.get(beslut__contains=text).pk


@pytest.mark.parametrize(
    ("val", "borta", "kvar"),
    [
        (
            lambda s: {"personer": [s.anna.pk]},
            ["anna andersson", "anna andersson stöd", "sökande"],
            ["årsredovisningen godkänns", "olle ordförande", "avtal med bolaget ab"],
        ),
        (
            lambda s: {"arenden": [s.ars.arende_id]},
            ["årsredovisningen godkänns", "årsredovisning 2017"],
            ["kalle karlsson omplaceras", "anna andersson", "avtal med bolaget ab"],
        ),
        (
            lambda s: {"paragrafer": [s.personal.pk]},
            ["kalle karlsson", "personalärende sekretess"],
            ["årsredovisningen godkänns", "lönesättning för sven svensson"],
        ),
        (
            lambda s: {"delegationsbeslut": [_deleg(s, "Sven")]},
            ["sven svensson", "lönesättning"],
            ["avtal med bolaget ab", "kalle karlsson omplaceras"],
        ),
    ],
    ids=["person", "arende", "paragraf", "delegationsbeslut"],
)
def test_the_public_html_and_pdf_hide_what_is_chosen_and_keep_the_rest(
    client, protokoll, val, borta, kvar
):
    hash_fore = protokoll.innehall_hash
    services.sammantrade_maskering_save(sammantrade=protokoll, **val(protokoll))
    for form, text in _offentlig_text(client, protokoll).items():
        for t in borta:
            assert t not in text, f"{t!r} står i den offentliga kopian ({form})"
        for t in kvar:
            assert t in text, f"{t!r} saknas i den offentliga kopian ({form})"
        assert "maskera" in text
    protokoll.refresh_from_db()
    assert protokoll.innehall_hash == hash_fore  # the protocol itself is untouched


def test_without_masking_the_public_copy_is_the_whole_protocol(client, protokoll):
    for text in _offentlig_text(client, protokoll).values():
        assert "anna andersson" in text and "sven svensson" in text
        assert "maskera" not in text


def test_only_the_protocols_own_parts_can_be_masked(protokoll, organ, forbund):
    annat = services.sammantrade_create(organ=organ, datum=dt.date(2018, 6, 1))
    for val in (
        {"paragrafer": [annat.paragrafer.first().pk]},
        {"personer": [PersonFactory(forbund=forbund).pk]},
        {"delegationsbeslut": [999_999]},
    ):
        with pytest.raises(ValidationError, match="finns inte i det"):
            services.sammantrade_maskering_save(sammantrade=protokoll, **val)
    assert not Maskering.objects.exists()


def test_the_kansli_chooses_on_a_page_with_a_preview(
    as_user, kanslist, styrelseledamot, protokoll
):
    url = reverse("styrelse:sammantrade_maskering", args=[protokoll.pk])
    client = as_user(kanslist)
    page = client.get(url).content.decode()
    assert "Anna Andersson" in page and "Avtal med Bolaget AB" in page
    assert f"§ {protokoll.personal.nummer} Personalärende sekretess" in page
    response = client.post(url, {"personer": [protokoll.anna.pk]})
    assert response.status_code == 302
    assert Maskering.objects.get().objekt_id == protokoll.anna.pk
    page = client.get(url).content.decode()
    assert "texten nämner Anna Andersson" in page  # why § stöd is hidden
    assert re.search(rf'name="personer" value="{protokoll.anna.pk}"[^>]*checked', page)
    # Nothing outside the protocol is accepted from a forged form either.
    response = client.post(url, {"personer": [kanslist.person_id or 999_999]})
    assert response.status_code == 400
    assert Maskering.objects.get().objekt_id == protokoll.anna.pk
    assert as_user(styrelseledamot).get(url).status_code == 403


def test_an_anslag_that_has_come_down_leaves_the_board_and_its_copy_is_gone(
    client, protokoll, monkeypatch
):
    orgnr = protokoll.organ.forbund.orgnr
    tavla = reverse("styrelse:anslagstavla", args=[orgnr])
    assert _pdf_url(protokoll) in client.get(tavla).content.decode()
    for dag, uppe in (
        (dt.date(2018, 3, 28), False),  # not up yet
        (dt.date(2018, 4, 19), True),  # the last day to appeal: still up
        (dt.date(2018, 4, 20), False),  # come down
    ):
        monkeypatch.setattr("finsam.dates.today", lambda dag=dag: dag)
        assert (_pdf_url(protokoll) in client.get(tavla).content.decode()) is uppe
        for suffix in ("", "?html=1"):
            status = client.get(_pdf_url(protokoll) + suffix).status_code
            assert status == (200 if uppe else 404)


@pytest.mark.parametrize(
    ("text", "maskeras"),
    [
        ("Styrelsen beviljar Anna Andersson stöd.", True),
        ("Styrelsen beviljar ANNA\nandersson stöd.", True),
        ("Ansökan från Andersson, Anna.", True),
        ("Ansökan från A. Andersson.", True),
        ("Anna Anderssons ansökan bifalls.", True),
        ("Ansökan från Åsa Östlund.", False),
        ("Lena Andersson och Anna Berg deltar.", False),  # namesakes stay public
        ("Andersson har ordet.", False),
    ],
)
def test_a_masked_persons_name_is_found_in_the_spellings_a_protocol_uses(
    text, maskeras
):
    from styrelse.selectors import Maskeringsval, offentlig_innehall

    innehall = {
        "narvaro": [
            {"person_id": 7, "person": "Anna Andersson (S)", "ersatter": ""},
        ],
        "paragrafer": [
            {"id": 1, "nummer": 5, "rubrik": "Ansökan", "beslut": text},
        ],
    }
    val = Maskeringsval(set(), set(), set(), {7})
    kopia = offentlig_innehall(innehall, val)
    assert (5 in kopia.skal) is maskeras
    assert kopia.innehall["narvaro"][0]["person"] == "[maskerat]"


def test_a_name_typed_without_swedish_letters_is_still_the_name():
    from styrelse.selectors import Maskeringsval, offentlig_innehall

    innehall = {
        "narvaro": [{"person_id": 3, "person": "Åsa Östlund", "ersatter": ""}],
        "paragrafer": [
            {"id": 1, "nummer": 2, "rubrik": "Stöd", "beslut": "Till Asa Ostlund."}
        ],
    }
    kopia = offentlig_innehall(innehall, Maskeringsval(set(), set(), set(), {3}))
    assert kopia.skal == {2: "texten nämner Åsa Östlund"}
