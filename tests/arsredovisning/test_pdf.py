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
