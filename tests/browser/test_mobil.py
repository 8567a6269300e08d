"""Phones: no main page scrolls sideways at 390 px (an iPhone's width)."""

import datetime as dt

import pytest

from finsam.models import Avgiftsbeslut
from insatser.models import Insats, Periodrapport
from styrelse.models import Sammantrade

BREDD = 390


def _sidor(demo) -> list[str]:
    forbund = demo.forbund
    start = Insats.objects.for_forbund(forbund).get(namn="START")
    rapport = Periodrapport.objects.filter(insats=start).order_by("-ar", "-id").first()
    mars = Sammantrade.objects.for_forbund(forbund).get(datum=dt.date(2018, 3, 23))
    utkast = Sammantrade.objects.for_forbund(forbund).get(status=Sammantrade.UTKAST)
    kallat = Sammantrade.objects.for_forbund(forbund).get(status=Sammantrade.KALLAT)
    beslut = Avgiftsbeslut.objects.for_forbund(forbund).get(ar=2018)
    return [
        "/",
        "/medlemmar/",
        "/styrelsen/",
        "/uppdrag/",
        "/personer/",
        "/avgifter/",
        "/avgifter/historik/",
        f"/avgifter/{beslut.pk}/",
        "/dokument/",
        "/installningar/",
        "/insatser/",
        f"/insatser/{start.pk}/",
        f"/insatser/rapport/{rapport.pk}/",
        f"/insatser/rapport/{rapport.pk}/andra/",
        "/insatser/granska/",
        "/insatser/sena/",
        "/insatser/statistik/2017/",
        "/styrelse/",
        f"/styrelse/{mars.pk}/",
        f"/styrelse/{utkast.pk}/",
        f"/styrelse/{kallat.pk}/kallelse/",
        "/styrelse/arenden/",
        f"/styrelse/plan/{kallat.datum.year}/",
        "/styrelse/delegationsbeslut/",
        "/ekonomi/",
        "/ekonomi/budget/",
        "/ekonomi/budget/2018/",
        "/ekonomi/budget/2018/utfall/",
        "/ekonomi/budget/2018/jamforelse/",
        "/ekonomi/budget/2018/plan/",
        "/ekonomi/budget/2018/period/8/",
        "/ekonomi/budget/2018/andra/",
        "/ekonomi/bokforing/",
        "/ekonomi/rakenskaper/2017/",
        "/ekonomi/avstamning/2017/",
        "/ekonomi/nyckeltal/2017/",
        "/ekonomi/kontoplan/2017/",
        "/ekonomi/arsredovisning/",
        "/ekonomi/arsredovisning/2017/",
        # The A4 document's own HTML (its tables scroll on their own on a phone).
        "/ekonomi/arsredovisning/2017/visa/",
        f"/avgifter/{beslut.pk}/brev.pdf?html=1",
    ]


def _bredd(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


# The outermost elements that reach past the viewport, to name the culprit.
BREDA_ELEMENT = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
    && !(e.parentElement && e.parentElement.getBoundingClientRect().right
         > window.innerWidth + 1))
  .slice(0, 3)
  .map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.')
    + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')"""


def _vad(page) -> str:
    return ", ".join(page.evaluate(BREDA_ELEMENT))


@pytest.mark.parametrize("roll", ["kansli"])
def test_no_main_page_is_wider_than_a_phone(page, live_server, demo, login, roll):
    page.set_viewport_size({"width": BREDD, "height": 844})
    login(page, roll)
    breda = []
    for sida in _sidor(demo):
        response = page.goto(f"{live_server.url}{sida}")
        assert response.status == 200, sida
        if _bredd(page) > BREDD:
            breda.append(f"{sida}: {_bredd(page)} px ({_vad(page)})")
    # The public anslagstavla, without a login.
    page.goto(f"{live_server.url}/styrelse/anslagstavla/{demo.forbund.orgnr}/")
    if _bredd(page) > BREDD:
        breda.append(f"anslagstavlan: {_bredd(page)} px ({_vad(page)})")
    assert not breda, "Sidor bredare än 390 px:\n" + "\n".join(breda)
