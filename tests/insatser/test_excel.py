import io

import pytest
from openpyxl import load_workbook

from insatser.excel import rapport_template
from insatser.models import Periodrapport
from insatser.services import periodrapport_save


@pytest.fixture
def rapport(insats):
    return periodrapport_save(
        insats=insats, ar=2018, period=Periodrapport.T1, siffror={}, avslut={}
    )


def ifylld(rapport, orsaker, andra=None) -> bytes:
    wb = load_workbook(io.BytesIO(rapport_template(rapport, list(orsaker.values()))))
    ws = wb["Rapport"]
    rader = {row[0].value: row for row in ws.iter_rows() if row[0].value}
    varden = {
        "Aktuella deltagare": [10, 4, 6, 0],
        "Nya deltagare": [5, 2, 3, 0],
        "Avslutade deltagare": [4, 2, 2, 0],
        "Avslutsorsak: Arbete": [None, 1, 1, 0],
        "Avslutsorsak: Studier": [None, 1, 1, 0],
        "Konsultationer": [None, 2, 1, 0],
    }
    varden.update(andra or {})
    for rubrik, vals in varden.items():
        for cell, v in zip(rader[rubrik][1:5], vals, strict=True):
            cell.value = v
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_template_round_trip_saves_draft(as_user, rapportor, rapport, orsaker):
    client = as_user(rapportor)
    assert client.get(f"/insatser/rapport/{rapport.pk}/excel/").status_code == 200
    response = client.post(
        f"/insatser/rapport/{rapport.pk}/ladda-upp/",
        {"fil": _fil(ifylld(rapport, orsaker))},
    )
    assert response.status_code == 302
    rapport.refresh_from_db()
    assert rapport.aktuella_totalt == 10 and rapport.avslut.count() == len(orsaker)
    assert rapport.konsultationer_kvinnor == 2 and rapport.uppfoljda_12m is None
    # Read it back: the template now carries the saved figures.
    wb = load_workbook(io.BytesIO(rapport_template(rapport, list(orsaker.values()))))
    assert [c.value for c in wb["Rapport"][4]] == ["Aktuella deltagare", 10, 4, 6, 0]


def _fil(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("rapport.xlsx", data)


def test_excel_with_a_bad_cell_saves_nothing_and_names_the_row(
    as_user, rapportor, rapport, orsaker
):
    data = ifylld(rapport, orsaker, {"Nya deltagare": [5, "två", 3, 0]})
    response = as_user(rapportor).post(
        f"/insatser/rapport/{rapport.pk}/ladda-upp/", {"fil": _fil(data)}
    )
    page = response.content.decode()
    assert "Ingenting sparades" in page
    assert "Rad 5, kolumn Kvinnor: ”två” är inte ett antal" in page
    rapport.refresh_from_db()
    assert rapport.aktuella_totalt == 0


def test_excel_whose_exit_reasons_do_not_add_up_saves_nothing(
    as_user, rapportor, rapport, orsaker
):
    data = ifylld(rapport, orsaker, {"Avslutsorsak: Studier": [None, 1, 4, 0]})
    page = (
        as_user(rapportor)
        .post(f"/insatser/rapport/{rapport.pk}/ladda-upp/", {"fil": _fil(data)})
        .content.decode()
    )
    assert "Raden ”Avslutade deltagare”" in page and "skillnad 3" in page
    rapport.refresh_from_db()
    assert rapport.aktuella_totalt == 0 and rapport.avslut.count() == 0


def test_not_an_excel_file(as_user, rapportor, rapport):
    page = (
        as_user(rapportor)
        .post(
            f"/insatser/rapport/{rapport.pk}/ladda-upp/",
            {"fil": _fil(b"inte excel")},
        )
        .content.decode()
    )
    assert "kan inte läsas" in page


def test_other_rapportor_cannot_download(as_user, insatsrapportor, annan_insats):
    other = periodrapport_save(
        insats=annan_insats, ar=2018, period="t1", siffror={}, avslut={}
    )
    client = as_user(insatsrapportor)
    assert client.get(f"/insatser/rapport/{other.pk}/excel/").status_code == 404


def _indikator_fil(forbund, ar, andra):
    from insatser.excel import indikator_template

    wb = load_workbook(io.BytesIO(indikator_template(forbund, ar)))
    ws = wb["Indikatorer"]
    for radnr, varden in andra.items():
        for col, v in zip("EFG", varden, strict=True):
            ws[f"{col}{radnr}"] = v
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_indicator_excel_import_all_or_nothing(as_user, kanslist, forbund):
    from insatser.models import Indikatorresultat
    from insatser.services import standarddata_seed

    standarddata_seed(forbund=forbund)
    client = as_user(kanslist)
    bad = _indikator_fil(forbund, 2018, {2: [70, 10, 20], 3: [90, 20, 5]})
    page = client.post(
        "/insatser/indikatorer/2018/ladda-upp/", {"fil": _fil(bad)}
    ).content.decode()
    assert "Rad 3: andelarna är tillsammans 110" in page
    assert not Indikatorresultat.objects.exists()
    good = _indikator_fil(forbund, 2018, {2: [70, 10, 20], 3: [60, 20, 5]})
    response = client.post("/insatser/indikatorer/2018/ladda-upp/", {"fil": _fil(good)})
    assert response.status_code == 302
    assert Indikatorresultat.objects.count() == 2
    # Read back: the template carries the saved figures.
    ws = load_workbook(
        io.BytesIO(client.get("/insatser/indikatorer/2018/excel/").content)
    )["Indikatorer"]
    assert [c.value for c in ws[2]][4:] == [70, 10, 20]


def test_hostile_texts_are_exported_as_text_not_formulas(
    as_user, kanslist, forbund, orsaker
):
    """A name or berättelse starting with = + - @ stays text in the kansli's Excel."""
    from insatser.services import insats_save

    namn = '=HYPERLINK("http://evil.example","Klicka")'
    insats = insats_save(forbund=forbund, namn=namn, malgrupp="@SUM(1)")
    rapport = periodrapport_save(
        insats=insats,
        ar=2018,
        period=Periodrapport.T1,
        siffror={},
        avslut={},
        berattelse="+46 gick bra",
    )
    client = as_user(kanslist)
    for url in (
        f"/insatser/rapport/{rapport.pk}/excel/",
        "/insatser/uppfoljning/2018/excel/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        wb = load_workbook(io.BytesIO(response.content))
        texter = [
            c
            for ws in wb.worksheets
            for row in ws.iter_rows()
            for c in row
            if isinstance(c.value, str) and c.value[:1] in "=+-@"
        ]
        assert texter, url
        assert all(c.data_type == "s" for c in texter), url
        assert any(c.value.startswith(namn) for c in texter), url
