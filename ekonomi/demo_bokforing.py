"""Demo bookkeeping: the BHS 2017 SIE file (seed 004) and the running year's books so
far (``demodata/lopande_ar.py``), imported through the same service as an uploaded
file, and the account mapping the kansli would have made."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from ekonomi import kontoplan as kp
from ekonomi.demo_budget import BHS_NYA, BHS_SISTA_AR
from ekonomi.demodata import bhs_2017, lopande_ar
from ekonomi.models import Bokforingsimport, Budget, Budgetpost, Nyckeltalsgrans
from ekonomi.services.bokforing import (
    kontoplan_bekrafta,
    kontoregel_save,
    nyckeltalsgranser_spara,
    sie_importera,
)

SIE_FIL = Path(__file__).with_name("demodata") / "bhs-2017.se"
# Budget lines of later years that no 2017 account carries: their own account.
_NYA_NAMN = {kod: namn for nya in BHS_NYA.values() for kod, namn, _, _ in nya}
NYA_KONTON = {"insats-ips": ("4640", _NYA_NAMN["insats-ips"])}
BOKFORDA_GRUPPER = (
    Budgetpost.MEDLEMSAVGIFTER,
    Budgetpost.BIDRAG,
    Budgetpost.ADMINISTRATION,
    Budgetpost.INSATSER,
    Budgetpost.STRUKTUR,
)


def kontoregler(forbund) -> None:
    """One rule per account with a budget line (ekonomi/demo_budget.py's kods)."""
    for konto, _, budgetkod in bhs_2017.KONTON:
        if budgetkod:
            kontoregel_save(
                forbund=forbund, fran=konto, till=konto, budgetkod=budgetkod
            )


def build(ctx) -> None:
    forbund = ctx.forbund
    kontoregler(forbund)
    data = SIE_FIL.read_bytes()
    if forbund.orgnr != bhs_2017.ORGNR:
        # A copy of the demo förbund (the URL sweep builds two): the same books, its orgnr.
        data = data.replace(
            f"#ORGNR {bhs_2017.ORGNR}".encode(), f"#ORGNR {forbund.orgnr}".encode()
        )
    bokforing = sie_importera(
        forbund=forbund,
        data=data,
        filnamn=SIE_FIL.name,
        user=ctx.users.get("kansli"),
    )
    kontoplan_bekrafta(bokforing=bokforing, kontoplan=kp.KOMMUNBAS)
    # The closed year was imported when the books were closed, not the day the demo
    # was built.
    _importerad(bokforing, dt.date(2018, 2, 12))
    # HBS's own targets (seed 004, 1.6.2 and 1.6.3).
    nyckeltalsgranser_spara(
        forbund=forbund,
        granser={
            Nyckeltalsgrans.ADMIN_ANDEL: Decimal(10),
            Nyckeltalsgrans.EGET_KAPITAL: Decimal(2_900_000),
        },
    )
    bokfor_lopande_ar(ctx)


def bokfor_lopande_ar(ctx) -> None:
    """The running year's books up to last month, as the kansli imported them."""
    from finsam.demo import today

    forbund = ctx.forbund
    idag = today()
    till_manad = 12 if idag.year > BHS_SISTA_AR else idag.month - 1
    if idag.year < BHS_SISTA_AR or till_manad < 1:
        return
    for kod, (konto, _) in NYA_KONTON.items():
        kontoregel_save(forbund=forbund, fran=konto, till=konto, budgetkod=kod)
    budget = Budget.objects.get(forbund=forbund, ar=BHS_SISTA_AR)
    poster = budget.poster.filter(
        delposter__isnull=True, grupp__in=BOKFORDA_GRUPPER
    ).values_list("kod", "grupp", "belopp")
    belopp = lopande_ar.arsbelopp(
        ((kod, grupp, int(b)) for kod, grupp, b in poster),
        {kod: konto for kod, (konto, _) in NYA_KONTON.items()},
    )
    kontonamn = {nr: namn for nr, namn, _ in bhs_2017.KONTON}
    kontonamn.update(NYA_KONTON.values())
    anvanda = {*belopp, lopande_ar.BANK, lopande_ar.EGET_KAPITAL}
    text = lopande_ar.sie_text(
        orgnr=forbund.orgnr,
        fnamn=forbund.namn,
        ar=BHS_SISTA_AR,
        till_manad=till_manad,
        belopp=belopp,
        kontonamn={nr: n for nr, n in kontonamn.items() if nr in anvanda},
    )
    bokforing = sie_importera(
        forbund=forbund,
        data=text.encode("cp437"),
        filnamn=f"bokforing-{BHS_SISTA_AR}.se",
        user=ctx.users.get("kansli"),
    )
    kontoplan_bekrafta(bokforing=bokforing, kontoplan=kp.KOMMUNBAS)
    if till_manad < 12 and idag.day > 5:
        # Last month's books came in on the 5th, after its closing.
        _importerad(bokforing, idag.replace(day=5))


def _importerad(bokforing: Bokforingsimport, datum: dt.date) -> None:
    """Date an import as the kansli made it (history of the demo, past the model)."""
    skapad = dt.datetime.combine(
        datum, dt.time(9, 30), tzinfo=timezone.get_current_timezone()
    )
    Bokforingsimport._base_manager.filter(pk=bokforing.pk).update(skapad=skapad)
