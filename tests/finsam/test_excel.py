import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from finsam.excel import underlag_import
from finsam.models import Kommununderlag
from tests.finsam.factories import medlemmar


def _xlsx(rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["Kommun", "Befolkning"])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    return out


@pytest.mark.django_db
def test_an_excel_import_saves_every_population(forbund):
    medlemmar(forbund, ["A kommun", "B kommun"])
    assert (
        underlag_import(
            forbund=forbund, ar=2019, fil=_xlsx([["A kommun", 100], ["b KOMMUN", 250]])
        )
        == 2
    )
    assert sorted(Kommununderlag.objects.values_list("befolkning", flat=True)) == [
        100,
        250,
    ]


@pytest.mark.django_db
def test_an_excel_import_with_an_error_saves_nothing_and_names_each_row(forbund):
    medlemmar(forbund, ["A kommun", "B kommun", "C kommun"])
    with pytest.raises(ValidationError) as exc:
        underlag_import(
            forbund=forbund,
            ar=2019,
            fil=_xlsx(
                [
                    ["A kommun", 100],
                    ["Okänd kommun", 5],
                    ["B kommun", "många"],
                    ["C kommun", -3],
                ]
            ),
        )
    assert exc.value.messages == [
        "Rad 3: Okänd kommun är inte en kommun i förbundet 2019.",
        "Rad 4: befolkningen för B kommun är inte ett heltal (många).",
        "Rad 5: befolkningen för C kommun måste vara större än 0.",
    ]
    assert not Kommununderlag.objects.exists()


@pytest.mark.django_db
def test_a_broken_file_gets_a_message(forbund):
    with pytest.raises(ValidationError, match="Excelfil"):
        underlag_import(forbund=forbund, ar=2019, fil=io.BytesIO(b"inte excel"))
