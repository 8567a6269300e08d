"""The SIE 4 parser on hand-made files (CP437, quoting, objects, broken files)."""

from decimal import Decimal

import pytest

from ekonomi.sie import SieError, parse, tokens
from tests.ekonomi.conftest import FILES

EXEMPEL = FILES / "sie4_exempel.se"


def test_it_reads_a_cp437_file_with_swedish_letters():
    fil = parse(EXEMPEL.read_bytes())
    assert fil.fnamn == "Samordningsförbundet Exempel"
    assert fil.konton["2099"] == "Årets resultat"
    assert fil.konton["7010"] == "Löner tjänstemän"
    assert fil.ar == 2018
    assert fil.orgnr == "222000-3020"
    assert len(fil.verifikationer) == 8
    assert fil.verifikationer[2].text == "Hyra januari, Växjö"
    assert fil.ib[(0, "1930")] == Decimal("500000.00")
    assert fil.res[(-1, "6993")] == Decimal("320000.00")


def test_it_reads_objects_dates_and_texts_on_trans_rows():
    fil = parse(EXEMPEL.read_bytes())
    trans = fil.verifikationer[4].transaktioner[0]
    assert trans.konto == "6993"
    assert trans.objekt == (("6", "P1"),)
    assert trans.text == "Jobbspåret"
    assert trans.belopp == Decimal("150000.00")


def test_tokens_keep_quoted_fields_and_braces_together():
    assert tokens('#VER A 12 20180101 "Hyra \\"kansli\\" jan"') == [
        "#VER",
        "A",
        "12",
        "20180101",
        'Hyra "kansli" jan',
    ]
    assert tokens('#TRANS 6993 {6 "P1" 1 "10"}\t-5.5') == [
        "#TRANS",
        "6993",
        '{6 "P1" 1 "10"}',
        "-5.5",
    ]


def _broken(old: str, new: str) -> bytes:
    data = EXEMPEL.read_bytes().decode("cp437")
    assert old in data
    return data.replace(old, new, 1).encode("cp437")


def test_it_refuses_an_unbalanced_verifikation_naming_it():
    with pytest.raises(SieError) as exc:
        parse(_broken("#TRANS 3012 {} -250000.00", "#TRANS 3012 {} -249000.00"))
    assert exc.value.fel == [
        "Verifikation A 2 (rad 42) balanserar inte: summan är 1000.00 kr."
    ]


def test_it_refuses_a_trans_on_an_undeclared_account():
    with pytest.raises(SieError) as exc:
        parse(_broken("#TRANS 6540 {} 2000.00", "#TRANS 6541 {} 2000.00"))
    assert any("konto 6541 finns inte i kontoplanen" in f for f in exc.value.fel)


def test_it_lists_every_error_not_just_the_first():
    data = _broken("#TRANS 6540 {} 2000.00", "#TRANS 6541 {} 2000.00")
    data = data.replace(b"20180630", b"20190630")
    with pytest.raises(SieError) as exc:
        parse(data)
    assert len(exc.value.fel) == 2
    assert any("utanför räkenskapsåret" in f for f in exc.value.fel)


def test_it_refuses_utf8_and_binary_data():
    utf8 = EXEMPEL.read_bytes().decode("cp437").encode("utf-8")
    with pytest.raises(SieError, match="UTF-8"):
        parse(utf8)
    with pytest.raises(SieError, match="inte en textfil"):
        parse(b"\x00\x01PK\x03\x04")


def test_it_refuses_bad_amounts_and_dates_with_line_numbers():
    with pytest.raises(SieError) as exc:
        parse(_broken("#TRANS 5010 {} 12500.50", "#TRANS 5010 {} 12500,50"))
    assert any(f.startswith("Rad ") and "ogiltigt belopp" in f for f in exc.value.fel)


def test_it_refuses_a_file_without_rar():
    with pytest.raises(SieError, match="#RAR 0 saknas"):
        parse(_broken("#RAR 0 20180101 20181231", ""))


def test_it_refuses_a_verifikation_left_open():
    data = EXEMPEL.read_bytes().decode("cp437").rstrip().removesuffix("}")
    with pytest.raises(SieError, match="slutar inne i en verifikation"):
        parse(data.encode("cp437"))
