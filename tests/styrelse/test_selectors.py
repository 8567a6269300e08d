"""The reads the board's services build on: content, hashes, justering roles,
recipients and the masked public copy."""

import datetime as dt

import pytest

from finsam.models import Uppdrag
from styrelse import selectors, services
from tests.factories import PersonFactory, UppdragFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_only_the_meetings_ordforande_and_justerare_have_a_justering_role(
    sammantrade, ordforande, justerare, forbund
):
    annan = UserFactory(forbund=forbund, person=PersonFactory(forbund=forbund))
    utan_person = UserFactory(forbund=forbund)
    assert selectors.justering_roll(sammantrade=sammantrade, user=ordforande) == (
        "ordforande"
    )
    assert selectors.justering_roll(sammantrade=sammantrade, user=justerare) == (
        "justerare"
    )
    assert selectors.justering_roll(sammantrade=sammantrade, user=annan) is None
    assert selectors.justering_roll(sammantrade=sammantrade, user=utan_person) is None


def test_the_content_hash_follows_the_text_of_the_protocol(sammantrade):
    fore = selectors.innehall_hash(selectors.protokoll_innehall(sammantrade))
    paragraf = sammantrade.paragrafer.order_by("nummer").first()
    assert fore == selectors.innehall_hash(selectors.protokoll_innehall(sammantrade))
    services.paragraf_update(paragraf=paragraf, beslut="Styrelsen beslutar att ...")
    efter = selectors.innehall_hash(selectors.protokoll_innehall(sammantrade))
    assert efter != fore
    innehall = selectors.protokoll_innehall(sammantrade)
    rad = next(p for p in innehall["paragrafer"] if p["nummer"] == paragraf.nummer)
    assert rad["beslut"] == "Styrelsen beslutar att ..."


def test_a_paragraphs_hash_changes_with_its_decision(sammantrade):
    paragraf = sammantrade.paragrafer.order_by("nummer").first()
    fore = selectors.paragraf_hash(paragraf)
    paragraf = services.paragraf_update(paragraf=paragraf, beslut="Godkänd.")
    assert selectors.paragraf_hash(paragraf) != fore


def test_kallelse_goes_to_ledamoter_and_ersattare_of_the_day_with_an_address(
    forbund, sammantrade
):
    def uppdrag(typ, epost, fran=dt.date(2015, 1, 1), till=None):
        person = PersonFactory(forbund=forbund, epost=epost)
        UppdragFactory(forbund=forbund, person=person, typ=typ, fran=fran, till=till)
        return person

    ledamot = uppdrag(Uppdrag.LEDAMOT, "l@example.se")
    ersattare = uppdrag(Uppdrag.ERSATTARE, "e@example.se")
    uppdrag(Uppdrag.LEDAMOT, "")  # no address
    uppdrag(Uppdrag.LEDAMOT, "g@example.se", till=dt.date(2017, 12, 31))  # left
    # A person with two uppdrag gets one e-mail.
    UppdragFactory(forbund=forbund, person=ledamot, typ=Uppdrag.ERSATTARE)
    mottagare = selectors.kallelse_mottagare(sammantrade=sammantrade)
    assert len(mottagare) == 2
    assert set(mottagare) == {ledamot, ersattare}
