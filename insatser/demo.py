"""Demo: the Botkyrka-Huddinge-Salem insatser of 2017 (seed 004, Årsredovisning 2017).

The approved helår reports reproduce the seed's "Sammanfattning av deltagarflöden i
finansierade insatser" row by row; the split of nya and avslutade by kön and of the exit
reasons by kön is not in the seed and is spread in proportion (it adds up by construction).
"""

from __future__ import annotations

import datetime as dt

from insatser.models import (
    Avslutsorsak,
    ForbundsMal,
    Indikatorfraga,
    Indikatorresultat,
    Insats,
    Mal,
    Periodrapport,
    Strukturaktivitet,
)
from insatser.services import (
    avslutsorsaker_seed,
    insats_save,
    insatsrapportor_add,
    mal_save,
    periodrapport_accept_deviation,
    periodrapport_approve,
    periodrapport_save,
    periodrapport_submit,
    standarddata_seed,
    unika_deltagare_save,
)

AR = 2017
UNIKA_2017 = 624

# namn, huvudman (None = förbundet), aktuella, kvinnor, män, annat, nya, avslutade,
# till arbete/studier (None = ej tillämpligt), arbetssökande (None = ej redovisat),
# start, slut
FLODEN = [
    ("ADRIAN", "Botkyrka kommun", 11, 6, 4, 1, 1, 11, 1, 5, (2014, 1), (2017, 6)),
    (
        "HälsoSam",
        "Stockholms läns landsting",
        96,
        69,
        27,
        0,
        96,
        96,
        None,
        None,
        (2015, 1),
        None,
    ),
    ("Lyra", "Huddinge kommun", 22, 14, 8, 0, 13, 11, 0, 2, (2016, 1), None),
    ("MIA-projektet", None, 152, 100, 48, 4, 152, 17, 5, 0, (2017, 4), (2020, 3)),
    (
        "Möjliggörarna",
        "Salems kommun",
        108,
        32,
        75,
        1,
        114,
        114,
        None,
        None,
        (2017, 2),
        None,
    ),
    (
        "Samverkansteam Botkyrka",
        "Botkyrka kommun",
        66,
        46,
        20,
        0,
        2,
        66,
        3,
        4,
        (2013, 1),
        (2017, 6),
    ),
    (
        "Samverkansteam Huddinge",
        "Huddinge kommun",
        59,
        42,
        16,
        1,
        11,
        59,
        7,
        0,
        (2013, 1),
        (2017, 6),
    ),
    ("Slussen", "Huddinge kommun", 141, 62, 79, 0, 84, 78, 66, 5, (2012, 1), (2018, 6)),
    ("START", "Botkyrka kommun", 61, 23, 38, 0, 21, 31, 14, 17, (2015, 1), None),
    (
        "Ungdomsprojektet i Salem",
        "Salems kommun",
        44,
        13,
        31,
        0,
        35,
        23,
        18,
        None,
        (2016, 1),
        None,
    ),
]

# Bilaga 2: Sammanställning av måluppfyllelse (insats, mål, resultat, bedömning).
BILAGA2 = {
    "ADRIAN": ("Avsluta aktiva deltagare. 35 % i egen försörjning.", "11 deltagare. 9 % i egen försörjning. (1 av 11)", "ej_tillampbar"),
    "HälsoSam": ("80 deltagare. 80 % förbättrad hälsa. 60 % tar eget ansvar för att genomföra hälsoplan", "96 deltagare 93 % förbättrad hälsa. 93 % tar ökat ansvar för sin hälsa. (89 av 93)", "mycket_god"),
    "Lyra": ("Alla har en individuell handlingsplan. 50 % når studier/arbete 1 år efter insats.", "100 % (13 av 13 nya deltagare) 15 % i arbete/studier (2 av 13)", "godtagbart"),
    "Samverkansteam Botkyrka": ("Avsluta aktiva deltagare. 15 % arbete/studier. 15 % arbetssökande.", "66 deltagare, 2 nya deltagare. 5 % i arbete/studier (3 av 66) 6 % arbetssökande (4 av 26)", "ej_tillampbar"),
    "Samverkansteam Huddinge": ("Avsluta aktiva deltagare. 20 % arbete/studier. 25 % arbetssökande.", "59 deltagare, 11 nya 12 % i arbete/studier (7 av 59) 0 % arbetssökande (0 av 59)", "ej_tillampbar"),
    "Slussen": ("95 % har en myndighetsgem. handlingsplan. 60 % i arbete/studier.", "85 % (66 planer av 78 avslutade) 85 % i arbete/studier (66 av 78 avslutade)", "god"),
    "START": ("40 deltagare, 20 nya. 50 % i arbete/studier.", "61 deltagare, 21 nya 67 % till arbete/studier (14 av 21)", "mycket_god"),
    "Ungdomsprojektet i Salem": ("30 deltagare, 33 nya. 55 % i arbete/studier.", "44 deltagare, 34 nya. 78 % i egen försörjning (18 av 23)", "mycket_god"),
    "Möjliggörarna": ("Öka antalet ungdomar i förbundets insatser. Dubbla antalet deltagare i Slussen och UPIS.", "108 deltagare, varav 10 registrerats i Slussen/UPIS.", "god"),
    "MIA-projektet": ("158 deltagare. 30 % till arbete/studier. 40 % till ordinarie arbetsmarknadsinsatser.", "152 deltagare 31 % till arbete/studier (5 av 17) 27 % till ordinarie arbetsmarknadsinsats (4 av 17)", "god"),
}  # fmt: skip

# Typed goals where Bilaga 2 states a number (insats, typ, målvärde).
TYPADE_MAL = [
    ("HälsoSam", Mal.ANTAL_DELTAGARE, 80),
    ("START", Mal.ANTAL_DELTAGARE, 40),
    ("START", Mal.NYA_DELTAGARE, 20),
    ("START", Mal.ANDEL_ARBETE_STUDIER, 50),
    ("Ungdomsprojektet i Salem", Mal.ANTAL_DELTAGARE, 30),
    ("Ungdomsprojektet i Salem", Mal.NYA_DELTAGARE, 33),
    ("Ungdomsprojektet i Salem", Mal.ANDEL_ARBETE_STUDIER, 55),
    ("Slussen", Mal.ANDEL_ARBETE_STUDIER, 60),
    ("MIA-projektet", Mal.ANTAL_DELTAGARE, 158),
    ("MIA-projektet", Mal.ANDEL_ARBETE_STUDIER, 30),
    ("MIA-projektet", Mal.ANDEL_ARBETSSOKANDE, 40),
]

MOJLIGGORARNA_MOTIVERING = (
    "Möjliggörarna är en uppsökande insats: den räknar varje kontakt som lotsats vidare "
    "som ny och avslutad, fler än de som var aktuella vid årets mätning."
)

KON = ("kvinnor", "man", "annat")


def fordela(total: int, vikter: tuple[int, int, int]) -> dict[str, int]:
    """Split ``total`` over the three kön in proportion to ``vikter`` (largest remainder)."""
    summa = sum(vikter) or 1
    exakt = [total * v / summa for v in vikter]
    heltal = [int(x) for x in exakt]
    rest = total - sum(heltal)
    for i in sorted(range(3), key=lambda i: exakt[i] - heltal[i], reverse=True)[:rest]:
        heltal[i] += 1
    return dict(zip(KON, heltal, strict=True))


def fordela_orsaker(
    per_kon: dict[str, int], antal: list[tuple[Avslutsorsak, int]]
) -> dict[int, dict[str, int]]:
    """Hand out exit reasons over the avslutade, kön by kön interleaved, so every kön's
    reasons add up to its avslutade."""
    etiketter = sorted(
        ((i + 0.5) / n, kon) for kon, n in per_kon.items() if n for i in range(n)
    )
    ko = [kon for _, kon in etiketter]
    resultat: dict[int, dict[str, int]] = {}
    pos = 0
    for orsak, n in antal:
        rad = resultat.setdefault(orsak.pk, dict.fromkeys(KON, 0))
        for kon in ko[pos : pos + n]:
            rad[kon] += 1
        pos += n
    return resultat


def build(ctx) -> None:
    forbund = ctx.forbund
    standarddata_seed(forbund=forbund)
    orsaker = {o.namn: o for o in avslutsorsaker_seed(forbund=forbund)}
    insatser: dict[str, Insats] = {}
    for sortering, (
        namn,
        huvudman,
        akt,
        kv,
        man,
        annat,
        nya,
        avsl,
        arbete,
        sokande,
        start,
        slut,
    ) in enumerate(FLODEN, start=1):
        slutdatum = dt.date(slut[0], slut[1], 28) if slut else None
        insats = insats_save(
            forbund=forbund,
            namn=namn,
            sortering=sortering,
            huvudman=ctx.medlemmar[huvudman] if huvudman else None,
            inriktning=Insats.INDIVID,
            status=Insats.AVSLUTAD
            if slutdatum and slutdatum.year <= AR
            else Insats.PAGAENDE,
            startdatum=dt.date(start[0], start[1], 1),
            slutdatum=slutdatum,
            avslutsutfall_redovisas=arbete is not None,
            malgrupp="Personer i behov av samordnade rehabiliteringsinsatser.",
        )
        insatser[namn] = insats
        vikter = (kv, man, annat)
        avsl_kon = fordela(avsl, vikter)
        nya_kon = fordela(nya, vikter)
        fordelning: list[tuple[Avslutsorsak, int]] = []
        if arbete is not None:
            fordelning.append((orsaker["Arbete"], arbete))
        if sokande is not None:
            fordelning.append((orsaker["Arbetssökande"], sokande))
        ovrigt = avsl - (arbete or 0) - (sokande or 0)
        fordelning.append(
            (
                orsaker["Ordinarie insats" if arbete is None else "Känd annan orsak"],
                ovrigt,
            )
        )
        siffror = {
            "aktuella_totalt": akt,
            "aktuella_kvinnor": kv,
            "aktuella_man": man,
            "aktuella_annat": annat,
            "nya_totalt": nya,
            **{f"nya_{k}": v for k, v in nya_kon.items()},
            "avslutade_totalt": avsl,
            **{f"avslutade_{k}": v for k, v in avsl_kon.items()},
        }
        rapport = periodrapport_save(
            insats=insats,
            ar=AR,
            period=Periodrapport.HELAR,
            siffror=siffror,
            avslut=fordela_orsaker(avsl_kon, fordelning),
        )
        # Through the same rules as any report: Möjliggörarna's deviation is accepted by
        # the kansli with a reason, then every report is submitted and approved.
        kansli = ctx.users["kansli"]
        if namn == "Möjliggörarna":
            periodrapport_accept_deviation(
                rapport=rapport,
                user=kansli,
                koder=["avslutade_over_aktuella", "nya_over_aktuella"],
                motivering=MOJLIGGORARNA_MOTIVERING,
            )
        periodrapport_submit(rapport=rapport, user=kansli)
        periodrapport_approve(rapport=rapport, user=kansli)
        mal, resultat, bedomning = BILAGA2[namn]
        mal_save(
            insats=insats,
            ar=AR,
            typ=Mal.FRITEXT,
            beskrivning=mal,
            resultat_text=resultat,
            bedomning=bedomning,
        )
    for i, (namn, typ, varde) in enumerate(TYPADE_MAL, start=1):
        mal_save(insats=insatser[namn], ar=AR, typ=typ, malvarde=varde, ordning=i)
    unika_deltagare_save(forbund=forbund, ar=AR, antal=UNIKA_2017)
    # Seed 004, 1.3.3: the förbund's own goals for 2017 (624 individer, 39 % arbete/studier).
    for typ, beskrivning, varde in [
        (
            ForbundsMal.UNIKA,
            "Finansierade insatser når sammanlagt ut till 500 individer.",
            500,
        ),
        (
            ForbundsMal.ANDEL_ARBETE_STUDIER,
            "30 % av deltagarna i finansierade insatser arbetar/studerar vid avslut.",
            30,
        ),
    ]:
        ForbundsMal.objects.create(
            forbund=forbund,
            ar=AR,
            typ=typ,
            beskrivning=beskrivning,
            malvarde=varde,
            bedomning="mycket_god",
        )
    build_struktur(ctx)

    # The insatsrapportör reports for START; its tertial 1 report of 2018 awaits review.
    start_insats = insatser["START"]
    if "rapportor" in ctx.users:
        insatsrapportor_add(insats=start_insats, user=ctx.users["rapportor"])
    t1 = periodrapport_save(
        insats=start_insats,
        ar=2018,
        period=Periodrapport.T1,
        siffror={
            "aktuella_totalt": 30,
            "aktuella_kvinnor": 12,
            "aktuella_man": 18,
            "nya_totalt": 8,
            "nya_kvinnor": 3,
            "nya_man": 5,
            "avslutade_totalt": 6,
            "avslutade_kvinnor": 2,
            "avslutade_man": 4,
        },
        avslut={
            orsaker["Arbete"].pk: {"kvinnor": 1, "man": 2},
            orsaker["Arbetssökande"].pk: {"kvinnor": 1, "man": 2},
        },
        berattelse="Tertialet har gått enligt plan.",
    )
    periodrapport_submit(
        rapport=t1, user=ctx.users.get("rapportor") or ctx.users["kansli"]
    )


# Seed 004, 1.3.2.4: seven frukostmöten (70-160 each) and one utbildningsdag (about 30),
# about 760 in all. The split over dates and meetings is invented.
FRUKOSTMOTEN = [
    (dt.date(2017, 2, 10), "Psykisk hälsa och arbetslivet", 95),
    (dt.date(2017, 3, 17), "Psykiatrins uppdrag i Södertörn", 160),
    (dt.date(2017, 4, 21), "Försäkringskassans nya arbetssätt", 110),
    (dt.date(2017, 5, 19), "Unga som varken arbetar eller studerar", 100),
    (dt.date(2017, 9, 22), "Arbetsförmedlingens uppdrag", 70),
    (dt.date(2017, 10, 20), "Ångest och depression hos unga vuxna", 105),
    (dt.date(2017, 11, 17), "Samverkan kring sjukskrivning", 90),
]


def build_struktur(ctx) -> None:
    forbund = ctx.forbund
    Strukturaktivitet.objects.bulk_create(
        [
            Strukturaktivitet(
                forbund=forbund, datum=datum, typ="frukostmote", tema=tema, deltagare=n
            )
            for datum, tema, n in FRUKOSTMOTEN
        ]
        + [
            Strukturaktivitet(
                forbund=forbund,
                datum=dt.date(2017, 4, 6),
                typ="utbildning",
                tema="Myndighetsgemensam utbildningsdag om parternas uppdrag",
                deltagare=30,
            )
        ]
    )
    # Seed 004: in the 2017 pilot, 60 % of personal, styrelse and chefer answered that the
    # förbund has structures for relations between the actors (per-group split invented).
    fraga = "Har ni strukturer för att initiera, upprätthålla och underhålla relationer"
    for grupp, antal in [
        (Indikatorfraga.PERSONAL, 38),
        (Indikatorfraga.STYRELSE, 9),
        (Indikatorfraga.CHEFSGRUPP, 13),
    ]:
        for f in Indikatorfraga.objects.for_forbund(forbund).filter(
            grupp=grupp, text__startswith=fraga
        ):
            Indikatorresultat.objects.create(
                fraga=f,
                ar=AR,
                andel_positiva=60,
                andel_negativa=10,
                antal_svar=antal,
            )
