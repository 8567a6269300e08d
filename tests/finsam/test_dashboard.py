"""The start page shows each role what it has to do, counts linking to filtered lists."""

import pytest
from django.urls import reverse

from finsam import dates
from finsam.demo import build_demo
from styrelse.models import Sammantrade

pytestmark = pytest.mark.django_db


def test_each_role_sees_what_it_has_to_do(client):
    ctx = build_demo()
    idag = dates.today()
    motena = Sammantrade.objects.for_forbund(ctx.forbund)
    vantar = motena.get(status=Sammantrade.UTKAST)

    def start(namn: str) -> str:
        client.force_login(ctx.users[namn])
        return client.get(reverse("finsam:dashboard")).content.decode()

    for namn in ["ordforande", "justerare"]:
        html = start(namn)
        assert "Väntar på din justering" in html
        assert f"Protokoll Förbundsstyrelsen {vantar.datum:%Y-%m-%d}" in html
        assert reverse("styrelse:sammantrade_detail", args=[vantar.pk]) in html
        assert "senast " in html
    html = start("styrelse")
    assert "Väntar på din justering" not in html
    assert (
        f"Utkast att läsa: protokoll Förbundsstyrelsen {vantar.datum:%Y-%m-%d}" in html
    )
    kallat = motena.get(status=Sammantrade.KALLAT)
    assert reverse("styrelse:kallelse", args=[kallat.pk]) in html

    html = start("revisor")
    assert f"Dokument {idag.year - 1} att granska" in html
    assert f"{reverse('finsam:dokument')}?ar={idag.year}" in html

    html = start("rapportor")
    assert "Återsänd: START" in html
    assert "Medlemmar</h2>" not in html

    html = start("kansli")
    assert "1 rapport att granska" in html
    assert "2 sena rapporter" in html
    assert "1 protokoll att skriva och publicera" in html
    assert f"{reverse('styrelse:index')}?status=genomfort" in html
    # The filtered list the count links to shows just that meeting.
    client.force_login(ctx.users["kansli"])
    lista = client.get(reverse("styrelse:index"), {"status": "genomfort"}).content
    genomfort = motena.get(status=Sammantrade.GENOMFORT)
    assert f"{genomfort.datum:%Y-%m-%d}".encode() in lista
    assert f"{vantar.datum:%Y-%m-%d}".encode() not in lista
