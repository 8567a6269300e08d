"""Importing a year's bookkeeping: all or nothing, never a silent duplicate; utfall per
budget line and month; the import and avstämning commands."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ekonomi import kontoplan as kp
from ekonomi.models import Bokforingsimport, Transaktion
from ekonomi.selectors.bokforing import (
    har_bokforing,
    utfall_per_budgetkod,
    utfall_per_manad,
)
from ekonomi.services.bokforing import ImportFel, kontoregel_save, sie_importera
from tests.ekonomi.conftest import DEMO_SIE, FILES

EXEMPEL = FILES / "sie4_exempel.se"


def test_it_imports_a_hand_made_file_and_guesses_bas_from_the_names(forbund):
    imp = sie_importera(forbund=forbund, data=EXEMPEL.read_bytes())
    assert imp.ar == 2018
    assert imp.kontoplan == kp.BAS
    assert not imp.kontoplan_bekraftad
    assert "7010 Löner tjänstemän" in imp.kontoplan_skal
    assert imp.antal_verifikationer == 8
    assert Transaktion.objects.filter(bokforing=imp).count() == 20
    assert har_bokforing(forbund, 2018)
    assert not har_bokforing(forbund, 2017)


def test_utfall_is_positive_per_budget_line_and_month(forbund):
    sie_importera(forbund=forbund, data=EXEMPEL.read_bytes())
    kontoregel_save(forbund=forbund, fran="3011", till="3013", budgetkod="avgifter")
    kontoregel_save(forbund=forbund, fran="7010", till="7599", budgetkod="kansli")
    kontoregel_save(forbund=forbund, fran="6993", till="6993", budgetkod="jobbsparet")
    utfall = utfall_per_budgetkod(forbund, 2018)
    assert utfall == {
        "avgifter": Decimal("1000000.00"),
        "kansli": Decimal("52568.00"),
        "jobbsparet": Decimal("150000.00"),
    }
    manad = utfall_per_manad(forbund, 2018)
    assert manad["kansli"][1] == Decimal("52568.00")
    assert manad["jobbsparet"][2] == Decimal("150000.00")
    assert sum(manad["avgifter"]) == Decimal("1000000.00")
    assert len(manad["avgifter"]) == 12


def test_bas_puts_8410_on_financial_costs_and_3981_on_esf(forbund):
    from ekonomi.selectors.rakenskaper import rakenskaper

    sie_importera(forbund=forbund, data=EXEMPEL.read_bytes(), kontoplan=kp.BAS)
    v = rakenskaper(forbund, 2018).varden[2018]
    assert v[kp.RR_FIN_KOSTNADER] == Decimal("-12.34")
    assert v[kp.RR_ESF] == Decimal("80000.00")
    assert v[kp.RR_MEDLEMSAVGIFTER] == Decimal("1000000.00")


def test_no_year_means_no_utfall(forbund):
    assert utfall_per_budgetkod(forbund, 2018) == {}
    assert utfall_per_manad(forbund, 2018) == {}


def test_it_never_duplicates_a_year_silently_and_replaces_only_when_asked(forbund):
    first = sie_importera(forbund=forbund, data=EXEMPEL.read_bytes())
    with pytest.raises(ImportFel) as exc:
        sie_importera(forbund=forbund, data=EXEMPEL.read_bytes())
    assert "redan importerad" in exc.value.fel[0]
    assert Bokforingsimport.objects.get() == first
    second = sie_importera(forbund=forbund, data=EXEMPEL.read_bytes(), ersatt=True)
    assert Bokforingsimport.objects.get() == second
    assert Transaktion.objects.count() == 20


def test_it_refuses_another_forbunds_file_and_the_wrong_year(forbund, annat_forbund):
    with pytest.raises(ImportFel, match="organisationsnummer"):
        sie_importera(forbund=annat_forbund, data=EXEMPEL.read_bytes())
    with pytest.raises(ImportFel, match="gäller år 2018"):
        sie_importera(forbund=forbund, data=EXEMPEL.read_bytes(), ar=2017)
    assert not Bokforingsimport.objects.exists()


def test_a_broken_file_is_refused_whole(forbund):
    data = EXEMPEL.read_bytes().replace(b"-250000.00", b"-250000.01", 1)
    with pytest.raises(ImportFel) as exc:
        sie_importera(forbund=forbund, data=data)
    assert "balanserar inte" in exc.value.fel[0]
    assert not Bokforingsimport.objects.exists()
    assert not Transaktion.objects.exists()


def test_it_refuses_a_res_that_disagrees_with_the_verifikationer(forbund):
    data = EXEMPEL.read_bytes().replace(
        b"#RES -1 3011", b"#RES 0 5010 999.00\r\n#RES -1 3011"
    )
    with pytest.raises(ImportFel, match="#RES 0 för konto 5010"):
        sie_importera(forbund=forbund, data=data)


def test_the_command_prints_what_it_imported(forbund, capsys):
    call_command("importera_sie", forbund.orgnr, str(DEMO_SIE))
    out = capsys.readouterr().out
    assert "Importerade bokföringen 2017" in out
    assert "55 konton, 385 verifikationer" in out
    assert "Kommun-Bas (SKR) (gissad, ej bekräftad)" in out
    assert "5010 Löner kansli" in out


def test_the_command_exits_non_zero_changing_nothing(forbund, capsys):
    call_command("importera_sie", forbund.orgnr, str(DEMO_SIE))
    with pytest.raises(CommandError, match="ingenting ändrades"):
        call_command("importera_sie", forbund.orgnr, str(DEMO_SIE))
    assert "redan importerad" in capsys.readouterr().err
    with pytest.raises(CommandError, match="Inget förbund"):
        call_command("importera_sie", "000000-0000", str(DEMO_SIE))
    assert Bokforingsimport.objects.count() == 1
