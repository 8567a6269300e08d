"""Reads: insatser, reports and the flow statistics, computed in the database."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, Q, QuerySet, Sum

from finsam import access
from finsam.models import Forbund, User
from finsam.numbers import procent_text
from insatser.models import (
    Avslutsorsak,
    Indikatorfraga,
    Indikatorresultat,
    Insats,
    Kategori,
    Mal,
    Periodrapport,
    Strukturaktivitet,
    UnikaDeltagare,
)


def insats_list(
    *, forbund: Forbund, user: User | None = None, fran_ar: int | None = None
) -> QuerySet[Insats]:
    """The förbund's insatser; an insatsrapportör sees only those assigned to it. With
    ``fran_ar`` only those that had not ended before that year."""
    qs = Insats.objects.for_forbund(forbund).select_related("huvudman")
    if user is not None and access.user_role(user) == access.INSATSRAPPORTOR:
        qs = qs.filter(rapportorsuppdrag__user=user)
    if fran_ar is not None:
        qs = qs.filter(
            Q(slutdatum__isnull=True) | Q(slutdatum__gte=dt.date(fran_ar, 1, 1))
        )
    return qs.order_by("sortering", "namn")


def strukturaktiviteter(*, forbund: Forbund) -> QuerySet[Strukturaktivitet]:
    return (
        Strukturaktivitet.objects.for_forbund(forbund)
        .select_related("insats")
        .order_by("-datum", "-pk")
    )


def struktur_deltagare_per_ar(*, forbund: Forbund) -> list[tuple[int, int]]:
    """(year, participants) for every year with activities, newest first; one query."""
    rader = (
        Strukturaktivitet.objects.for_forbund(forbund)
        .values("datum__year")
        .annotate(deltagare=Sum("deltagare"))
        .order_by("-datum__year")
    )
    return [(r["datum__year"], r["deltagare"]) for r in rader]


@dataclass
class Flodesrad:
    namn: str
    aktuella: int
    kvinnor: int
    man: int
    annat: int
    nya: int
    avslutade: int
    arbete_studier: int | None
    arbetssokande: int | None
    ej_tillampligt: bool = False
    avvikelse: str = ""
    insats_id: int | None = None


AVSLUT_SUMMA = F("avslut__kvinnor") + F("avslut__man") + F("avslut__annat")


def _avslut_sum(grupp: str) -> Sum:
    return Sum(
        AVSLUT_SUMMA,
        filter=Q(avslut__avslutsorsak__grupp=grupp)
        & Q(insats__avslutsutfall_redovisas=True),
    )


def flodessammanfattning(
    *, forbund: Forbund, ar: int
) -> tuple[list[Flodesrad], Flodesrad, int | None]:
    """Seed 004's "Sammanfattning av deltagarflöden": a row per insats from its approved
    helår report, the total row, and the förbund's unique individuals. Four queries."""
    base = Periodrapport.objects.for_forbund(forbund).filter(
        ar=ar, period=Periodrapport.HELAR, status=Periodrapport.GODKAND
    )
    rows = (
        base.values(
            "pk",
            "insats_id",
            "insats__namn",
            "insats__avslutsutfall_redovisas",
            "aktuella_totalt",
            "aktuella_kvinnor",
            "aktuella_man",
            "aktuella_annat",
            "nya_totalt",
            "avslutade_totalt",
            "avvikelse_koder",
            "avvikelse_motivering",
        )
        .annotate(
            arbete=_avslut_sum(Avslutsorsak.ARBETE_STUDIER),
            sokande=_avslut_sum(Avslutsorsak.ARBETSSOKANDE),
        )
        .order_by("insats__sortering", "insats__namn")
    )
    rader = [
        Flodesrad(
            namn=r["insats__namn"],
            insats_id=r["insats_id"],
            aktuella=r["aktuella_totalt"],
            kvinnor=r["aktuella_kvinnor"],
            man=r["aktuella_man"],
            annat=r["aktuella_annat"],
            nya=r["nya_totalt"],
            avslutade=r["avslutade_totalt"],
            arbete_studier=r["arbete"],
            arbetssokande=r["sokande"],
            ej_tillampligt=not r["insats__avslutsutfall_redovisas"],
            avvikelse=r["avvikelse_motivering"] if r["avvikelse_koder"] else "",
        )
        for r in rows
    ]
    summor = base.aggregate(
        aktuella=Sum("aktuella_totalt"),
        kvinnor=Sum("aktuella_kvinnor"),
        man=Sum("aktuella_man"),
        annat=Sum("aktuella_annat"),
        nya=Sum("nya_totalt"),
        avslutade=Sum("avslutade_totalt"),
    )
    utfall = (
        Periodrapport.objects.for_forbund(forbund)
        .filter(ar=ar, period=Periodrapport.HELAR, status=Periodrapport.GODKAND)
        .aggregate(
            arbete=_avslut_sum(Avslutsorsak.ARBETE_STUDIER),
            sokande=_avslut_sum(Avslutsorsak.ARBETSSOKANDE),
        )
    )
    summa: dict[str, Any] = {k: v or 0 for k, v in summor.items()}
    total = Flodesrad(
        namn="Totalt",
        **summa,
        arbete_studier=utfall["arbete"] or 0,
        arbetssokande=utfall["sokande"] or 0,
    )
    unika = (
        UnikaDeltagare.objects.for_forbund(forbund)
        .filter(ar=ar)
        .values_list("antal", flat=True)
        .first()
    )
    return rader, total, unika


# --- Deadlines ----------------------------------------------------------------------------


def rapport_deadline(ar: int, period: str) -> dt.date:
    """The one deadline rule: tertial 1 by 15 May, tertial 2 by 15 September, helår by
    31 January the following year."""
    if period == Periodrapport.T1:
        return dt.date(ar, 5, 15)
    if period == Periodrapport.T2:
        return dt.date(ar, 9, 15)
    return dt.date(ar + 1, 1, 31)


@dataclass
class SenRapport:
    insats: Insats
    ar: int
    period: str
    period_namn: str
    deadline: dt.date
    status: str


def sena_rapporter(*, forbund: Forbund, idag: dt.date) -> list[SenRapport]:
    """Reports past their deadline and not yet submitted, for running insatser whose
    period covers the report period. Two queries."""
    # Late reports are looked for in this year and the two before: only the insatser
    # running then and only their reports of those years are read, not the history.
    forsta_ar = idag.year - 2
    insatser = list(
        Insats.objects.for_forbund(forbund)
        .filter(status__in=[Insats.PAGAENDE, Insats.AVSLUTAD, Insats.IMPLEMENTERAD])
        .filter(Q(slutdatum__isnull=True) | Q(slutdatum__gte=dt.date(forsta_ar, 1, 1)))
        .order_by("sortering", "namn")
    )
    klara = {
        (r.insats_id, r.ar, r.period): r.status
        for r in Periodrapport.objects.for_forbund(forbund)
        .filter(ar__gte=forsta_ar)
        .only("insats_id", "ar", "period", "status")
    }
    namn = dict(Periodrapport.PERIOD_CHOICES)
    sena: list[SenRapport] = []
    for insats in insatser:
        forsta = (insats.startdatum or dt.date(idag.year, 1, 1)).year
        for ar in range(max(forsta, forsta_ar), idag.year + 1):
            for period in Periodrapport.PERIOD_ORDNING:
                deadline = rapport_deadline(ar, period)
                if deadline >= idag:
                    continue
                if insats.slutdatum and insats.slutdatum.year < ar:
                    continue
                status = klara.get((insats.pk, ar, period))
                if status in (Periodrapport.INLAMNAD, Periodrapport.GODKAND):
                    continue
                sena.append(
                    SenRapport(
                        insats=insats,
                        ar=ar,
                        period=period,
                        period_namn=namn[period],
                        deadline=deadline,
                        status=status or "saknas",
                    )
                )
    return sena


# --- Goals with results -------------------------------------------------------------------


@dataclass
class MalRad:
    mal: Mal
    resultat: str
    avvikelse: bool = False
    # Where a result typed as text disagrees with its own arithmetic or with the
    # approved report, each disagreement in Swedish.
    stammer_inte: list[str] = field(default_factory=list)


# "67 % till arbete/studier (14 av 21)": a share, what it is of, and its count.
_ANDEL_AV = re.compile(r"(\d+)\s*%([^()%]*?)\((\d+) av (\d+)")


def resultattext_avvikelser(text: str, rapport: dict[str, Any] | None) -> list[str]:
    """What a typed result says that its own figures or the year's approved report
    contradict: a percentage that is not its count over its base, and a share of exits
    (arbete/studier, arbetssökande) whose base is not the report's avslutade or whose
    count is not the report's."""
    fel = []
    for m in _ANDEL_AV.finditer(text):
        procent, vad, del_, av = int(m[1]), m[2].lower(), int(m[3]), int(m[4])
        if av and round(100 * del_ / av) != procent:
            fel.append(
                f"{procent} % stämmer inte med {del_} av {av}, som är "
                f"{round(100 * del_ / av)} %."
            )
        if rapport is None:
            continue
        for nyckel, grupp, namn in (
            ("arbete/studier", "arbete", "till arbete/studier"),
            ("arbetssök", "sokande", "till arbetssökande"),
        ):
            if nyckel not in vad:
                continue
            if av != rapport["avslutade_totalt"]:
                fel.append(
                    f"Andelen {namn} räknas på {av}, men rapporten har "
                    f"{rapport['avslutade_totalt']} avslutade."
                )
            if rapport[grupp] is not None and del_ != rapport[grupp]:
                fel.append(
                    f"{del_} {namn} enligt texten, men {rapport[grupp]} enligt rapporten."
                )
    return fel


def _andel(del_: int | None, av: int) -> str:
    if not av or del_ is None:
        return ""
    return f"{procent_text(del_, av)} ({del_} av {av})"


def mal_med_resultat(*, insats: Insats) -> list[MalRad]:
    """The insats's goals with results computed from its approved helår reports where the
    goal type allows it, entered text otherwise. Two queries."""
    rapporter = {
        r["ar"]: r
        for r in Periodrapport.objects.filter(
            insats=insats, period=Periodrapport.HELAR, status=Periodrapport.GODKAND
        )
        .values(
            "ar",
            "aktuella_totalt",
            "nya_totalt",
            "avslutade_totalt",
            "avvikelse_koder",
            "konsultationer_kvinnor",
            "konsultationer_man",
            "konsultationer_annat",
        )
        .annotate(
            arbete=_avslut_sum(Avslutsorsak.ARBETE_STUDIER),
            sokande=_avslut_sum(Avslutsorsak.ARBETSSOKANDE),
        )
    }
    rader = []
    for mal in Mal.objects.filter(insats=insats).order_by("-ar", "ordning", "pk"):
        r = rapporter.get(mal.ar)
        resultat = mal.resultat_text
        if r is not None and mal.typ != Mal.FRITEXT:
            resultat = {
                Mal.ANTAL_DELTAGARE: str(r["aktuella_totalt"]),
                Mal.NYA_DELTAGARE: str(r["nya_totalt"]),
                Mal.ANDEL_ARBETE_STUDIER: _andel(r["arbete"], r["avslutade_totalt"]),
                Mal.ANDEL_ARBETSSOKANDE: _andel(r["sokande"], r["avslutade_totalt"]),
                Mal.KONSULTATIONER: str(
                    r["konsultationer_kvinnor"]
                    + r["konsultationer_man"]
                    + r["konsultationer_annat"]
                ),
            }.get(mal.typ, resultat)
        rader.append(
            MalRad(
                mal=mal,
                resultat=resultat,
                avvikelse=bool(r and r["avvikelse_koder"]),
                stammer_inte=resultattext_avvikelser(mal.resultat_text, r)
                if mal.typ == Mal.FRITEXT
                else [],
            )
        )
    return rader


# --- SVG chart ----------------------------------------------------------------------------


def flodes_svg(rader: list[Flodesrad]) -> str:
    """A horizontal bar chart of aktuella and nya per insats, as standalone SVG markup
    (the same SVG can go into a PDF)."""
    from django.utils.html import escape

    bredd, vanster, rad_h = 640, 200, 34
    hojd = 30 + rad_h * len(rader)
    storst = max([1] + [max(r.aktuella, r.nya) for r in rader])
    skala = (bredd - vanster - 50) / storst
    delar = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {bredd} {hojd}" '
        f'width="100%" role="img" aria-labelledby="flodesdiagram-titel" '
        f'font-family="DejaVu Sans, sans-serif" font-size="12">',
        '<title id="flodesdiagram-titel">Aktuella och nya deltagare per insats</title>',
        f'<rect x="{vanster}" y="4" width="12" height="10" fill="#1f5f8b"/>'
        f'<text x="{vanster + 16}" y="13">Aktuella</text>'
        f'<rect x="{vanster + 90}" y="4" width="12" height="10" fill="#8fbcd9"/>'
        f'<text x="{vanster + 106}" y="13">Nya</text>',
    ]
    for i, r in enumerate(rader):
        y = 24 + i * rad_h
        delar.append(
            f'<text x="{vanster - 6}" y="{y + 16}" text-anchor="end">{escape(r.namn)}</text>'
            f'<rect x="{vanster}" y="{y + 2}" width="{r.aktuella * skala:.1f}" '
            f'height="12" fill="#1f5f8b"/>'
            f'<text x="{vanster + r.aktuella * skala + 4:.1f}" y="{y + 12}">{r.aktuella}</text>'
            f'<rect x="{vanster}" y="{y + 15}" width="{r.nya * skala:.1f}" '
            f'height="12" fill="#8fbcd9"/>'
            f'<text x="{vanster + r.nya * skala + 4:.1f}" y="{y + 25}">{r.nya}</text>'
        )
    delar.append("</svg>")
    return "".join(delar)


# --- The other annual-report tables --------------------------------------------------------


def _godkanda_helar(forbund: Forbund, ar: int) -> QuerySet[Periodrapport]:
    return Periodrapport.objects.for_forbund(forbund).filter(
        ar=ar, period=Periodrapport.HELAR, status=Periodrapport.GODKAND
    )


def _andel_text(del_: int | None, av: int | None) -> str:
    return procent_text(del_ or 0, av)


def statistik_detaljer(*, forbund: Forbund, ar: int) -> dict[str, Any]:
    """Flows by kön, exit reasons with shares, andel arbete/studier by kön, and the
    category tables (anvisande, ålder, hemkommun, försörjning at start vs exit), from
    approved helår reports, and the sum of the insatser's yearly goals for aktuella and
    nya. A fixed number of queries (six)."""
    from insatser.models import ForbundsMal, PeriodrapportAntal, PeriodrapportAvslut

    rapporter = _godkanda_helar(forbund, ar)
    kon = rapporter.aggregate(
        **{
            f"s_{flode}_{k}": Sum(f"{flode}_{k}")
            for flode in ("aktuella", "nya", "avslutade")
            for k in ("totalt", "kvinnor", "man", "annat")
        },
        **{
            f"s_konsultationer_{k}": Sum(f"konsultationer_{k}")
            for k in ("kvinnor", "man", "annat")
        },
        **{
            f"s_redovisade_{k}": Sum(
                f"avslutade_{k}", filter=Q(insats__avslutsutfall_redovisas=True)
            )
            for k in ("totalt", "kvinnor", "man", "annat")
        },
    )
    kon = {k.removeprefix("s_"): v or 0 for k, v in kon.items()}
    orsaker = list(
        PeriodrapportAvslut.objects.filter(periodrapport__in=rapporter)
        .values("avslutsorsak__namn", "avslutsorsak__grupp", "avslutsorsak__sortering")
        .annotate(kvinnor=Sum("kvinnor"), man=Sum("man"), annat=Sum("annat"))
        .order_by("avslutsorsak__sortering", "avslutsorsak__namn")
    )
    for o in orsaker:
        o["totalt"] = o["kvinnor"] + o["man"] + o["annat"]
        o["andel"] = _andel_text(o["totalt"], kon["avslutade_totalt"])
    arbete = {"totalt": 0, "kvinnor": 0, "man": 0, "annat": 0}
    redovisade_arbete = list(
        PeriodrapportAvslut.objects.filter(
            periodrapport__in=rapporter,
            avslutsorsak__grupp=Avslutsorsak.ARBETE_STUDIER,
            periodrapport__insats__avslutsutfall_redovisas=True,
        ).values_list("kvinnor", "man", "annat")
    )
    for k, m, a in redovisade_arbete:
        arbete["kvinnor"] += k
        arbete["man"] += m
        arbete["annat"] += a
    arbete["totalt"] = arbete["kvinnor"] + arbete["man"] + arbete["annat"]
    andel_arbete = {
        k: {
            "antal": arbete[k],
            "av": kon[f"redovisade_{k}"],
            "andel": _andel_text(arbete[k], kon[f"redovisade_{k}"]),
        }
        for k in arbete
    }
    kategorier: dict[str, list[dict[str, Any]]] = {}
    for rad in (
        PeriodrapportAntal.objects.filter(periodrapport__in=rapporter)
        .values(
            "kategori__dimension",
            "kategori__namn",
            "kategori__sortering",
            "tillfalle",
        )
        .annotate(kvinnor=Sum("kvinnor"), man=Sum("man"), annat=Sum("annat"))
        .order_by("kategori__dimension", "tillfalle", "kategori__sortering")
    ):
        nyckel = rad["kategori__dimension"] + (
            f"_{rad['tillfalle']}" if rad["tillfalle"] else ""
        )
        rad["totalt"] = rad["kvinnor"] + rad["man"] + rad["annat"]
        kategorier.setdefault(nyckel, []).append(rad)
    forbundsmal = list(ForbundsMal.objects.for_forbund(forbund).filter(ar=ar))
    arsmal = Mal.objects.for_forbund(forbund).aggregate(
        aktuella=Sum("malvarde", filter=Q(ar=ar, typ=Mal.ANTAL_DELTAGARE)),
        nya=Sum("malvarde", filter=Q(ar=ar, typ=Mal.NYA_DELTAGARE)),
    )
    return {
        "arsmal": arsmal,
        "kon": kon,
        "orsaker": orsaker,
        "andel_arbete": andel_arbete,
        "kategorier": kategorier,
        "forbundsmal": forbundsmal,
    }


KATEGORI_RUBRIKER = [
    ("anvisande", "Nya deltagare per anvisande part"),
    ("alder", "Nya deltagare per åldersgrupp"),
    ("kommun", "Nya deltagare per hemkommun"),
    ("forsorjning_start", "Försörjning vid start"),
    ("forsorjning_slut", "Försörjning vid avslut"),
]


@dataclass
class UppfoljningRad:
    insats: Insats
    kvinnor: int | None
    man: int | None
    annat: int | None
    totalt: int | None


def uppfoljning_finsam(*, forbund: Forbund, ar: int) -> list[UppfoljningRad]:
    """What Uppföljning Finsam asks per insats for a year: budgeted participants,
    inriktning and målgrupp, participants by kön (individinriktade) or in total
    (strukturinriktade), from the approved helår report. Two queries."""
    rapporter = {
        r.insats_id: r
        for r in _godkanda_helar(forbund, ar).only(
            "insats_id",
            "aktuella_totalt",
            "aktuella_kvinnor",
            "aktuella_man",
            "aktuella_annat",
        )
    }
    rader = []
    for insats in Insats.objects.for_forbund(forbund).select_related("huvudman"):
        r = rapporter.get(insats.pk)
        aktiv = r is not None or (
            (insats.startdatum is None or insats.startdatum.year <= ar)
            and (insats.slutdatum is None or insats.slutdatum.year >= ar)
            and insats.status != Insats.PLANERAD
        )
        if not aktiv:
            continue
        individ = insats.inriktning == Insats.INDIVID
        rader.append(
            UppfoljningRad(
                insats=insats,
                kvinnor=r.aktuella_kvinnor if r and individ else None,
                man=r.aktuella_man if r and individ else None,
                annat=r.aktuella_annat if r and individ else None,
                totalt=r.aktuella_totalt if r else None,
            )
        )
    return rader


def indikatorer(*, forbund: Forbund, ar: int) -> list[dict[str, Any]]:
    """Per question and kön: this year's and last year's results. Two queries."""
    from insatser.models import Indikatorfraga, Indikatorresultat

    resultat = {
        (r.fraga_id, r.ar, r.kon): r
        for r in Indikatorresultat.objects.for_forbund(forbund).filter(
            ar__in=[ar, ar - 1]
        )
    }
    rader = []
    for fraga in Indikatorfraga.objects.for_forbund(forbund):
        for kon in ("alla", "kvinnor", "man"):
            nu = resultat.get((fraga.pk, ar, kon))
            fore = resultat.get((fraga.pk, ar - 1, kon))
            if nu is None and fore is None and kon != "alla":
                continue
            rader.append({"fraga": fraga, "kon": kon, "nu": nu, "fore": fore})
    return rader


# --- Lists and choices for the pages ------------------------------------------------------


def avslutsorsaker(*, forbund: Forbund) -> list[Avslutsorsak]:
    return list(Avslutsorsak.objects.for_forbund(forbund))


def kategorier(*, forbund: Forbund) -> QuerySet[Kategori]:
    return Kategori.objects.for_forbund(forbund)


def rapporter_att_granska(*, forbund: Forbund) -> QuerySet[Periodrapport]:
    return (
        Periodrapport.objects.for_forbund(forbund)
        .filter(status=Periodrapport.INLAMNAD)
        .select_related("insats")
    )


def indikatorfragor(*, forbund: Forbund) -> list[Indikatorfraga]:
    return list(Indikatorfraga.objects.for_forbund(forbund))


def indikatorresultat_for_ar(
    *, forbund: Forbund, ar: int
) -> dict[tuple[int, str], Indikatorresultat]:
    """The year's results by (question id, kön)."""
    return {
        (r.fraga_id, r.kon): r
        for r in Indikatorresultat.objects.for_forbund(forbund).filter(ar=ar)
    }


def senaste_statistikar(*, forbund: Forbund) -> int | None:
    """The latest year with approved helår reports."""
    return (
        Periodrapport.objects.for_forbund(forbund)
        .filter(period=Periodrapport.HELAR, status=Periodrapport.GODKAND)
        .order_by("-ar")
        .values_list("ar", flat=True)
        .first()
    )


def senaste_indikatorar(*, forbund: Forbund) -> int | None:
    return (
        Indikatorresultat.objects.for_forbund(forbund)
        .order_by("-ar")
        .values_list("ar", flat=True)
        .first()
    )
