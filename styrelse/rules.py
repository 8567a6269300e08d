"""The board's rules on freezing and signing, each in one place.

``fryst_orsak`` answers whether a protocol, a paragraph (also after omedelbar justering),
its attendance, approvals, attachments and delegation reports may change. The services,
the views, the templates (``{% load frysning %}`` … ``obj|kan_andras``) and the model guard
(``finsam/frysning.py``) all ask it; none of them repeats the condition.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q

from finsam.frysning import kan_andras, kontrollera_kan_andras

__all__ = [
    "FRYST",
    "fryst_orsak",
    "kan_andras",
    "kontrollera_kan_andras",
    "kontrollera_ordforande_justerare",
]

FRYST = "Protokollet är justerat och kan inte ändras."
OMEDELBART = "Paragrafen är omedelbart justerad och kan inte ändras."
DELEGATION_FRYST = (
    "Delegationsbeslutet är anmält i en justerad paragraf och kan inte ändras."
)
ARENDE_FRYST = (
    "Ärendet har behandlats i en justerad paragraf; dess handlingar kan inte ändras."
)


def _sammantrade(obj: Any) -> str | None:
    return FRYST if obj.ar_justerat else None


def _paragraf(obj: Any) -> str | None:
    if obj.sammantrade_id and obj.sammantrade.ar_justerat:
        return FRYST
    return OMEDELBART if obj.omedelbart_justerad else None


def _delegationsbeslut(obj: Any) -> str | None:
    if obj.anmald_paragraf_id and _paragraf(obj.anmald_paragraf):
        return DELEGATION_FRYST
    return None


def _arende(obj: Any) -> str | None:
    from styrelse.models import Paragraf, Sammantrade

    if obj.pk is None:
        return None
    justerade = Paragraf.objects.filter(arende=obj).filter(
        Q(sammantrade__status__in=[Sammantrade.JUSTERAT, Sammantrade.ANSLAGET])
        | Q(omedelbart_justerad=True)
    )
    return ARENDE_FRYST if justerade.exists() else None


def _justering(obj: Any) -> str | None:
    if obj.sammantrade.ar_justerat:
        return FRYST
    if obj.paragraf_id and obj.paragraf.omedelbart_justerad:
        return OMEDELBART
    return None


_REGLER = {
    "sammantrade": _sammantrade,
    "paragraf": _paragraf,
    "narvaro": lambda n: _sammantrade(n.sammantrade),
    "justering": _justering,
    "delegationsbeslut": _delegationsbeslut,
    "arende": _arende,
    "bilaga": lambda b: _arende(b.arende),
}


def fryst_orsak(obj: Any) -> str | None:
    """Why this record of the board may not change (Swedish), or ``None``."""
    regel = _REGLER.get(obj._meta.model_name)
    return regel(obj) if regel else None


def kontrollera_ordforande_justerare(ordforande: Any, justerare: Any) -> None:
    """Two people sign a protocol: the ordförande and a justerare who is someone else."""
    if ordforande is not None and justerare is not None and ordforande == justerare:
        raise ValidationError(
            {"justerare": "Justeraren ska vara en annan än ordföranden."}
        )
