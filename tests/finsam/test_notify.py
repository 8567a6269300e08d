"""E-mail where a person must act, sent after the transaction commits (finsam/notify.py)."""

import pytest
from django.db import transaction
from django.urls import reverse

from finsam.demo import build_demo
from insatser import services as insatser_services
from insatser.models import Periodrapport
from styrelse import services as styrelse_services
from styrelse.models import Sammantrade
from styrelse.selectors import protokoll_hash

pytestmark = pytest.mark.django_db


def _till(mailoutbox, amne: str) -> set[str]:
    return {m.to[0] for m in mailoutbox if m.subject.startswith(amne)}


def test_a_published_draft_mails_the_board_and_the_justering_mails_the_kansli(
    mailoutbox, django_capture_on_commit_callbacks
):
    ctx = build_demo()
    assert not mailoutbox  # the demo's history mails nobody
    ordf = ctx.users["ordforande"]
    just = ctx.users["justerare"]
    styrelse = ctx.users["styrelse"]
    s = Sammantrade.objects.for_forbund(ctx.forbund).get(status=Sammantrade.GENOMFORT)

    # Rolled back: nobody is told about a draft that was never published.
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            styrelse_services.utkast_publicera(sammantrade=s)
            raise RuntimeError
    assert not mailoutbox

    # The ordförande has turned e-mail off; the justerare has not.
    ordf.epost_notiser = False
    ordf.save(update_fields=["epost_notiser"])
    with django_capture_on_commit_callbacks(execute=True):
        styrelse_services.utkast_publicera(sammantrade=s)
    assert styrelse.person.epost in _till(mailoutbox, "Utkast till protokoll")
    vantar = _till(mailoutbox, "Protokollet väntar på din justering")
    assert vantar == {just.person.epost}
    brev = next(m for m in mailoutbox if m.to == [just.person.epost])
    assert f"Hej {just.person.fornamn}" in brev.body
    assert reverse("styrelse:sammantrade_detail", args=[s.pk]) in brev.body
    # Neither ordförande nor justerare gets the plain draft message as well.
    assert just.person.epost not in _till(mailoutbox, "Utkast till protokoll")

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        styrelse_services.sammantrade_justera(
            sammantrade=s, user=ordf, sedd_hash=protokoll_hash(s)
        )
    assert not mailoutbox  # one of two: not justerat yet
    with django_capture_on_commit_callbacks(execute=True):
        styrelse_services.sammantrade_justera(
            sammantrade=s, user=just, sedd_hash=protokoll_hash(s)
        )
    assert _till(mailoutbox, "Protokollet är justerat") == {
        ctx.users["kansli"].person.epost,
        ctx.users["admin"].person.epost,
    }
    assert "anslaget" in mailoutbox[0].body


def test_reports_mail_the_kansli_on_submission_and_the_rapportor_on_review(
    mailoutbox, django_capture_on_commit_callbacks
):
    ctx = build_demo()
    rapportor = ctx.users["rapportor"]
    kansli = ctx.users["kansli"]
    rapport = Periodrapport.objects.get(
        insats__forbund=ctx.forbund, status=Periodrapport.ATERSAND
    )
    with django_capture_on_commit_callbacks(execute=True):
        insatser_services.periodrapport_submit(rapport=rapport, user=rapportor)
    assert kansli.person.epost in _till(mailoutbox, "Rapport att granska")
    assert rapportor.person.epost not in {m.to[0] for m in mailoutbox}

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        insatser_services.periodrapport_return(
            rapport=rapport, user=kansli, kommentar="Ange avslutsorsakerna."
        )
    [brev] = mailoutbox
    assert brev.to == [rapportor.person.epost]
    assert brev.subject.startswith("Rapporten är återsänd")
    assert "Ange avslutsorsakerna." in brev.body

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        insatser_services.periodrapport_submit(rapport=rapport, user=rapportor)
        insatser_services.periodrapport_approve(rapport=rapport, user=kansli)
    assert _till(mailoutbox, "Rapporten är godkänd") == {rapportor.person.epost}


def test_a_user_turns_e_mail_off_on_the_settings_page(as_user, styrelseledamot):
    client = as_user(styrelseledamot)
    page = client.get(reverse("finsam:installningar"))
    assert "E-post när jag behöver göra något" in page.content.decode()
    # An unticked box posts nothing; the submit button is all the form sends.
    response = client.post(reverse("finsam:installningar"), {"submit": "Spara"})
    assert response.status_code == 302
    styrelseledamot.refresh_from_db()
    assert styrelseledamot.epost_notiser is False
    client.post(reverse("finsam:installningar"), {"epost_notiser": "on"})
    styrelseledamot.refresh_from_db()
    assert styrelseledamot.epost_notiser is True
