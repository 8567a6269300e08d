"""Demo bookkeeping: the BHS 2017 SIE file (seed 004), imported through the same service
as an uploaded file, and the account mapping the kansli would have made."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ekonomi import kontoplan as kp
from ekonomi.demodata import bhs_2017
from ekonomi.models import Nyckeltalsgrans
from ekonomi.services.bokforing import (
    kontoplan_bekrafta,
    kontoregel_save,
    nyckeltalsgranser_spara,
    sie_importera,
)

SIE_FIL = Path(__file__).with_name("demodata") / "bhs-2017.se"


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
    # HBS's own targets (seed 004, 1.6.2 and 1.6.3).
    nyckeltalsgranser_spara(
        forbund=forbund,
        granser={
            Nyckeltalsgrans.ADMIN_ANDEL: Decimal(10),
            Nyckeltalsgrans.EGET_KAPITAL: Decimal(2_900_000),
        },
    )
