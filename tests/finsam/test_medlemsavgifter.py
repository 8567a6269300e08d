"""The management command finsam/management/commands/medlemsavgifter.py."""

from django.core.management import call_command

from finsam.demo import OS_ORGNR
from finsam.models import Avgiftsbeslut
from finsam.numbers import NBSP


def test_the_command_prints_the_years_table(os_forbund, capsys):
    call_command("medlemsavgifter", OS_ORGNR, "2018")
    out = capsys.readouterr().out.replace(NBSP, " ")
    assert "Haninge kommun" in out and "2 316 603 kr" in out
    assert "Summa" in out and "17 378 000 kr" in out


def test_the_command_computes_without_saving(os_forbund, capsys):
    call_command("medlemsavgifter", OS_ORGNR, "2018", "--total", "20000000")
    out = capsys.readouterr().out.replace(NBSP, " ")
    assert "inte sparad" in out and "10 000 000 kr" in out and "20 000 000 kr" in out
    assert Avgiftsbeslut.objects.get(forbund=os_forbund, ar=2018).total == 17_378_000
