"""The management command insatser/management/commands/deltagarstatistik.py."""

import io

from django.core.management import call_command


def test_deltagarstatistik_command_prints_seed_table(demo):
    out = io.StringIO()
    call_command("deltagarstatistik", demo.forbund.orgnr, "2017", stdout=out)
    text = out.getvalue()
    assert "Totalt\t760\t407\t346\t7\t529\t506\t114\t33" in text
    assert "Varav unika deltagare\t624" in text
    assert "Möjliggörarna *\t108\t32\t75\t1\t114\t114" in text
