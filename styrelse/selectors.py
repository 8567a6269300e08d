"""Reads for the board's meetings (queries in SQL, no queries in loops).

Also the reads the services build on: the protocol's content as plain data and its
hashes, who may justera, who receives the kallelse and the masked public copy. The
services import these; nothing here imports the services.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Min, Prefetch, Q, QuerySet

from finsam.forsegling import sha256_av_innehall
from finsam.models import Forbund, Person, Uppdrag, User
from finsam.selectors import ledamoter_pa_datum
from styrelse.models import (
    Anslag,
    Arende,
    Delegationsbeslut,
    Justering,
    Kommentar,
    Maskering,
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


ROLL_NAMN = dict(Narvaro.ROLL_CHOICES)


@dataclass
class NarvaroRad:
    """One line of attendance as the page shows it: from the live rows of a draft or
    the frozen content of a justerat protocol (``pk`` is then ``None``)."""

    roll: str
    person: str
    ersatter: str
    funktion: str
    paragrafer: str
    pk: int | None = None

    @property
    def roll_namn(self) -> str:
        return ROLL_NAMN.get(self.roll, self.roll)


def narvaro_rader(
    *,
    sammantrade: Sammantrade,
    forsta: int | None,
    sista: int | None,
    fryst: dict[str, Any] | None = None,
) -> dict[str, list[NarvaroRad]]:
    """Attendance grouped by role, each with its § range ("§§ 1–11")."""
    grupper: dict[str, list[NarvaroRad]] = {
        code: [] for code, _ in Narvaro.ROLL_CHOICES
    }
    if fryst is not None:
        for d in fryst["narvaro"]:
            fran = d["fran"] if d["fran"] is not None else forsta
            till = d["till"] if d["till"] is not None else sista
            grupper[d["roll"]].append(
                NarvaroRad(
                    roll=d["roll"],
                    person=d["person"],
                    ersatter=d["ersatter"],
                    funktion=d["funktion"],
                    paragrafer=paragraf_intervall(fran, till),
                )
            )
        return grupper
    for n in sammantrade.narvaro.select_related("person", "ersatter").order_by(
        "ordning", "id"
    ):
        fran = n.fran_paragraf if n.fran_paragraf is not None else forsta
        till = n.till_paragraf if n.till_paragraf is not None else sista
        grupper[n.roll].append(
            NarvaroRad(
                roll=n.roll,
                person=str(n.person),
                ersatter=str(n.ersatter or ""),
                funktion=n.funktion,
                paragrafer=paragraf_intervall(fran, till),
                pk=n.pk,
            )
        )
    return grupper


def fryst_innehall(sammantrade: Sammantrade) -> dict[str, Any] | None:
    """The content approved and frozen at justering, or ``None`` for a draft."""
    if sammantrade.ar_justerat and sammantrade.innehall:
        innehall: dict[str, Any] = sammantrade.innehall
        return innehall
    return None


def sammantrade_detail(*, sammantrade: Sammantrade) -> dict[str, Any]:
    """The meeting page. A justerat protocol shows its frozen content (names, attendance,
    § texts and delegation reports as approved), never what the live rows say now."""
    fryst = fryst_innehall(sammantrade)
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
    frysta = {d["id"]: d for d in fryst["paragrafer"]} if fryst else {}
    for p in paragrafer:
        # What an omedelbar justering of this § approves (sent with the button).
        setattr(p, "sedd_hash", paragraf_hash(p))  # noqa: B010
        visning = paragraf_visning(frysta.get(p.pk) or paragraf_innehall(p))
        setattr(p, "visning", visning)  # noqa: B010
    forsta = paragrafer[0].nummer if paragrafer else None
    sista = paragrafer[-1].nummer if paragrafer else None
    anslag = Anslag.objects.filter(sammantrade=sammantrade).first()
    return {
        "sammantrade": sammantrade,
        "huvud": fryst
        or {
            "organ": sammantrade.organ.namn,
            "ordforande": str(sammantrade.ordforande or ""),
            "justerare": str(sammantrade.justerare or ""),
            "sekreterare": str(sammantrade.sekreterare or ""),
        },
        "paragrafer": paragrafer,
        "intervall": paragraf_intervall(forsta, sista),
        "narvaro": narvaro_rader(
            sammantrade=sammantrade, forsta=forsta, sista=sista, fryst=fryst
        ),
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
        # Printed in every page's header: part of what is approved and frozen.
        "forbund": sammantrade.organ.forbund.namn,
        "organ": sammantrade.organ.namn,
        "datum": sammantrade.datum.isoformat(),
        "tid_start": sammantrade.tid_start.isoformat() if sammantrade.tid_start else "",
        "tid_slut": sammantrade.tid_slut.isoformat() if sammantrade.tid_slut else "",
        "plats": sammantrade.plats,
        "ordforande": str(sammantrade.ordforande or ""),
        "justerare": str(sammantrade.justerare or ""),
        "sekreterare": str(sammantrade.sekreterare or ""),
        # The ids let the public copy mask a person on the structure (Maskering).
        "ordforande_id": sammantrade.ordforande_id,
        "justerare_id": sammantrade.justerare_id,
        "sekreterare_id": sammantrade.sekreterare_id,
        "narvaro": [
            {
                "person_id": n.person_id,
                "person": str(n.person),
                "roll": n.roll,
                "funktion": n.funktion,
                "ersatter_id": n.ersatter_id,
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
            paragraf_innehall(p)
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


def paragraf_innehall(p: Paragraf) -> dict[str, Any]:
    """One § as plain data (its reports from ``delegationsbeslut.all()``, so a prefetch
    ordered by date serves it)."""
    return {
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


def paragraf_visning(p: dict[str, Any]) -> dict[str, Any]:
    """A § of the content ready for a template: dates as dates, handlingar lettered."""
    return {
        **p,
        "delegationsbeslut": [
            {**d, "datum": dt.date.fromisoformat(d["datum"])}
            for d in p.get("delegationsbeslut", [])
        ],
        "handlingar_lista": handlingar_lista(p.get("handlingar", "")),
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


def protokoll_hash(sammantrade: Sammantrade) -> str:
    """The hash of the protocol as it reads now: what a justering approves."""
    return innehall_hash(protokoll_innehall(sammantrade))


def innehall_hash(innehall: dict[str, Any]) -> str:
    return sha256_av_innehall(innehall, kompakt=True)


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
            "dnr": paragraf.arende.diarienummer if paragraf.arende else "",
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


# --- The public copy: masked on the structure -----------------------------------

MASKERAT = "[maskerat]"
MASKERAD_PARAGRAF = "Maskerad paragraf"
TEXTFALT = (*PARAGRAF_FALT, "dnr")


def _normalisera(text: str) -> str:
    """For finding a name in free text whatever its case or line breaks."""
    return " ".join(str(text).casefold().split())


def _utan_parti(namn: str) -> str:
    """ "Anna Andersson (S)" → "Anna Andersson": the name as a text would write it."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", namn)


def _ord(text: str) -> str:
    """Free text as lower-case words without accents or punctuation, so that "ÖSTLUND,
    Åsa" and "Ostlund Asa" read alike (a name typed on a keyboard without å, ä, ö)."""
    utan_accent = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )
    return " ".join(re.findall(r"\w+", utan_accent.casefold()))


def _namnmonster(namn: str) -> re.Pattern[str] | None:
    """The ways a protocol writes a person's name: "Anna Andersson", "Andersson, Anna",
    "A. Andersson", "Anna Anderssons" — whole words, any case, accents or line breaks.
    A first name or a surname alone is not matched: it would hide every namesake."""
    delar = _ord(_utan_parti(namn)).split()
    if not delar:
        return None
    fornamn, efternamn = " ".join(delar[:-1]), delar[-1]
    former = {" ".join(delar)}
    if fornamn:
        former |= {f"{efternamn} {fornamn}", f"{fornamn[0]} {efternamn}"}
    alternativ = "|".join(re.escape(f) for f in sorted(former, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternativ})s?\b")


def _texter(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for v in value for t in _texter(v)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texter(v)]
    return []


@dataclass
class Maskeringsval:
    paragrafer: set[int]
    arenden: set[int]
    delegationsbeslut: set[int]
    personer: set[int]

    @classmethod
    def for_sammantrade(cls, sammantrade: Sammantrade) -> Maskeringsval:
        val = cls(set(), set(), set(), set())
        grupper = {
            Maskering.PARAGRAF: val.paragrafer,
            Maskering.ARENDE: val.arenden,
            Maskering.DELEGATIONSBESLUT: val.delegationsbeslut,
            Maskering.PERSON: val.personer,
        }
        for typ, objekt_id in sammantrade.maskeringar.values_list("typ", "objekt_id"):
            grupper[typ].add(objekt_id)
        return val

    def __bool__(self) -> bool:
        return bool(
            self.paragrafer or self.arenden or self.delegationsbeslut or self.personer
        )


@dataclass
class OffentligKopia:
    """The public copy's content and, for the kansli's preview, why each § is hidden."""

    innehall: dict[str, Any]
    skal: dict[int, str]  # § nummer → why it is masked
    maskerad: bool


def offentlig_innehall(innehall: dict[str, Any], val: Maskeringsval) -> OffentligKopia:
    """The protocol's content with the chosen §§, ärenden, delegation reports and
    persons taken out of the data itself, before any template sees it.

    A masked person's name is removed wherever the structure holds it (attendance,
    ordförande, justerare, sekreterare, who an ersättare replaced). Free text has no
    structure: a § or report whose text names a masked person (in any case, across
    line breaks, surname first, with an initial: ``_namnmonster``) is masked whole
    rather than edited, so no other spelling can print it.
    """
    personer: dict[int, str] = {}
    for n in innehall.get("narvaro", []):
        if n["person_id"] in val.personer:
            personer[n["person_id"]] = n["person"]
    for roll in ("ordforande", "justerare", "sekreterare"):
        if innehall.get(f"{roll}_id") in val.personer:
            personer[innehall[f"{roll}_id"]] = innehall[roll]
    monster = {p: m for p, n in personer.items() if (m := _namnmonster(n))}
    maskerade_namn = {_normalisera(n) for n in personer.values() if n.strip()}

    def namnger(texter: list[str]) -> str | None:
        for person_id, m in monster.items():
            if any(m.search(_ord(t)) for t in texter):
                return personer[person_id]
        return None

    kopia = dict(innehall)
    for roll in ("ordforande", "justerare", "sekreterare"):
        fryst_id = innehall.get(f"{roll}_id")
        if fryst_id in val.personer or (
            fryst_id is None and _normalisera(innehall.get(roll, "")) in maskerade_namn
        ):
            kopia[roll] = MASKERAT
    narvaro = []
    for n in innehall.get("narvaro", []):
        rad = dict(n)
        if n["person_id"] in val.personer:
            rad.update(person=MASKERAT, funktion="", medlem="", presidium="")
        ersatter_id = n.get("ersatter_id")
        if n.get("ersatter") and (
            ersatter_id in val.personer
            or (ersatter_id is None and _normalisera(n["ersatter"]) in maskerade_namn)
        ):
            rad["ersatter"] = MASKERAT
        narvaro.append(rad)
    kopia["narvaro"] = narvaro
    for falt in ("plats",):
        if namnger([kopia.get(falt, "")]):
            kopia[falt] = MASKERAT

    skal: dict[int, str] = {}
    paragrafer = []
    for p in innehall.get("paragrafer", []):
        orsak = None
        if p["id"] in val.paragrafer:
            orsak = "vald av kansliet"
        elif p.get("arende_id") in val.arenden:
            orsak = f"ärendet {p.get('dnr') or ''} är maskerat".replace("  ", " ")
        else:
            texter = [t for f in TEXTFALT for t in _texter(p.get(f, ""))]
            vem = namnger(texter)
            if vem:
                orsak = f"texten nämner {vem}"
        if orsak:
            skal[p["nummer"]] = orsak
            paragrafer.append(
                {
                    "id": p["id"],
                    "arende_id": None,
                    "nummer": p["nummer"],
                    "typ": p.get("typ", ""),
                    "dnr": "",
                    **dict.fromkeys(PARAGRAF_FALT, ""),
                    "rubrik": MASKERAD_PARAGRAF,
                    "delegationsbeslut": [],
                    "maskerad": True,
                }
            )
            continue
        rapporter = []
        for d in p.get("delegationsbeslut", []):
            if d["id"] in val.delegationsbeslut or namnger(_texter(d)):
                rapporter.append({"id": d["id"], "datum": d["datum"], "maskerat": True})
            else:
                rapporter.append(d)
        paragrafer.append({**p, "delegationsbeslut": rapporter})
    kopia["paragrafer"] = paragrafer
    return OffentligKopia(innehall=kopia, skal=skal, maskerad=bool(val))


def offentlig_kopia(sammantrade: Sammantrade) -> OffentligKopia:
    """The public copy of the protocol as it reads now (frozen content once justerat)."""
    innehall = fryst_innehall(sammantrade) or protokoll_innehall(sammantrade)
    return offentlig_innehall(innehall, Maskeringsval.for_sammantrade(sammantrade))


@dataclass
class Valbart:
    varde: int
    text: str


@dataclass
class Maskeringsalternativ:
    paragrafer: list[Valbart]
    arenden: list[Valbart]
    delegationsbeslut: list[Valbart]
    personer: list[Valbart]


def maskeringsalternativ(sammantrade: Sammantrade) -> Maskeringsalternativ:
    """What the kansli can choose to mask: the protocol's own §§, ärenden, delegation
    reports and persons (frozen content once justerat), nothing else."""
    innehall = fryst_innehall(sammantrade) or protokoll_innehall(sammantrade)
    paragrafer = innehall.get("paragrafer", [])
    arenden: dict[int, Valbart] = {}
    for p in paragrafer:
        if p.get("arende_id") and p["arende_id"] not in arenden:
            arenden[p["arende_id"]] = Valbart(
                p["arende_id"], f"{p.get('dnr', '')} {p['rubrik']}".strip()
            )
    personer: dict[int, Valbart] = {}
    for n in innehall.get("narvaro", []):
        personer.setdefault(n["person_id"], Valbart(n["person_id"], n["person"]))
    for roll in ("ordforande", "justerare", "sekreterare"):
        person_id = innehall.get(f"{roll}_id")
        if person_id and person_id not in personer:
            personer[person_id] = Valbart(person_id, innehall[roll])
    return Maskeringsalternativ(
        paragrafer=[
            Valbart(p["id"], f"§ {p['nummer']} {p['rubrik']}") for p in paragrafer
        ],
        arenden=list(arenden.values()),
        delegationsbeslut=[
            Valbart(
                d["id"],
                f"§ {p['nummer']}: {d['datum']} {d['arendetyp']} – {d['beslut']}",
            )
            for p in paragrafer
            for d in p.get("delegationsbeslut", [])
        ],
        personer=list(personer.values()),
    )


# --- Documents -----------------------------------------------------------------------


def protokoll_context(
    *, sammantrade: Sammantrade, offentlig: bool = False
) -> dict[str, Any]:
    """Everything the protocol PDF prints. A justerat protocol prints its frozen content;
    the public copy (``offentlig``) has the chosen passages masked."""
    innehall = fryst_innehall(sammantrade) or protokoll_innehall(sammantrade)
    maskerad = False
    if offentlig:
        kopia = offentlig_innehall(innehall, Maskeringsval.for_sammantrade(sammantrade))
        innehall, maskerad = kopia.innehall, kopia.maskerad
    paragrafer = [paragraf_visning(p) for p in innehall["paragrafer"]]
    forsta = paragrafer[0]["nummer"] if paragrafer else None
    sista = paragrafer[-1]["nummer"] if paragrafer else None
    grupper: dict[str, list[dict[str, Any]]] = {
        code: [] for code, _ in Narvaro.ROLL_CHOICES
    }
    for n in innehall["narvaro"]:
        fran = n["fran"] if n["fran"] is not None else forsta
        till = n["till"] if n["till"] is not None else sista
        grupper[n["roll"]].append({**n, "paragrafer": paragraf_intervall(fran, till)})
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
        "offentlig": maskerad,
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
