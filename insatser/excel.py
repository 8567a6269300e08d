"""The period report as an Excel template, and its upload: all or nothing, every bad row
named in Swedish."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook
from openpyxl.styles import Font

from finsam import xlsx
from finsam.validators import MAX_ANTAL
from insatser.models import Avslutsorsak, Periodrapport, PeriodrapportAvslut
from insatser.services import (
    FLODEN,
    KON,
    periodrapport_save,
    rapport_avvikelser,
)

BLAD = "Rapport"
KOLUMNER = ["Rad", "Totalt", "Kvinnor", "Män", "Annat/ej angivet"]
FLODESRADER = {f"{rubrik} deltagare": flode for flode, rubrik in FLODEN}
AVSLUT_PREFIX = "Avslutsorsak: "
BERATTELSE = "Berättelse"
KONSULTATIONER = "Konsultationer"
UPPFOLJDA = "Följda upp 12 månader efter avslut"
EGEN_FORSORJNING = "Varav med egen försörjning"


def rapport_template(rapport: Periodrapport, orsaker: list[Avslutsorsak]) -> bytes:
    """The report's workbook, filled with what is saved so far."""
    wb = Workbook()
    ws = wb.active
    ws.title = BLAD
    ws.append([f"{rapport.insats.namn}, {rapport.get_period_display()} {rapport.ar}"])
    ws.append(
        [
            "Ange antal hittills i år. Inga personuppgifter. Ändra inte texten i kolumn A."
        ]
    )
    ws.append(KOLUMNER)
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for rubrik, flode in FLODESRADER.items():
        ws.append(
            [rubrik, getattr(rapport, f"{flode}_totalt")]
            + [getattr(rapport, f"{flode}_{kon}") for kon, _ in KON]
        )
    sparade = {r.avslutsorsak_id: r for r in rapport.avslut.all()} if rapport.pk else {}
    for orsak in orsaker:
        rad = sparade.get(orsak.pk)
        ws.append(
            [f"{AVSLUT_PREFIX}{orsak.namn}", None]
            + [getattr(rad, kon) if rad else 0 for kon, _ in KON]
        )
    ws.append(
        [KONSULTATIONER, None]
        + [getattr(rapport, f"konsultationer_{kon}") for kon, _ in KON]
    )
    ws.append([UPPFOLJDA, rapport.uppfoljda_12m])
    ws.append([EGEN_FORSORJNING, rapport.egen_forsorjning_12m])
    ws.append([BERATTELSE, rapport.berattelse])
    ws.column_dimensions["A"].width = 45
    return xlsx.spara(wb)


@dataclass
class Import:
    siffror: dict[str, int | None] = field(default_factory=dict)
    avslut: dict[int, dict[str, int]] = field(default_factory=dict)
    berattelse: str = ""
    fel: list[str] = field(default_factory=xlsx.Fellista)


# More participants than any insats has; keeps a count inside the database's integer.
ANTAL_GRANS = Decimal(MAX_ANTAL)


def _antal(value, radnr: int, kolumn: str, fel: list[str]) -> int:
    if value in (None, ""):
        return 0
    tal = xlsx.tal(value, grans=ANTAL_GRANS)
    if tal is None or tal < 0 or tal != tal.to_integral_value():
        fel.append(
            f"Rad {radnr}, kolumn {kolumn}: ”{value}” är inte ett antal "
            "(ett heltal, 0 eller mer)."
        )
        return 0
    return int(tal)


def parse_rapport(data: bytes, orsaker: list[Avslutsorsak]) -> Import:
    result = Import()
    try:
        wb = xlsx.arbetsbok_las(data)
        if BLAD not in wb.sheetnames:
            result.fel.append(f"Filen saknar bladet ”{BLAD}”: använd mallen.")
            return result
        _parse_rader(result, xlsx.rader(wb[BLAD], fel=result.fel, max_col=5), orsaker)
    except ValidationError as exc:
        result.fel.extend(exc.messages)
    return result


def _parse_rader(result: Import, rader, orsaker: list[Avslutsorsak]) -> None:
    per_namn = {o.namn: o for o in orsaker}
    sedda: set[str] = set()
    for radnr, row in rader:
        if radnr <= 3 or not row or row[0] in (None, ""):
            continue
        rubrik = str(row[0]).strip()
        celler = list(row[1:5]) + [None] * (4 - len(row[1:5]))
        if rubrik in sedda:
            result.fel.append(
                f"Rad {radnr}: ”{rubrik}” finns redan på en tidigare rad."
            )
            continue
        sedda.add(rubrik)
        if rubrik in FLODESRADER:
            flode = FLODESRADER[rubrik]
            for kol, suffix in zip(
                KOLUMNER[1:], ["totalt"] + [k for k, _ in KON], strict=True
            ):
                result.siffror[f"{flode}_{suffix}"] = _antal(
                    celler[KOLUMNER.index(kol) - 1], radnr, kol, result.fel
                )
        elif rubrik.startswith(AVSLUT_PREFIX):
            namn = rubrik[len(AVSLUT_PREFIX) :]
            if namn not in per_namn:
                result.fel.append(f"Rad {radnr}: okänd avslutsorsak ”{namn}”.")
                continue
            result.avslut[per_namn[namn].pk] = {
                kon: _antal(celler[i + 1], radnr, KOLUMNER[i + 2], result.fel)
                for i, (kon, _) in enumerate(KON)
            }
        elif rubrik == KONSULTATIONER:
            for i, (kon, _) in enumerate(KON):
                result.siffror[f"konsultationer_{kon}"] = _antal(
                    celler[i + 1], radnr, KOLUMNER[i + 2], result.fel
                )
        elif rubrik in (UPPFOLJDA, EGEN_FORSORJNING):
            falt = "uppfoljda_12m" if rubrik == UPPFOLJDA else "egen_forsorjning_12m"
            result.siffror[falt] = (
                None
                if celler[0] in (None, "")
                else _antal(celler[0], radnr, KOLUMNER[1], result.fel)
            )
        elif rubrik == BERATTELSE:
            result.berattelse = "" if celler[0] is None else str(celler[0])
        else:
            result.fel.append(f"Rad {radnr}: okänd rad ”{rubrik}”.")
    for rubrik in FLODESRADER:
        if rubrik not in sedda:
            result.fel.append(f"Raden ”{rubrik}” saknas.")


RAD_FOR_FALT = {
    **{flode: f"{rubrik} deltagare" for flode, rubrik in FLODEN},
    "egen": EGEN_FORSORJNING,
}


def import_rapport(
    *, rapport: Periodrapport, data: bytes, orsaker: list[Avslutsorsak]
) -> list[str]:
    """Read an uploaded report into the draft. Returns the errors; with any error nothing
    is saved (neither a bad cell nor a figure that breaks the report's rules)."""
    if not rapport.kan_andras:
        return ["Rapporten är inlämnad och kan inte ändras."]
    parsed = parse_rapport(data, orsaker)
    if parsed.fel:
        return parsed.fel
    prov = Periodrapport(
        pk=rapport.pk,
        insats=rapport.insats,
        ar=rapport.ar,
        period=rapport.period,
        **parsed.siffror,
    )
    rader = [
        PeriodrapportAvslut(avslutsorsak_id=k, **v) for k, v in parsed.avslut.items()
    ]
    godkanda = set(rapport.avvikelse_koder or [])
    fel = [
        f"Raden ”{RAD_FOR_FALT[a.falt.split('_')[0]]}”: {a.meddelande}"
        for a in rapport_avvikelser(prov, avslut=rader)
        if a.kod not in godkanda
    ]
    if fel:
        return xlsx.begransa(fel)
    try:
        with transaction.atomic():
            periodrapport_save(
                insats=rapport.insats,
                ar=rapport.ar,
                period=rapport.period,
                siffror=parsed.siffror,
                avslut=parsed.avslut,
                berattelse=parsed.berattelse,
                rapport=rapport,
            )
    except ValidationError as exc:
        return [f"Berättelsen: {m}" for m in exc.messages]
    return []


def _rubrik(ws, rad: list) -> None:
    ws.append(rad)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)


def statistik_workbook(forbund, ar: int) -> bytes:
    """The statistics page as a workbook: the flow summary, exit reasons, categories."""
    from insatser.management.commands.deltagarstatistik import KOLUMNER
    from insatser.selectors import (
        KATEGORI_RUBRIKER,
        flodessammanfattning,
        statistik_detaljer,
    )

    rader, total, unika = flodessammanfattning(forbund=forbund, ar=ar)
    detaljer = statistik_detaljer(forbund=forbund, ar=ar)
    wb = Workbook()
    ws = wb.active
    ws.title = "Deltagarflöden"
    ws.append([f"Sammanfattning av deltagarflöden i finansierade insatser {ar}"])
    _rubrik(ws, KOLUMNER + ["Godkänd avvikelse"])
    for r in [*rader, total]:
        utfall: list[str | int | None] = (
            ["ej tillämpligt", "ej tillämpligt"]
            if r.ej_tillampligt
            else [r.arbete_studier, r.arbetssokande]
        )
        ws.append(
            [r.namn, r.aktuella, r.kvinnor, r.man, r.annat, r.nya, r.avslutade]
            + utfall
            + [r.avvikelse]
        )
    ws.append(["Varav unika deltagare", unika])
    ws.column_dimensions["A"].width = 30

    ws = wb.create_sheet("Avslutsorsaker")
    _rubrik(
        ws, ["Avslutsorsak", "Kvinnor", "Män", "Annat/ej angivet", "Totalt", "Andel"]
    )
    for o in detaljer["orsaker"]:
        ws.append(
            [
                o["avslutsorsak__namn"],
                o["kvinnor"],
                o["man"],
                o["annat"],
                o["totalt"],
                o["andel"],
            ]
        )
    ws = wb.create_sheet("Kategorier")
    for nyckel, rubrik in KATEGORI_RUBRIKER:
        _rubrik(ws, [rubrik, "Kvinnor", "Män", "Annat/ej angivet", "Totalt"])
        for r in detaljer["kategorier"].get(nyckel, []):
            ws.append(
                [r["kategori__namn"], r["kvinnor"], r["man"], r["annat"], r["totalt"]]
            )
        ws.append([])
    return xlsx.spara(wb)


UPPFOLJNING_KOLUMNER = [
    "Insats",
    "Inriktning",
    "Målgrupp",
    "Budgeterat antal deltagare",
    "Deltagare kvinnor",
    "Deltagare män",
    "Deltagare annat/ej angivet",
    "Deltagare totalt",
    "Budget (kr)",
    "Utfall (kr)",
]


def uppfoljning_workbook(forbund, ar: int) -> bytes:
    """One sheet with what Uppföljning Finsam asks of the förbund for a year. The money
    columns stay empty until the ekonomi module provides them."""
    from insatser import pengar as pengar_registry
    from insatser.selectors import uppfoljning_finsam

    pengar = pengar_registry.uppfoljning_pengar(forbund, ar)
    wb = Workbook()
    ws = wb.active
    ws.title = "Uppföljning Finsam"
    ws.append([f"Underlag för Uppföljning Finsam {ar}, {forbund.namn}"])
    ws.append(["Förbundet", "Tilldelade medel (kr)", "Eget kapital (kr)"])
    ws.append(["", pengar.tilldelade_medel, pengar.eget_kapital])
    ws.append(["Administration", "Budget (kr)", "Utfall (kr)"])
    ws.append(["", pengar.administration_budget, pengar.administration_utfall])
    for row in (3, 5):
        for col in (2, 3):
            ws.cell(row=row, column=col).number_format = "#,##0"
    ws.append([])
    _rubrik(ws, UPPFOLJNING_KOLUMNER)
    for r in uppfoljning_finsam(forbund=forbund, ar=ar):
        ws.append(
            [
                r.insats.namn,
                r.insats.get_inriktning_display(),
                r.insats.malgrupp,
                r.insats.budgeterade_deltagare,
                r.kvinnor,
                r.man,
                r.annat,
                r.totalt,
                pengar.insatser[r.insats.pk].budget
                if r.insats.pk in pengar.insatser
                else None,
                pengar.insatser[r.insats.pk].utfall
                if r.insats.pk in pengar.insatser
                else None,
            ]
        )
    ws.column_dimensions["A"].width = 30
    return xlsx.spara(wb)


INDIKATOR_KOLUMNER = [
    "Id",
    "Respondentgrupp",
    "Fråga",
    "Kön",
    "Klart positiva (%)",
    "Negativa (%)",
    "Antal svar",
]
KON_NAMN = {"alla": "alla", "kvinnor": "kvinnor", "män": "man"}


def indikator_template(forbund, ar: int) -> bytes:
    from insatser.models import Indikatorfraga, Indikatorresultat

    resultat = {
        (r.fraga_id, r.kon): r
        for r in Indikatorresultat.objects.for_forbund(forbund).filter(ar=ar)
    }
    wb = Workbook()
    ws = wb.active
    ws.title = "Indikatorer"
    _rubrik(ws, INDIKATOR_KOLUMNER)
    for fraga in Indikatorfraga.objects.for_forbund(forbund):
        konen = (
            ["alla", "kvinnor", "män"]
            if fraga.grupp == Indikatorfraga.DELTAGARE
            else ["alla"]
        )
        for kon in konen:
            r = resultat.get((fraga.pk, KON_NAMN[kon]))
            varden: list[float | int | None] = (
                [float(r.andel_positiva), float(r.andel_negativa), r.antal_svar]
                if r
                else [None, None, None]
            )
            ws.append([fraga.pk, fraga.get_grupp_display(), fraga.text, kon, *varden])
    ws.column_dimensions["C"].width = 80
    return xlsx.spara(wb)


def _tal(value, radnr: int, kolumn: str, fel: list[str], hogst=None):
    if value in (None, ""):
        return None
    tal = xlsx.tal(str(value).replace("%", "") if isinstance(value, str) else value)
    if tal is None:
        fel.append(f"Rad {radnr}, kolumn {kolumn}: ”{value}” är inte ett tal.")
        return None
    if hogst is None:
        hogst = ANTAL_GRANS
    if tal < 0 or tal > hogst:
        fel.append(f"Rad {radnr}, kolumn {kolumn}: {value} ligger utanför 0–{hogst}.")
        return None
    return tal.quantize(Decimal("0.1"))


def import_indikatorer(*, forbund, ar: int, data: bytes) -> list[str]:
    """Read the indicator workbook: with any bad row, nothing is saved."""
    from insatser.services import indikatorresultat_save

    try:
        wb = xlsx.arbetsbok_las(data)
    except ValidationError as exc:
        return exc.messages
    if "Indikatorer" not in wb.sheetnames:
        return [
            "Filen kan inte läsas som mallen för indikatorer (.xlsx, bladet "
            "”Indikatorer”)."
        ]
    fel = xlsx.Fellista()
    try:
        varden = _indikator_rader(
            xlsx.rader(wb["Indikatorer"], fel=fel, max_col=7), forbund, fel
        )
    except ValidationError as exc:
        return exc.messages
    if fel:
        return fel
    with transaction.atomic():
        indikatorresultat_save(forbund=forbund, ar=ar, varden=varden)
    return []


def _indikator_rader(rader, forbund, fel: list[str]) -> list:
    from insatser.models import Indikatorfraga

    fragor = {f.pk: f for f in Indikatorfraga.objects.for_forbund(forbund)}
    varden: list = []
    sedda = set()
    for radnr, row in rader:
        if radnr == 1 or not row or all(v in (None, "") for v in row):
            continue
        fraga = fragor.get(row[0]) if isinstance(row[0], int) else None
        if fraga is None:
            fel.append(f"Rad {radnr}: okänd fråga (Id ”{row[0]}”). Använd mallen.")
            continue
        kon = KON_NAMN.get(str(row[3] or "").strip().lower())
        if kon is None:
            fel.append(f"Rad {radnr}: kön ”{row[3]}” ska vara alla, kvinnor eller män.")
            continue
        if (fraga.pk, kon) in sedda:
            fel.append(f"Rad {radnr}: frågan och könet finns redan på en tidigare rad.")
            continue
        sedda.add((fraga.pk, kon))
        pos = _tal(row[4], radnr, INDIKATOR_KOLUMNER[4], fel, 100)
        neg = _tal(row[5], radnr, INDIKATOR_KOLUMNER[5], fel, 100)
        antal = _tal(row[6], radnr, INDIKATOR_KOLUMNER[6], fel)
        if antal is not None and antal != int(antal):
            fel.append(f"Rad {radnr}, kolumn Antal svar: {row[6]} är inget heltal.")
        given = [v is not None for v in (pos, neg, antal)]
        if any(given) and not all(given):
            fel.append(
                f"Rad {radnr}: fyll i andel positiva, andel negativa och antal svar, "
                "eller inget."
            )
            continue
        if all(given) and pos + neg > 100:
            fel.append(
                f"Rad {radnr}: andelarna är tillsammans {pos + neg} %, mer än 100."
            )
            continue
        varden.append((fraga, kon, pos, neg, int(antal) if antal is not None else None))
    return varden
