"""Demo budgets.

Botkyrka-Huddinge-Salem: 2017 as the budget column of seed 004's "Sammanställning av
utfall och budget 2017", then adopted budgets for each year up to 2026 carried forward
from it, and 2027 as a draft in preparation. Östra Södertörn: 2017 and 2018 as seed 000,
section 8 prints them (budget 2018 against budget 2017), carried forward the same way.

The ``kod`` of each line is the key the bookkeeping's account mapping points at (the
utfall of a kod is measured against the line with that kod), so these codes are the
contract with ``ekonomi/demo_bokforing.py``.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from ekonomi.models import Budget, Budgetpost
from ekonomi.services.budget import (
    avgifter_fran_beslut,
    budget_anta,
    budget_create,
    budget_revidera,
    budgetpost_save,
    prognos_save,
)

B = Budgetpost

# Seed 004, Tilläggsupplysningar: (kod, namn, grupp, budget 2017 in kr, insats namn).
# The fee line comes from the fee decision, so it is not listed here.
BHS_2017 = [
    ("esf", "Intäkter ESF", B.BIDRAG, 4_800_000, None),
    ("mucf", "Övriga intäkter (MUCF)", B.BIDRAG, 1_135_000, None),
    ("lokal", "Lokal", B.ADMINISTRATION, 165_000, None),
    ("kansli", "Kansli", B.ADMINISTRATION, 1_626_000, None),
    ("kommunikation", "Kommunikation/information", B.ADMINISTRATION, 40_000, None),
    ("revision", "Revision", B.ADMINISTRATION, 73_000, None),
    ("styrelse", "Styrelse", B.ADMINISTRATION, 135_000, None),
    ("ovrigt-administration", "Övrigt", B.ADMINISTRATION, 106_000, None),
    ("insats-adrian", "Adrian", B.INSATSER, 266_000, "ADRIAN"),
    ("arbetsmarknadskartlaggning", "Arbetsmarknadskartläggning", B.INSATSER, 0, None),
    ("arbetsmarknadssatsning", "Arbetsmarknadssatsning", B.INSATSER, 450_000, None),
    ("esf-analysfas", "ESF-projektet analysfas", B.INSATSER, 250_000, None),
    (
        "insats-mia",
        "ESF-projektet genomförandefas",
        B.INSATSER,
        7_460_000,
        "MIA-projektet",
    ),
    ("insats-halsosam", "HälsoSam", B.INSATSER, 1_515_000, "HälsoSam"),
    ("insats-lyra", "Lyra", B.INSATSER, 2_207_000, "Lyra"),
    ("insats-mojliggorarna", "Möjliggörarna", B.INSATSER, 1_257_000, "Möjliggörarna"),
    ("psykiatriprojektet", "Psykiatriprojektet", B.INSATSER, 550_000, None),
    (
        "insats-samverkansteam-botkyrka",
        "Samverkansteamet Botkyrka",
        B.INSATSER,
        952_000,
        "Samverkansteam Botkyrka",
    ),
    (
        "insats-samverkansteam-huddinge",
        "Samverkansteamet Huddinge",
        B.INSATSER,
        680_000,
        "Samverkansteam Huddinge",
    ),
    ("insats-slussen", "Slussen", B.INSATSER, 2_800_000, "Slussen"),
    ("insats-start", "Start", B.INSATSER, 1_320_000, "START"),
    (
        "insats-ung-i-salem",
        "Ung i Salem",
        B.INSATSER,
        1_398_000,
        "Ungdomsprojektet i Salem",
    ),
    ("kompetensinsatser", "Kompetensinsatser", B.STRUKTUR, 130_000, None),
    ("metodstod-ips", "Metodstöd IPS", B.STRUKTUR, 350_000, None),
    ("processtod", "Processtöd", B.STRUKTUR, 90_000, None),
    ("tillkommande-verksamhet", "Tillkommande verksamhet", B.STRUKTUR, 1_500_000, None),
    ("utvardering", "Utvärdering", B.STRUKTUR, 100_000, None),
]

# Lines that end: the budget is zero from this year on (the insatser's own end dates,
# the ESF project's end in 2020, one-off lines).
BHS_SLUTAR = {
    "insats-adrian": 2018,
    "insats-samverkansteam-botkyrka": 2018,
    "insats-samverkansteam-huddinge": 2018,
    "arbetsmarknadskartlaggning": 2018,
    "esf-analysfas": 2018,
    "psykiatriprojektet": 2018,
    "insats-slussen": 2019,
    "insats-mia": 2021,
    "esf": 2021,
}
BHS_SISTA_AR = 2026  # adopted up to here; the next year is a draft
BHS_PARAGRAF = {2017: "§ 47, 2016-11-24"}


def _avrunda(belopp: Decimal) -> Decimal:
    """Plans are made in whole thousands."""
    return (belopp / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP) * 1000


def _plan(budget: Budget, faktor: str = "1.02") -> None:
    for post in budget.poster.filter(delposter__isnull=True):
        if post.grupp == B.MEDLEMSAVGIFTER:
            continue
        post.plan_1 = _avrunda(post.belopp * Decimal(faktor))
        post.plan_2 = _avrunda(post.plan_1 * Decimal(faktor))
        post.save(update_fields=["plan_1", "plan_2"])
    for parent in budget.poster.filter(delposter__isnull=False).distinct():
        parent.plan_1 = sum(p.plan_1 or 0 for p in parent.delposter.all())
        parent.plan_2 = sum(p.plan_2 or 0 for p in parent.delposter.all())
        parent.save(update_fields=["plan_1", "plan_2"])


def _lines(budget: Budget, rader, insatser: dict) -> None:
    for ordning, (kod, namn, grupp, belopp, insats) in enumerate(rader, start=10):
        budgetpost_save(
            budget=budget,
            kod=kod,
            namn=namn,
            grupp=grupp,
            belopp=Decimal(belopp),
            insats=insatser.get(insats) if insats else None,
            ordning=ordning * 10,
        )


# Lines that start in a year: (kod, namn, grupp, belopp).
BHS_NYA = {2019: [("insats-ips", "IPS Botkyrka Huddinge Salem", B.INSATSER, 1_800_000)]}


def _nasta_ar(
    budget: Budget,
    ar: int,
    slutar: dict[str, int] = BHS_SLUTAR,
    nya: dict[int, list] = BHS_NYA,
) -> Budget:
    """Carry last year's budget forward: ended lines to zero, new lines of the year
    added, the rest up 2 %."""
    ny = budget_create(forbund=budget.forbund, ar=ar, kopiera_fran=budget)
    for post in ny.poster.filter(delposter__isnull=True).exclude(
        grupp=B.MEDLEMSAVGIFTER
    ):
        if slutar.get(post.kod, 9999) <= ar:
            post.belopp = Decimal(0)
        else:
            post.belopp = _avrunda(
                budget.poster.get(kod=post.kod).belopp * Decimal("1.02")
            )
        post.save(update_fields=["belopp"])
    for kod, namn, grupp, belopp in nya.get(ar, []):
        budgetpost_save(
            budget=ny, kod=kod, namn=namn, grupp=grupp, belopp=Decimal(belopp)
        )
    _plan(ny)
    return ny


def build(ctx) -> None:
    from insatser.models import Insats

    forbund = ctx.forbund
    insatser = {i.namn: i for i in Insats.objects.for_forbund(forbund)}
    budget = budget_create(forbund=forbund, ar=2017)
    # The annual report's name for the line (seed 004, Tilläggsupplysningar).
    budget.poster.filter(kod="medlemsavgifter").update(
        namn="Verksamhetens medlemsavgifter"
    )
    _lines(budget, BHS_2017, insatser)
    _plan(budget)
    budget_anta(
        budget=budget, antagen_enligt=BHS_PARAGRAF[2017], datum=dt.date(2016, 11, 24)
    )
    for ar in range(2018, BHS_SISTA_AR + 2):
        budget = _nasta_ar(budget, ar)
        if ar <= BHS_SISTA_AR:
            budget_anta(
                budget=budget,
                antagen_enligt=f"Styrelsens protokoll {ar - 1}-11-24",
                datum=dt.date(ar - 1, 11, 24),
            )
    # The running year: one revision by the board and the delår prognos.
    innevarande = Budget.objects.get(forbund=forbund, ar=BHS_SISTA_AR)
    tillkommande = innevarande.poster.get(kod="tillkommande-verksamhet")
    ips = innevarande.poster.get(kod="insats-ips")
    budget_revidera(
        budget=innevarande,
        andringar={
            tillkommande: tillkommande.belopp - 300_000,
            ips: ips.belopp + 300_000,
        },
        paragraf_text=f"Styrelsens protokoll {BHS_SISTA_AR}-06-12",
        datum=dt.date(BHS_SISTA_AR, 6, 12),
        motivering="IPS utökas med en arbetsspecialist under hösten.",
    )
    prognos_save(
        budget=innevarande,
        till_manad=8,
        belopp={
            post: post.belopp * Decimal("0.95")
            if post.grupp in (B.INSATSER, B.STRUKTUR)
            else post.belopp
            for post in innevarande.poster.filter(delposter__isnull=True)
        },
        kommentar="Insatserna förbrukar något mindre än budgeterat.",
    )


# Seed 000, section 8: (kod, namn, grupp, budget 2018, budget 2017).
OS_RADER = [
    (
        "insats-ungdomsteamet-haninge",
        "Ungdomsteamet Haninge",
        B.INSATSER,
        2_164_850,
        2_329_000,
    ),
    ("insats-ung-i-tyreso", "Ung i Tyresö", B.INSATSER, 1_726_850, 1_804_000),
    ("insats-ung-i-nynashamn", "Ung i Nynäshamn", B.INSATSER, 1_204_200, 1_792_000),
    ("insats-resursraden", "Resursråden", B.INSATSER, 1_620_000, 2_470_000),
    ("nollplacerade", "Nollplacerade", B.INSATSER, 1_900_000, 0),
    ("dua", "Dua - Unga och Nyanlända till arbete", B.INSATSER, 158_000, 0),
    ("socialt-foretagande", "Socialt företagande", B.INSATSER, 0, 400_000),
    (
        "se-vagen",
        "Se-vägen till arbete (innan start av MIA)",
        B.INSATSER,
        0,
        724_000,
    ),
    ("insats-mia", "ESF-projekt MIA Östra Södertörn", B.INSATSER, 4_445_000, 3_344_000),
    (
        "etableringscentrum",
        "Etableringscentrum/Nyanlända",
        B.INSATSER,
        825_660,
        800_000,
    ),
    ("case-manager", "Case Manager", B.INSATSER, 0, 250_000),
    ("nns", "NNS", B.INSATSER, 65_000, 65_000),
    ("frukostmoten", "Frukostmöten", B.INSATSER, 80_000, 60_000),
    ("informationsinsatser", "Informationsinsatser", B.INSATSER, 60_000, 40_000),
    ("pott-nya-insatser", "Pott nya insatser", B.INSATSER, 1_130_815, 2_100_868),
    ("overskjutande-medel", "Överskjutande medel", B.INSATSER, 0, 0),
    (
        "styrelse-och-revision",
        "Styrelse och revision",
        B.ADMINISTRATION,
        205_000,
        240_000,
    ),
    (
        "kansli-och-administration",
        "Kansli och administration",
        B.ADMINISTRATION,
        3_490_000,
        3_250_000,
    ),
    ("forbundsreserv", "Förbundsreserv", B.RESERV, 2_837_800, 2_900_000),
]
# Seed 000, Sammanfattning: the surplus from 2017 used in 2018 (of which the reserve).
OS_OVERSKOTT_2018 = 4_535_175


def _os_budgetparagraf(ctx, ar: int, datum: dt.date):
    """Östra Södertörn's board adopts next year's budget at its November meeting: the
    meeting with the budget ärende as its §, its protocol justerat and put up.

    The förbund's earlier meetings of the year are not in the system, so the § has the
    first numbers of the year, not the seed's "§ 54"."""
    from styrelse import demo as styrelse_demo
    from styrelse import services as styrelse

    forbund = ctx.forbund
    arende = styrelse.arende_create(
        forbund=forbund,
        ar=datum.year,
        rubrik=f"Budget {ar} och verksamhetsplan {ar}–{ar + 2}",
        forslag_till_beslut=f"Styrelsen antar budget {ar} och verksamhetsplanen.",
    )
    sammantrade = styrelse.sammantrade_create(
        organ=styrelse.organ_styrelse(forbund=forbund),
        datum=datum,
        plats=styrelse_demo.OS_PLATS,
        tid_start=dt.time(9, 0),
        tid_slut=dt.time(11, 30),
        ordforande=ctx.users["ordforande"].person,
        justerare=ctx.users["justerare"].person,
        sekreterare=ctx.personer["administrator"],
        standardpunkter=False,
        arenden=[arende],
    )
    paragraf = sammantrade.paragrafer.get(arende=arende)
    styrelse.paragraf_update(
        paragraf=paragraf,
        beslut=f"Styrelsen beslutar att anta budget {ar} och verksamhetsplan "
        f"{ar}–{ar + 2} enligt förslaget.",
    )
    styrelse_demo.protokoll_justerat(ctx, sammantrade)
    paragraf.refresh_from_db()
    return paragraf


# Lines of 2018 that end (to zero) when the budget is carried forward.
OS_SLUTAR = {"overskott": 2019, "dua": 2020}


def build_ostra_sodertorn(ctx) -> None:
    """2017 and 2018 as seed 000 prints them, adopted at the November meetings, then
    carried forward and adopted each year up to the running one; next year's a draft."""
    forbund = ctx.forbund
    for ar, kolumn, datum in [
        (2017, 4, dt.date(2016, 11, 23)),
        (2018, 3, dt.date(2017, 11, 22)),
    ]:
        budget = budget_create(forbund=forbund, ar=ar)
        _lines(
            budget,
            [(r[0], r[1], r[2], r[kolumn], None) for r in OS_RADER],
            {},
        )
        if ar == 2018:
            budgetpost_save(
                budget=budget,
                kod="overskott",
                namn="Överskott från föregående år",
                grupp=B.EGET_KAPITAL,
                belopp=Decimal(OS_OVERSKOTT_2018),
                ordning=5,
            )
        avgifter_fran_beslut(budget=budget)
        budget_anta(budget=budget, paragraf=_os_budgetparagraf(ctx, ar, datum))
    for ar in range(2019, BHS_SISTA_AR + 2):
        budget = _nasta_ar(budget, ar, slutar=OS_SLUTAR, nya={})
        avgifter_fran_beslut(budget=budget)
        if ar <= BHS_SISTA_AR:
            budget_anta(
                budget=budget,
                antagen_enligt=f"Styrelsens protokoll {ar - 1}-11-22",
                datum=dt.date(ar - 1, 11, 22),
            )
