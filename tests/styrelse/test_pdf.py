import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from finsam.demo import build_demo
from styrelse.models import Sammantrade

pytestmark = pytest.mark.django_db

TITLAR = [
    "Val av justerare",
    "Godkännande av föredragningslistan",
    "Information: externa utvärderingar",
    "Årsredovisning 2017",
    "Representation vid årsmöte",
    "Plan för medlemssamråd 2018",
    "Inventering av hur förbundet",
    "Extern utvärdering av Hälsosam",
    "Anmälningsärenden",
    "Informationsärenden",
    "Övriga frågor",
]


@pytest.fixture
def demo():
    return build_demo()


def _text(pdf: bytes) -> list[str]:
    return [
        " ".join(page.extract_text().split())
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def test_command_writes_the_demo_protocol_with_header_paragraphs_and_page_boxes(
    demo, tmp_path
):
    out = tmp_path / "protokoll.pdf"
    call_command("protokoll", demo.forbund.orgnr, "2018-03-23", "-o", str(out))
    pages = _text(out.read_bytes())
    first = pages[0]
    for rubrik in [
        "Plats och tid",
        "Beslutande",
        "Ersättare",
        "Övriga deltagande",
        "Justeringens plats och tid",
        "Sekreterare",
        "Ordförande",
        "Justerare",
        "§§ 1–11",
    ]:
        assert rubrik in first, rubrik
    assert "2018-03-28" in first
    allt = " ".join(pages)
    for nummer, titel in enumerate(TITLAR, start=1):
        assert f"§ {nummer} {titel}" in allt, titel
    for page in pages:
        assert (
            "Ordförande" in page
            and "Justerare" in page
            and "Utdragsbestyrkande" in page
        )
    sammantrade = Sammantrade.objects.for_forbund(demo.forbund).get(
        datum=dt.date(2018, 3, 23)
    )
    assert sammantrade.innehall_hash[:20] in allt.replace(" ", "")
    assert "Anslaget tas ner den 2018-04-19" in allt


def test_public_pdf_only_for_anslagna_protocols(client, demo):
    mars = Sammantrade.objects.for_forbund(demo.forbund).get(datum=dt.date(2018, 3, 23))
    maj = Sammantrade.objects.for_forbund(demo.forbund).get(
        status=Sammantrade.UTKAST
    )  # held last month, not justerat yet
    orgnr = demo.forbund.orgnr
    ok = client.get(reverse("styrelse:anslag_protokoll_pdf", args=[orgnr, mars.pk]))
    assert ok.status_code == 200 and ok["Content-Type"] == "application/pdf"
    assert (
        client.get(
            reverse("styrelse:anslag_protokoll_pdf", args=[orgnr, maj.pk])
        ).status_code
        == 404
    )


def test_draft_pdf_is_marked_as_draft(client, demo):
    maj = Sammantrade.objects.for_forbund(demo.forbund).get(status=Sammantrade.UTKAST)
    client.force_login(demo.users["revisor"])
    pdf = client.get(reverse("styrelse:protokoll_pdf", args=[maj.pk])).content
    assert "UTKAST" in _text(pdf)[0]


def test_anmalningsarenden_are_printed_a_b_c(demo, tmp_path):
    out = tmp_path / "p.pdf"
    call_command("protokoll", demo.forbund.orgnr, "2018-03-23", "-o", str(out))
    allt = " ".join(_text(out.read_bytes()))
    assert "a) Protokoll, förbundsstyrelsen den 2 februari 2018." in allt
    assert "f) Utredning SKL" in allt


def test_public_copy_masks_chosen_passages_but_keeps_the_full_protocol(client, demo):
    from styrelse.services import sammantrade_maskering_save

    mars = Sammantrade.objects.for_forbund(demo.forbund).get(datum=dt.date(2018, 3, 23))
    namn = demo.personer["chef"].namn
    hash_fore = mars.innehall_hash
    sammantrade_maskering_save(sammantrade=mars, maskering=namn)
    offentlig = " ".join(
        _text(
            client.get(
                reverse(
                    "styrelse:anslag_protokoll_pdf", args=[demo.forbund.orgnr, mars.pk]
                )
            ).content
        )
    )
    assert namn not in offentlig and "[maskerat]" in offentlig
    client.force_login(demo.users["kansli"])
    full = " ".join(
        _text(client.get(reverse("styrelse:protokoll_pdf", args=[mars.pk])).content)
    )
    assert namn in full
    mars.refresh_from_db()
    assert mars.innehall_hash == hash_fore
