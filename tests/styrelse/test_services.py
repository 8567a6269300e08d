import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from styrelse import frister, selectors, services
from styrelse.models import Arende, Delegationsbeslut, Justering, Paragraf, Sammantrade
from styrelse.selectors import paragraf_hash, protokoll_hash
from tests.factories import PersonFactory
from tests.styrelse.factories import beslutande

pytestmark = pytest.mark.django_db


def test_diarienummer_runs_per_forbund_and_year(forbund, annat_forbund):
    a = services.arende_create(forbund=forbund, ar=2018, rubrik="A")
    b = services.arende_create(forbund=forbund, ar=2018, rubrik="B")
    c = services.arende_create(forbund=annat_forbund, ar=2018, rubrik="C")
    d = services.arende_create(forbund=forbund, ar=2019, rubrik="D")
    assert (a.lopnummer, b.lopnummer, c.lopnummer, d.lopnummer) == (1, 2, 1, 1)
    assert b.diarienummer == "EX 2018/2"


def test_explicit_lopnummer_moves_the_counter_past_it(forbund):
    services.arende_create(
        forbund=forbund, ar=2018, rubrik="Årsredovisning", lopnummer=18
    )
    nasta = services.arende_create(forbund=forbund, ar=2018, rubrik="Nästa")
    assert nasta.lopnummer == 19


def test_duplicate_diarienummer_is_refused_by_the_database(forbund):
    services.arende_create(forbund=forbund, ar=2018, rubrik="A")
    with pytest.raises(IntegrityError), transaction.atomic():
        Arende.objects.create(forbund=forbund, ar=2018, lopnummer=1, rubrik="Dubblett")


@pytest.mark.django_db(transaction=True)
def test_concurrent_arenden_get_distinct_numbers_without_gaps(forbund):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the lock is exercised on PostgreSQL.")
    errors = []

    def skapa(i):
        try:
            services.arende_create(forbund=forbund, ar=2018, rubrik=f"Ärende {i}")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=skapa, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    nummer = sorted(
        Arende.objects.filter(forbund=forbund).values_list("lopnummer", flat=True)
    )
    assert nummer == [1, 2, 3, 4, 5, 6]


def test_meeting_gets_the_standard_items_around_its_arenden(organ, forbund):
    arende = services.arende_create(
        forbund=forbund, ar=2018, rubrik="Årsredovisning 2017"
    )
    s = services.sammantrade_create(
        organ=organ, datum=dt.date(2018, 3, 23), arenden=[arende]
    )
    rubriker = list(s.paragrafer.order_by("nummer").values_list("nummer", "rubrik"))
    assert rubriker == [
        (1, "Val av justerare"),
        (2, "Godkännande av dagordningen"),
        (3, "Årsredovisning 2017"),
        (4, "Anmälningsärenden"),
        (5, "Anmälan av delegationsbeslut"),
        (6, "Informationsärenden"),
        (7, "Övriga frågor"),
    ]


def test_paragraphs_run_on_through_the_year_and_restart_next_year(organ):
    forsta = services.sammantrade_create(organ=organ, datum=dt.date(2018, 2, 2))
    andra = services.sammantrade_create(organ=organ, datum=dt.date(2018, 3, 23))
    nasta_ar = services.sammantrade_create(organ=organ, datum=dt.date(2019, 2, 1))
    assert list(forsta.paragrafer.values_list("nummer", flat=True)) == [
        1,
        2,
        3,
        4,
        5,
        6,
    ]
    assert list(andra.paragrafer.values_list("nummer", flat=True)) == [
        7,
        8,
        9,
        10,
        11,
        12,
    ]
    assert nasta_ar.paragrafer.order_by("nummer").first().nummer == 1


def test_added_arende_goes_before_closing_items_and_later_meetings_are_renumbered(
    organ, forbund
):
    forsta = services.sammantrade_create(organ=organ, datum=dt.date(2018, 2, 2))
    andra = services.sammantrade_create(organ=organ, datum=dt.date(2018, 3, 23))
    arende = services.arende_create(forbund=forbund, ar=2018, rubrik="Budget")
    p = services.paragraf_add(sammantrade=forsta, rubrik=arende.rubrik, arende=arende)
    assert p.nummer == 3
    assert (
        list(forsta.paragrafer.order_by("nummer").values_list("rubrik", flat=True))[2]
        == "Budget"
    )
    assert list(andra.paragrafer.values_list("nummer", flat=True)) == [
        8,
        9,
        10,
        11,
        12,
        13,
    ]


def test_paragraph_number_is_unique_per_organ_and_year(sammantrade):
    p = sammantrade.paragrafer.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Paragraf.objects.filter(pk=sammantrade.paragrafer.last().pk).update(
            nummer=p.nummer
        )


def test_justering_needs_both_ordforande_and_justerare(utkast, ordforande, justerare):
    services.sammantrade_justera(
        sammantrade=utkast, user=ordforande, sedd_hash=protokoll_hash(utkast)
    )
    utkast.refresh_from_db()
    assert utkast.status == Sammantrade.UTKAST
    services.sammantrade_justera(
        sammantrade=utkast, user=justerare, sedd_hash=protokoll_hash(utkast)
    )
    utkast.refresh_from_db()
    assert utkast.status == Sammantrade.JUSTERAT
    assert len(utkast.innehall_hash) == 64
    assert utkast.innehall_hash == selectors.innehall_hash(utkast.innehall)
    assert utkast.innehall["paragrafer"][0]["rubrik"] == "Val av justerare"


def test_other_board_member_cannot_justera(utkast, styrelseledamot):
    with pytest.raises(ValidationError):
        services.sammantrade_justera(
            sammantrade=utkast, user=styrelseledamot, sedd_hash=protokoll_hash(utkast)
        )


def test_an_edit_after_one_approval_voids_it(utkast, ordforande, justerare):
    services.sammantrade_justera(
        sammantrade=utkast, user=ordforande, sedd_hash=protokoll_hash(utkast)
    )
    p = utkast.paragrafer.first()
    services.paragraf_update(
        paragraf=p, beslut="Styrelsen beslutar att utse X att justera."
    )
    assert Justering.objects.get(roll=Justering.ORDFORANDE).ogiltig
    services.sammantrade_justera(
        sammantrade=utkast, user=justerare, sedd_hash=protokoll_hash(utkast)
    )
    utkast.refresh_from_db()
    assert utkast.status == Sammantrade.UTKAST
    services.sammantrade_justera(
        sammantrade=utkast, user=ordforande, sedd_hash=protokoll_hash(utkast)
    )
    utkast.refresh_from_db()
    assert utkast.status == Sammantrade.JUSTERAT


def test_justerat_protocol_refuses_every_change(justerat, forbund):
    p = justerat.paragrafer.first()
    with pytest.raises(ValidationError):
        services.paragraf_update(paragraf=p, beslut="Ändrat")
    with pytest.raises(ValidationError):
        services.paragraf_add(sammantrade=justerat, rubrik="Ny")
    with pytest.raises(ValidationError):
        services.sammantrade_update(sammantrade=justerat, plats="Annan plats")
    with pytest.raises(ValidationError):
        services.narvaro_add(
            sammantrade=justerat, person=PersonFactory(forbund=forbund), roll="ledamot"
        )
    with pytest.raises(ValidationError):
        services.kommentar_create(paragraf=p, user=justerat.ordforande, text="Sent")
    p.refresh_from_db()
    assert p.beslut == ""


def test_earlier_meeting_cannot_grow_when_a_later_one_is_justerat(justerat, organ):
    tidigare = services.sammantrade_create(organ=organ, datum=dt.date(2018, 8, 1))
    assert tidigare.paragrafer.first().nummer == 7
    with pytest.raises(ValidationError):
        services.sammantrade_create(organ=organ, datum=dt.date(2018, 2, 1))


def test_anslag_dates_follow_the_appeal_rule(justerat):
    anslag = services.anslag_publicera(
        sammantrade=justerat, uppsatt=dt.date(2018, 3, 29)
    )
    assert anslag.sista_overklagandedag == dt.date(2018, 4, 19)
    assert anslag.nedtas == dt.date(2018, 4, 19)
    assert not frister.anslag_forsenat(anslag)
    justerat.refresh_from_db()
    assert justerat.status == Sammantrade.ANSLAGET


def test_late_anslag_is_flagged(justerat):
    anslag = services.anslag_publicera(
        sammantrade=justerat, uppsatt=dt.date(2018, 4, 3)
    )
    assert frister.anslag_forsenat(anslag)


def test_draft_must_be_published_before_comments(sammantrade, styrelseledamot):
    with pytest.raises(ValidationError):
        services.kommentar_create(
            paragraf=sammantrade.paragrafer.first(), user=styrelseledamot, text="Hej"
        )


def test_unreported_delegationsbeslut_are_gathered_and_marked_reported_at_justering(
    forbund, organ, ordforande, justerare
):
    from styrelse.models import Delegationsbeslut

    beslut = Delegationsbeslut.objects.create(
        forbund=forbund,
        datum=dt.date(2018, 3, 1),
        delegat="Förbundschef",
        arendetyp="Direktupphandling",
        beslut="Köp av utvärdering",
    )
    senare = Delegationsbeslut.objects.create(
        forbund=forbund,
        datum=dt.date(2018, 4, 1),
        delegat="Förbundschef",
        arendetyp="Direktupphandling",
        beslut="Efter mötet",
    )
    s = services.sammantrade_create(
        organ=organ,
        datum=dt.date(2018, 3, 23),
        ordforande=ordforande.person,
        justerare=justerare.person,
    )
    beslut.refresh_from_db()
    assert beslut.anmald_paragraf.typ == Paragraf.DELEGATIONSBESLUT
    assert beslut.anmald_paragraf.sammantrade == s
    assert not beslut.anmald
    beslutande(s, ordforande, justerare)
    services.utkast_publicera(sammantrade=s)
    services.sammantrade_justera(
        sammantrade=s, user=ordforande, sedd_hash=protokoll_hash(s)
    )
    services.sammantrade_justera(
        sammantrade=s, user=justerare, sedd_hash=protokoll_hash(s)
    )
    beslut.refresh_from_db()
    senare.refresh_from_db()
    assert beslut.anmald
    assert senare.anmald_paragraf is None and not senare.anmald


def test_anmalda_handlingar_are_lettered():
    from styrelse.models import handlingar_lista

    assert handlingar_lista("Protokoll\n\nRapport\nBeslut") == [
        ("a", "Protokoll"),
        ("b", "Rapport"),
        ("c", "Beslut"),
    ]
    assert handlingar_lista("\n".join(str(i) for i in range(28)))[26][0] == "aa"


def test_model_save_refuses_a_justerat_paragraph(justerat):
    p = justerat.paragrafer.first()
    p.beslut = "Förbi tjänsterna"
    with pytest.raises(ValidationError):
        p.save()


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


def test_omedelbar_justering_freezes_one_paragraph(sammantrade, ordforande, justerare):
    p = sammantrade.paragrafer.get(typ=Paragraf.JUSTERARE)
    services.paragraf_update(paragraf=p, beslut="Jenny Justerare utses.")
    services.paragraf_justera_omedelbart(
        paragraf=p, user=ordforande, sedd_hash=paragraf_hash(p)
    )
    p.refresh_from_db()
    assert not p.omedelbart_justerad
    services.paragraf_justera_omedelbart(
        paragraf=p, user=justerare, sedd_hash=paragraf_hash(p)
    )
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
    services.paragraf_justera_omedelbart(
        paragraf=p, user=ordforande, sedd_hash=paragraf_hash(p)
    )
    services.paragraf_update(paragraf=p, beslut="B")
    services.paragraf_justera_omedelbart(
        paragraf=p, user=justerare, sedd_hash=paragraf_hash(p)
    )
    p.refresh_from_db()
    assert not p.omedelbart_justerad


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


def test_a_held_meeting_is_marked_genomfort(sammantrade):
    services.sammantrade_genomfort(sammantrade=sammantrade, idag=dt.date(2018, 3, 23))
    sammantrade.refresh_from_db()
    assert sammantrade.status == Sammantrade.GENOMFORT


def test_a_meeting_in_the_future_cannot_be_genomfort(sammantrade):
    with pytest.raises(ValidationError, match="kan inte vara genomfört ännu"):
        services.sammantrade_genomfort(
            sammantrade=sammantrade, idag=dt.date(2018, 3, 22)
        )
    sammantrade.refresh_from_db()
    assert sammantrade.status != Sammantrade.GENOMFORT


def test_a_published_draft_is_not_set_back_to_genomfort(utkast):
    with pytest.raises(ValidationError, match="redan genomfört"):
        services.sammantrade_genomfort(sammantrade=utkast, idag=dt.date(2018, 4, 1))


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
