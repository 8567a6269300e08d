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
from finsam.models import Person, Uppdrag
from styrelse.models import Justering, Narvaro, Organ, Paragraf, Sammantrade

__all__ = [
    "FRYST",
    "fryst_orsak",
    "kan_andras",
    "kontrollera_kan_andras",
    "kontrollera_ordforande_justerare",
    "kontrollera_styrelsemedlem",
    "kontrollera_undertecknare",
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
    if obj.pk is None:
        return None
    justerade = Paragraf.objects.filter(arende=obj).filter(
        Q(sammantrade__status__in=Sammantrade.JUSTERADE) | Q(omedelbart_justerad=True)
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


# --- Who signs -------------------------------------------------------------------------

BESLUTANDE = (Narvaro.LEDAMOT, Narvaro.TJANSTGORANDE)


def kontrollera_styrelsemedlem(
    *, organ: Organ, datum: Any, person: Person | None, falt: str
) -> None:
    """The board's ordförande and justerare come from the board: a ledamot or ersättare
    on the meeting date, never the kansli's own staff."""
    if person is None or organ.typ != Organ.STYRELSE:
        return
    ledamot = (
        Uppdrag.objects.for_forbund(organ.forbund)
        .pa_datum(datum)
        .filter(person=person, typ__in=[Uppdrag.LEDAMOT, Uppdrag.ERSATTARE])
        .exists()
    )
    if not ledamot:
        roll = "Ordföranden" if falt == "ordforande" else "Justeraren"
        raise ValidationError(
            {
                falt: f"{roll} ska vara ledamot eller ersättare i styrelsen: "
                f"{person} är det inte {datum:%Y-%m-%d}."
            }
        )


def kontrollera_undertecknare(
    *, sammantrade: Sammantrade, person: Person, nummer: list[int]
) -> None:
    """Who justerar must have taken part in the decisions: a ledamot or tjänstgörande
    ersättare present for every § justerad (kommunallagen 5 kap. 69 §)."""
    narvaro = Narvaro.objects.filter(
        sammantrade=sammantrade, person=person, roll__in=BESLUTANDE
    ).first()
    if narvaro is None:
        raise ValidationError(
            f"{person} är inte antecknad som ledamot eller tjänstgörande ersättare "
            "vid sammanträdet och kan inte justera. Rätta närvaron först."
        )
    utanfor = [
        n
        for n in nummer
        if (narvaro.fran_paragraf is not None and n < narvaro.fran_paragraf)
        or (narvaro.till_paragraf is not None and n > narvaro.till_paragraf)
    ]
    if utanfor:
        raise ValidationError(
            f"{person} var inte närvarande vid § "
            + ", ".join(str(n) for n in utanfor)
            + " och kan inte justera den delen."
        )


def har_justerat(user: Any) -> bool:
    """A signature source for finsam/konton.py: the login has approved a protocol."""
    return Justering.objects.filter(user=user).exists()


# --- Justering that cannot happen by mistake ------------------------------------------


def kontrollera_sedd_hash(sedd: str | None, aktuell: str) -> None:
    """The approval is of the content the person saw, or none at all: an approval
    that does not say what it approves is refused like one of changed content."""
    if not sedd:
        raise ValidationError(
            "Godkännandet saknar uppgift om vilket innehåll du har läst. Öppna "
            "protokollet och justera det innehåll som visas."
        )
    if sedd != aktuell:
        raise ValidationError(
            "Protokollet har ändrats sedan du öppnade det. Läs det igen och justera "
            "det innehåll som gäller nu."
        )


def kontrollera_olosta_kommentarer(*, olosta: int, motivering: str) -> str:
    """Unresolved comments on the draft stop a justering unless the person writes why
    they go ahead anyway; the reason is recorded with the approval."""
    motivering = (motivering or "").strip()
    if olosta and not motivering:
        raise ValidationError(
            {
                "motivering": f"Det finns {olosta} olösta kommentarer till utkastet. "
                "Skriv varför du justerar ändå, eller vänta tills kansliet har löst dem."
            }
        )
    return motivering
