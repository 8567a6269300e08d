"""Demo data: the board meeting of 23 March 2018 (seed 004, §§ 1-11) with invented names,
justerat and on the anslagstavla, and a later meeting in draft with a comment.

No dependency on today's date; works for several förbund in one database.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from finsam import dokumentfiler
from finsam.models import Uppdrag
from styrelse import demo_2018_03_23, services
from styrelse.models import Kommentar, Narvaro

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
    paragrafer = demo_2018_03_23.paragrafer(
        ctx, just, a_ars, a_nns, a_medlemssamrad, a_pu, a_halsosam
    )
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
    for key in ("botkyrka_ers", "sll_ers"):
        services.narvaro_add(sammantrade=s, person=p[key], roll=Narvaro.ERSATTARE)
    # Övriga närvarande as in the seed: the kansli, the invited evaluators and the
    # project leader (people outside the board are created here, names invented).
    for person, funktion, fran, till in [
        (p["chef"], "förbundschef, samordningsförbundet", None, None),
        (p["utvecklingsledare"], "utvecklingsledare, samordningsförbundet", None, None),
        (
            demo_2018_03_23.gast(ctx, "projektledare"),
            "projektledare, Ungdomsprojektet i Salem och Möjliggörarna",
            3,
            3,
        ),
        (
            demo_2018_03_23.gast(ctx, "utvarderare1"),
            f"utvärderare, {demo_2018_03_23.AKADEMIN}",
            3,
            3,
        ),
        (
            demo_2018_03_23.gast(ctx, "utvarderare2"),
            f"utvärderare, {demo_2018_03_23.AKADEMIN}",
            3,
            3,
        ),
        (
            demo_2018_03_23.gast(ctx, "utvarderare3"),
            f"utvärderare, {demo_2018_03_23.AKADEMIN}",
            3,
            3,
        ),
        (
            demo_2018_03_23.gast(ctx, "ekonom"),
            "ekonom, samordningsförbundet",
            None,
            None,
        ),
        (p["administrator"], "sekreterare, samordningsförbundet", None, None),
    ]:
        services.narvaro_add(
            sammantrade=s,
            person=person,
            roll=Narvaro.OVRIG,
            funktion=funktion,
            fran_paragraf=fran,
            till_paragraf=till,
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
