"""Demo data: Samordningsförbundet Botkyrka Huddinge Salem, from seed 004 (2017-2018)
carried on to the day the demo is built.

2017 and 2018 are as the seeds print them; the years after are invented but follow the
calendar (``today()``): mandate periods, insatser that start and end, reports for every
tertial due, this year's meetings. Every person's name is invented.
``build_demo`` creates one förbund with everything each app adds: the apps above
``finsam`` contribute through a module ``<app>/demo.py`` with ``build(ctx)``, called in
``DEMO_APPS`` order so that each stands on the ones before it.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from finsam import access, dates, notify
from finsam.models import (
    Avgiftsbeslut,
    Avgiftsrad,
    ExternIntakt,
    Forbund,
    Medlem,
    Person,
    Uppdrag,
    User,
)
from finsam.services import (
    avgiftsbeslut_expediera,
    avgiftsbeslut_save,
    externintakt_save,
    kommununderlag_save,
    medlem_save,
    model_save,
    person_save,
    uppdrag_save,
    user_create,
)

BHS_ORGNR = "222000-3020"
BHS_NAMN = "Samordningsförbundet Botkyrka Huddinge Salem"
DEMO_PASSWORD = "finsam-demo"  # noqa: S105 - printed for the demo on purpose

# Apps whose demo.py adds to the förbund, lowest first.
DEMO_APPS = ["insatser", "styrelse", "ekonomi", "ekonomi.arsredovisning"]


def today() -> dt.date:
    """The day the demo is built: everything after 2018 is placed relative to it."""
    return dates.today()


MANDAT_START = dt.date(2015, 4, 1)
MANDAT_SLUT = dt.date(2019, 3, 31)
LATER_MANDAT = [
    (dt.date(2019, 4, 1), dt.date(2023, 3, 31)),
    (dt.date(2023, 4, 1), dt.date(2027, 3, 31)),
    (dt.date(2027, 4, 1), dt.date(2031, 3, 31)),
]


@dataclass
class DemoContext:
    forbund: Forbund
    user_prefix: str = ""
    medlemmar: dict[str, Medlem] = field(default_factory=dict)
    personer: dict[str, Person] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)

    def username(self, name: str) -> str:
        return f"{self.user_prefix}{name}"


# (medlem, typ, orgnr) in the order the annual report lists the board (seed 004, 1.5.1).
MEDLEMMAR = [
    ("Botkyrka kommun", Medlem.KOMMUN, ""),
    ("Region Stockholm", Medlem.REGION, "232100-0016"),
    ("Salems kommun", Medlem.KOMMUN, ""),
    ("Huddinge kommun", Medlem.KOMMUN, ""),
    ("Försäkringskassan", Medlem.FORSAKRINGSKASSAN, "202100-5521"),
    ("Arbetsförmedlingen", Medlem.ARBETSFORMEDLINGEN, "202100-2114"),
]

# Stockholms läns landsting became Region Stockholm on 2019-01-01.
REGION = "Region Stockholm"
TIDIGARE_NAMN = {REGION: ("Stockholms läns landsting", dt.date(2019, 1, 1))}

# Invented people. (key, förnamn, efternamn, parti)
PERSONER = [
    ("ordf", "Anders", "Lindqvist", "S"),
    ("vice1", "Birgitta", "Holm", "M"),
    ("vice2", "Cecilia", "Norrby", "M"),
    ("huddinge_led", "David", "Ekström", "L"),
    ("fk_led", "Eva", "Sandberg", ""),
    ("af_led1", "Fredrik", "Almgren", ""),
    ("af_led2", "Gunnel", "Wiklund", ""),
    ("botkyrka_ers", "Hassan", "Yilmaz", "S"),
    ("sll_ers", "Ingrid", "Berglund", "KD"),
    ("salem_ers", "Johan", "Falk", "S"),
    ("huddinge_ers", "Karin", "Öberg", "MP"),
    ("fk_ers", "Lars", "Hedlund", ""),
    ("af_ers1", "Maria", "Strand", ""),
    ("af_ers2", "Nils", "Carlsson", ""),
    ("chef", "Olivia", "Bergman", ""),
    ("utvecklingsledare", "Per", "Lundgren", ""),
    ("administrator", "Rebecka", "Sjöberg", ""),
    ("utredare", "Samir", "Haddad", ""),
    ("rev_kommun", "Tove", "Engström", ""),
    ("rev_stat", "Ulf", "Nordin", ""),
    ("rev_region", "Vera", "Åkesson", ""),
    ("rapportor", "Wilma", "Jansson", ""),
    # Later mandate periods.
    ("salem_led2", "Maja", "Lindgren", "M"),
    ("fk_led2", "Jonas", "Wennberg", ""),
    ("botkyrka_ers2", "Leyla", "Demir", "S"),
    ("sll_ers2", "Oskar", "Lund", "M"),
    ("salem_ers2", "Emil", "Rask", "C"),
    ("fk_ers2", "Anna", "Holmberg", ""),
    ("af_led3", "Sara", "Nyström", ""),
    ("af_ers3", "Tobias", "Ek", ""),
    ("ekonom", "Hanna", "Wikström", ""),
]

# Beredningsgruppen: one senior official per medlem (MEDLEMMAR's order).
BEREDNINGSGRUPP = [
    ("Annika", "Forsberg"),
    ("Björn", "Sundqvist"),
    ("Camilla", "Ström"),
    ("Daniel", "Nylander"),
    ("Elin", "Blom"),
    ("Fatima", "Hassan"),
]

LATER_PRESIDIUM = [
    ("ordf", "ordforande", "Botkyrka kommun", 1),
    ("vice1", "vice_ordforande", REGION, 1),
    ("salem_led2", "vice_ordforande", "Salems kommun", 2),
]
# The board of the mandate periods after the seeds' (ledamot, ersättare, medlem); the
# presidium after it (person, typ, medlem, ordning).
LATER_STYRELSE = {
    dt.date(2019, 4, 1): (
        [
            ("ordf", "botkyrka_ers", "Botkyrka kommun"),
            ("vice1", "sll_ers", REGION),
            ("salem_led2", "salem_ers", "Salems kommun"),
            ("huddinge_led", "huddinge_ers", "Huddinge kommun"),
            ("fk_led2", "fk_ers", "Försäkringskassan"),
            ("af_led2", "af_ers2", "Arbetsförmedlingen"),
        ],
        LATER_PRESIDIUM,
    ),
    dt.date(2023, 4, 1): (
        [
            ("ordf", "botkyrka_ers2", "Botkyrka kommun"),
            ("vice1", "sll_ers2", REGION),
            ("salem_led2", "salem_ers2", "Salems kommun"),
            ("huddinge_led", "huddinge_ers", "Huddinge kommun"),
            ("fk_led2", "fk_ers2", "Försäkringskassan"),
            ("af_led3", "af_ers3", "Arbetsförmedlingen"),
        ],
        LATER_PRESIDIUM,
    ),
}


def demo_epost(fornamn: str, efternamn: str) -> str:
    namn = f"{fornamn}.{efternamn}".lower()
    for a, b in [("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), (" ", "")]:
        namn = namn.replace(a, b)
    return f"{namn}@example.se"


def _uppdrag(ctx: DemoContext, person: str, typ: str, **fields) -> Uppdrag:
    return uppdrag_save(
        forbund=ctx.forbund, person=ctx.personer[person], typ=typ, **fields
    )


def build_finsam(ctx: DemoContext) -> None:
    forbund = ctx.forbund
    for i, (namn, typ, orgnr) in enumerate(MEDLEMMAR, start=1):
        tidigare, namn_fran = TIDIGARE_NAMN.get(namn, ("", None))
        ctx.medlemmar[namn] = medlem_save(
            forbund=forbund,
            namn=namn,
            typ=typ,
            orgnr=orgnr,
            sortering=i,
            medlem_fran=dt.date(2009, 1, 1),
            tidigare_namn=tidigare,
            namn_fran=namn_fran,
        )
    for key, fornamn, efternamn, parti in PERSONER:
        ctx.personer[key] = person_save(
            forbund=forbund,
            fornamn=fornamn,
            efternamn=efternamn,
            parti=parti,
            epost=demo_epost(fornamn, efternamn),
        )
    m = ctx.medlemmar
    board = [
        ("ordf", "botkyrka_ers", "Botkyrka kommun"),
        ("vice1", "sll_ers", REGION),
        ("vice2", "salem_ers", "Salems kommun"),
        ("huddinge_led", "huddinge_ers", "Huddinge kommun"),
        ("fk_led", "fk_ers", "Försäkringskassan"),
    ]
    for ledamot, ersattare, medlem in board:
        _uppdrag(
            ctx,
            ledamot,
            Uppdrag.LEDAMOT,
            medlem=m[medlem],
            fran=MANDAT_START,
            till=MANDAT_SLUT,
        )
        _uppdrag(
            ctx,
            ersattare,
            Uppdrag.ERSATTARE,
            medlem=m[medlem],
            fran=MANDAT_START,
            till=MANDAT_SLUT,
        )
    # Arbetsförmedlingen changed its representatives during 2017 (seed 004, 1.5.1).
    af = m["Arbetsförmedlingen"]
    for key, typ, fran, till in [
        ("af_led1", Uppdrag.LEDAMOT, MANDAT_START, dt.date(2017, 3, 31)),
        ("af_led2", Uppdrag.LEDAMOT, dt.date(2017, 9, 1), MANDAT_SLUT),
        ("af_ers1", Uppdrag.ERSATTARE, MANDAT_START, dt.date(2017, 3, 31)),
        ("af_ers2", Uppdrag.ERSATTARE, dt.date(2017, 3, 1), MANDAT_SLUT),
    ]:
        _uppdrag(ctx, key, typ, medlem=af, fran=fran, till=till)
    for key, typ, medlem, ordning in [
        ("ordf", Uppdrag.ORDFORANDE, "Botkyrka kommun", 1),
        ("vice1", Uppdrag.VICE_ORDFORANDE, REGION, 1),
        ("vice2", Uppdrag.VICE_ORDFORANDE, "Salems kommun", 2),
    ]:
        _uppdrag(
            ctx,
            key,
            typ,
            medlem=m[medlem],
            fran=MANDAT_START,
            till=MANDAT_SLUT,
            ordning=ordning,
        )
    # The boards of the terms after (the next term, from 1 April after the election
    # year, reappoints the sitting board so that the demo has one whenever it is built).
    perioder = list(LATER_STYRELSE.items())
    perioder.append((LATER_MANDAT[-1][0], perioder[-1][1]))
    perioder = [(start, board) for start, board in perioder if start <= today()]
    for start, (ledamoter, presidium) in perioder:
        slut = next(s for f, s in LATER_MANDAT if f == start)
        for ledamot, ersattare, medlem in ledamoter:
            _uppdrag(
                ctx, ledamot, Uppdrag.LEDAMOT, medlem=m[medlem], fran=start, till=slut
            )
            _uppdrag(
                ctx,
                ersattare,
                Uppdrag.ERSATTARE,
                medlem=m[medlem],
                fran=start,
                till=slut,
            )
        for key, typ, medlem, ordning in presidium:
            _uppdrag(
                ctx, key, typ, medlem=m[medlem], fran=start, till=slut, ordning=ordning
            )
    # Revisorer (seed 004, 1.5.2): one for the kommuner, one for the state, one for the region.
    _uppdrag(
        ctx,
        "rev_kommun",
        Uppdrag.REVISOR,
        medlem=m["Huddinge kommun"],
        revisor_for=Uppdrag.REVISOR_KOMMUNERNA,
        fran=dt.date(2015, 1, 1),
    )
    _uppdrag(
        ctx,
        "rev_stat",
        Uppdrag.REVISOR,
        medlem=m["Försäkringskassan"],
        revisor_for=Uppdrag.REVISOR_STATEN,
        bitrade="Revisionsbyrån AB",
        fran=dt.date(2015, 1, 1),
    )
    _uppdrag(
        ctx,
        "rev_region",
        Uppdrag.REVISOR,
        medlem=m[REGION],
        revisor_for=Uppdrag.REVISOR_REGIONEN,
        fran=dt.date(2015, 1, 1),
    )
    # Kansli (seed 004, 1.5.3); the MIA-projektet's utredare left when it ended.
    for key, befattning, grad, anstalld, slutat in [
        ("chef", "Förbundschef", 100, dt.date(2016, 1, 1), None),
        ("utvecklingsledare", "Utvecklingsledare", 100, dt.date(2016, 1, 1), None),
        ("administrator", "Administratör", 50, dt.date(2016, 1, 1), None),
        (
            "utredare",
            "Utredare (MIA-projektet)",
            100,
            dt.date(2016, 1, 1),
            dt.date(2020, 3, 31),
        ),
        ("ekonom", "Ekonom", 40, dt.date(2021, 1, 1), None),
    ]:
        _uppdrag(
            ctx,
            key,
            Uppdrag.KANSLI,
            befattning=befattning,
            tjanstgoringsgrad=grad,
            fran=anstalld,
            till=slutat,
        )
    for i, ((medlemsnamn, _typ, _orgnr), (fornamn, efternamn)) in enumerate(
        zip(MEDLEMMAR, BEREDNINGSGRUPP, strict=True)
    ):
        person = person_save(
            forbund=forbund,
            fornamn=fornamn,
            efternamn=efternamn,
            organisation=medlemsnamn,
            epost=demo_epost(fornamn, efternamn),
        )
        ctx.personer[f"beredning_{i}"] = person
        _uppdrag(
            ctx,
            f"beredning_{i}",
            Uppdrag.BEREDNINGSGRUPP,
            medlem=m[medlemsnamn],
            fran=dt.date(2016, 1, 1),
        )

    build_avgifter(ctx)

    for name, roll, personnyckel in [
        ("kansli", access.KANSLI, "chef"),
        ("admin", access.ADMIN, "administrator"),
        ("styrelse", access.STYRELSE, "huddinge_led"),
        ("ordforande", access.STYRELSE, "ordf"),
        ("justerare", access.STYRELSE, "vice1"),
        ("revisor", access.REVISOR, "rev_kommun"),
        ("rapportor", access.INSATSRAPPORTOR, "rapportor"),
    ]:
        ctx.users[name] = user_create(
            forbund=forbund,
            username=ctx.username(name),
            password=DEMO_PASSWORD,
            roll=roll,
            person=ctx.personer[personnyckel],
        )


# The förbundsordning's fixed shares of the kommun quarter (not population): they give
# seed 004's note 1 to the krona — 2017: Huddinge and Botkyrka 1 880 900, Salem 240 200.
BHS_KOMMUNANDELAR = {
    "Botkyrka kommun": "46.999",
    "Huddinge kommun": "46.999",
    "Salems kommun": "6.002",
}
# Populations of 1 November 2017 (invented but of the right size).
BHS_BEFOLKNING_2018 = {
    "Botkyrka kommun": 92_754,
    "Huddinge kommun": 109_702,
    "Salems kommun": 16_911,
}
# Seed 004, note 1, 2016 column (the year before the books in the system).
BHS_2016 = (
    17_383_200,
    [
        ("Försäkringskassan", "Staten, Försäkringskassan för FK och AF", 8_691_600),
        (REGION, "Stockholms läns landsting", 4_345_800),
        ("Botkyrka kommun", "Botkyrka kommun", 2_042_500),
        ("Salems kommun", "Salems kommun", 260_800),
        ("Huddinge kommun", "Huddinge kommun", 2_042_500),
    ],
)


def historiskt_beslut(*, forbund, ar: int, total: int, rader, paragraf: str) -> None:
    """A fee decision as an older document printed it: ``rader`` (medlem, benämning,
    belopp) as printed, sent. Sent after its lines are in: a sent decision is frozen
    (finsam/frysning.py)."""
    beslut = model_save(
        Avgiftsbeslut(forbund=forbund),
        ar=ar,
        total=total,
        historisk=True,
        paragraf=paragraf,
    )
    Avgiftsrad.objects.bulk_create(
        Avgiftsrad(
            beslut=beslut,
            medlem=medlem,
            benamning=namn,
            andel=0,
            belopp=belopp,
            ordning=i,
        )
        for i, (medlem, namn, belopp) in enumerate(rader)
    )
    model_save(beslut, status=Avgiftsbeslut.EXPEDIERAT)


def _expediera(beslut: Avgiftsbeslut) -> None:
    """Send as the service does, dated a few days after the decision like a real one."""
    avgiftsbeslut_expediera(beslut=beslut)
    if beslut.beslutsdatum:
        skickat = dt.datetime.combine(
            beslut.beslutsdatum + dt.timedelta(days=4),
            dt.time(10),
            tzinfo=timezone.get_current_timezone(),
        )
        # Dating history while the demo is built: past the freeze guard on purpose.
        Avgiftsbeslut._base_manager.filter(pk=beslut.pk).update(expedierad=skickat)


def build_avgifter(ctx: DemoContext) -> None:
    """The BHS fees (seed 004 note 1): 2016 as printed, 2017 decided and sent
    (16 008 000 kr), 2018 in draft; ESF and MUCF as the resultaträkning shows them."""
    total, rader = BHS_2016
    historiskt_beslut(
        forbund=ctx.forbund,
        ar=2016,
        total=total,
        rader=[(ctx.medlemmar[m], namn, belopp) for m, namn, belopp in rader],
        paragraf="Enligt årsredovisning 2017",
    )
    kommununderlag_save(
        forbund=ctx.forbund,
        ar=2017,
        varden={
            ctx.medlemmar[namn]: {"procent": Decimal(andel)}
            for namn, andel in BHS_KOMMUNANDELAR.items()
        },
    )
    # 2018 stays a draft by population (invented figures), for the fee pages' examples.
    kommununderlag_save(
        forbund=ctx.forbund,
        ar=2018,
        varden={
            ctx.medlemmar[namn]: {"befolkning": n}
            for namn, n in BHS_BEFOLKNING_2018.items()
        },
    )
    beslut = avgiftsbeslut_save(
        forbund=ctx.forbund,
        ar=2017,
        total=16_008_000,
        metod=Avgiftsbeslut.PROCENT,
        paragraf="§ 47, 2016-11-24",
        beslutsdatum=dt.date(2016, 11, 24),
        avsandare=ctx.personer["chef"],
    )
    _expediera(beslut)
    beslut = avgiftsbeslut_save(
        forbund=ctx.forbund,
        ar=2018,
        total=16_000_000,
        paragraf="§ 52, 2017-11-23",
        beslutsdatum=dt.date(2017, 11, 23),
        avsandare=ctx.personer["chef"],
    )
    _expediera(beslut)
    build_avgifter_i_dag(ctx)
    externintakt_save(
        forbund=ctx.forbund,
        ar=2017,
        kategori=ExternIntakt.ESF,
        benamning="Projektbidrag ESF (MIA-projektet)",
        belopp=3_057_200,
    )
    externintakt_save(
        forbund=ctx.forbund,
        ar=2017,
        kategori=ExternIntakt.OVRIGT,
        benamning="Projektbidrag MUCF (Möjliggörarna)",
        belopp=1_022_000,
    )


# The fees of the present: this year's decided in November last year and sent, next
# year's in preparation. The kommuner grow about 1 % a year from 2018.
AVGIFT_I_DAG = 18_400_000
AVGIFT_NASTA_AR = 18_800_000


def build_avgifter_i_dag(
    ctx: DemoContext,
    befolkning_2018: dict[str, int] = BHS_BEFOLKNING_2018,
    totaler: tuple[int, int] = (AVGIFT_I_DAG, AVGIFT_NASTA_AR),
) -> None:
    """Every year from 2019 decided in the November before and sent, this year's at
    ``totaler[0]`` and the years between on the way there from 2018's total (in whole
    hundred thousands); next year's at ``totaler[1]`` in preparation. The fee history
    runs without a gap, and each year's budget takes its fee lines from its decision."""
    ar = today().year
    fran = int(Avgiftsbeslut.objects.get(forbund=ctx.forbund, ar=2018).total)
    for budgetar in range(2019, ar + 2):
        kommununderlag_save(
            forbund=ctx.forbund,
            ar=budgetar,
            varden={
                ctx.medlemmar[namn]: {
                    "befolkning": round(n * 1.01 ** (budgetar - 2018))
                }
                for namn, n in befolkning_2018.items()
            },
        )
        if budgetar > ar:
            avgiftsbeslut_save(
                forbund=ctx.forbund,
                ar=budgetar,
                total=totaler[1],
                avsandare=ctx.personer["chef"],
            )
            continue
        steg = (totaler[0] - fran) * (budgetar - 2018) / (ar - 2018)
        beslutsdatum = dt.date(budgetar - 1, 11, 20)
        _expediera(
            avgiftsbeslut_save(
                forbund=ctx.forbund,
                ar=budgetar,
                total=round((fran + steg) / 100_000) * 100_000,
                paragraf=f"§ 47, {beslutsdatum:%Y-%m-%d}",
                beslutsdatum=beslutsdatum,
                avsandare=ctx.personer["chef"],
            )
        )


OS_ORGNR = "222000-2444"
OS_NAMN = "Samordningsförbundet Östra Södertörn"

# Seed 000, section 7: fees per member 2013-2018 as the budget document prints them.
# The printed sums do not always equal the lines (2014: 1 000 kr, 2016: 1 kr, 2017:
# 2 001 kr); the
# history page shows those differences instead of hiding them.
OS_HISTORIK = {
    2013: (18_000_000, [9_000_000, 4_500_000, 2_383_204, 1_317_973, 798_823]),
    2014: (18_000_000, [9_000_000, 4_500_000, 2_383_831, 1_317_944, 797_225]),
    2015: (18_000_000, [9_000_000, 4_500_000, 2_397_872, 1_308_526, 793_602]),
    2016: (18_064_870, [9_032_435, 4_516_217, 2_404_910, 1_321_605, 789_702]),
    2017: (18_064_868, [9_032_435, 4_516_217, 2_404_472, 1_324_191, 789_554]),
}
OS_EXTERNA = {
    ExternIntakt.ESF: {
        2013: 8_500_000,
        2014: 10_300_000,
        2015: 0,
        2016: 0,
        2017: 6_072_650,
        2018: 7_368_000,
    },
    ExternIntakt.ARVSFONDEN: {2015: 3_000_000, 2016: 2_191_000, 2017: 0, 2018: 0},
}
# Populations of 1 November 2016 that reproduce the 2018 amounts of seed 000 exactly
# with the largest-remainder rule (the seed does not print them).
OS_BEFOLKNING_2018 = {
    "Haninge kommun": 86_235,
    "Tyresö kommun": 47_501,
    "Nynäshamns kommun": 27_987,
}
# The fees of the present (invented): this year's sent, next year's in preparation.
OS_AVGIFT_I_DAG = (18_200_000, 18_600_000)


# Östra Södertörn's people (invented): (key, förnamn, efternamn, parti, organisation).
OS_PERSONER = [
    ("haninge_led", "Margareta", "Dahl", "S", ""),
    ("haninge_ers", "Kristoffer", "Alm", "M", ""),
    ("tyreso_led", "Peter", "Sjöstrand", "M", ""),
    ("tyreso_ers", "Linnea", "Back", "S", ""),
    ("nynashamn_led", "Agneta", "Lövgren", "C", ""),
    ("nynashamn_ers", "Robin", "Ahlström", "S", ""),
    ("region_led", "Göran", "Hellström", "KD", ""),
    ("region_ers", "Nadia", "Karimi", "L", ""),
    ("fk_led", "Ulrika", "Berg", "", ""),
    ("fk_ers", "Mikael", "Törnqvist", "", ""),
    ("af_led", "Jenny", "Sandström", "", ""),
    ("af_ers", "Henrik", "Lindahl", "", ""),
    ("chef", "Siv", "Granlund", "", ""),
    ("administrator", "Kerstin", "Bäck", "", ""),
    ("samordnare", "Jesper", "Malm", "", ""),
    ("rev_kommun", "Bo", "Åström", "", "Revisionskontoret Södertörn"),
    ("rapportor", "Amir", "Sadeghi", "", "Haninge kommun"),
]
OS_STYRELSE = [
    ("haninge_led", "haninge_ers", "Haninge kommun"),
    ("tyreso_led", "tyreso_ers", "Tyresö kommun"),
    ("nynashamn_led", "nynashamn_ers", "Nynäshamns kommun"),
    ("region_led", "region_ers", REGION),
    ("fk_led", "fk_ers", "Försäkringskassan"),
    ("af_led", "af_ers", "Arbetsförmedlingen"),
]
OS_INLOGGNINGAR = [
    ("kansli", access.KANSLI, "chef"),
    ("admin", access.ADMIN, "administrator"),
    ("ordforande", access.STYRELSE, "haninge_led"),
    ("justerare", access.STYRELSE, "tyreso_led"),
    ("styrelse", access.STYRELSE, "nynashamn_led"),
    ("revisor", access.REVISOR, "rev_kommun"),
    ("rapportor", access.INSATSRAPPORTOR, "rapportor"),
]


def build_os_organisation(ctx: DemoContext) -> None:
    """Östra Södertörn's board of every mandate period since 2015 (the same people: its
    2016 and 2017 budget protocols are justerade by them), kansli and logins."""
    forbund = ctx.forbund
    for key, fornamn, efternamn, parti, organisation in OS_PERSONER:
        ctx.personer[key] = person_save(
            forbund=forbund,
            fornamn=fornamn,
            efternamn=efternamn,
            parti=parti,
            organisation=organisation,
            epost=demo_epost(fornamn, efternamn),
        )
    m = ctx.medlemmar
    for start, slut in [(MANDAT_START, MANDAT_SLUT), *LATER_MANDAT]:
        if start > today():
            continue
        for ledamot, ersattare, medlem in OS_STYRELSE:
            for key, typ in [
                (ledamot, Uppdrag.LEDAMOT),
                (ersattare, Uppdrag.ERSATTARE),
            ]:
                _uppdrag(ctx, key, typ, medlem=m[medlem], fran=start, till=slut)
        for key, typ, medlem, ordning in [
            ("haninge_led", Uppdrag.ORDFORANDE, "Haninge kommun", 1),
            ("tyreso_led", Uppdrag.VICE_ORDFORANDE, "Tyresö kommun", 1),
        ]:
            _uppdrag(
                ctx, key, typ, medlem=m[medlem], fran=start, till=slut, ordning=ordning
            )
    for key, befattning, grad in [
        ("chef", "Förbundschef", 100),
        ("administrator", "Administratör", 60),
        ("samordnare", "Processledare", 100),
    ]:
        _uppdrag(
            ctx,
            key,
            Uppdrag.KANSLI,
            befattning=befattning,
            tjanstgoringsgrad=grad,
            fran=dt.date(2013, 1, 1),
        )
    _uppdrag(
        ctx,
        "rev_kommun",
        Uppdrag.REVISOR,
        medlem=m["Haninge kommun"],
        revisor_for=Uppdrag.REVISOR_KOMMUNERNA,
        fran=MANDAT_START,
    )
    for name, roll, person in OS_INLOGGNINGAR:
        ctx.users[name] = user_create(
            forbund=forbund,
            username=ctx.username(name),
            password=DEMO_PASSWORD,
            roll=roll,
            person=ctx.personer[person],
        )


@transaction.atomic
def build_ostra_sodertorn(*, user_prefix: str = "os-") -> Forbund:
    """A second förbund with the fee history 2013-2018 of seed 000, its board, kansli
    and logins; the apps above add what they have for it (``build_ostra_sodertorn``)."""
    forbund = model_save(
        Forbund(),
        namn=OS_NAMN,
        orgnr=OS_ORGNR,
        kortnamn="SFÖS",
        ort="Haninge",
    )
    members = [
        ("Försäkringskassan", Medlem.FORSAKRINGSKASSAN, "202100-5521"),
        ("Arbetsförmedlingen", Medlem.ARBETSFORMEDLINGEN, "202100-2114"),
        (REGION, Medlem.REGION, "232100-0016"),
        ("Haninge kommun", Medlem.KOMMUN, ""),
        ("Tyresö kommun", Medlem.KOMMUN, ""),
        ("Nynäshamns kommun", Medlem.KOMMUN, ""),
    ]
    m = {}
    for i, (namn, typ, orgnr) in enumerate(members, start=1):
        tidigare, namn_fran = TIDIGARE_NAMN.get(namn, ("", None))
        m[namn] = medlem_save(
            forbund=forbund,
            namn=namn,
            typ=typ,
            orgnr=orgnr,
            sortering=i,
            tidigare_namn=tidigare,
            namn_fran=namn_fran,
        )
    ctx = DemoContext(forbund=forbund, user_prefix=user_prefix, medlemmar=m)
    payers = [
        (m["Försäkringskassan"], "Staten, Försäkringskassan för FK och AF"),
        (m[REGION], "Stockholms läns landsting"),
        (m["Haninge kommun"], "Haninge kommun"),
        (m["Tyresö kommun"], "Tyresö kommun"),
        (m["Nynäshamns kommun"], "Nynäshamns kommun"),
    ]
    for ar, (total, amounts) in OS_HISTORIK.items():
        historiskt_beslut(
            forbund=forbund,
            ar=ar,
            total=total,
            rader=[
                (medlem, namn, belopp)
                for (medlem, namn), belopp in zip(payers, amounts, strict=True)
            ],
            paragraf="Enligt budgetdokument",
        )
    kommununderlag_save(
        forbund=forbund,
        ar=2018,
        varden={m[namn]: {"befolkning": n} for namn, n in OS_BEFOLKNING_2018.items()},
    )
    with notify.tyst():
        build_os_organisation(ctx)
    beslut = avgiftsbeslut_save(
        forbund=forbund,
        ar=2018,
        total=17_378_000,
        paragraf="§ 54, 2017-11-22",
        beslutsdatum=dt.date(2017, 11, 22),
        avsandare=ctx.personer["chef"],
    )
    _expediera(beslut)
    build_avgifter_i_dag(ctx, OS_BEFOLKNING_2018, OS_AVGIFT_I_DAG)
    for kategori, per_ar in OS_EXTERNA.items():
        for ar, belopp in per_ar.items():
            externintakt_save(forbund=forbund, ar=ar, kategori=kategori, belopp=belopp)
    # The apps above add their part of this förbund through ``build_ostra_sodertorn``.
    with notify.tyst():
        for app in DEMO_APPS:
            module = _demo_module(app)
            if module is not None and hasattr(module, "build_ostra_sodertorn"):
                module.build_ostra_sodertorn(ctx)
    return forbund


def _demo_module(app: str):
    try:
        return importlib.import_module(f"{app}.demo")
    except ModuleNotFoundError as exc:
        if exc.name != f"{app}.demo":
            raise
        return None


@transaction.atomic
def build_demo(
    *,
    orgnr: str = BHS_ORGNR,
    namn: str = BHS_NAMN,
    kortnamn: str = "HBS",
    user_prefix: str = "",
) -> DemoContext:
    forbund = Forbund(
        namn=namn,
        orgnr=orgnr,
        kortnamn=kortnamn,
        adress="Box 1000",
        postnummer="141 00",
        ort="Huddinge",
        epost="kansli@example.se",
    )
    forbund.full_clean()
    forbund.save()
    ctx = DemoContext(forbund=forbund, user_prefix=user_prefix)
    # Years of history are written here; nobody is e-mailed about them.
    with notify.tyst():
        build_finsam(ctx)
        for app in DEMO_APPS:
            module = _demo_module(app)
            if module is not None:
                module.build(ctx)
    # One sealed document to show (the others are sealed by the worker, or by
    # `manage.py verifiera --forsegla`): the latest letter of a sent fee decision.
    from finsam import forsegling

    forsegling.forsegla_senaste(forbund, "avgiftsbeslut")
    return ctx
