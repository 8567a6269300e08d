"""Demo data: the board meeting of 23 March 2018 (seed 004, §§ 1-11) with invented names,
justerat and on the anslagstavla, and a later meeting in draft with a comment.

No dependency on today's date; works for several förbund in one database.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from finsam import dokumentfiler
from finsam.models import Uppdrag
from styrelse import services
from styrelse.models import Kommentar, Narvaro, Paragraf

TZ = ZoneInfo("Europe/Stockholm")


def _tid(y: int, m: int, d: int, h: int, mi: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, h, mi, tzinfo=TZ)


def build(ctx) -> None:
    forbund = ctx.forbund
    p = ctx.personer
    organ = services.organ_styrelse(forbund=forbund)
    ordf = ctx.users["ordforande"].person
    just = ctx.users["justerare"].person

    def arende(lopnummer: int, rubrik: str, **fields):
        return services.arende_create(
            forbund=forbund, ar=2018, lopnummer=lopnummer, rubrik=rubrik, **fields
        )

    medlemmar = (
        "Medlemmarna: Arbetsförmedlingen, Försäkringskassan, Stockholms läns landsting, "
        "Botkyrka kommun, Huddinge kommun och Salems kommun."
    )
    a_medlemssamrad = arende(11, "Plan för medlemssamråd 2018")
    a_ars = arende(
        18,
        "Årsredovisning 2017",
        forslag_till_beslut="Styrelsen godkänner årsredovisningen 2017 och överlämnar den till medlemmarna.",
        delges=f"Samordningsförbundets revisorer\n{medlemmar}",
    )
    services.bilaga_create(
        arende=a_ars,
        namn="Maluppfyllelse 2017.txt",
        innehall="Sammanställning av måluppfyllelse 2017 (demo).\n".encode(),
    )
    a_nns = arende(
        20,
        "Representation vid årsmöte för Nationella Nätverket för Samordningsförbund (NNS)",
    )
    a_pu = arende(
        21,
        "Inventering av hur förbundet och finansierade insatser hanterar personuppgifter",
    )
    a_halsosam = arende(22, "Extern utvärdering av Hälsosam")

    s = services.sammantrade_create(
        organ=organ,
        datum=dt.date(2018, 3, 23),
        tid_start=dt.time(8, 30),
        tid_slut=dt.time(10, 15),
        plats="Förbundets kansli, Huddinge",
        ordforande=ordf,
        justerare=just,
        sekreterare=p["administrator"],
        justering_plats="Förbundets kansli, Huddinge",
        standardpunkter=False,
    )
    ordf_namn = ordf.namn_med_parti
    paragrafer = [
        (
            Paragraf.JUSTERARE,
            "Val av justerare",
            None,
            {
                "beslut": f"Styrelsen beslutar att utse {just.namn_med_parti} att jämte ordförande {ordf_namn} justera dagens protokoll."
            },
        ),
        (
            Paragraf.DAGORDNING,
            "Godkännande av föredragningslistan",
            None,
            {
                "beslut": "Styrelsen beslutar att godkänna föredragningslistan med tillägg av två nya anmälningsärenden."
            },
        ),
        (
            Paragraf.INFORMATION,
            "Information: externa utvärderingar av Ungdomsprojektet i Salem och Möjliggörarna",
            None,
            {
                "sammanfattning": "Utvärderarna informerar om projektens syfte, målgrupp, resultat och slutsatser.",
                "overlaggning": f"Under informationen yttrar sig {ordf_namn}, {p['vice2'].namn_med_parti} och {p['chef'].namn}, förbundschef.",
            },
        ),
        (
            Paragraf.ARENDE,
            a_ars.rubrik,
            a_ars,
            {
                "beslut": "1. Styrelsen beslutar att godkänna årsredovisningen för förbundet med finansiella delar.\n2. Styrelsen beslutar att överlämna årsredovisningen till sina medlemmar.",
                "sammanfattning": "Det ekonomiska resultatet 2017 blev ett underskott på 362 000 kronor som balanseras mot föregående års överskott.",
                "overlaggning": f"I ärendet yttrar sig {ordf_namn}, {just.namn_med_parti} och {p['chef'].namn}, förbundschef.",
            },
        ),
        (
            Paragraf.ARENDE,
            a_nns.rubrik,
            a_nns,
            {
                "beslut": f"Styrelsen beslutar att utse {ordf.namn} att representera förbundet vid NNS årsmöte den 17 april 2018."
            },
        ),
        (
            Paragraf.ARENDE,
            a_medlemssamrad.rubrik,
            a_medlemssamrad,
            {
                "beslut": "Styrelsen beslutar att godkänna förslaget till genomförande av medlemssamråd.",
                "delges": "Förbundets revisorer",
            },
        ),
        (
            Paragraf.ARENDE,
            a_pu.rubrik,
            a_pu,
            {
                "beslut": "Styrelsen beslutar att ge förbundschefen i uppdrag att leda inventeringen av personuppgiftshanteringen och erbjuda finansierade insatser stöd."
            },
        ),
        (
            Paragraf.ARENDE,
            a_halsosam.rubrik,
            a_halsosam,
            {
                "beslut": "1. Styrelsen beslutar att avsätta upp till 150 000 kronor till extern utvärdering av Hälsosam.\n2. Styrelsen uppdrar åt förbundschefen att genomföra en direktupphandling.",
                "delges": "Förbundets revisorer",
            },
        ),
        (
            Paragraf.ANMALNINGSARENDEN,
            "Anmälningsärenden",
            None,
            {
                "beslut": "Styrelsen beslutar att till protokollet anteckna nedanstående handlingar:",
                "handlingar": "Protokoll, förbundsstyrelsen den 2 februari 2018.\n"
                "Beredningsgruppens minnesanteckningar den 9 mars 2018.\n"
                "Protokoll från NNS sammanträde 2018-01-24.\n"
                "Protokoll från NNS sammanträde 2018-03-09.\n"
                "Nationella rådets rekommendation om styrelsemöten på distans, daterad 2018-02-12.\n"
                "Utredning SKL och den finansiella samordningen, dnr 17/01798.",
            },
        ),
        (
            Paragraf.INFORMATION,
            "Informationsärenden",
            None,
            {
                "sammanfattning": f"{p['chef'].namn}, förbundschef, informerar om indikatormätningen hösten 2017 och om starten av Supported Education-projektet."
            },
        ),
        (
            Paragraf.OVRIGA,
            "Övriga frågor",
            None,
            {"beslut": "Ingen övrig fråga anmäldes."},
        ),
    ]
    for i, (typ, rubrik, arende_obj, fields) in enumerate(paragrafer, start=1):
        services.paragraf_add(
            sammantrade=s,
            typ=typ,
            rubrik=rubrik,
            arende=arende_obj,
            ordning=i * 10,
            **fields,
        )

    ledamoter = Uppdrag.objects.pa_datum(s.datum).filter(
        forbund=forbund, typ=Uppdrag.LEDAMOT
    )
    for u in ledamoter.select_related("person").order_by("ordning", "id"):
        funktion = "ordförande" if u.person_id == ordf.pk else ""
        services.narvaro_add(
            sammantrade=s, person=u.person, roll=Narvaro.LEDAMOT, funktion=funktion
        )
    services.narvaro_add(
        sammantrade=s, person=p["botkyrka_ers"], roll=Narvaro.ERSATTARE
    )
    services.narvaro_add(sammantrade=s, person=p["sll_ers"], roll=Narvaro.ERSATTARE)
    services.narvaro_add(
        sammantrade=s, person=p["chef"], roll=Narvaro.OVRIG, funktion="förbundschef"
    )
    services.narvaro_add(
        sammantrade=s,
        person=p["utvecklingsledare"],
        roll=Narvaro.OVRIG,
        funktion="utvecklingsledare",
        fran_paragraf=3,
        till_paragraf=10,
    )
    services.narvaro_add(
        sammantrade=s,
        person=p["administrator"],
        roll=Narvaro.OVRIG,
        funktion="sekreterare",
    )

    services.utkast_publicera(sammantrade=s, nar=_tid(2018, 3, 26, 9))
    services.sammantrade_justera(
        sammantrade=s, user=ctx.users["ordforande"], nar=_tid(2018, 3, 28, 10)
    )
    services.sammantrade_justera(
        sammantrade=s, user=ctx.users["justerare"], nar=_tid(2018, 3, 28, 11)
    )
    services.anslag_publicera(sammantrade=s, uppsatt=dt.date(2018, 3, 29))
    # The protocol as a file rendered in the background (the worker of `make run`).
    dokumentfiler.begar(forbund, "protokoll", str(s.pk))

    # A later meeting, protocol in draft with a board member's comment.
    a_delar = services.arende_create(
        forbund=forbund,
        ar=2018,
        rubrik="Delårsrapport januari–april 2018",
        forslag_till_beslut="Styrelsen godkänner delårsrapporten.",
    )
    upphandling = services.delegationspunkt_create(
        forbund=forbund,
        arendetyp="Direktupphandling under 100 000 kr",
        delegat="Förbundschef",
        lagrum="LOU 19 kap. 12 §",
        ordning=1,
    )
    services.delegationspunkt_create(
        forbund=forbund,
        arendetyp="Brådskande ärenden",
        delegat="Ordförande",
        lagrum="KL 6 kap. 39 §",
        ordning=2,
    )
    services.delegationspunkt_create(
        forbund=forbund,
        arendetyp="Attest av fakturor inom budget",
        delegat="Förbundschef",
        anmalas=False,
        ordning=3,
    )
    services.delegationsbeslut_create(
        forbund=forbund,
        delegationspunkt=upphandling,
        datum=dt.date(2018, 4, 16),
        beslut="Upphandling av extern utvärdering av Hälsosam",
        diarienummer=a_halsosam.diarienummer,
    )
    utkast = services.sammantrade_create(
        organ=organ,
        datum=dt.date(2018, 5, 25),
        tid_start=dt.time(8, 30),
        tid_slut=dt.time(11, 0),
        plats="Förbundets kansli, Huddinge",
        ordforande=ordf,
        justerare=p["vice2"],
        sekreterare=p["administrator"],
        arenden=[a_delar],
    )
    for u in ledamoter.select_related("person").order_by("ordning", "id"):
        services.narvaro_add(sammantrade=utkast, person=u.person, roll=Narvaro.LEDAMOT)
    delar = utkast.paragrafer.get(arende=a_delar)
    services.paragraf_update(
        paragraf=delar,
        sammanfattning="Förbundet redovisar utfallet för årets fyra första månader.",
        beslut="Styrelsen beslutar att godkänna delårsrapporten.",
    )
    services.utkast_publicera(sammantrade=utkast, nar=_tid(2018, 5, 28, 9))
    kommentar = services.kommentar_create(
        paragraf=delar,
        user=ctx.users["styrelse"],
        text="Kan vi lägga till prognosen för helåret i sammanfattningen?",
    )
    # Dated like the rest of the demo, not by the day it is built.
    Kommentar.objects.filter(pk=kommentar.pk).update(skapad=_tid(2018, 5, 29, 14, 12))
