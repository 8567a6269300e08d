"""Demo data: the board meeting of 23 March 2018 (seed 004, §§ 1-11) with invented names,
justerat and on the anslagstavla, and the May 2018 meeting after it; then this year's
meetings relative to the day the demo is built: those held earlier in the year justerade
and anslagna, the one held last month waiting for justering, a recent extra meeting whose
protocol is being written, the next meeting called and next year's plan.

Works for several förbund in one database.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from finsam import dokumentfiler
from finsam.demo import today
from finsam.models import Uppdrag
from styrelse import demo_2018_03_23, selectors, services
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
        sammantrade=s,
        user=ctx.users["ordforande"],
        sedd_hash=selectors.protokoll_hash(s),
        nar=_tid(2018, 3, 28, 10),
    )
    services.sammantrade_justera(
        sammantrade=s,
        user=ctx.users["justerare"],
        sedd_hash=selectors.protokoll_hash(s),
        nar=_tid(2018, 3, 28, 11),
    )
    services.anslag_publicera(sammantrade=s, uppsatt=dt.date(2018, 3, 29))
    # The protocol as a file rendered in the background (the worker of `make run`),
    # queued when the demo's transaction commits: tests roll their demo back and so
    # lay out no PDF they do not ask for.
    dokumentfiler.begar(forbund, "protokoll", str(s.pk), efter_commit=True)

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
        justerare=just,
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
    # The kansli added the prognos; the comment is resolved and the protocol justerat.
    services.paragraf_update(
        paragraf=delar,
        sammanfattning="Förbundet redovisar utfallet för årets fyra första månader "
        "och en prognos för helåret.",
    )
    services.kommentar_losa(kommentar=kommentar)
    _justera(ctx, utkast, dt.date(2018, 6, 1))
    services.anslag_publicera(sammantrade=utkast, uppsatt=dt.date(2018, 6, 4))
    build_i_dag(ctx, organ)


def _justera(ctx, sammantrade, datum: dt.date) -> None:
    for i, namn in enumerate(["ordforande", "justerare"]):
        services.sammantrade_justera(
            sammantrade=sammantrade,
            user=ctx.users[namn],
            sedd_hash=selectors.protokoll_hash(sammantrade),
            nar=_tid(datum.year, datum.month, datum.day, 10 + i),
        )


def _vardag_fore(datum: dt.date) -> dt.date:
    while datum.weekday() >= 5:
        datum -= dt.timedelta(days=1)
    return datum


def _torsdag(ar: int, manad: int, vecka: int = 3) -> dt.date:
    """The ``vecka``:th Thursday of the month, the board's usual day."""
    forsta = dt.date(ar, manad, 1)
    return forsta + dt.timedelta(days=(3 - forsta.weekday()) % 7 + 7 * (vecka - 1))


# The sammanträdesplan's months and what each meeting usually handles ({ar}: its year).
PLAN = {
    2: ["Uppföljning av den interna kontrollen {fg}", "Fördelning av medel till insatser {ar}"],
    3: ["Årsredovisning {fg}"],
    5: ["Uppföljning av insatsernas rapporter, tertial 1 {ar}"],
    9: ["Delårsrapport januari–augusti {ar}", "Plan för medlemssamråd inför {nasta}"],
    11: ["Mål, budget och verksamhetsplan {nasta}", "Medlemsavgifter {nasta}", "Sammanträdesplan {nasta}"],
}  # fmt: skip
EXTRA = ["Upphandling av extern utvärdering av Jobbspåret"]
NASTA = ["Uppföljning av insatsernas rapporter, tertial 2 {ar}", "Internkontrollplan {nasta}"]  # fmt: skip
PLATS = "Förbundets kansli, Huddinge"


def _arenden(forbund, rubriker: list[str], ar: int) -> list:
    return [
        services.arende_create(
            forbund=forbund,
            ar=ar,
            rubrik=r.format(ar=ar, fg=ar - 1, nasta=ar + 1),
            forslag_till_beslut="Styrelsen beslutar enligt förbundschefens förslag.",
        )
        for r in rubriker
    ]


def _mote(ctx, organ, datum: dt.date, rubriker: list[str], plats=PLATS, **fields):
    p = ctx.personer
    return services.sammantrade_create(
        organ=organ,
        datum=datum,
        tid_start=dt.time(8, 30),
        tid_slut=dt.time(11, 0),
        plats=plats,
        ordforande=ctx.users["ordforande"].person,
        justerare=ctx.users["justerare"].person,
        sekreterare=p["administrator"],
        arenden=_arenden(ctx.forbund, rubriker, datum.year),
        **fields,
    )


def _skriv_protokoll(ctx, sammantrade) -> None:
    """Attendance (the board of the day, and the kansli) and a decision in every §."""
    just = sammantrade.justerare
    beslut = {
        Paragraf.JUSTERARE: f"Styrelsen beslutar att utse {just.namn_med_parti} att "
        "jämte ordföranden justera dagens protokoll.",
        Paragraf.DAGORDNING: "Styrelsen beslutar att godkänna dagordningen.",
        Paragraf.ANMALNINGSARENDEN: "Styrelsen beslutar att lägga handlingarna till "
        "handlingarna.",
        Paragraf.DELEGATIONSBESLUT: "Styrelsen beslutar att lägga anmälan av "
        "delegationsbeslut till handlingarna.",
        Paragraf.INFORMATION: "Styrelsen beslutar att lägga informationen till "
        "handlingarna.",
        Paragraf.OVRIGA: "Inga övriga frågor anmäldes.",
    }
    for paragraf in sammantrade.paragrafer.select_related("arende"):
        if paragraf.beslut:  # written by the caller for this meeting
            continue
        text = beslut.get(
            paragraf.typ,
            "Styrelsen beslutar att godkänna förbundschefens förslag.",
        )
        services.paragraf_update(paragraf=paragraf, beslut=text)
    ordf_id = sammantrade.ordforande_id
    for u in (
        Uppdrag.objects.pa_datum(sammantrade.datum)
        .filter(forbund=ctx.forbund, typ=Uppdrag.LEDAMOT)
        .select_related("person")
        .order_by("ordning", "id")
    ):
        services.narvaro_add(
            sammantrade=sammantrade,
            person=u.person,
            roll=Narvaro.LEDAMOT,
            funktion="ordförande" if u.person_id == ordf_id else "",
        )
    services.narvaro_add(
        sammantrade=sammantrade,
        person=ctx.personer["chef"],
        roll=Narvaro.OVRIG,
        funktion="förbundschef",
    )
    services.narvaro_add(
        sammantrade=sammantrade,
        person=ctx.personer["administrator"],
        roll=Narvaro.OVRIG,
        funktion="sekreterare",
    )


def protokoll_justerat(ctx, sammantrade) -> None:
    """A meeting's protocol written, published as a draft the same day, justerat a
    week later by the ordförande and the justerare and put up on the anslagstavla."""
    datum = sammantrade.datum
    _skriv_protokoll(ctx, sammantrade)
    services.utkast_publicera(
        sammantrade=sammantrade, nar=_tid(datum.year, datum.month, datum.day, 16)
    )
    _justera(ctx, sammantrade, datum + dt.timedelta(days=7))
    services.anslag_publicera(
        sammantrade=sammantrade, uppsatt=datum + dt.timedelta(days=8)
    )


def build_i_dag(ctx, organ, plats: str = PLATS) -> None:
    """This year's meetings around the day the demo is built."""
    idag = today()
    holls = _vardag_fore(idag - dt.timedelta(days=9))  # held last month
    extra = _vardag_fore(idag - dt.timedelta(days=2))  # protocol being written
    nasta = _torsdag(idag.year, idag.month, 1)
    while nasta < idag + dt.timedelta(days=6):
        nasta += dt.timedelta(days=7)
    plan = [
        (_torsdag(ar, manad), rubriker)
        for ar in (idag.year, idag.year + 1)
        for manad, rubriker in PLAN.items()
    ]
    for datum, rubriker in plan:
        if datum.year == idag.year and datum < holls - dt.timedelta(days=21):
            protokoll_justerat(ctx, _mote(ctx, organ, datum, rubriker, plats=plats))
    # Held last month: the protocol is published as a draft and waits for justering.
    rubriker = PLAN.get(holls.month, PLAN[11])
    s = _mote(ctx, organ, holls, rubriker, plats=plats)
    _skriv_protokoll(ctx, s)
    services.kallelse_markera_skickad(
        sammantrade=s,
        nar=_tid(holls.year, holls.month, holls.day, 9) - dt.timedelta(days=8),
    )
    publicerat = idag - dt.timedelta(days=4)
    services.utkast_publicera(
        sammantrade=s, nar=_tid(publicerat.year, publicerat.month, publicerat.day, 9)
    )
    # An extra meeting two days ago: the secretary is writing its protocol.
    s = _mote(ctx, organ, extra, EXTRA, plats=plats)
    _skriv_protokoll(ctx, s)
    services.sammantrade_genomfort(sammantrade=s, idag=idag)
    # The next meeting: called yesterday with its föredragningslista.
    s = _mote(ctx, organ, nasta, NASTA, plats=plats)
    igar = idag - dt.timedelta(days=1)
    services.kallelse_markera_skickad(
        sammantrade=s, nar=_tid(igar.year, igar.month, igar.day, 15)
    )
    # The rest of the sammanträdesplan: planned, agenda still to come.
    for datum, _rubriker in plan:
        if datum > nasta + dt.timedelta(days=14):
            services.sammantrade_create(
                organ=organ,
                datum=datum,
                tid_start=dt.time(8, 30),
                plats=plats,
                standardpunkter=False,
            )


OS_PLATS = "Förbundets kansli, Haninge"


def build_ostra_sodertorn(ctx) -> None:
    """Östra Södertörn's board meets this year too (its sammanträdesplan as above)."""
    build_i_dag(ctx, services.organ_styrelse(forbund=ctx.forbund), plats=OS_PLATS)
