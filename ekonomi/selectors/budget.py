"""Reads of the budget: lines grouped as the documents group them, with sums per group,
set against last year's budget, the plan years, the prognos and the bookkeeping's utfall.

Every table is built by one function (``_tabell``) from the lines and a list of columns,
so the page, the Excel export and the PDF show the same figures. Lines are matched across
years and against the bookkeeping by their ``kod``. A line with sub-lines is the sum of
its sub-lines (plus any utfall booked on the line itself).

Sign conventions follow the seeds: amounts are positive on both sides; årets resultat =
intäkter (fees and grants) − kostnader (insatser, structural work, administration,
buffer). Eget kapital used and the förbundsreserv are financing, not income or cost.
Avvikelse against last year is this year − last year (seed 000, section 8); avvikelse
against utfall is budget − utfall (seed 004, Tilläggsupplysningar).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum

from ekonomi.models import Budget, Budgetpost, Budgetprognos, Budgetrevision
from ekonomi.selectors import bokforing as bokforing_selectors
from ekonomi.selectors import rakenskaper as rakenskaper_selectors
from finsam.models import Avgiftsbeslut, ExternIntakt, Forbund

B = Budgetpost
NOLL = Decimal(0)
HUNDRA = Decimal(100)

INTAKTER = (B.MEDLEMSAVGIFTER, B.BIDRAG)
KOSTNADER = (B.INSATSER, B.STRUKTUR, B.ADMINISTRATION, B.BUFFERT)
FINANSIERING = (B.EGET_KAPITAL, B.RESERV)
# The budget documents (seed 000, 002) put insatser first; the annual report's budget
# vs utfall (seed 004) puts administration first.
ORDNING_BUDGET = (*INTAKTER, B.INSATSER, B.STRUKTUR, B.ADMINISTRATION, B.BUFFERT)
ORDNING_UTFALL = (*INTAKTER, B.ADMINISTRATION, B.INSATSER, B.STRUKTUR, B.BUFFERT)
GRUPPNAMN = dict(B.GRUPP_CHOICES)

MANADER = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


@dataclass
class Kolumn:
    """A column: stored values (``varde``), or derived from two other columns:
    ``diff`` = a − b, ``pct`` = a / b × 100 (empty when b is zero)."""

    rubrik: str
    typ: str = "varde"
    a: int = 0
    b: int = 0

    @property
    def harledd(self) -> bool:
        return self.typ != "varde"


@dataclass
class Rad:
    kod: str
    namn: str
    grupp: str
    niva: int
    varden: list[Decimal | None]
    post: Budgetpost | None = None
    barn: list[Rad] = field(default_factory=list)


@dataclass
class Grupp:
    kod: str
    namn: str
    rader: list[Rad]
    summa: list[Decimal | None]

    @property
    def summa_namn(self) -> str:
        """ "Summa externa bidrag (ESF m.fl.)": only the first letter lowered."""
        return f"Summa {self.namn[:1].lower()}{self.namn[1:]}"

    @property
    def alla_rader(self) -> list[Rad]:
        out = []
        for rad in self.rader:
            out.append(rad)
            out.extend(rad.barn)
        return out


@dataclass
class Tabell:
    kolumner: list[Kolumn]
    intakter: list[Grupp]
    kostnader: list[Grupp]
    finansiering: list[Grupp]
    summa_intakter: list[Decimal | None]
    summa_kostnader: list[Decimal | None]
    resultat: list[Decimal | None]
    # Utfall on a kod that no budget line has: shown, never silently dropped.
    utan_post: dict[str, Decimal] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def grupper(self) -> list[Grupp]:
        return [*self.intakter, *self.kostnader, *self.finansiering]


def _harled(
    kolumner: list[Kolumn], varden: list[Decimal | None]
) -> list[Decimal | None]:
    out = list(varden)
    for i, k in enumerate(kolumner):
        if not k.harledd:
            continue
        a, b = out[k.a], out[k.b]
        if a is None or b is None:
            out[i] = None
        elif k.typ == "diff":
            out[i] = a - b
        else:
            out[i] = (a / b * HUNDRA).quantize(Decimal("0.1")) if b else None
    return out


@dataclass
class _Linje:
    kod: str
    namn: str
    grupp: str
    overordnad: str | None
    post: Budgetpost | None


def _linjer(*budgetar: Budget | None) -> list[_Linje]:
    """The union of the budgets' lines by kod, in the first budget's order."""
    linjer: dict[str, _Linje] = {}
    for budget in budgetar:
        if budget is None:
            continue
        poster = list(budget.poster.all())
        kod_for = {p.pk: p.kod for p in poster}
        for p in sorted(poster, key=lambda p: (p.ordning, p.pk)):
            if p.kod not in linjer:
                linjer[p.kod] = _Linje(
                    kod=p.kod,
                    namn=p.namn,
                    grupp=p.grupp,
                    overordnad=kod_for.get(p.overordnad_id)
                    if p.overordnad_id
                    else None,
                    post=p,
                )
    return list(linjer.values())


def budgetvarden(budget: Budget | None, falt: str = "belopp") -> dict[str, Decimal]:
    """A budget's stored amounts per kod, leaf lines only (a parent is their sum)."""
    if budget is None:
        return {}
    poster = list(budget.poster.all())
    foraldrar = {p.overordnad_id for p in poster if p.overordnad_id}
    return {p.kod: getattr(p, falt) or NOLL for p in poster if p.pk not in foraldrar}


def _tabell(
    linjer: list[_Linje],
    kolumner: list[Kolumn],
    varden: list[dict[str, Decimal] | None],
    *,
    ordning: tuple[str, ...] = ORDNING_BUDGET,
    delposter: bool = True,
) -> Tabell:
    """Group ``linjer`` and fill the stored columns from ``varden`` (one dict per stored
    column, None for a column with no source: shown empty)."""
    lagrade = [i for i, k in enumerate(kolumner) if not k.harledd]
    if len(lagrade) != len(varden):
        raise ValueError("One source per stored column.")
    kanda = {linje.kod for linje in linjer}
    barn: dict[str, list[_Linje]] = defaultdict(list)
    for linje in linjer:
        if linje.overordnad and linje.overordnad in kanda:
            barn[linje.overordnad].append(linje)

    def rad_for(linje: _Linje, niva: int) -> Rad:
        egna = [rad_for(b, niva + 1) for b in barn.get(linje.kod, [])]
        v: list[Decimal | None] = [None] * len(kolumner)
        for i, kalla in zip(lagrade, varden, strict=True):
            if kalla is None:
                continue
            v[i] = kalla.get(linje.kod, NOLL) + sum(
                (r.varden[i] or NOLL for r in egna), NOLL
            )
        return Rad(
            kod=linje.kod,
            namn=linje.namn,
            grupp=linje.grupp,
            niva=niva,
            varden=_harled(kolumner, v),
            post=linje.post,
            barn=egna if delposter else [],
        )

    def summa(rader: list[Rad]) -> list[Decimal | None]:
        v: list[Decimal | None] = [None] * len(kolumner)
        for i, kalla in zip(lagrade, varden, strict=True):
            if kalla is not None:
                v[i] = sum((r.varden[i] or NOLL for r in rader), NOLL)
        return _harled(kolumner, v)

    per_grupp: dict[str, list[Rad]] = defaultdict(list)
    for linje in linjer:
        if linje.overordnad and linje.overordnad in kanda:
            continue
        per_grupp[linje.grupp].append(rad_for(linje, 0))

    def grupper(koder: list[str] | tuple[str, ...]) -> list[Grupp]:
        return [
            Grupp(
                kod=g, namn=GRUPPNAMN[g], rader=per_grupp[g], summa=summa(per_grupp[g])
            )
            for g in koder
            if per_grupp.get(g)
        ]

    intakter = grupper([g for g in ordning if g in INTAKTER])
    kostnader = grupper([g for g in ordning if g in KOSTNADER])
    alla_intakter = [r for g in intakter for r in g.rader]
    alla_kostnader = [r for g in kostnader for r in g.rader]
    s_int = summa(alla_intakter)
    s_kost = summa(alla_kostnader)
    resultat: list[Decimal | None] = [None] * len(kolumner)
    for i in lagrade:
        a, b = s_int[i], s_kost[i]
        if a is not None and b is not None:
            resultat[i] = a - b
    utan_post: dict[str, Decimal] = {}
    for kalla in varden:
        for kod, belopp in (kalla or {}).items():
            if kod not in kanda and belopp:
                utan_post[kod] = utan_post.get(kod, NOLL) + belopp
    return Tabell(
        kolumner=kolumner,
        intakter=intakter,
        kostnader=kostnader,
        finansiering=grupper(FINANSIERING),
        summa_intakter=s_int,
        summa_kostnader=s_kost,
        resultat=_harled(kolumner, resultat),
        utan_post=utan_post,
    )


# --- the budget and its neighbours -------------------------------------------------


def budgetar_for(forbund: Forbund) -> QuerySet[Budget]:
    """Every year's budget with its totals. One query."""
    topp = Q(poster__overordnad__isnull=True)
    return (
        Budget.objects.for_forbund(forbund)
        .select_related("antagen_paragraf__sammantrade")
        .annotate(
            intakter=Sum("poster__belopp", filter=topp & Q(poster__grupp__in=INTAKTER)),
            kostnader=Sum(
                "poster__belopp", filter=topp & Q(poster__grupp__in=KOSTNADER)
            ),
        )
        .order_by("-ar")
    )


def budget_for_ar(forbund: Forbund, ar: int) -> Budget | None:
    return (
        Budget.objects.for_forbund(forbund)
        .select_related("antagen_paragraf__sammantrade", "forbund")
        .filter(ar=ar)
        .first()
    )


def _med_poster(budget: Budget) -> Budget:
    return (
        Budget.objects.select_related("forbund", "antagen_paragraf__sammantrade")
        .prefetch_related("poster__insats")
        .get(pk=budget.pk)
    )


def _foregaende(budget: Budget) -> Budget | None:
    fore = budget_for_ar(budget.forbund, budget.ar - 1)
    return _med_poster(fore) if fore is not None else None


def budget_tabell(budget: Budget, *, delposter: bool = True) -> Tabell:
    """The year's lines by group with sums, and the plan years when there are any."""
    budget = _med_poster(budget)
    linjer = _linjer(budget)
    kolumner = [Kolumn(f"Budget {budget.ar}")]
    varden: list[dict[str, Decimal] | None] = [budgetvarden(budget)]
    if any(p.plan_1 is not None for p in budget.poster.all()):
        kolumner += [Kolumn(f"Plan {budget.ar + 1}"), Kolumn(f"Plan {budget.ar + 2}")]
        varden += [budgetvarden(budget, "plan_1"), budgetvarden(budget, "plan_2")]
    return _tabell(linjer, kolumner, varden, delposter=delposter)


def jamforelse(budget: Budget, *, delposter: bool = True) -> Tabell:
    """This year's budget against last year's, with avvikelse (seed 000, section 8)."""
    budget = _med_poster(budget)
    fore = _foregaende(budget)
    kolumner = [
        Kolumn(f"Budget {budget.ar}"),
        Kolumn(f"Budget {budget.ar - 1}"),
        Kolumn(f"Avvikelse {budget.ar}–{budget.ar - 1}", "diff", 0, 1),
    ]
    tabell = _tabell(
        _linjer(budget, fore),
        kolumner,
        [budgetvarden(budget), budgetvarden(fore) if fore else None],
        delposter=delposter,
    )
    tabell.extra["foregaende"] = fore
    return tabell


def senaste_prognos(budget: Budget | None) -> Budgetprognos | None:
    if budget is None:
        return None
    return budget.prognoser.order_by("-till_manad").first()


def prognosvarden(budget: Budget, prognos: Budgetprognos | None) -> dict[str, Decimal]:
    """The year's prognos per kod; a line the prognos does not name keeps its budget."""
    varden = budgetvarden(budget)
    if prognos is not None:
        for rad in prognos.rader.select_related("budgetpost"):
            if rad.budgetpost.kod in varden:
                varden[rad.budgetpost.kod] = rad.belopp
    return varden


def _rakenskaper(forbund: Forbund, ar: int) -> Any:
    """The statements of a year from the bookkeeping, or None without bookkeeping."""
    try:
        return rakenskaper_selectors.rakenskaper(forbund, ar)
    except LookupError:
        return None


def eget_kapital_ingaende(budget: Budget) -> tuple[Decimal | None, str, Decimal | None]:
    """Eget kapital at the start of ``budget.ar``: from the bookkeeping (the year's
    opening or the year before's closing balance), else as typed on the budget.

    Returns (amount, source, typed amount that disagrees with the bookkeeping or None).
    """
    fran_bokforing = None
    for ar, attr in (
        (budget.ar, "eget_kapital_ingaende"),
        (budget.ar - 1, "eget_kapital_utgaende"),
    ):
        r = _rakenskaper(budget.forbund, ar)
        varde = getattr(r, attr, None) if r is not None else None
        if varde is not None:
            fran_bokforing = Decimal(varde)
            break
    typat = budget.ingaende_eget_kapital
    if fran_bokforing is not None:
        avvikande = typat if typat is not None and typat != fran_bokforing else None
        return fran_bokforing, "bokföringen", avvikande
    if typat is not None:
        return typat, "budgeten (inskrivet)", None
    return None, "", None


def trearsplan(budget: Budget) -> Tabell:
    """Budget and prognos of the year before, this budget, two plan years, and the
    equity rolled forward (seed 002, 5.3): start + årets resultat = end, each year's
    start the end of the one before (the prognos, not the budget, for the running year)."""
    budget = _med_poster(budget)
    fore = _foregaende(budget)
    prognos = senaste_prognos(fore)
    ar = budget.ar
    kolumner = [
        Kolumn(f"Budget {ar - 1}"),
        Kolumn(f"Prognos {ar - 1}"),
        Kolumn(f"Budget {ar}"),
        Kolumn(f"Plan {ar + 1}"),
        Kolumn(f"Plan {ar + 2}"),
    ]
    tabell = _tabell(
        _linjer(budget, fore),
        kolumner,
        [
            budgetvarden(fore) if fore else None,
            prognosvarden(fore, prognos) if fore else None,
            budgetvarden(budget),
            budgetvarden(budget, "plan_1"),
            budgetvarden(budget, "plan_2"),
        ],
    )
    start, kalla, avvikande = eget_kapital_ingaende(fore) if fore else (None, "", None)
    if start is None and fore is None:
        start, kalla, avvikande = eget_kapital_ingaende(budget)
        borjan: list[Decimal | None] = [None, None, start, None, None]
    else:
        borjan = [start, start, None, None, None]
    slut: list[Decimal | None] = [None] * 5
    for i in range(5):
        if i == 2 and fore is not None:
            borjan[2] = slut[1]
        elif i > 2:
            borjan[i] = slut[i - 1]
        res, start_i = tabell.resultat[i], borjan[i]
        if start_i is not None and res is not None:
            slut[i] = start_i + res
    tabell.extra.update(
        foregaende=fore,
        prognos=prognos,
        ek_borjan=borjan,
        ek_slut=slut,
        ek_kalla=kalla,
        ek_avvikande=avvikande,
    )
    return tabell


# --- utfall from the bookkeeping -----------------------------------------------------


def har_bokforing(forbund: Forbund, ar: int) -> bool:
    return bokforing_selectors.har_bokforing(forbund, ar)


def utfallsvarden(forbund: Forbund, ar: int) -> dict[str, Decimal] | None:
    """Utfall per budget kod for the year, None when the year has no bookkeeping."""
    modul = bokforing_selectors
    # Without imported books the figures may still have been typed by hand.
    utfall = modul.utfall_per_budgetkod(forbund, ar)
    if not utfall and not modul.har_bokforing(forbund, ar):
        return None
    return {k: Decimal(v) for k, v in utfall.items()}


def utfall_till_manad(
    forbund: Forbund, ar: int, manad: int
) -> dict[str, Decimal] | None:
    """Utfall per kod for January up to and including ``manad``."""
    modul = bokforing_selectors
    if not modul.har_bokforing(forbund, ar):
        return None
    return {
        k: sum((Decimal(x) for x in v[:manad]), NOLL)
        for k, v in modul.utfall_per_manad(forbund, ar).items()
    }


def budget_mot_utfall(
    budget: Budget | None = None,
    *,
    forbund: Forbund | None = None,
    ar: int | None = None,
    delposter: bool = False,
) -> Tabell | None:
    """Utfall, budget and avvikelse (budget − utfall) per line, grouped like
    "Sammanställning av utfall och budget" (seed 004), with utfall in % of budget.

    Called with a budget, or with ``forbund`` and ``ar`` (the årsredovisning): then
    None when the year has no budget."""
    if budget is None:
        if forbund is None or ar is None:
            raise TypeError("budget_mot_utfall needs a budget or forbund and ar.")
        budget = budget_for_ar(forbund, ar)
        if budget is None:
            return None
    budget = _med_poster(budget)
    kolumner = [
        Kolumn(f"Utfall {budget.ar}"),
        Kolumn(f"Budget {budget.ar}"),
        Kolumn("Avvikelse", "diff", 1, 0),
        Kolumn("Utfall i % av budget", "pct", 0, 1),
    ]
    utfall = utfallsvarden(budget.forbund, budget.ar)
    tabell = _tabell(
        _linjer(budget),
        kolumner,
        [utfall, budgetvarden(budget)],
        ordning=ORDNING_UTFALL,
        delposter=delposter,
    )
    tabell.extra["har_utfall"] = utfall is not None
    return tabell


def periodrapport(budget: Budget, till_manad: int) -> Tabell:
    """A tertial or delår report: the year's budget, utfall so far, the share used, the
    prognos for the year and its avvikelse from the budget (budget − prognos)."""
    budget = _med_poster(budget)
    prognos = budget.prognoser.filter(till_manad=till_manad).first()
    kolumner = [
        Kolumn(f"Budget {budget.ar}"),
        Kolumn(f"Utfall januari–{MANADER[till_manad - 1]}"),
        Kolumn("Förbrukat i % av budget", "pct", 1, 0),
        Kolumn(f"Prognos helår {budget.ar}"),
        Kolumn("Avvikelse budget–prognos", "diff", 0, 3),
    ]
    utfall = utfall_till_manad(budget.forbund, budget.ar, till_manad)
    tabell = _tabell(
        _linjer(budget),
        kolumner,
        [budgetvarden(budget), utfall, prognosvarden(budget, prognos)],
        ordning=ORDNING_UTFALL,
    )
    tabell.extra.update(prognos=prognos, har_utfall=utfall is not None)
    return tabell


# --- checks against other records ---------------------------------------------------


@dataclass
class Avvikelse:
    var: str
    budget: Decimal
    beslut: Decimal

    @property
    def differens(self) -> Decimal:
        return self.budget - self.beslut


def avgiftskontroll(budget: Budget) -> tuple[Avgiftsbeslut | None, list[Avvikelse]]:
    """The fee lines against the year's fee decision: every disagreement with its size."""
    beslut = (
        Avgiftsbeslut.objects.for_forbund(budget.forbund)
        .filter(ar=budget.ar)
        .exclude(status=Avgiftsbeslut.ERSATT)
        .order_by("-skapad")
        .prefetch_related("rader__medlem")
        .first()
    )
    if beslut is None:
        return None, []
    poster = list(
        budget.poster.filter(
            grupp=B.MEDLEMSAVGIFTER, delposter__isnull=True
        ).select_related("medlem")
    )
    per_medlem: dict[int | None, Decimal] = defaultdict(lambda: NOLL)
    for p in poster:
        per_medlem[p.medlem_id] += p.belopp
    fel = []
    for rad in beslut.rader.all():
        har = per_medlem.pop(rad.medlem_id, NOLL)
        if har != rad.belopp:
            fel.append(Avvikelse(var=rad.benamning, budget=har, beslut=rad.belopp))
    for belopp in per_medlem.values():
        if belopp:
            fel.append(
                Avvikelse(
                    var="Medlemsavgift utan medlem i beslutet",
                    budget=belopp,
                    beslut=NOLL,
                )
            )
    total = sum((p.belopp for p in poster), NOLL)
    if total != beslut.total:
        fel.append(
            Avvikelse(var="Summa medlemsavgifter", budget=total, beslut=beslut.total)
        )
    return beslut, fel


def revisioner(budget: Budget) -> QuerySet[Budgetrevision]:
    return (
        Budgetrevision.objects.filter(budget=budget)
        .select_related("paragraf__sammantrade")
        .prefetch_related("rader__budgetpost")
    )


def avgiftshistorik(forbund: Forbund, ar: int, antal: int = 6) -> dict[str, Any]:
    """Fees per paying member over the years up to ``ar`` and the external income
    (seed 000, section 7), from the fee decisions and ExternIntakt."""
    ar_lista = list(range(ar - antal + 1, ar + 1))
    beslut = {
        b.ar: b
        for b in Avgiftsbeslut.objects.for_forbund(forbund)
        .filter(ar__in=ar_lista)
        .exclude(status=Avgiftsbeslut.ERSATT)
        .order_by("skapad")
        .prefetch_related("rader__medlem")
    }
    ar_lista = [a for a in ar_lista if a in beslut]
    rader: dict[str, list[Decimal | None]] = {}
    for i, a in enumerate(ar_lista):
        for r in beslut[a].rader.all():
            rader.setdefault(r.benamning, [None] * len(ar_lista))[i] = r.belopp
    summor = [beslut[a].total for a in ar_lista]
    externa: dict[str, list[Decimal | None]] = {}
    for e in ExternIntakt.objects.for_forbund(forbund).filter(ar__in=ar_lista):
        namn = e.get_kategori_display()
        lista = externa.setdefault(namn, [None] * len(ar_lista))
        i = ar_lista.index(e.ar)
        lista[i] = (lista[i] or NOLL) + e.belopp
    return {"ar": ar_lista, "rader": rader, "summor": summor, "externa": externa}


# --- money for the insatser and Uppföljning Finsam -----------------------------------


def insats_pengar(forbund: Forbund, ar: int) -> dict[int, dict[str, Any]]:
    """Per insats: its budget line's kod, budget and utfall for the year."""
    budget = budget_for_ar(forbund, ar)
    if budget is None:
        return {}
    utfall = utfallsvarden(forbund, ar)
    out: dict[int, dict[str, Any]] = {}
    for p in budget.poster.filter(insats__isnull=False):
        if p.insats_id is None:
            continue
        d = out.setdefault(
            p.insats_id, {"koder": [], "budget": NOLL, "utfall": None, "ar": ar}
        )
        d["koder"].append(p.kod)
        d["budget"] += p.belopp
        if utfall is not None:
            d["utfall"] = (d["utfall"] or NOLL) + utfall.get(p.kod, NOLL)
    return out


def uppfoljning_pengar(forbund: Forbund, ar: int) -> dict[str, Any]:
    """The money columns of the Uppföljning Finsam underlag: tilldelade medel (the fee
    decision), eget kapital at the year's end, administration's budget and utfall, and
    per insats budget and utfall."""
    beslut = (
        Avgiftsbeslut.objects.for_forbund(forbund)
        .filter(ar=ar)
        .exclude(status=Avgiftsbeslut.ERSATT)
        .order_by("-skapad")
        .first()
    )
    r = _rakenskaper(forbund, ar)
    eget_kapital = getattr(r, "eget_kapital_utgaende", None) if r else None
    budget = budget_for_ar(forbund, ar)
    admin_budget = admin_utfall = None
    tabell = budget_mot_utfall(budget) if budget is not None else None
    if tabell is not None:
        for g in tabell.kostnader:
            if g.kod == B.ADMINISTRATION:
                admin_utfall, admin_budget = g.summa[0], g.summa[1]
    return {
        "tilldelade_medel": beslut.total if beslut else None,
        "eget_kapital": eget_kapital,
        "administration_budget": admin_budget,
        "administration_utfall": admin_utfall,
        "insatser": insats_pengar(forbund, ar),
    }


# --- the budget documents ------------------------------------------------------------


def _insatser_med_mal(
    forbund: Forbund, ar: int, tabell: Tabell
) -> list[dict[str, Any]]:
    """The insatser of the year with their goals and budget (verksamhetsplan per insats)."""
    from insatser.models import Insats, Mal

    belopp: dict[int, Decimal] = defaultdict(lambda: NOLL)
    for g in tabell.kostnader:
        for rad in g.alla_rader:
            if (
                rad.post is not None
                and rad.post.insats_id
                and rad.varden[0] is not None
            ):
                belopp[rad.post.insats_id] += rad.varden[0]
    mal = defaultdict(list)
    for m in Mal.objects.for_forbund(forbund).filter(ar=ar).order_by("ordning", "pk"):
        mal[m.insats_id].append(m)
    out = []
    for insats in (
        Insats.objects.for_forbund(forbund)
        .select_related("huvudman")
        .filter(Q(startdatum__isnull=True) | Q(startdatum__year__lte=ar))
        .filter(Q(slutdatum__isnull=True) | Q(slutdatum__year__gte=ar))
        .order_by("sortering", "namn")
    ):
        out.append(
            {
                "insats": insats,
                "mal": mal.get(insats.pk, []),
                "budget": belopp.get(insats.pk),
            }
        )
    return out


def _gruppsumma(tabell: Tabell, koder: tuple[str, ...], kolumn: int = 0) -> Decimal:
    return sum(
        (g.summa[kolumn] or NOLL for g in tabell.grupper if g.kod in koder), NOLL
    )


def budgetdokument(budget: Budget) -> dict[str, Any]:
    """Everything "Mål, budget och verksamhetsplan" prints (seed 000's layout):
    sammanfattning, goals, verksamhetsplan per insats, fees over the years, the budget
    against last year and the förslag till beslut. Every figure from the stored lines."""
    from insatser.models import ForbundsMal

    tabell = jamforelse(budget, delposter=False)
    return {
        "titel": f"Mål, budget och verksamhetsplan {budget.ar}",
        "forbund": budget.forbund,
        "budget": budget,
        "ar": budget.ar,
        "utkast": not budget.ar_antagen,
        "tabell": tabell,
        "budgetram": tabell.summa_kostnader[0],
        "medlemsavgifter": _gruppsumma(tabell, (B.MEDLEMSAVGIFTER,)),
        "bidrag": _gruppsumma(tabell, (B.BIDRAG,)),
        "eget_kapital": _gruppsumma(tabell, (B.EGET_KAPITAL,)),
        "reserv": _gruppsumma(tabell, (B.RESERV,)),
        "forbundsmal": ForbundsMal.objects.for_forbund(budget.forbund).filter(
            ar=budget.ar
        ),
        "insatser": _insatser_med_mal(budget.forbund, budget.ar, tabell),
        "avgifter": avgiftshistorik(budget.forbund, budget.ar),
    }


def verksamhetsplan_dokument(budget: Budget) -> dict[str, Any]:
    """ "Budget och verksamhetsplan" with the three-year table (seed 002, 5.3)."""
    from insatser.models import ForbundsMal

    tabell = trearsplan(budget)
    return {
        "titel": f"Budget {budget.ar} och verksamhetsplan {budget.ar}–{budget.ar + 2}",
        "forbund": budget.forbund,
        "budget": budget,
        "ar": budget.ar,
        "utkast": not budget.ar_antagen,
        "tabell": tabell,
        "forbundsmal": ForbundsMal.objects.for_forbund(budget.forbund).filter(
            ar=budget.ar
        ),
        "insatser": _insatser_med_mal(budget.forbund, budget.ar, budget_tabell(budget)),
    }
