import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from finsam.uploads import EXCEL_MAX, MB, UploadForm, filtyp_check


def _xlsx() -> bytes:
    out = io.BytesIO()
    Workbook().save(out)
    return out.getvalue()


def test_it_accepts_an_excel_file_and_names_its_type():
    assert filtyp_check("a.XLSX", _xlsx()).endswith("spreadsheetml.sheet")


@pytest.mark.parametrize(
    ("namn", "innehall", "meddelande"),
    [
        ("a.xlsx", b"", "tom"),
        ("a.xlsx", b"inte excel", "kan inte läsas"),
        ("a.csv", b"a;b", "Filtypen tillåts inte. Tillåtna: .xlsx."),
        ("utan-filandelse", b"PK\x03\x04", "Filtypen tillåts inte"),
        ("a.xlsx", b"PK\x03\x04" + b"0" * EXCEL_MAX, "större än 2 MB"),
    ],
)
def test_it_refuses_wrong_empty_disguised_or_large_files(namn, innehall, meddelande):
    with pytest.raises(ValidationError, match=meddelande):
        filtyp_check(namn, innehall)


def test_text_must_be_utf8_where_text_is_allowed():
    filtyp_check("a.txt", "åäö".encode(), tillatna=("txt",))
    with pytest.raises(ValidationError, match="UTF-8"):
        filtyp_check("a.txt", "åäö".encode("latin-1"), tillatna=("txt",))


def test_the_form_reads_the_file_once_and_states_its_limits():
    data = _xlsx()
    form = UploadForm({}, {"fil": SimpleUploadedFile("r.xlsx", data)})
    assert form.is_valid()
    assert form.innehall == data
    assert "Högst 2 MB" in str(form["fil"].help_text)
    stor = UploadForm(max_bytes=10 * MB, tillatna=("pdf",))
    assert stor.fields["fil"].label == "Fil (.pdf)"


def test_the_form_names_a_missing_file_in_swedish():
    form = UploadForm({}, {})
    assert not form.is_valid()
    assert form.fel() == ["Välj en fil att ladda upp."]
