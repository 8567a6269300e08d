import pytest
from django.core.management import call_command

from finsam.models import Forbund, User


@pytest.mark.django_db(transaction=True)
def test_demodata_is_idempotent_and_reset_rebuilds_it(capsys):
    call_command("demodata")
    counts = (Forbund.objects.count(), User.objects.count())
    call_command("demodata")
    assert (Forbund.objects.count(), User.objects.count()) == counts
    assert "finns redan" in capsys.readouterr().out
    call_command("demodata", "--reset")
    assert (Forbund.objects.count(), User.objects.count()) == counts
    out = capsys.readouterr().out
    assert "kansli" in out and "finsam-demo" in out
