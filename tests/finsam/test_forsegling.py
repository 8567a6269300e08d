"""Signed documents anyone can verify: a frozen document is sealed with the SHA-256 of
its content and of its PDF, the PDF carries a PAdES signature that pyHanko validates, and
``verifiera`` (command and page) reports every record or file changed by hand."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F
from django.urls import reverse
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from finsam import forsegling, services, sigill
from finsam.models import Avgiftsbeslut, Avgiftsrad, Forsegling
from styrelse import services as styrelse_services
from styrelse.models import Sammantrade
from styrelse.selectors import protokoll_hash
from tests.styrelse.factories import beslutande

pytestmark = pytest.mark.django_db


@pytest.fixture
def sigill_beslut(expedierat):
    return forsegling.forsegla_senaste(expedierat.forbund, "avgiftsbeslut")


def test_a_sent_fee_decision_is_sealed_with_a_signature_pyhanko_validates(
    sigill_beslut,
    expedierat,
):
    seal = sigill_beslut
    assert seal.objekt_id == expedierat.pk and seal.signerad
    assert len(seal.innehall_sha256) == 64 and len(seal.pdf_sha256) == 64
    pdf = bytes(seal.pdf)
    signaturer = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    assert len(signaturer) == 1
    cert = sigill.signerare().signing_cert
    status = validate_pdf_signature(
        signaturer[0], ValidationContext(trust_roots=[cert], allow_fetching=False)
    )
    assert status.intact and status.valid and status.trusted
    assert "ENTIRE_FILE" in str(signaturer[0].coverage)
    # Still the PDF/A-2a the pipeline wrote: the signature is an incremental update.
    xmp = PdfReader(io.BytesIO(pdf)).xmp_metadata
    assert xmp is not None and "pdfaid" in xmp.stream.get_data().decode()


def test_verifiera_passes_and_then_reports_a_hand_edited_record(
    sigill_beslut,
    expedierat,
    capsys,
):
    call_command("verifiera", expedierat.forbund.orgnr)
    assert "0 avvikelser" in capsys.readouterr().out
    # By hand, past every guard of the app: one row's amount in the database.
    Avgiftsrad._base_manager.filter(beslut=expedierat).filter(
        pk=expedierat.rader.first().pk
    ).update(belopp=F("belopp") + 1)
    with pytest.raises(CommandError) as fel:
        call_command("verifiera", expedierat.forbund.orgnr)
    assert fel.value.returncode == 1
    ut = capsys.readouterr().out
    assert "AVVIKELSE Medlemsavgifter 2019" in ut and "Innehållet har ändrats" in ut


def test_verifiera_reports_a_pdf_changed_after_sealing(sigill_beslut, expedierat):
    seal = sigill_beslut
    andrad = bytes(seal.pdf) + b"\n% tillagt efterat\n"
    Forsegling.objects.filter(pk=seal.pk).update(pdf=andrad)
    fel = [a.fel for a in forsegling.verifiera(expedierat.forbund).avvikelser]
    assert "PDF:en stämmer inte med sin kontrollsumma." in fel
    assert "PDF:en har ändrats efter signeringen." in fel


def test_a_replaced_decision_stays_verified(sigill_beslut, expedierat):
    Avgiftsbeslut._base_manager.filter(pk=expedierat.pk).update(
        status=Avgiftsbeslut.ERSATT
    )
    assert forsegling.verifiera(expedierat.forbund).ok


def test_a_decision_replaced_through_the_service_stays_verified(
    sigill_beslut, expedierat
):
    # The service saves the old decision's new status, which moves its version on.
    fore = Avgiftsbeslut.objects.get(pk=expedierat.pk).version
    services.avgiftsbeslut_ersatt(
        beslut=expedierat, total=expedierat.total, metod=expedierat.metod
    )
    assert Avgiftsbeslut.objects.get(pk=expedierat.pk).version > fore
    assert forsegling.verifiera(expedierat.forbund).ok


def test_the_page_shows_the_result_to_kansli_and_revisor(
    client,
    sigill_beslut,
    expedierat,
    revisor,
    styrelseledamot,
    outsider,
):
    client.force_login(revisor)
    page = client.get(reverse("finsam:verifiera")).content.decode()
    assert "alla stämmer" in page and sigill_beslut.pdf_sha256 in page
    pdf = client.get(reverse("finsam:forsegling_pdf", args=[sigill_beslut.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content == bytes(sigill_beslut.pdf)
    Avgiftsbeslut._base_manager.filter(pk=expedierat.pk).update(total=1)
    page = client.get(reverse("finsam:verifiera")).content.decode()
    assert "1 avvikelser" in page and "Innehållet har ändrats" in page
    client.force_login(styrelseledamot)
    assert client.get(reverse("finsam:verifiera")).status_code == 403
    client.force_login(outsider)
    url = reverse("finsam:forsegling_pdf", args=[sigill_beslut.pk])
    assert client.get(url).status_code == 404


def test_a_justerat_protocol_is_sealed_when_it_freezes(
    forbund, mote, ordf, just, django_capture_on_commit_callbacks
):
    beslutande(mote, ordf, just)
    styrelse_services.utkast_publicera(sammantrade=mote)
    with django_capture_on_commit_callbacks(execute=True):
        for user in (ordf, just):
            styrelse_services.sammantrade_justera(
                sammantrade=mote, user=user, sedd_hash=protokoll_hash(mote)
            )
    seal = Forsegling.objects.get(slag="protokoll", objekt_id=mote.pk)
    assert seal.signerad and sigill.kontrollera(bytes(seal.pdf)).giltig
    assert forsegling.verifiera(forbund).ok

    Sammantrade._base_manager.filter(pk=mote.pk).update(
        innehall={**mote.__class__.objects.get(pk=mote.pk).innehall, "plats": "Annan"}
    )
    resultat = forsegling.verifiera(forbund)
    assert [a.fel for a in resultat.avvikelser] == [
        "Innehållet har ändrats sedan handlingen förseglades."
    ]
