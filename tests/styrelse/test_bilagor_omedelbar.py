import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from styrelse import services
from styrelse.models import Bilaga, Delegationsbeslut, Paragraf

pytestmark = pytest.mark.django_db


@pytest.fixture
def arende(forbund):
    return services.arende_create(
        forbund=forbund, ar=2018, rubrik="Årsredovisning 2017"
    )


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


@pytest.mark.parametrize(
    ("namn", "innehall"),
    [
        ("skript.exe", b"MZ\x90\x00"),
        ("falsk.pdf", b"<html>inte en pdf</html>"),
        ("tom.txt", b""),
        ("bild.png", b"GIF89a"),
    ],
)
def test_wrong_or_disguised_file_types_are_refused(arende, namn, innehall):
    with pytest.raises(ValidationError):
        services.bilaga_create(arende=arende, namn=namn, innehall=innehall)


def test_too_large_attachment_is_refused(arende):
    with pytest.raises(ValidationError, match="10 MB"):
        services.bilaga_create(
            arende=arende,
            namn="stor.pdf",
            innehall=b"%PDF-" + b"0" * services.BILAGA_MAX,
        )


def test_attachment_of_another_forbund_is_404(as_user, outsider, arende):
    bilaga = services.bilaga_create(arende=arende, namn="a.txt", innehall=b"hej")
    assert (
        as_user(outsider)
        .get(reverse("styrelse:bilaga_download", args=[bilaga.pk]))
        .status_code
        == 404
    )


def test_omedelbar_justering_freezes_one_paragraph(sammantrade, ordforande, justerare):
    p = sammantrade.paragrafer.get(typ=Paragraf.JUSTERARE)
    services.paragraf_update(paragraf=p, beslut="Jenny Justerare utses.")
    services.paragraf_justera_omedelbart(paragraf=p, user=ordforande)
    p.refresh_from_db()
    assert not p.omedelbart_justerad
    services.paragraf_justera_omedelbart(paragraf=p, user=justerare)
    p.refresh_from_db()
    assert p.omedelbart_justerad
    with pytest.raises(ValidationError):
        services.paragraf_update(paragraf=p, beslut="Ändrat")
    # The rest of the protocol is still open, but nothing may renumber the frozen §.
    andra = sammantrade.paragrafer.get(typ=Paragraf.DAGORDNING)
    services.paragraf_update(paragraf=andra, beslut="Godkänd.")
    with pytest.raises(ValidationError):
        services.sammantrade_create(organ=sammantrade.organ, datum=dt.date(2018, 1, 10))


def test_edit_between_the_two_approvals_voids_the_first(
    sammantrade, ordforande, justerare
):
    p = sammantrade.paragrafer.get(typ=Paragraf.JUSTERARE)
    services.paragraf_update(paragraf=p, beslut="A")
    services.paragraf_justera_omedelbart(paragraf=p, user=ordforande)
    services.paragraf_update(paragraf=p, beslut="B")
    services.paragraf_justera_omedelbart(paragraf=p, user=justerare)
    p.refresh_from_db()
    assert not p.omedelbart_justerad


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


def test_decisions_the_delegationsordning_does_not_report_are_not_gathered(
    forbund, organ
):
    punkt = services.delegationspunkt_create(
        forbund=forbund, arendetyp="Attest", delegat="Förbundschef", anmalas=False
    )
    services.delegationsbeslut_create(
        forbund=forbund,
        delegationspunkt=punkt,
        datum=dt.date(2018, 3, 1),
        beslut="Attest",
    )
    services.sammantrade_create(organ=organ, datum=dt.date(2018, 3, 23))
    beslut = Delegationsbeslut.objects.get()
    assert beslut.anmald_paragraf is None
    assert beslut.arendetyp == "Attest" and beslut.delegat == "Förbundschef"


def test_sammantradesplan_lists_the_years_meetings(as_user, revisor, organ):
    services.sammantrade_create(organ=organ, datum=dt.date(2018, 2, 2), plats="Rum A")
    services.sammantrade_create(organ=organ, datum=dt.date(2019, 2, 1), plats="Rum B")
    html = (
        as_user(revisor)
        .get(reverse("styrelse:sammantradesplan", args=[2018]))
        .content.decode()
    )
    assert "Rum A" in html and "Rum B" not in html
