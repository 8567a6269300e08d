import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from finsam.models import Uppdrag
from styrelse.models import Sammantrade

pytestmark = pytest.mark.django_db

TITLAR = [
    "Val av justerare",
    "Godkännande av föredragningslistan",
    "Information: externa utvärderingar",
    "Årsredovisning 2017",
    "Representation vid årsmöte",
    "Plan för medlemssamråd 2018",
    "Inventering av hur förbundet och finansierade insatser hanterar personuppgifter",
    "Extern utvärdering av Hälsosam",
    "Anmälningsärenden",
    "Informationsärenden",
    "Övriga frågor",
]


def _text(pdf: bytes) -> list[str]:
    return [
        " ".join(page.extract_text().split())
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]


@pytest.fixture(scope="module")
def mars(demo_modul, django_db_blocker):
    with django_db_blocker.unblock():
        return Sammantrade.objects.for_forbund(demo_modul.forbund).get(
            datum=dt.date(2018, 3, 23)
        )


@pytest.fixture(scope="module")
def protokoll(demo_modul, django_db_blocker, tmp_path_factory) -> list[str]:
    out = tmp_path_factory.mktemp("protokoll") / "protokoll.pdf"
    with django_db_blocker.unblock():
        call_command(
            "protokoll", demo_modul.forbund.orgnr, "2018-03-23", "-o", str(out)
        )
    return _text(out.read_bytes())


RUTOR = "Ordförande Justerare Utdragsbestyrkande"


def test_the_header_names_members_presidium_ersattare_and_everyone_present(
    protokoll, mars
):
    cover = protokoll[0]
    for rubrik in [
        "Offentligt sammanträde Nej",
        "Sammanträdesdag 23 mars 2018",
        "Klockan 08:30–10:15",
        "Närvarande ej tjänstgörande ersättare",
        "Övriga närvarande",
        "Utses att justera",
        "Justeringens plats och tid",
        "Paragrafer §§ 1–11",
        "Sekreterare",
        "Justerande",
    ]:
        assert rubrik in cover, rubrik
    # Each ledamot with the member that appointed them, the presidium by rank.
    ledamoter = Uppdrag.objects.for_forbund(mars.organ.forbund).pa_datum(mars.datum)
    for u in ledamoter.filter(typ=Uppdrag.LEDAMOT).select_related("person", "medlem"):
        assert re.search(
            re.escape(u.person.namn_med_parti)
            + r", [^,]*,? ?"
            + re.escape(u.medlem.namn),
            cover,
        ), u
    for u in ledamoter.filter(typ=Uppdrag.VICE_ORDFORANDE):
        assert f"{u.person.namn_med_parti}, {u.ordning}:e vice ordförande" in cover
    for n in mars.narvaro.select_related("person"):
        assert n.person.namn in " ".join(protokoll[:2]), n


def test_cover_and_bevis_carry_no_page_boxes_every_paragraph_page_does(protokoll):
    forsta = next(i for i, p in enumerate(protokoll) if "Paragraf § 1 " in p)
    bevis = [p for p in protokoll if "Bevis om justering" in p]
    assert len(bevis) == 1 and protokoll.index(bevis[0]) == forsta - 1
    for page in protokoll[:forsta]:
        assert RUTOR not in page
    for page in protokoll[forsta:]:
        assert RUTOR in page
    assert "Den som vill läsa protokollet kan vända sig till" in bevis[0]
    assert "Underskrift" in bevis[0]
    assert "Anslaget tas ner 19 april 2018" in bevis[0]


def test_contents_list_points_to_the_page_of_each_paragraph(protokoll):
    toc = " ".join(protokoll[:2])
    for nummer, titel in enumerate(TITLAR, start=1):
        m = re.search(rf"§ {nummer} {re.escape(titel)}[^§]*?\.+ ?(\d+)", toc)
        assert m, titel
        page = protokoll[int(m.group(1)) - 1]
        assert f"§ {nummer} {titel}" in page, (titel, m.group(1))


def test_a_paragraph_running_onto_the_next_page_is_headed_forts(protokoll):
    start = {}
    for i, page in enumerate(protokoll):
        for nummer, titel in enumerate(TITLAR, start=1):
            if re.search(rf"Paragraf § {nummer} (?!\(forts)", page):
                assert f"§ {nummer} {titel}" in page
                start.setdefault(nummer, i)
    assert sorted(start) == list(range(1, 12))
    continued = 0
    for nummer in range(1, 12):
        slut = start.get(nummer + 1, len(protokoll))
        for i in range(start[nummer] + 1, slut):
            assert f"§ {nummer} (forts.)" in protokoll[i], (nummer, i)
            continued += 1
    assert continued >= 1  # § 3 of the seed runs over two pages


def test_the_seeds_full_text_lists_keep_their_letters_and_nothing_is_orphaned(
    protokoll,
):
    allt = " ".join(protokoll)
    assert (
        "a) Protokoll, förbundsstyrelsen Botkyrka, Huddinge och Salem den 2 februari 2018."
        in allt
    )
    assert "m) Utredning SKL och den finansiella samordningen, dnr 17/01798." in allt
    assert (
        "e. Preliminärt program för styrelsens och beredningsgruppens planeringsdag"
        in allt
    )
    assert "• a)" not in allt and "• e." not in allt
    assert (
        "Möjliggörarna är ett projekt som Myndigheten för ungdoms- och civilsamhällesfrågor"
        in allt
    )
    for page in protokoll:
        if "Beslutet delges" in page:
            tail = page.split("Beslutet delges", 1)[1]
            assert "Revisorerna" in tail or "Samordningsförbundets revisorer" in tail, (
                page
            )


def test_the_hash_is_printed_whole(protokoll, mars):
    assert mars.innehall_hash in " ".join(protokoll[:2]).replace(" ", "")


def test_typed_lists_print_their_letter_or_their_bullet_not_both():
    from finsam.templatetags.dokument import stycken_html

    html = stycken_html("Inledning:\na) Ett\nb) <Två>\n\n- punkt\n1. Första")
    assert html == (
        "<p>Inledning:</p>"
        '<ol class="markerad"><li><span class="markor">a)</span> Ett</li>'
        '<li><span class="markor">b)</span> &lt;Två&gt;</li></ol>'
        '<ul class="punkter"><li>punkt</li></ul>'
        '<ol class="markerad"><li><span class="markor">1.</span> Första</li></ol>'
    )


def test_the_protocol_is_kept_as_a_background_file_until_its_data_changes(
    demo_modul, mars
):
    from finsam import dokumentfiler

    # The demo queues the file for when its transaction commits (this module's demo is
    # rolled back, so it is still waiting); the worker's task renders it.
    fil = dokumentfiler.hamta(demo_modul.forbund, "protokoll", str(mars.pk))
    assert fil is not None and fil.status == "koad" and fil.aktuell
    dokumentfiler.rendera_id(fil.pk, fil.fingerprint)
    fil = dokumentfiler.hamta(demo_modul.forbund, "protokoll", str(mars.pk))
    assert fil is not None and fil.status == "klar" and fil.aktuell
    assert fil.sidor == len(PdfReader(fil.fil.open("rb")).pages)


def test_public_pdf_only_for_anslagna_protocols(client, demo, monkeypatch):
    monkeypatch.setattr("finsam.dates.today", lambda: dt.date(2018, 4, 10))
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


def test_public_copy_masks_a_chosen_person_but_keeps_the_full_protocol(
    client, demo, monkeypatch
):
    from styrelse.services import sammantrade_maskering_save

    monkeypatch.setattr("finsam.dates.today", lambda: dt.date(2018, 4, 10))
    mars = Sammantrade.objects.for_forbund(demo.forbund).get(datum=dt.date(2018, 3, 23))
    namn = demo.personer["chef"].namn
    hash_fore = mars.innehall_hash
    sammantrade_maskering_save(sammantrade=mars, personer=[demo.personer["chef"].pk])
    offentlig = " ".join(
        _text(
            client.get(
                reverse(
                    "styrelse:anslag_protokoll_pdf", args=[demo.forbund.orgnr, mars.pk]
                )
            ).content
        )
    )
    assert namn.casefold() not in offentlig.casefold() and "[maskerat]" in offentlig
    client.force_login(demo.users["kansli"])
    full = " ".join(
        _text(client.get(reverse("styrelse:protokoll_pdf", args=[mars.pk])).content)
    )
    assert namn in full
    mars.refresh_from_db()
    assert mars.innehall_hash == hash_fore


def test_an_utdrag_is_certified_by_whoever_chooses_to_not_by_who_downloads_it(
    client, demo, mars
):
    paragraf = mars.paragrafer.get(nummer=4)
    client.force_login(demo.users["kansli"])
    url = reverse("styrelse:utdrag_pdf", args=[paragraf.pk])
    obestyrkt = " ".join(_text(client.get(url).content))
    assert "§ 4 Årsredovisning 2017" in obestyrkt
    assert "Utdragsbestyrkande" in obestyrkt and "Underskrift:" in obestyrkt
    assert "Bestyrks av" not in obestyrkt  # nobody has certified it yet

    response = client.post(
        reverse("styrelse:utdrag_bestyrk", args=[paragraf.pk]),
        {"namn": "Rebecka Sjöberg", "datum": "2018-03-29"},
    )
    assert response.status_code == 302
    bestyrkt = " ".join(_text(client.get(url).content))
    assert "Bestyrks av: Rebecka Sjöberg" in bestyrkt
    assert "Datum: 29 mars 2018" in bestyrkt
    assert "Underskrift:" not in bestyrkt


def test_certification_needs_a_justerat_protocol_a_name_and_a_sensible_date(demo, mars):
    from django.core.exceptions import ValidationError

    from styrelse.services import utdrag_bestyrk

    user = demo.users["kansli"]
    paragraf = mars.paragrafer.get(nummer=4)
    for namn, datum, fel in [
        ("", dt.date(2018, 3, 29), "Ange vem"),
        ("A B", dt.date(2018, 3, 27), "före den dag protokollet justerades"),
        ("A B", dt.date(2999, 1, 1), "framtiden"),
    ]:
        with pytest.raises(ValidationError, match=fel):
            utdrag_bestyrk(paragraf=paragraf, user=user, namn=namn, datum=datum)
    # The demo's protocol waiting for justering (held within the last fortnight).
    utkast = Sammantrade.objects.for_forbund(demo.forbund).get(
        status=Sammantrade.UTKAST
    )
    with pytest.raises(ValidationError, match="justerat protokoll"):
        utdrag_bestyrk(
            paragraf=utkast.paragrafer.first(),
            user=user,
            namn="A B",
            datum=utkast.datum,
        )
    assert not paragraf.bestyrkanden.exists()
