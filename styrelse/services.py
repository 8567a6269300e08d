"""Writes for the board's meetings.

Rules kept here: diarienummer without gaps or duplicates, paragraphs numbered on through
the calendar year per organ, standard items per meeting, justering by the ordförande and
the justerare with their own logins (a later edit voids earlier approvals), and a
justerat protokoll that no service will change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from finsam import dates, konton, notify, uploads
from finsam.models import Forbund, Person, Uppdrag, User
from finsam.tenancy import require_same_forbund
from styrelse import frister, rules
from styrelse.models import (
    Anslag,
    Arende,
    Bilaga,
    Delegationsbeslut,
    Delegationspunkt,
    Diarieraknare,
    Justering,
    Kommentar,
    Maskering,
    Narvaro,
    Organ,
    Paragraf,
    Sammantrade,
    Utdragsbestyrkande,
)
from styrelse.selectors import (
    PARAGRAF_FALT,
    innehall_hash,
    justering_roll,
    kallelse_mottagare,
    maskeringsalternativ,
    ordforande_pa_datum,
    paragraf_hash,
    protokoll_innehall,
    sammansattning,
)

# Standard items of every meeting: (typ, rubrik, before the ärenden?)
STANDARDPUNKTER = [
    (Paragraf.JUSTERARE, "Val av justerare", True),
    (Paragraf.DAGORDNING, "Godkännande av dagordningen", True),
    (Paragraf.ANMALNINGSARENDEN, "Anmälningsärenden", False),
    (Paragraf.DELEGATIONSBESLUT, "Anmälan av delegationsbeslut", False),
    (Paragraf.INFORMATION, "Informationsärenden", False),
    (Paragraf.OVRIGA, "Övriga frågor", False),
]
EFTER_ARENDEN = {typ for typ, _r, fore in STANDARDPUNKTER if not fore}


# --- Organ and diarium ---------------------------------------------------------------


def organ_styrelse(*, forbund: Forbund) -> Organ:
    organ = (
        Organ.objects.filter(forbund=forbund, typ=Organ.STYRELSE).order_by("id").first()
    )
    if organ is None:
        organ = Organ(forbund=forbund, namn="Förbundsstyrelsen", typ=Organ.STYRELSE)
        organ.full_clean()
        organ.save()
    return organ


@transaction.atomic
def arende_create(
    *,
    forbund: Forbund,
    rubrik: str,
    ar: int,
    lopnummer: int | None = None,
    **fields: Any,
) -> Arende:
    """A new ärende with the next number of the förbund's series for the year.

    The counter row is locked (select_for_update) so concurrent use gives neither gaps
    nor duplicates; the UniqueConstraint is the last guard. An explicit ``lopnummer``
    (imported older matters) moves the counter forward past it.
    """
    Diarieraknare.objects.get_or_create(forbund=forbund, ar=ar)
    raknare = Diarieraknare.objects.select_for_update().get(forbund=forbund, ar=ar)
    if lopnummer is None:
        lopnummer = raknare.senaste + 1
    raknare.senaste = max(raknare.senaste, lopnummer)
    raknare.save(update_fields=["senaste"])
    arende = Arende(
        forbund=forbund, ar=ar, lopnummer=lopnummer, rubrik=rubrik, **fields
    )
    arende.full_clean()
    arende.save()
    return arende


# --- Meetings and paragraphs -----------------------------------------------------------


def _ogiltigforklara_justeringar(sammantrade: Sammantrade) -> None:
    Justering.objects.filter(
        sammantrade=sammantrade, paragraf__isnull=True, ogiltig=False
    ).update(ogiltig=True)


@transaction.atomic
def _numrera(*, organ: Organ, ar: int) -> None:
    """Number the year's paragraphs of the organ continuously, meeting by meeting."""
    Organ.objects.select_for_update().filter(pk=organ.pk).first()
    paragrafer = list(
        Paragraf.objects.filter(organ=organ, ar=ar)
        .select_related("sammantrade")
        .order_by("sammantrade__datum", "sammantrade_id", "ordning", "id")
    )
    andras = []
    for nummer, p in enumerate(paragrafer, start=1):
        if p.nummer != nummer:
            if not rules.kan_andras(p):
                raise ValidationError(
                    "Numreringen skulle ändra ett justerat protokoll; lägg sammanträdet efter det."
                )
            andras.append((p, nummer))
    # Two steps so the UniqueConstraint never sees a duplicate on the way.
    for p, _n in andras:
        Paragraf.objects.filter(pk=p.pk).update(nummer=-p.pk)
    for p, n in andras:
        Paragraf.objects.filter(pk=p.pk).update(nummer=n)
        p.nummer = n


@transaction.atomic
def sammantrade_create(
    *,
    organ: Organ,
    datum: dt.date,
    plats: str = "",
    tid_start: dt.time | None = None,
    tid_slut: dt.time | None = None,
    standardpunkter: bool = True,
    arenden: list[Arende] | tuple[Arende, ...] = (),
    **fields: Any,
) -> Sammantrade:
    if fields.get("ordforande") is None and organ.typ == Organ.STYRELSE:
        fields["ordforande"] = ordforande_pa_datum(forbund=organ.forbund, datum=datum)
    rules.kontrollera_ordforande_justerare(
        fields.get("ordforande"), fields.get("justerare")
    )
    for falt in ("ordforande", "justerare"):
        rules.kontrollera_styrelsemedlem(
            organ=organ, datum=datum, person=fields.get(falt), falt=falt
        )
    sammantrade = Sammantrade(
        organ=organ,
        datum=datum,
        plats=plats,
        tid_start=tid_start,
        tid_slut=tid_slut,
        **fields,
    )
    sammantrade.full_clean()
    sammantrade.save()
    ordning = 0
    if standardpunkter:
        for typ, rubrik, fore in STANDARDPUNKTER:
            if fore:
                ordning += 10
                _paragraf_ny(sammantrade, typ=typ, rubrik=rubrik, ordning=ordning)
    for arende in arenden:
        ordning += 10
        _paragraf_ny(
            sammantrade,
            typ=Paragraf.ARENDE,
            rubrik=arende.rubrik,
            arende=arende,
            ordning=ordning,
            forslag_till_beslut=arende.forslag_till_beslut,
            delges=arende.delges,
        )
    if standardpunkter:
        for typ, rubrik, fore in STANDARDPUNKTER:
            if not fore:
                ordning += 10
                paragraf = _paragraf_ny(
                    sammantrade, typ=typ, rubrik=rubrik, ordning=ordning
                )
                if typ == Paragraf.DELEGATIONSBESLUT and organ.typ == Organ.STYRELSE:
                    delegationsbeslut_samla(paragraf=paragraf)
    _numrera(organ=organ, ar=datum.year)
    return sammantrade


def delegationsbeslut_samla(*, paragraf: Paragraf) -> int:
    """Gather the förbund's unreported delegationsbeslut up to the meeting date into the
    meeting's "Anmälan av delegationsbeslut"; they are marked reported at justering."""
    sammantrade = paragraf.sammantrade
    return (
        Delegationsbeslut.objects.filter(
            forbund=sammantrade.organ.forbund,
            anmald=False,
            anmald_paragraf__isnull=True,
            datum__lte=sammantrade.datum,
        )
        .exclude(delegationspunkt__anmalas=False)
        .update(anmald_paragraf=paragraf)
    )


def _paragraf_ny(sammantrade: Sammantrade, **fields: Any) -> Paragraf:
    organ = sammantrade.organ
    ar = sammantrade.datum.year
    storsta = (
        Paragraf.objects.filter(organ=organ, ar=ar).aggregate(m=Max("nummer"))["m"] or 0
    )
    paragraf = Paragraf(
        sammantrade=sammantrade, organ=organ, ar=ar, nummer=storsta + 1, **fields
    )
    paragraf.full_clean()
    paragraf.save()
    return paragraf


@transaction.atomic
def sammantrade_update(*, sammantrade: Sammantrade, **fields: Any) -> Sammantrade:
    rules.kontrollera_kan_andras(
        Sammantrade.objects.select_for_update().get(pk=sammantrade.pk)
    )
    if "organ" in fields and fields["organ"] != sammantrade.organ:
        raise ValidationError("Ett sammanträde kan inte flyttas till ett annat organ.")
    if "datum" in fields and fields["datum"].year != sammantrade.datum.year:
        raise ValidationError("Ett sammanträde kan inte flyttas till ett annat år.")
    for name, value in fields.items():
        setattr(sammantrade, name, value)
    rules.kontrollera_ordforande_justerare(
        sammantrade.ordforande, sammantrade.justerare
    )
    for falt in ("ordforande", "justerare"):
        rules.kontrollera_styrelsemedlem(
            organ=sammantrade.organ,
            datum=sammantrade.datum,
            person=getattr(sammantrade, falt),
            falt=falt,
        )
    sammantrade.full_clean()
    sammantrade.save()
    _ogiltigforklara_justeringar(sammantrade)
    _numrera(organ=sammantrade.organ, ar=sammantrade.datum.year)
    return sammantrade


@transaction.atomic
def paragraf_add(
    *, sammantrade: Sammantrade, rubrik: str, typ: str = Paragraf.ARENDE, **fields: Any
) -> Paragraf:
    """Add a § to a meeting; an ärende goes before the closing standard items."""
    rules.kontrollera_kan_andras(
        Sammantrade.objects.select_for_update().get(pk=sammantrade.pk)
    )
    if "ordning" not in fields:
        befintliga = list(
            sammantrade.paragrafer.order_by("ordning").values_list("typ", "ordning")
        )
        efter = [o for t, o in befintliga if t in EFTER_ARENDEN]
        if typ not in EFTER_ARENDEN and efter:
            # Make room before the closing standard items.
            sammantrade.paragrafer.filter(ordning__gte=efter[0]).update(
                ordning=F("ordning") + 10
            )
            fields["ordning"] = efter[0]
        else:
            fields["ordning"] = (befintliga[-1][1] if befintliga else 0) + 10
    arende = fields.get("arende")
    if arende is not None:
        fields.setdefault("forslag_till_beslut", arende.forslag_till_beslut)
        fields.setdefault("delges", arende.delges)
    paragraf = _paragraf_ny(sammantrade, rubrik=rubrik, typ=typ, **fields)
    _ogiltigforklara_justeringar(sammantrade)
    _numrera(organ=sammantrade.organ, ar=sammantrade.datum.year)
    paragraf.refresh_from_db()
    return paragraf


@transaction.atomic
def paragraf_update(*, paragraf: Paragraf, **fields: Any) -> Paragraf:
    sammantrade = Sammantrade.objects.select_for_update().get(
        pk=paragraf.sammantrade_id
    )
    rules.kontrollera_kan_andras(
        Paragraf.objects.select_related("sammantrade").get(pk=paragraf.pk)
    )
    okanda = set(fields) - set(PARAGRAF_FALT)
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}")
    for name, value in fields.items():
        setattr(paragraf, name, value)
    paragraf.full_clean()
    paragraf.save()
    _ogiltigforklara_justeringar(sammantrade)
    Justering.objects.filter(paragraf=paragraf, ogiltig=False).update(ogiltig=True)
    return paragraf


def _kontrollera_mot_sammansattning(
    sammantrade: Sammantrade, person: Person, roll: str, ersatter: Person | None
) -> None:
    """Ledamöter and ersättare are checked against the board's composition that day."""
    if sammantrade.organ.typ != Organ.STYRELSE or roll == Narvaro.OVRIG:
        return
    from finsam.models import Uppdrag

    uppdrag = Uppdrag.objects.for_forbund(sammantrade.organ.forbund).pa_datum(
        sammantrade.datum
    )
    typer = set(uppdrag.filter(person=person).values_list("typ", flat=True))
    if roll == Narvaro.LEDAMOT and Uppdrag.LEDAMOT not in typer:
        raise ValidationError(
            f"{person} är inte ledamot i styrelsen {sammantrade.datum}."
        )
    if (
        roll in (Narvaro.ERSATTARE, Narvaro.TJANSTGORANDE)
        and Uppdrag.ERSATTARE not in typer
    ):
        raise ValidationError(
            f"{person} är inte ersättare i styrelsen {sammantrade.datum}."
        )
    if roll == Narvaro.TJANSTGORANDE:
        if ersatter is None:
            raise ValidationError(
                "Ange vilken ledamot den tjänstgörande ersättaren ersätter."
            )
        if not uppdrag.filter(person=ersatter, typ=Uppdrag.LEDAMOT).exists():
            raise ValidationError(
                f"{ersatter} är inte ledamot i styrelsen {sammantrade.datum}."
            )


@transaction.atomic
def narvaro_add(
    *, sammantrade: Sammantrade, person: Person, roll: str, **fields: Any
) -> Narvaro:
    rules.kontrollera_kan_andras(
        Sammantrade.objects.select_for_update().get(pk=sammantrade.pk)
    )
    require_same_forbund(sammantrade.organ.forbund_id, person, namn="Personen")
    _kontrollera_mot_sammansattning(sammantrade, person, roll, fields.get("ersatter"))
    fields.setdefault("ordning", sammantrade.narvaro.count() + 1)
    narvaro = Narvaro(sammantrade=sammantrade, person=person, roll=roll, **fields)
    narvaro.full_clean()
    narvaro.save()
    _ogiltigforklara_justeringar(sammantrade)
    return narvaro


@transaction.atomic
def narvaro_hela_styrelsen(*, sammantrade: Sammantrade) -> int:
    """Attendance in one step: every ledamot and ersättare of the board on the meeting
    date, as the composition says (the kansli then adjusts: who was absent, who served).
    Those already entered are left as they are. Returns how many were added."""
    rules.kontrollera_kan_andras(
        Sammantrade.objects.select_for_update().get(pk=sammantrade.pk)
    )
    redan = set(sammantrade.narvaro.values_list("person_id", flat=True))
    ordning = sammantrade.narvaro.count()
    nya = []
    for uppdrag in sammansattning(sammantrade=sammantrade):
        if uppdrag.person_id in redan:
            continue
        redan.add(uppdrag.person_id)
        ordning += 1
        nya.append(
            Narvaro(
                sammantrade=sammantrade,
                person=uppdrag.person,
                roll=Narvaro.LEDAMOT
                if uppdrag.typ == Uppdrag.LEDAMOT
                else Narvaro.ERSATTARE,
                funktion="ordförande"
                if uppdrag.person_id == sammantrade.ordforande_id
                else "",
                ordning=ordning,
            )
        )
    for narvaro in nya:
        narvaro.full_clean()
    Narvaro.objects.bulk_create(nya)
    if nya:
        _ogiltigforklara_justeringar(sammantrade)
    return len(nya)


@transaction.atomic
def narvaro_delete(*, narvaro: Narvaro) -> None:
    sammantrade = Sammantrade.objects.select_for_update().get(pk=narvaro.sammantrade_id)
    rules.kontrollera_kan_andras(sammantrade)
    narvaro.delete()
    _ogiltigforklara_justeringar(sammantrade)


def kallelse_markera_skickad(
    *, sammantrade: Sammantrade, nar: dt.datetime | None = None
) -> None:
    sammantrade.kallelse_skickad = nar or timezone.now()
    fields = ["kallelse_skickad"]
    if sammantrade.status == Sammantrade.PLANERAT:
        sammantrade.status = Sammantrade.KALLAT
        fields.append("status")
    sammantrade.save(update_fields=fields)


@transaction.atomic
def sammantrade_genomfort(*, sammantrade: Sammantrade, idag: dt.date) -> Sammantrade:
    """The meeting has been held: the secretary can now write the protocol."""
    sammantrade = Sammantrade.objects.select_for_update().get(pk=sammantrade.pk)
    if sammantrade.status not in (Sammantrade.PLANERAT, Sammantrade.KALLAT):
        raise ValidationError("Sammanträdet är redan genomfört.")
    if sammantrade.datum > idag:
        raise ValidationError(
            f"Sammanträdet är {sammantrade.datum:%Y-%m-%d} och kan inte vara genomfört ännu."
        )
    sammantrade.status = Sammantrade.GENOMFORT
    sammantrade.save(update_fields=["status"])
    return sammantrade


# --- Draft review --------------------------------------------------------------------


@transaction.atomic
def utkast_publicera(
    *, sammantrade: Sammantrade, nar: dt.datetime | None = None
) -> Sammantrade:
    rules.kontrollera_kan_andras(
        Sammantrade.objects.select_for_update().get(pk=sammantrade.pk)
    )
    sammantrade.utkast_publicerat = nar or timezone.now()
    sammantrade.status = Sammantrade.UTKAST
    sammantrade.save(update_fields=["utkast_publicerat", "status"])
    notify.utkast_publicerat(sammantrade=sammantrade)
    return sammantrade


def kommentar_create(*, paragraf: Paragraf, user: User, text: str) -> Kommentar:
    sammantrade = paragraf.sammantrade
    rules.kontrollera_kan_andras(sammantrade)
    if sammantrade.utkast_publicerat is None:
        raise ValidationError("Protokollet är inte publicerat som utkast ännu.")
    kommentar = Kommentar(paragraf=paragraf, forfattare=user, text=text.strip())
    kommentar.full_clean()
    kommentar.save()
    return kommentar


def kommentar_losa(*, kommentar: Kommentar) -> Kommentar:
    kommentar.lost = True
    kommentar.save(update_fields=["lost"])
    return kommentar


# --- Justering -----------------------------------------------------------------------


@transaction.atomic
def sammantrade_justera(
    *,
    sammantrade: Sammantrade,
    user: User,
    sedd_hash: str,
    nar: dt.datetime | None = None,
    motivering: str = "",
) -> Justering:
    """The user's approval; when both ordförande and justerare have approved the same
    content, the protocol is justerat: frozen, hashed and time-stamped.

    ``sedd_hash`` is the content hash shown on the confirmation page
    (``selectors.protokoll_hash``): required, and the approval is refused when it is
    missing or the protocol changed since. While comments on the draft are unresolved
    the approval needs a ``motivering``, which is recorded with it.
    """
    sammantrade = Sammantrade.objects.select_for_update().get(pk=sammantrade.pk)
    rules.kontrollera_kan_andras(sammantrade)
    if sammantrade.utkast_publicerat is None:
        raise ValidationError(
            "Protokollet måste publiceras som utkast innan det justeras."
        )
    roll = justering_roll(sammantrade=sammantrade, user=user)
    if roll is None:
        raise ValidationError(
            "Bara sammanträdets ordförande och justerare kan justera protokollet."
        )
    _kontrollera_undertecknare(
        sammantrade,
        user,
        list(sammantrade.paragrafer.values_list("nummer", flat=True)),
    )
    nar = nar or timezone.now()
    innehall = protokoll_innehall(sammantrade)
    hash_ = innehall_hash(innehall)
    rules.kontrollera_sedd_hash(sedd_hash, hash_)
    motivering = rules.kontrollera_olosta_kommentarer(
        olosta=Kommentar.objects.filter(
            paragraf__sammantrade=sammantrade, lost=False
        ).count(),
        motivering=motivering,
    )
    Justering.objects.filter(
        sammantrade=sammantrade, paragraf__isnull=True, roll=roll, ogiltig=False
    ).update(ogiltig=True)
    justering = Justering(
        sammantrade=sammantrade,
        user=user,
        roll=roll,
        tidpunkt=nar,
        innehall_hash=hash_,
        motivering=motivering,
        namn=str(user.person),
    )
    justering.full_clean()
    justering.save()
    giltiga = set(
        Justering.objects.filter(
            sammantrade=sammantrade,
            paragraf__isnull=True,
            ogiltig=False,
            innehall_hash=hash_,
        ).values_list("roll", flat=True)
    )
    if giltiga >= {Justering.ORDFORANDE, Justering.JUSTERARE}:
        # Before the freeze: the reports become "anmälda" with the protocol.
        Delegationsbeslut.objects.filter(
            anmald_paragraf__sammantrade=sammantrade
        ).update(anmald=True)
        sammantrade.innehall = innehall
        sammantrade.innehall_hash = hash_
        sammantrade.justerat_tid = nar
        sammantrade.status = Sammantrade.JUSTERAT
        if not sammantrade.justering_plats:
            sammantrade.justering_plats = "Digital justering i Finsam"
        sammantrade.save(
            update_fields=[
                "innehall",
                "innehall_hash",
                "justerat_tid",
                "status",
                "justering_plats",
            ]
        )
        notify.justerat(sammantrade=sammantrade)
    return justering


def _kontrollera_undertecknare(
    sammantrade: Sammantrade, user: User, nummer: list[int]
) -> None:
    """Only the board signs: the person was present and decided on these §§, and the
    login is their own (no password or link set by someone else since)."""
    person = user.person
    if person is None:
        raise ValidationError("Inloggningen är inte kopplad till någon person.")
    rules.kontrollera_styrelsemedlem(
        organ=sammantrade.organ,
        datum=sammantrade.datum,
        person=person,
        falt=justering_roll(sammantrade=sammantrade, user=user) or "",
    )
    rules.kontrollera_undertecknare(
        sammantrade=sammantrade, person=person, nummer=nummer
    )
    konton.kontrollera_kan_signera(user)


# --- Anslag --------------------------------------------------------------------------


@transaction.atomic
def anslag_publicera(
    *, sammantrade: Sammantrade, uppsatt: dt.date, forvaringsplats: str = ""
) -> Anslag:
    sammantrade = Sammantrade.objects.select_for_update().get(pk=sammantrade.pk)
    if sammantrade.status != Sammantrade.JUSTERAT:
        raise ValidationError(
            "Bara ett justerat protokoll som inte redan anslagits kan anslås."
        )
    if frister.anslag_for_tidigt(sammantrade, uppsatt):
        raise ValidationError("Anslaget kan inte sättas upp före justeringen.")
    sista = frister.sista_dag_for_overklagande(uppsatt)
    anslag = Anslag(
        sammantrade=sammantrade,
        uppsatt=uppsatt,
        sista_overklagandedag=sista,
        nedtas=sista,
        forvaringsplats=forvaringsplats
        or f"{sammantrade.organ.forbund.namn}, kansliet",
    )
    anslag.full_clean()
    anslag.save()
    sammantrade.status = Sammantrade.ANSLAGET
    sammantrade.save(update_fields=["status"])
    return anslag


# --- Kallelse and delegation ---------------------------------------------------------


def kallelse_skicka(*, sammantrade: Sammantrade, lank: str) -> int:
    """E-mail the kallelse to every ledamot and ersättare, each with the link to the agenda."""
    mottagare = kallelse_mottagare(sammantrade=sammantrade)
    if not mottagare:
        raise ValidationError(
            "Det finns inga ledamöter eller ersättare med e-postadress."
        )
    antal = notify.kallelse(sammantrade=sammantrade, personer=mottagare, lank=lank)
    kallelse_markera_skickad(sammantrade=sammantrade)
    return antal


@transaction.atomic
def delegationsbeslut_create(*, forbund: Forbund, **fields: Any) -> Delegationsbeslut:
    """Register a delegationsbeslut; it joins the next open board meeting's
    "Anmälan av delegationsbeslut" when there is one."""
    beslut = Delegationsbeslut(forbund=forbund, **fields)
    if beslut.delegationspunkt is not None:
        require_same_forbund(
            forbund, beslut.delegationspunkt, namn="Delegationspunkten"
        )
        beslut.arendetyp = beslut.arendetyp or beslut.delegationspunkt.arendetyp
        beslut.delegat = beslut.delegat or beslut.delegationspunkt.delegat
    beslut.full_clean()
    beslut.save()
    if beslut.delegationspunkt is not None and not beslut.delegationspunkt.anmalas:
        return beslut
    kandidater = (
        Paragraf.objects.filter(
            organ__forbund=forbund,
            organ__typ=Organ.STYRELSE,
            typ=Paragraf.DELEGATIONSBESLUT,
            sammantrade__datum__gte=beslut.datum,
            sammantrade__status__in=[
                Sammantrade.PLANERAT,
                Sammantrade.KALLAT,
                Sammantrade.GENOMFORT,
                Sammantrade.UTKAST,
            ],
        )
        .select_related("sammantrade")
        .order_by("sammantrade__datum", "id")
    )
    # The next open meeting's §, unless it was justerad at the meeting (omedelbar
    # justering): a frozen § takes no new reports.
    paragraf = next((p for p in kandidater if rules.kan_andras(p)), None)
    if paragraf is not None:
        beslut.anmald_paragraf = paragraf
        beslut.save(update_fields=["anmald_paragraf"])
        _ogiltigforklara_justeringar(paragraf.sammantrade)
    return beslut


def delegationspunkt_create(*, forbund: Forbund, **fields: Any) -> Delegationspunkt:
    punkt = Delegationspunkt(forbund=forbund, **fields)
    punkt.full_clean()
    punkt.save()
    return punkt


# --- Omedelbar justering of a single paragraph ---------------------------------------


@transaction.atomic
def paragraf_justera_omedelbart(
    *,
    paragraf: Paragraf,
    user: User,
    sedd_hash: str,
    nar: dt.datetime | None = None,
) -> Justering:
    """Ordförande and justerare approve one § at the meeting; once both have, the § is
    justerad and frozen even while the rest of the protocol is still a draft.

    ``sedd_hash`` (``selectors.paragraf_hash`` of the § as shown) is required."""
    sammantrade = Sammantrade.objects.select_for_update().get(
        pk=paragraf.sammantrade_id
    )
    rules.kontrollera_kan_andras(sammantrade)
    paragraf = Paragraf.objects.get(pk=paragraf.pk)
    if paragraf.omedelbart_justerad:
        raise ValidationError("Paragrafen är redan omedelbart justerad.")
    if not paragraf.beslut.strip():
        raise ValidationError("Skriv beslutet innan paragrafen justeras.")
    roll = justering_roll(sammantrade=sammantrade, user=user)
    if roll is None:
        raise ValidationError(
            "Bara sammanträdets ordförande och justerare kan justera."
        )
    _kontrollera_undertecknare(sammantrade, user, [paragraf.nummer])
    hash_ = paragraf_hash(paragraf)
    rules.kontrollera_sedd_hash(sedd_hash, hash_)
    Justering.objects.filter(paragraf=paragraf, roll=roll, ogiltig=False).update(
        ogiltig=True
    )
    justering = Justering(
        sammantrade=sammantrade,
        paragraf=paragraf,
        user=user,
        roll=roll,
        tidpunkt=nar or timezone.now(),
        innehall_hash=hash_,
        namn=str(user.person),
    )
    justering.full_clean()
    justering.save()
    giltiga = set(
        Justering.objects.filter(
            paragraf=paragraf, ogiltig=False, innehall_hash=hash_
        ).values_list("roll", flat=True)
    )
    if giltiga >= {Justering.ORDFORANDE, Justering.JUSTERARE}:
        Paragraf.objects.filter(pk=paragraf.pk).update(omedelbart_justerad=True)
    return justering


# --- Attachments ---------------------------------------------------------------------

BILAGA_MAX = 10 * uploads.MB
BILAGA_TYPER = ("pdf", "docx", "xlsx", "odt", "ods", "png", "jpg", "jpeg", "txt")


def bilaga_create(*, arende: Arende, namn: str, innehall: bytes) -> Bilaga:
    """Attach a file to an ärende after checking its type (by name and content) and size."""
    rules.kontrollera_kan_andras(arende)
    content_type = uploads.filtyp_check(
        namn, innehall, tillatna=BILAGA_TYPER, max_bytes=BILAGA_MAX
    )
    bilaga = Bilaga(
        arende=arende,
        namn=namn[-255:],
        content_type=content_type,
        storlek=len(innehall),
        innehall=innehall,
    )
    bilaga.full_clean()
    bilaga.save()
    return bilaga


# --- Public copy ---------------------------------------------------------------------


@transaction.atomic
def sammantrade_maskering_save(
    *,
    sammantrade: Sammantrade,
    paragrafer: list[int] | tuple[int, ...] = (),
    arenden: list[int] | tuple[int, ...] = (),
    delegationsbeslut: list[int] | tuple[int, ...] = (),
    personer: list[int] | tuple[int, ...] = (),
) -> Sammantrade:
    """What the public copy hides, chosen on the protocol's own structure; replaces the
    earlier choice. Allowed after justering: the protocol's content (and its hash) is
    untouched, only the copy on the anslagstavla changes. Only ids that occur in this
    protocol's content are accepted."""
    sammantrade = Sammantrade.objects.select_for_update().get(pk=sammantrade.pk)
    alternativ = maskeringsalternativ(sammantrade)
    val = {
        Maskering.PARAGRAF: (paragrafer, alternativ.paragrafer),
        Maskering.ARENDE: (arenden, alternativ.arenden),
        Maskering.DELEGATIONSBESLUT: (delegationsbeslut, alternativ.delegationsbeslut),
        Maskering.PERSON: (personer, alternativ.personer),
    }
    nya = []
    for typ, (valda, mojliga) in val.items():
        okanda = {int(v) for v in valda} - {m.varde for m in mojliga}
        if okanda:
            raise ValidationError(
                "Det går bara att maskera det som finns i protokollet: "
                f"{dict(Maskering.TYP_CHOICES)[typ].lower()} "
                f"{', '.join(str(o) for o in sorted(okanda))} finns inte i det."
            )
        nya += [
            Maskering(sammantrade=sammantrade, typ=typ, objekt_id=int(v))
            for v in sorted(set(valda), key=int)
        ]
    sammantrade.maskeringar.all().delete()
    for maskering in nya:
        maskering.full_clean(validate_constraints=False)
    Maskering.objects.bulk_create(nya)
    return sammantrade


def utdrag_bestyrk(
    *, paragraf: Paragraf, user: User, namn: str, datum: dt.date
) -> Utdragsbestyrkande:
    """A person certifies that the utdrag of ``paragraf`` matches the justerat protocol."""
    sammantrade = paragraf.sammantrade
    if not sammantrade.ar_justerat:
        raise ValidationError("Utdrag kan bara bestyrkas ur ett justerat protokoll.")
    namn = (namn or "").strip()
    if not namn:
        raise ValidationError("Ange vem som bestyrker utdraget.")
    if sammantrade.justerat_tid and datum < dates.local_date(sammantrade.justerat_tid):
        raise ValidationError(
            "Ett utdrag kan inte bestyrkas före den dag protokollet justerades."
        )
    if datum > dates.today():
        raise ValidationError("Datumet för bestyrkandet kan inte ligga i framtiden.")
    return Utdragsbestyrkande.objects.create(
        paragraf=paragraf, namn=namn, datum=datum, user=user
    )
