"""Reads for the board's meetings (queries in SQL, no queries in loops).

Also the reads the services build on: the protocol's content as plain data and its
hashes, who may justera, who receives the kallelse and the masked public copy. The
services import these; nothing here imports the services.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Min, Prefetch, Q, QuerySet

from finsam.models import Forbund, Person, Uppdrag, User
from finsam.selectors import ledamoter_pa_datum
from styrelse.models import (
    Anslag,
    Arende,
    Delegationsbeslut,
    Justering,
    Kommentar,
    Narvaro,
    Organ,
    Paragraf,
    Sammantrade,
    handlingar_lista,
)


def paragraf_intervall(fran: int | None, till: int | None) -> str:
    if fran is None or till is None:
        return ""
    return f"§ {fran}" if fran == till else f"§§ {fran}–{till}"


def sammantrade_list(*, forbund: Forbund) -> QuerySet[Sammantrade]:
    return (
        Sammantrade.objects.for_forbund(forbund)
        .select_related("organ")
        .annotate(
            forsta_paragraf=Min("paragrafer__nummer"),
            sista_paragraf=Max("paragrafer__nummer"),
            antal_kommentarer=Count(
                "paragrafer__kommentarer", filter=Q(paragrafer__kommentarer__lost=False)
            ),
        )
        .order_by("-datum", "-id")
    )


def arende_list(*, forbund: Forbund) -> QuerySet[Arende]:
    return (
        Arende.objects.for_forbund(forbund)
        .select_related("forbund")
        .annotate(antal_paragrafer=Count("paragrafer"))
        .order_by("-ar", "-lopnummer")
    )


@dataclass
class Beslutforhet:
    beslutande: int
    ledamoter: int

    @property
    def beslutfor(self) -> bool:
        return self.beslutande * 2 > self.ledamoter


def beslutforhet(*, sammantrade: Sammantrade) -> Beslutforhet:
    """Quorum: more than half of the ledamöter take part (tjänstgörande ersättare count)."""
    beslutande = sammantrade.narvaro.filter(
        roll__in=[Narvaro.LEDAMOT, Narvaro.TJANSTGORANDE]
    ).count()
    ledamoter = ledamoter_pa_datum(
        forbund=sammantrade.organ.forbund, datum=sammantrade.datum
    ).count()
    return Beslutforhet(beslutande=beslutande, ledamoter=ledamoter)


@dataclass
class NarvaroRad:
    narvaro: Narvaro
    paragrafer: str


def narvaro_rader(
    *, sammantrade: Sammantrade, forsta: int | None, sista: int | None
) -> dict[str, list[NarvaroRad]]:
    """Attendance grouped by role, each with its § range ("§§ 1–11")."""
    grupper: dict[str, list[NarvaroRad]] = {
        code: [] for code, _ in Narvaro.ROLL_CHOICES
    }
    for n in sammantrade.narvaro.select_related("person", "ersatter").order_by(
        "ordning", "id"
    ):
        fran = n.fran_paragraf if n.fran_paragraf is not None else forsta
        till = n.till_paragraf if n.till_paragraf is not None else sista
        grupper[n.roll].append(NarvaroRad(n, paragraf_intervall(fran, till)))
    return grupper


def sammantrade_detail(*, sammantrade: Sammantrade) -> dict[str, Any]:
    paragrafer = list(
        sammantrade.paragrafer.select_related("arende__forbund")
        .prefetch_related(
            Prefetch(
                "kommentarer",
                queryset=Kommentar.objects.select_related(
                    "forfattare__person"
                ).order_by("skapad", "id"),
            ),
            Prefetch(
                "delegationsbeslut",
                queryset=Delegationsbeslut.objects.order_by("datum", "id"),
            ),
            "bestyrkanden",
        )
        .order_by("nummer")
    )
    for p in paragrafer:
        # What an omedelbar justering of this § approves (sent with the button).
        setattr(p, "sedd_hash", paragraf_hash(p))  # noqa: B010
    forsta = paragrafer[0].nummer if paragrafer else None
    sista = paragrafer[-1].nummer if paragrafer else None
    anslag = Anslag.objects.filter(sammantrade=sammantrade).first()
    return {
        "sammantrade": sammantrade,
        "paragrafer": paragrafer,
        "intervall": paragraf_intervall(forsta, sista),
        "narvaro": narvaro_rader(sammantrade=sammantrade, forsta=forsta, sista=sista),
        "justeringar": list(
            sammantrade.justeringar.select_related("user__person", "paragraf").order_by(
                "tidpunkt", "id"
            )
        ),
        "beslutforhet": beslutforhet(sammantrade=sammantrade),
        "anslag": anslag,
    }


def anslagstavla(*, forbund: Forbund, idag: dt.date | None = None) -> QuerySet[Anslag]:
    """The förbund's anslag, newest first; with ``idag`` only those still up that day."""
    qs = (
        Anslag.objects.for_forbund(forbund)
        .select_related("sammantrade__organ")
        .annotate(
            forsta_paragraf=Min("sammantrade__paragrafer__nummer"),
            sista_paragraf=Max("sammantrade__paragrafer__nummer"),
        )
        .order_by("-uppsatt", "-id")
    )
    if idag is not None:
        qs = qs.filter(uppsatt__lte=idag, nedtas__gte=idag)
    return qs


# --- Protocol content, hashes, justering roles, recipients, masking ---------------

PARAGRAF_FALT = (
    "rubrik",
    "sammanfattning",
    "forslag_till_beslut",
    "beslut",
    "overlaggning",
    "reservation",
    "jav",
    "delges",
    "handlingar",
)


def _uppdrag_vid(sammantrade: Sammantrade) -> dict[int, dict[str, str]]:
    """Per person on the meeting day: the member that appointed them and their place in
    the presidium ("ordförande", "1:e vice ordförande"…), as the protocol header prints."""
    vid: dict[int, dict[str, str]] = {}
    uppdrag = (
        Uppdrag.objects.for_forbund(sammantrade.organ.forbund)
        .pa_datum(sammantrade.datum)
        .filter(typ__in=[*Uppdrag.STYRELSE, *Uppdrag.PRESIDIUM])
        .select_related("medlem")
        .order_by("typ", "ordning", "id")
    )
    for u in uppdrag:
        rad = vid.setdefault(u.person_id, {"medlem": "", "presidium": ""})
        if u.typ in Uppdrag.STYRELSE and u.medlem and not rad["medlem"]:
            rad["medlem"] = u.medlem.namn
        elif u.typ == Uppdrag.ORDFORANDE:
            rad["presidium"] = "ordförande"
        elif u.typ == Uppdrag.VICE_ORDFORANDE and rad["presidium"] != "ordförande":
            rad["presidium"] = f"{u.ordning}:e vice ordförande"
    return vid


def protokoll_innehall(sammantrade: Sammantrade) -> dict[str, Any]:
    """The protocol's content as plain data: what is approved, frozen and hashed."""
    uppdrag = _uppdrag_vid(sammantrade)
    return {
        "offentligt": sammantrade.offentligt,
        "organ": sammantrade.organ.namn,
        "datum": sammantrade.datum.isoformat(),
        "tid_start": sammantrade.tid_start.isoformat() if sammantrade.tid_start else "",
        "tid_slut": sammantrade.tid_slut.isoformat() if sammantrade.tid_slut else "",
        "plats": sammantrade.plats,
        "ordforande": str(sammantrade.ordforande or ""),
        "justerare": str(sammantrade.justerare or ""),
        "sekreterare": str(sammantrade.sekreterare or ""),
        "narvaro": [
            {
                "person_id": n.person_id,
                "person": str(n.person),
                "roll": n.roll,
                "funktion": n.funktion,
                "ersatter": str(n.ersatter or ""),
                "fran": n.fran_paragraf,
                "till": n.till_paragraf,
                **uppdrag.get(n.person_id, {"medlem": "", "presidium": ""}),
            }
            for n in sammantrade.narvaro.select_related("person", "ersatter").order_by(
                "ordning", "id"
            )
        ],
        "paragrafer": [
            {
                "id": p.pk,
                "arende_id": p.arende_id,
                "nummer": p.nummer,
                "typ": p.typ,
                "dnr": p.arende.diarienummer if p.arende else "",
                **{f: getattr(p, f) for f in PARAGRAF_FALT},
                # The reports printed under the § are part of what is approved.
                "delegationsbeslut": [
                    delegationsbeslut_innehall(d) for d in p.delegationsbeslut.all()
                ],
            }
            for p in sammantrade.paragrafer.select_related("arende__forbund")
            .prefetch_related(
                Prefetch(
                    "delegationsbeslut",
                    queryset=Delegationsbeslut.objects.order_by("datum", "id"),
                )
            )
            .order_by("nummer")
        ],
    }


def delegationsbeslut_innehall(d: Delegationsbeslut) -> dict[str, Any]:
    return {
        "id": d.pk,
        "datum": d.datum.isoformat(),
        "delegat": d.delegat,
        "arendetyp": d.arendetyp,
        "beslut": d.beslut,
        "diarienummer": d.diarienummer,
    }


def innehall_hash(innehall: dict[str, Any]) -> str:
    data = json.dumps(
        innehall, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def justering_roll(*, sammantrade: Sammantrade, user: User) -> str | None:
    person_id = getattr(user, "person_id", None)
    if person_id is None:
        return None
    if person_id == sammantrade.ordforande_id:
        return Justering.ORDFORANDE
    if person_id == sammantrade.justerare_id:
        return Justering.JUSTERARE
    return None


def kallelse_mottagare(*, sammantrade: Sammantrade) -> list[Person]:
    """Ledamöter and ersättare of the board on the meeting date, with an e-mail address."""
    uppdrag = (
        Uppdrag.objects.for_forbund(sammantrade.organ.forbund)
        .pa_datum(sammantrade.datum)
        .filter(typ__in=[Uppdrag.LEDAMOT, Uppdrag.ERSATTARE])
        .exclude(person__epost="")
        .select_related("person")
        .order_by("typ", "ordning", "id")
    )
    personer: dict[int, Person] = {}
    for u in uppdrag:
        personer.setdefault(u.person_id, u.person)
    return list(personer.values())


def paragraf_hash(paragraf: Paragraf) -> str:
    """What an omedelbar justering approves: the § as printed, its reports included."""
    return innehall_hash(
        {
            "nummer": paragraf.nummer,
            **{f: getattr(paragraf, f) for f in PARAGRAF_FALT},
            "delegationsbeslut": [
                delegationsbeslut_innehall(d)
                # all() so a prefetch serves it (the meeting page hashes every §).
                for d in sorted(
                    paragraf.delegationsbeslut.all(), key=lambda d: (d.datum, d.pk)
                )
            ],
        }
    )


MASKERAT = "[maskerat]"


def maskera(text: str, avsnitt: list[str]) -> str:
    for a in sorted(avsnitt, key=len, reverse=True):
        text = text.replace(a, MASKERAT)
    return text


def maskera_innehall(innehall: dict[str, Any], maskering: str) -> dict[str, Any]:
    avsnitt = [r.strip() for r in maskering.splitlines() if r.strip()]
    if not avsnitt:
        return innehall

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return maskera(value, avsnitt)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    maskerat: dict[str, Any] = walk(innehall)
    return maskerat


# --- Documents -----------------------------------------------------------------------

ROLL_NAMN = dict(Narvaro.ROLL_CHOICES)


def protokoll_context(
    *, sammantrade: Sammantrade, offentlig: bool = False
) -> dict[str, Any]:
    """Everything the protocol PDF prints. A justerat protocol prints its frozen content;
    the public copy (``offentlig``) has the chosen passages masked."""
    innehall = (
        sammantrade.innehall
        if sammantrade.ar_justerat and sammantrade.innehall
        else protokoll_innehall(sammantrade)
    )
    if offentlig:
        innehall = maskera_innehall(innehall, sammantrade.maskering)
    paragrafer = [dict(p) for p in innehall["paragrafer"]]
    forsta = paragrafer[0]["nummer"] if paragrafer else None
    sista = paragrafer[-1]["nummer"] if paragrafer else None
    grupper: dict[str, list[dict[str, Any]]] = {
        code: [] for code, _ in Narvaro.ROLL_CHOICES
    }
    for n in innehall["narvaro"]:
        fran = n["fran"] if n["fran"] is not None else forsta
        till = n["till"] if n["till"] is not None else sista
        grupper[n["roll"]].append({**n, "paragrafer": paragraf_intervall(fran, till)})
    for p in paragrafer:
        # Printed from the content itself (frozen once justerat), never the live rows.
        p["delegationsbeslut"] = [
            {**d, "datum": dt.date.fromisoformat(d["datum"])}
            for d in p.get("delegationsbeslut", [])
        ]
        p["handlingar_lista"] = handlingar_lista(p.get("handlingar", ""))
    justeringar = {
        j.roll: j
        for j in sammantrade.justeringar.filter(
            ogiltig=False, paragraf__isnull=True
        ).select_related("user__person")
    }
    anslag = Anslag.objects.filter(sammantrade=sammantrade).first()
    return {
        "sammantrade": sammantrade,
        "forbund": sammantrade.organ.forbund,
        "innehall": innehall,
        "paragrafer": paragrafer,
        "intervall": paragraf_intervall(forsta, sista),
        "toc": [
            {"href": f"#p{p['nummer']}", "titel": f"§ {p['nummer']} {p['rubrik']}"}
            for p in paragrafer
        ],
        "beslutande": grupper[Narvaro.LEDAMOT] + grupper[Narvaro.TJANSTGORANDE],
        "ersattare": grupper[Narvaro.ERSATTARE],
        "ovriga": grupper[Narvaro.OVRIG],
        "justering_ordforande": justeringar.get("ordforande"),
        "justering_justerare": justeringar.get("justerare"),
        "anslag": anslag,
        "titel": f"Protokoll {innehall['organ']} {innehall['datum']}",
        "offentlig": offentlig and bool(sammantrade.maskering.strip()),
    }


def kallelse_context(*, sammantrade: Sammantrade) -> dict[str, Any]:
    return {
        "sammantrade": sammantrade,
        "forbund": sammantrade.organ.forbund,
        "paragrafer": list(
            sammantrade.paragrafer.select_related("arende__forbund")
            .prefetch_related("delegationsbeslut")
            .order_by("nummer")
        ),
        "mottagare": kallelse_mottagare(sammantrade=sammantrade),
        "titel": f"Kallelse {sammantrade.organ} {sammantrade.datum:%Y-%m-%d}",
    }


def delegationsbeslut_list(*, forbund: Forbund) -> QuerySet[Delegationsbeslut]:
    return (
        Delegationsbeslut.objects.for_forbund(forbund)
        .select_related("anmald_paragraf__sammantrade")
        .order_by("-datum", "-id")
    )


def utdrag_context(*, paragraf: Paragraf) -> dict[str, Any]:
    """One paragraph as printed in the justerat protocol (frozen content)."""
    sammantrade = paragraf.sammantrade
    context = protokoll_context(sammantrade=sammantrade)
    context["paragrafer"] = [
        p for p in context["paragrafer"] if p["nummer"] == paragraf.nummer
    ]
    context["titel"] = (
        f"Protokollsutdrag § {paragraf.nummer} {sammantrade.datum:%Y-%m-%d}"
    )
    context["bestyrkande"] = paragraf.bestyrkanden.order_by("-datum", "-id").first()
    return context


# --- Justering and attendance ---------------------------------------------------------


def sammansattning(*, sammantrade: Sammantrade) -> QuerySet[Uppdrag]:
    """The board's ledamöter and ersättare on the meeting date, ledamöter first."""
    return (
        Uppdrag.objects.for_forbund(sammantrade.organ.forbund)
        .pa_datum(sammantrade.datum)
        .filter(typ__in=[Uppdrag.LEDAMOT, Uppdrag.ERSATTARE])
        .select_related("person")
        .order_by("typ", "ordning", "id")
        if sammantrade.organ.typ == Organ.STYRELSE
        else Uppdrag.objects.none()
    )


def ordforande_pa_datum(*, forbund: Forbund, datum: dt.date) -> Person | None:
    """The board's ordförande on a date (the presidium's), proposed for its meetings."""
    uppdrag = (
        Uppdrag.objects.for_forbund(forbund)
        .pa_datum(datum)
        .filter(typ=Uppdrag.ORDFORANDE)
        .select_related("person")
        .order_by("-fran", "id")
        .first()
    )
    return uppdrag.person if uppdrag else None


@dataclass
class Justeringsunderlag:
    """What the confirmation page shows: exactly what the approval is of."""

    innehall_hash: str
    paragrafer: list[dict[str, Any]]
    olosta_kommentarer: list[Kommentar]
    roll: str | None
    redan_godkant: bool


def justeringsunderlag(*, sammantrade: Sammantrade, user: User) -> Justeringsunderlag:
    innehall = protokoll_innehall(sammantrade)
    hash_ = innehall_hash(innehall)
    roll = justering_roll(sammantrade=sammantrade, user=user)
    return Justeringsunderlag(
        innehall_hash=hash_,
        paragrafer=innehall["paragrafer"],
        olosta_kommentarer=list(
            Kommentar.objects.filter(paragraf__sammantrade=sammantrade, lost=False)
            .select_related("paragraf", "forfattare__person")
            .order_by("paragraf__nummer", "skapad", "id")
        ),
        roll=roll,
        redan_godkant=roll is not None
        and sammantrade.justeringar.filter(
            roll=roll, paragraf__isnull=True, ogiltig=False, innehall_hash=hash_
        ).exists(),
    )
