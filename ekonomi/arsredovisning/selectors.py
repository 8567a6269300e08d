"""Gathering the årsredovisning of a year from every app's data (reads only).

Each part comes from the app that owns it, through that app's selectors: the members and
fees (finsam), the insatser, goals, flows and indicators (insatser), the board's meetings
(styrelse) and the statements, reconciliation and budget (ekonomi). Nothing here is typed
except the narrative (``Avsnittstext``); every figure is the one stored value its app
holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet, Sum
from django.utils.safestring import SafeString

from ekonomi.arsredovisning import tabeller as tab
from ekonomi.arsredovisning.ekonomidelar import ekonomi_tabeller
from ekonomi.arsredovisning.models import Arsredovisning, Avsnittstext, Fyndbedomning
from ekonomi.arsredovisning.text import markdown_html
from ekonomi.selectors.avstamning import avstamning
from finsam import selectors as finsam_selectors
from finsam.models import ExternIntakt, Forbund, Medlem, Uppdrag
from insatser import selectors as insatser_selectors
from insatser.models import ForbundsMal, Insats, Mal, Strukturaktivitet

M = TypeVar("M", bound=Model)


def arsredovisning_get(*, forbund: Forbund, ar: int) -> Arsredovisning | None:
    return (
        Arsredovisning.objects.for_forbund(forbund)
        .filter(ar=ar)
        .defer("pdf", "html")
        .select_related("godkand_paragraf__sammantrade")
        .first()
    )


def arsredovisningar_list(*, forbund: Forbund) -> list[Arsredovisning]:
    return list(
        Arsredovisning.objects.for_forbund(forbund).defer("pdf", "html").order_by("-ar")
    )


def godkand_get(*, forbund: Forbund, ar: int) -> Arsredovisning | None:
    """The approved report of ``ar`` with its frozen PDF, or None."""
    return (
        Arsredovisning.objects.for_forbund(forbund)
        .filter(ar=ar, status=Arsredovisning.GODKAND)
        .first()
    )


def godkanda_list(*, forbund: Forbund) -> list[Arsredovisning]:
    """The approved reports of every year, newest first, without their PDF bytes."""
    return list(
        Arsredovisning.objects.for_forbund(forbund)
        .filter(status=Arsredovisning.GODKAND)
        .defer("pdf", "html")
        .select_related("godkand_paragraf__sammantrade")
        .order_by("-ar")
    )


# --- Narrative texts -----------------------------------------------------------------


@dataclass
class Avsnitt:
    kod: str
    rubrik: str
    hjalp: str
    text: str  # the Markdown of this year, or last year's as the starting point
    egen: bool  # True when written for this year
    fran_ar: int | None  # the year the starting text comes from

    @property
    def html(self) -> SafeString:
        return markdown_html(self.text)


def avsnitt_list(*, forbund: Forbund, ar: int) -> list[Avsnitt]:
    """Every section's text for ``ar``; a section not yet written for the year starts from
    the latest earlier year's text (the kansli edits last year's words). One query."""
    senaste: dict[str, Avsnittstext] = {}
    for text in (
        Avsnittstext.objects.for_forbund(forbund).filter(ar__lte=ar).order_by("ar")
    ):
        senaste[text.avsnitt] = text
    avsnitt = []
    for kod, rubrik, hjalp in Avsnittstext.AVSNITT:
        t = senaste.get(kod)
        avsnitt.append(
            Avsnitt(
                kod=kod,
                rubrik=rubrik,
                hjalp=hjalp,
                text=t.text if t else "",
                egen=bool(t and t.ar == ar),
                fran_ar=t.ar if t else None,
            )
        )
    return avsnitt


# --- Förvaltningsberättelse: the förbund, its members and board ----------------------


def _overlapping(qs: QuerySet[M], start: dt.date, slut: dt.date) -> QuerySet[M]:
    return qs.filter(fran__lte=slut).filter(Q(till__isnull=True) | Q(till__gte=start))


MANADER = [
    "jan",
    "feb",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "aug",
    "sept",
    "okt",
    "nov",
    "dec",
]


def _period_not(u: Uppdrag, start: dt.date, slut: dt.date) -> str:
    """A change within the year as seed 004, 1.5.1 prints it: (t.o.m. mars 2017)."""
    delar = []
    if u.fran > start:
        delar.append(f"fr.o.m. {MANADER[u.fran.month - 1]} {u.fran.year}")
    if u.till and u.till < slut:
        delar.append(f"t.o.m. {MANADER[u.till.month - 1]} {u.till.year}")
    return f" ({', '.join(delar)})" if delar else ""


@dataclass
class Styrelserad:
    medlem: str
    ledamoter: list[str] = field(default_factory=list)
    ersattare: list[str] = field(default_factory=list)


def _titel(u: Uppdrag, antal_vice: int) -> str:
    if u.typ == Uppdrag.ORDFORANDE:
        return "ordförande"
    return f"{u.ordning}:e vice ordförande" if antal_vice > 1 else "vice ordförande"


def styrelsen_under_aret(*, forbund: Forbund, ar: int) -> dict[str, Any]:
    """The board over the whole year (every seat holder, with the months of a change),
    the presidium, revisorer, kansli and beredningsgrupp. One query."""
    start, slut = dt.date(ar, 1, 1), dt.date(ar, 12, 31)
    uppdrag = list(
        _overlapping(finsam_selectors.uppdrag_list(forbund=forbund), start, slut)
    )
    # The latest mandate's presidium titles within the year, keyed by person.
    vice = {u.person_id for u in uppdrag if u.typ == Uppdrag.VICE_ORDFORANDE}
    titlar = {
        u.person_id: _titel(u, len(vice))
        for u in sorted(uppdrag, key=lambda u: u.fran)
        if u.typ in Uppdrag.PRESIDIUM
    }
    rader: dict[int, Styrelserad] = {}
    sedda: set[tuple[int, str]] = set()
    for u, medlem in sorted(
        finsam_selectors.styrelseuppdrag(uppdrag),
        key=lambda um: (um[1].sortering, um[1].namn, um[0].fran, um[0].ordning),
    ):
        # A person reappointed within the year (a new mandate) is listed once.
        if (u.person_id, u.typ) in sedda:
            continue
        sedda.add((u.person_id, u.typ))
        rad = rader.setdefault(medlem.pk, Styrelserad(medlem=medlem.namn))
        namn = u.person.namn + _period_not(u, start, slut)
        if u.typ == Uppdrag.LEDAMOT:
            titel = titlar.get(u.person_id)
            rad.ledamoter.append(f"{namn}, {titel}" if titel else namn)
        else:
            rad.ersattare.append(namn)
    presidium = sorted(
        (u for u in uppdrag if u.typ in Uppdrag.PRESIDIUM),
        key=lambda u: (u.typ != Uppdrag.ORDFORANDE, u.ordning),
    )
    presidium_unik: dict[tuple[str, int], Uppdrag] = {}
    for u in presidium:
        presidium_unik.setdefault((u.typ, u.ordning), u)

    def unika(typ: str) -> list[Uppdrag]:
        ut: dict[int, Uppdrag] = {}
        for u in uppdrag:
            if u.typ == typ:
                ut.setdefault(u.person_id, u)
        return list(ut.values())

    return {
        "styrelse": list(rader.values()),
        "antal_ledamoter": len({u.medlem_id for u in uppdrag if u.typ == "ledamot"}),
        "presidium": [
            {
                "namn": u.person.namn,
                "titel": _titel(u, len(vice)),
                "medlem": u.medlem.namn if u.medlem else "",
            }
            for u in presidium_unik.values()
        ],
        "revisorer": unika(Uppdrag.REVISOR),
        "kansli": unika(Uppdrag.KANSLI),
        "beredningsgrupp": unika(Uppdrag.BEREDNINGSGRUPP),
    }


def ledamoter_for_underskrift(
    *, forbund: Forbund, datum: dt.date
) -> list[dict[str, Any]]:
    """A signature line per sitting ledamot on the day of the decision (seed 004, 8),
    the presidium first with its titles. One query."""
    uppdrag = list(finsam_selectors.uppdrag_list(forbund=forbund, datum=datum))
    vice = [u for u in uppdrag if u.typ == Uppdrag.VICE_ORDFORANDE]
    titlar = {
        u.person_id: (_titel(u, len(vice)), u.typ != Uppdrag.ORDFORANDE, u.ordning)
        for u in uppdrag
        if u.typ in Uppdrag.PRESIDIUM
    }
    ledamoter = [u for u in uppdrag if u.typ == Uppdrag.LEDAMOT]
    ledamoter.sort(
        key=lambda u: (
            titlar.get(u.person_id, ("", True, 99))[1:],
            u.medlem.sortering if u.medlem else 0,
            u.person.efternamn,
        )
    )
    return [
        {
            "namn": u.person.namn,
            "titel": (
                titlar[u.person_id][0] if u.person_id in titlar else "ledamot"
            ).capitalize(),
        }
        for u in ledamoter
    ]


def sammantraden_under_aret(*, forbund: Forbund, ar: int) -> int:
    """The board's meetings held in the year, counted from the meetings that have (or
    are about to get) a protocol. One query."""
    from styrelse.models import Organ, Sammantrade

    return (
        Sammantrade.objects.for_forbund(forbund)
        .filter(
            organ__typ=Organ.STYRELSE,
            datum__year=ar,
            status__in=[
                Sammantrade.GENOMFORT,
                Sammantrade.UTKAST,
                Sammantrade.JUSTERAT,
                Sammantrade.ANSLAGET,
            ],
        )
        .count()
    )


@dataclass
class Avgiftsrad:
    namn: str
    belopp: Decimal | None
    foregaende: Decimal | None


def medlemsavgifter(*, forbund: Forbund, ar: int) -> dict[str, Any]:
    """The year's fees per medlem beside last year's (seed 004, 1.2.5 and not 1), from
    the fee decisions. Three queries (finsam's fee history)."""
    historik = finsam_selectors.avgift_historik(forbund=forbund)
    i = historik.ar.index(ar) if ar in historik.ar else None
    j = historik.ar.index(ar - 1) if ar - 1 in historik.ar else None

    def col(values: list[Any], idx: int | None) -> Any:
        return values[idx] if idx is not None else None

    return {
        "rader": [
            Avgiftsrad(r.namn, col(r.belopp, i), col(r.belopp, j))
            for r in historik.medlemsrader
            if col(r.belopp, i) is not None or col(r.belopp, j) is not None
        ],
        "summa": Avgiftsrad(
            "Summa", col(historik.summa.belopp, i), col(historik.summa.belopp, j)
        ),
        "beslutat": col(historik.beslutat, i),
    }


def _aktiv_under(insats: Insats, ar: int) -> bool:
    return (
        (insats.startdatum is None or insats.startdatum.year <= ar)
        and (insats.slutdatum is None or insats.slutdatum.year >= ar)
        and insats.status != Insats.PLANERAD
    )


def insatser_under_aret(*, forbund: Forbund, ar: int) -> dict[str, list[Insats]]:
    """The insatser financed during the year, grouped individ/struktur. One query."""
    insatser = [
        i
        for i in insatser_selectors.insats_list(forbund=forbund)
        if _aktiv_under(i, ar)
    ]
    return {
        "individ": [i for i in insatser if i.inriktning == Insats.INDIVID],
        "struktur": [i for i in insatser if i.inriktning == Insats.STRUKTUR],
    }


def strukturaktiviteter(*, forbund: Forbund, ar: int) -> list[dict[str, Any]]:
    """Frukostmöten, utbildningar… of the year: count and visitors per type. One query."""
    namn = dict(Strukturaktivitet.TYP_CHOICES)
    return [
        {**r, "namn": namn.get(r["typ"], r["typ"])}
        for r in Strukturaktivitet.objects.for_forbund(forbund)
        .filter(datum__year=ar)
        .values("typ")
        .annotate(antal=Sum(1), deltagare=Sum("deltagare"))
        .order_by("typ")
    ]


def forbundsmal_med_resultat(
    *, mal: list[ForbundsMal], unika: int | None, andel_arbete: dict[str, Any]
) -> list[dict[str, Any]]:
    """The förbund's own goals for the year with the result the data gives."""
    bedomning = dict(Mal.BEDOMNING_CHOICES)
    rader = []
    for m in mal:
        if m.typ == ForbundsMal.UNIKA and unika is not None:
            resultat = (
                f"Totalt {unika} individer har tagit del av en eller flera insatser."
            )
        elif m.typ == ForbundsMal.ANDEL_ARBETE_STUDIER and andel_arbete.get("av"):
            resultat = (
                f"{andel_arbete['andel']} ({andel_arbete['antal']} av "
                f"{andel_arbete['av']}) arbetar/studerar vid avslut."
            )
        else:
            resultat = m.resultat_text
        rader.append(
            {
                "mal": m.beskrivning,
                "resultat": resultat,
                "bedomning": bedomning.get(m.bedomning, ""),
            }
        )
    return rader


def bilaga_mal(*, insatser: list[Insats], ar: int) -> list[dict[str, Any]]:
    """Bilaga: goals and results per insats, with the judgement (seed 004, bilaga 2).
    Two queries per insats (the insatser app's goal selector computes the results)."""
    bedomning = dict(Mal.BEDOMNING_CHOICES)
    rader = []
    for insats in insatser:
        mal = [
            r
            for r in insatser_selectors.mal_med_resultat(insats=insats)
            if r.mal.ar == ar
        ]
        if not mal:
            continue
        rader.append(
            {
                "insats": insats.namn,
                "mal": [
                    {
                        "mal": r.mal.beskrivning or r.mal.get_typ_display(),
                        "malvarde": r.mal.malvarde,
                        "andel": r.mal.typ in Mal.ANDELAR,
                        "resultat": r.resultat,
                        "bedomning": bedomning.get(r.mal.bedomning, ""),
                        "avvikelse": r.avvikelse,
                    }
                    for r in mal
                ],
            }
        )
    return rader


# --- Reconciliation findings ----------------------------------------------------------


@dataclass
class Fyndstatus:
    fynd: Any  # ekonomi.selectors.avstamning.Fynd
    bedomning: Fyndbedomning | None

    @property
    def godtaget(self) -> bool:
        return self.bedomning is not None and self.bedomning.differens == _rund(
            self.fynd.differens
        )


def _rund(value: Any) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal("0.01"))


def fynd_list(*, forbund: Forbund, ar: int) -> list[Fyndstatus]:
    """ekonomi's reconciliation findings of the year, each with its acceptance (if the
    kansli accepted this very difference)."""
    bedomningar = {
        b.nyckel: b
        for b in Fyndbedomning.objects.for_forbund(forbund)
        .filter(ar=ar)
        .select_related("av")
    }
    return [
        Fyndstatus(fynd=f, bedomning=bedomningar.get(f.nyckel))
        for f in avstamning(forbund=forbund, ar=ar)
    ]


# --- The whole document ---------------------------------------------------------------


def beslutsdatum(*, arsredovisning: Arsredovisning | None, ar: int) -> dt.date:
    """The date the board decides (or is expected to): the approving §'s meeting, else
    31 March the year after (LKBR: within three months of the year's end)."""
    if arsredovisning and arsredovisning.godkand_datum:
        return arsredovisning.godkand_datum
    return dt.date(ar + 1, 3, 31)


def arsredovisning_data(
    *, forbund: Forbund, ar: int, arsredovisning: Arsredovisning | None = None
) -> dict[str, Any]:
    """Everything the årsredovisning of ``ar`` prints, in the order of seed 004.

    ``arsredovisning`` is the record as it is being approved (not yet saved)."""
    if arsredovisning is None:
        arsredovisning = arsredovisning_get(forbund=forbund, ar=ar)
    texter = {a.kod: a for a in avsnitt_list(forbund=forbund, ar=ar)}
    medlemmar = [
        m
        for m in finsam_selectors.medlemmar_list(forbund=forbund)
        if m.ar_medlem(dt.date(ar, 12, 31)) or m.ar_medlem(dt.date(ar, 1, 1))
    ]
    insatser = insatser_under_aret(forbund=forbund, ar=ar)
    rader, total, unika = insatser_selectors.flodessammanfattning(
        forbund=forbund, ar=ar
    )
    detaljer = insatser_selectors.statistik_detaljer(forbund=forbund, ar=ar)
    datum = beslutsdatum(arsredovisning=arsredovisning, ar=ar)
    externa = list(
        ExternIntakt.objects.for_forbund(forbund).filter(ar=ar).order_by("kategori")
    )
    return {
        "forbund": forbund,
        "ar": ar,
        "arsredovisning": arsredovisning,
        "utkast": not (arsredovisning and arsredovisning.ar_godkand),
        "texter": texter,
        "medlemmar": medlemmar,
        "statliga": [m for m in medlemmar if m.typ in Medlem.STATEN],
        "avgifter": medlemsavgifter(forbund=forbund, ar=ar),
        "externa": externa,
        "insatser": insatser,
        "strukturaktiviteter": strukturaktiviteter(forbund=forbund, ar=ar),
        "floden": rader,
        "floden_total": total,
        "unika": unika,
        "floden_svg": insatser_selectors.flodes_svg(rader) if rader else "",
        "forbundsmal": forbundsmal_med_resultat(
            mal=detaljer["forbundsmal"],
            unika=unika,
            andel_arbete=detaljer["andel_arbete"]["totalt"],
        ),
        "detaljer": detaljer,
        "kategori_rubriker": insatser_selectors.KATEGORI_RUBRIKER,
        "indikatorer": insatser_selectors.indikatorer(forbund=forbund, ar=ar),
        "bilaga_mal": bilaga_mal(
            insatser=insatser["individ"] + insatser["struktur"], ar=ar
        ),
        "sammantraden": sammantraden_under_aret(forbund=forbund, ar=ar),
        **styrelsen_under_aret(forbund=forbund, ar=ar),
        "beslutsdatum": datum,
        "underskrifter": ledamoter_for_underskrift(forbund=forbund, datum=datum),
    }


# (id, rubrik, nivå) of the contents list: the document's headings carry these ids, and
# the list prints each one's page with CSS target-counter.
INNEHALL = [
    ("s1", "1. Förvaltningsberättelse", 1),
    ("s1-1", "1.1 Sammanfattning av verksamhetsåret", 2),
    ("s1-2", "1.2 Om förbundet", 2),
    ("s1-3", "1.3 Beskrivning av verksamheten", 2),
    ("s1-4", "1.4 Måluppfyllelse och resultat", 2),
    ("s1-4-1", "1.4.1 Deltagarflöden", 3),
    ("s1-4-2", "1.4.2 Framgångsfaktorer", 3),
    ("s1-4-3", "1.4.3 Händelser av väsentlig betydelse", 3),
    ("s1-5", "1.5 Styrelsens arbete under året", 2),
    ("s1-6", "1.6 Ekonomiskt utfall", 2),
    ("s1-7", "1.7 Förväntad utveckling", 2),
    ("s2", "2. Resultaträkning", 1),
    ("s3", "3. Balansräkning", 1),
    ("s4", "4. Kassaflödesanalys", 1),
    ("s5", "5. Redovisningsprinciper", 1),
    ("s6", "6. Noter", 1),
    ("s7", "7. Tilläggsupplysningar", 1),
    ("s8", "8. Styrelsens beslut", 1),
    ("bilagor", "Bilagor till årsredovisningen", 1),
    ("bilaga1", "Bilaga 1. Måluppfyllelse för finansierade insatser", 2),
    ("bilaga2", "Bilaga 2. Deltagarflöden per insats", 2),
    ("bilaga3", "Bilaga 3. Resultat av indikatormätningen", 2),
]


def dokument_context(
    *, forbund: Forbund, ar: int, arsredovisning: Arsredovisning | None = None
) -> dict[str, Any]:
    """The template context of the årsredovisning: the data and its tables."""
    data = arsredovisning_data(forbund=forbund, ar=ar, arsredovisning=arsredovisning)
    kategorier = data["detaljer"]["kategorier"]
    kategoritabeller = [
        (rubrik, kategorier[nyckel])
        for nyckel, rubrik in data["kategori_rubriker"]
        if kategorier.get(nyckel)
    ]
    tabeller: dict[str, tab.Tabell] = {
        "medlemsavgifter": tab.medlemsavgifter_tabell(data["avgifter"], ar),
        "deltagarfloden": tab.floden_tabell(data["floden"], data["floden_total"], ar),
    }
    if data["detaljer"]["orsaker"]:
        tabeller["avslutsorsaker"] = tab.kategori_tabell(
            "avslutsorsaker", "Avslutsanledning", data["detaljer"]["orsaker"], ar
        )
    for nyckel, rubrik in data["kategori_rubriker"]:
        if kategorier.get(nyckel):
            tabeller[nyckel] = tab.kategori_tabell(
                nyckel, rubrik, kategorier[nyckel], ar
            )
    ekonomi = ekonomi_tabeller(forbund, ar)
    tabeller.update(ekonomi["tabeller"])
    return {
        **data,
        "innehall": INNEHALL,
        "kategoritabeller": kategoritabeller,
        "tabeller": tabeller,
        "noter": ekonomi["noter"],
        "nyckeltal_text": ekonomi["nyckeltal_text"],
    }


def alla_tabeller(*, forbund: Forbund, ar: int) -> list[tab.Tabell]:
    """Every table of the document, in its order, for the Excel workbook."""
    context = dokument_context(forbund=forbund, ar=ar)
    return list(context["tabeller"].values()) + [n["tabell"] for n in context["noter"]]
