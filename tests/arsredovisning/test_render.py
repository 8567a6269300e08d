"""The demo förbund's Årsredovisning 2017 against seed 004, figure by figure."""

from __future__ import annotations

import re

import pytest

from tests.arsredovisning.conftest import pdf_pages

pytestmark = pytest.mark.django_db

# Seed 004, "Sammanfattning av deltagarflöden i finansierade insatser, årsredovisning
# 2017": aktuella, kvinnor, män, annat, nya, avslutade, arbete/studier, arbetssökande.
SEED_FLODEN = [
    "ADRIAN 11 6 4 1 1 11 1 5",
    "HälsoSam 96 69 27 0 96 96 ej tillämpligt ej tillämpligt",
    "Lyra 22 14 8 0 13 11 0 2",
    "MIA-projektet 152 100 48 4 152 17 5 0",
    "Möjliggörarna 108 32 75 1 114 114 ej tillämpligt ej tillämpligt",
    "Samverkansteam Botkyrka 66 46 20 0 2 66 3 4",
    "Samverkansteam Huddinge 59 42 16 1 11 59 7 0",
    "Slussen 141 62 79 0 84 78 66 5",
    "START 61 23 38 0 21 31 14 17",
    "Ungdomsprojektet i Salem 44 13 31 0 35 23 18",
    "Totalt 760 407 346 7 529 506 114 33",
    "Varav unika deltagare: 624",
]


def test_the_participant_flow_table_holds_the_seeds_figures(utkast_pdf):
    text = " ".join(pdf_pages(utkast_pdf))
    for rad in SEED_FLODEN:
        # Once in 1.4 and once in the bilaga, as the seed prints it.
        assert text.count(rad) == 2, rad


def test_every_page_carries_the_justerare_box_and_page_x_of_y(utkast_pdf):
    pages = pdf_pages(utkast_pdf)
    assert len(pages) > 10
    for i, page in enumerate(pages, start=1):
        assert "Signering av justerare" in page, i
        assert f"Sida {i} av {len(pages)}" in page, i


def test_a_draft_carries_the_utkast_mark_on_every_page(utkast_pdf):
    assert all("UTKAST" in p for p in pdf_pages(utkast_pdf))


def test_the_contents_list_points_to_the_right_pages(utkast_pdf):
    from ekonomi.arsredovisning.selectors import INNEHALL

    pages = pdf_pages(utkast_pdf)
    toc_index = next(i for i, p in enumerate(pages) if "INNEHÅLLSFÖRTECKNING" in p)
    toc = pages[toc_index]
    checked = 0
    for _id, rubrik, _niva in INNEHALL:
        m = re.search(re.escape(rubrik) + r" \.[. ]*(\d+)", toc)
        assert m, f"{rubrik!r} saknas i innehållsförteckningen"
        printed = int(m.group(1))
        # The heading itself, after the contents page (chapter headings print in
        # capitals, as the seed's).
        found = next(
            i + 1
            for i, p in enumerate(pages)
            if i > toc_index and (rubrik in p or rubrik.upper() in p)
        )
        assert printed == found, f"{rubrik}: tryckt sida {printed}, finns på {found}"
        checked += 1
    assert checked == len(INNEHALL)


def test_the_board_table_names_the_change_within_the_year(utkast_pdf):
    text = " ".join(pdf_pages(utkast_pdf))
    # Arbetsförmedlingen changed its ledamot in 2017 (seed 004, 1.5.1).
    assert "Fredrik Almgren (t.o.m. mars 2017)" in text
    assert "Gunnel Wiklund (fr.o.m. sept 2017)" in text
    assert "Anders Lindqvist, ordförande" in text


# Seed 004 sections 2, 3, 4 and 6: (the line's label, the figures that follow it).
SEED_RAKNINGAR = [
    ("Verksamhetens medlemsavgifter", "1 16 008,0 17 383,2"),
    ("Intäkter ESF", "3 057,2 0,0"),
    ("Övriga intäkter", "1 022,0 0,0"),
    ("Verksamhetens kostnader", "-20 449,2 -17 415,1"),
    ("Verksamhetens nettokostnad", "-362,0 -31,9"),
    ("Årets resultat", "-362,0 -31,9"),
    ("Fordringar", "2 1 812,3 52,5"),
    ("Kassa och banktillgodohavande", "13 982,2 12 621,6"),
    ("Summa omsättningstillgångar", "15 794,5 12 674,1"),
    ("Summa tillgångar", "15 794,5 12 674,1"),
    ("Eget kapital", "5 523,3 5 885,4"),
    ("Kortfristiga skulder", "3 10 271,2 6 788,7"),
    ("Justering för ej likviditetspåverkande poster", "0,0 0,0"),
    ("rörelsekapital", "-362,0 -31,9"),
    ("kortfristiga fordringar", "-1 759,8 1 059,1"),
    ("kortfristiga skulder", "3 482,5 629,9"),
    ("Årets kassaflöde", "1 360,6 1 657,1"),
    ("Likvida medel vid årets början", "12 621,6 10 964,5"),
    ("Likvida medel vid årets slut", "13 982,2 12 621,6"),
    # Not 1
    ("Driftbidrag från staten", "8 004,0 8 691,6"),
    ("Driftbidrag från Huddinge kommun", "1 880,9 2 042,5"),
    ("Driftbidrag från Botkyrka kommun", "1 880,9 2 042,5"),
    ("Driftbidrag från Salems kommun", "240,2 260,8"),
    ("Driftbidrag från Stockholms läns landsting", "4 002,0 4 345,8"),
    ("Summa", "16 008,0 17 383,2"),
    # Not 2
    ("Moms", "56,9 52,5"),
    ("Cloud Connected Sweden AB", "23,7 0,0"),
    ("Samordningsförbundet Östra Södertörn", "1 655,0 0,0"),
    ("Samordningsförbundet Stockholms Stad", "40,0 0,0"),
    ("Summa", "1 812,3 52,5"),
    # Not 3
    ("Akademien för personal och organisationsutveckling AB", "25,0 0,0"),
    ("Arbetsförmedlingen", "710,5 639,3"),
    ("Aventus", "0,0 3,4"),
    ("Botkyrka kommun", "785,3 680,7"),
    ("Fervent Cleaning Company", "2,3 0,0"),
    ("Frilandsbyrå Optimala ord", "0,0 8,3"),
    ("Huddinge kommun", "7 675,9 3 519,8"),
    ("Myndigheten för ungdoms- och civilsamhällsfrågor", "113,0 1 135,0"),
    ("Mångkulturellt centrum", "0,0 4,0"),
    ("Nationella nätverket för samordningsförbund", "10,0 0,0"),
    ("Riksförbundet Hjärnkoll", "4,2 0,0"),
    ("Salems kommun", "870,6 704,5"),
    ("Samordningsförbundet Östra Södertörn", "5,2 22,7"),
    ("Upplupet revisionsarvode 2017", "67,0 67,0"),
    ("Summa", "10 271,2 6 788,7"),
]


def _sektion(pages: list[str], fran: str, till: str) -> str:
    text = " ".join(pages)
    start = text.index(fran, text.index("INNEHÅLLSFÖRTECKNING") + 100)
    return text[start : text.index(till, start)]


def test_the_statements_and_notes_hold_the_seeds_figures(utkast_pdf):
    text = _sektion(
        pdf_pages(utkast_pdf), "2. RESULTATRÄKNING", "7. TILLÄGGSUPPLYSNINGAR"
    )
    pos = 0
    for label, figures in SEED_RAKNINGAR:
        # In the seed's order: each line after the one before it.
        m = re.compile(
            re.escape(label) + r"[^0-9−-]{0,60}?" + re.escape(figures)
        ).search(text, pos)
        assert m, f"{label} {figures} saknas (efter position {pos})"
        pos = m.end()
    # Not 4 prints words, not figures.
    assert re.search(r"Panter och därmed jämförliga säkerheter Inga Inga", text)
    # The seed prints "Kassaflöde för den löpande verksamheten 1 722,7 / 1 689,0",
    # which disagrees with its own lines (-362,0 - 1 759,8 + 3 482,5 = 1 360,7): the
    # app prints the sum of the lines, equal to årets kassaflöde.
    assert "1 722,7" not in text


# Seed 004, 7. Tilläggsupplysningar: utfall, budget, avvikelse in whole tkr.
SEED_BUDGET_UTFALL = [
    ("Verksamhetens medlemsavgifter", "16 008 16 008 0"),
    ("Intäkter ESF", "3 057 4 800 1 743"),
    ("Summa intäkter", "20 087 21 943 1 856"),
    ("Lokal", "250 165 -85"),
    ("Kansli", "1 621 1 626 5"),
    ("Revision", "68 73 5"),
    ("Styrelse", "150 135 -15"),
    ("Summa administration", "2 167 2 145 -22"),
    ("ESF-projektet genomförandefas", "5 561 7 460 1 899"),
    ("HälsoSam", "1 185 1 515 330"),
    ("Slussen", "2 859 2 800 -59"),
    ("Summa insatser", "17 647 21 105 3 458"),
    ("Tillkommande verksamhet", "110 1 500 1 390"),
    ("Summa strukturinriktade insatser", "635 2 170 1 535"),
    ("Summa kostnader", "20 449 25 420 4 971"),
    ("Resultat", "-362"),
]


def test_budget_vs_utfall_holds_the_seeds_figures(utkast_pdf):
    # The utfall column comes from the imported bookkeeping.
    text = _sektion(
        pdf_pages(utkast_pdf), "7. TILLÄGGSUPPLYSNINGAR", "8. STYRELSENS BESLUT"
    )
    pos = 0
    for label, figures in SEED_BUDGET_UTFALL:
        m = re.compile(
            re.escape(label) + r"[^0-9−-]{0,40}?" + re.escape(figures)
        ).search(text, pos)
        assert m, f"{label} {figures} saknas"
        pos = m.end()


def test_the_draft_is_kept_until_its_data_changes(utkast_pdf, demo_modul, media_modul):
    from django.db import transaction

    from ekonomi.arsredovisning.models import Avsnittstext
    from ekonomi.arsredovisning.render import UTKAST
    from finsam import dokumentfiler

    forbund = demo_modul.forbund
    fil = dokumentfiler.hamta(forbund, UTKAST, "2017")
    assert fil.aktuell
    again = dokumentfiler.begar(forbund, UTKAST, "2017")
    assert (again.pk, again.klar_tid, again.sha256) == (
        fil.pk,
        fil.klar_tid,
        fil.sha256,
    )
    with transaction.atomic():
        Avsnittstext.objects.filter(forbund=forbund, ar=2017, avsnitt="vision").update(
            text="En ny vision."
        )
        assert not dokumentfiler.hamta(forbund, UTKAST, "2017").aktuell
        transaction.set_rollback(True)
    assert dokumentfiler.hamta(forbund, UTKAST, "2017").aktuell


def test_every_table_is_a_sheet_of_one_workbook(demo_modul, client):
    import io as _io

    from django.urls import reverse
    from openpyxl import load_workbook

    from ekonomi.arsredovisning.selectors import alla_tabeller

    client.force_login(demo_modul.users["kansli"])
    response = client.get(reverse("ekonomi:arsredovisning_excel", args=[2017]))
    assert response.status_code == 200
    wb = load_workbook(_io.BytesIO(response.content))
    tabeller = alla_tabeller(forbund=demo_modul.forbund, ar=2017)
    assert len(wb.sheetnames) == len(tabeller) >= 3
    floden = wb[
        next(n for n in wb.sheetnames if n.startswith("Sammanfattning av deltag"))
    ]
    rader = {r[0]: list(r[1:]) for r in floden.iter_rows(min_row=3, values_only=True)}
    assert rader["Slussen"] == [141, 62, 79, 0, 84, 78, 66, 5]
    assert rader["HälsoSam"][-2:] == ["ej tillämpligt", "ej tillämpligt"]
    assert rader["Totalt"] == [760, 407, 346, 7, 529, 506, 114, 33]
