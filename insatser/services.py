"""Writes with rules: insatser, reports, their validation and review."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from finsam import access, notify
from finsam.models import Forbund, User
from finsam.services import model_save, save_unique
from finsam.tenancy import require_same_forbund
from insatser.models import (
    Avslutsorsak,
    Bemanning,
    ForbundsMal,
    Indikatorfraga,
    Indikatorresultat,
    Insats,
    Insatsrapportor,
    Kategori,
    Mal,
    Medfinansiering,
    Periodrapport,
    PeriodrapportAntal,
    PeriodrapportAvslut,
    Strukturaktivitet,
    UnikaDeltagare,
)

# DOMAIN.md: avslutsorsak (arbete, studier, arbetssökande, ordinarie insats, annan/fortsatt
# rehabilitering, sjukdom, flytt, känd annan orsak, okänd orsak).
DEFAULT_AVSLUTSORSAKER = [
    ("Arbete", Avslutsorsak.ARBETE_STUDIER),
    ("Studier", Avslutsorsak.ARBETE_STUDIER),
    ("Arbetssökande", Avslutsorsak.ARBETSSOKANDE),
    ("Ordinarie insats", Avslutsorsak.OVRIGT),
    ("Annan/fortsatt rehabilitering", Avslutsorsak.OVRIGT),
    ("Sjukdom", Avslutsorsak.OVRIGT),
    ("Flytt", Avslutsorsak.OVRIGT),
    ("Känd annan orsak", Avslutsorsak.OVRIGT),
    ("Okänd orsak", Avslutsorsak.OVRIGT),
]

KON = [("kvinnor", "kvinnor"), ("man", "män"), ("annat", "annat/ej angivet")]
FLODEN = [("aktuella", "Aktuella"), ("nya", "Nya"), ("avslutade", "Avslutade")]


def avslutsorsaker_seed(*, forbund: Forbund) -> list[Avslutsorsak]:
    """Create the default exit reasons the förbund lacks; return all of them."""
    existing = set(
        Avslutsorsak.objects.for_forbund(forbund).values_list("namn", flat=True)
    )
    for i, (namn, grupp) in enumerate(DEFAULT_AVSLUTSORSAKER, start=1):
        if namn not in existing:
            model_save(
                Avslutsorsak(forbund=forbund), namn=namn, grupp=grupp, sortering=i
            )
    return list(Avslutsorsak.objects.for_forbund(forbund))


def insats_save(
    *, forbund: Forbund, insats: Insats | None = None, **fields: Any
) -> Insats:
    return model_save(insats or Insats(forbund=forbund), **fields)


def insatsrapportor_add(*, insats: Insats, user: User) -> Insatsrapportor:
    if user.roll != access.INSATSRAPPORTOR:
        raise ValidationError({"user": "Användaren har inte rollen insatsrapportör."})
    found = Insatsrapportor.objects.filter(insats=insats, user=user).first()
    return found or model_save(Insatsrapportor(insats=insats, user=user))


def insatsrapportor_remove(*, uppdrag: Insatsrapportor) -> None:
    uppdrag.delete()


def mal_save(*, insats: Insats, mal: Mal | None = None, **fields: Any) -> Mal:
    return model_save(mal or Mal(insats=insats), **fields)


def bemanning_save(
    *, insats: Insats, bemanning: Bemanning | None = None, **fields: Any
) -> Bemanning:
    return model_save(bemanning or Bemanning(insats=insats), **fields)


def medfinansiering_save(
    *, insats: Insats, medfinansiering: Medfinansiering | None = None, **fields: Any
) -> Medfinansiering:
    return model_save(medfinansiering or Medfinansiering(insats=insats), **fields)


def strukturaktivitet_save(
    *, forbund: Forbund, aktivitet: Strukturaktivitet | None = None, **fields: Any
) -> Strukturaktivitet:
    return model_save(aktivitet or Strukturaktivitet(forbund=forbund), **fields)


def forbundsmal_save(
    *, forbund: Forbund, mal: ForbundsMal | None = None, **fields: Any
) -> ForbundsMal:
    return model_save(mal or ForbundsMal(forbund=forbund), **fields)


def indikatorfraga_save(
    *, forbund: Forbund, fraga: Indikatorfraga | None = None, **fields: Any
) -> Indikatorfraga:
    return model_save(fraga or Indikatorfraga(forbund=forbund), **fields)


def avslutsorsak_save(
    *, forbund: Forbund, orsak: Avslutsorsak | None = None, **fields: Any
) -> Avslutsorsak:
    return model_save(orsak or Avslutsorsak(forbund=forbund), **fields)


def kategori_save(
    *, forbund: Forbund, kategori: Kategori | None = None, **fields: Any
) -> Kategori:
    return model_save(kategori or Kategori(forbund=forbund), **fields)


def unika_deltagare_save(*, forbund: Forbund, ar: int, antal: int) -> UnikaDeltagare:
    return save_unique(
        UnikaDeltagare.objects.for_forbund(forbund).filter(ar=ar).first,
        lambda: UnikaDeltagare(forbund=forbund, ar=ar),
        antal=antal,
    )


# --- Validation -------------------------------------------------------------------------


@dataclass(frozen=True)
class Avvikelse:
    """One broken rule: a code (for accepting it), the field it belongs to, a message."""

    kod: str
    falt: str
    meddelande: str


def _diff(a: int, b: int) -> str:
    return f"skillnad {abs(a - b)}"


def rapport_avvikelser(
    rapport: Periodrapport,
    avslut: list[PeriodrapportAvslut] | None = None,
    tidigare: list[Periodrapport] | None = None,
) -> list[Avvikelse]:
    """Every rule the report's figures break, each named in Swedish with the difference.

    ``avslut`` are the exit-reason rows (default: the saved ones); ``tidigare`` the same
    insats's reports for earlier periods of the year (default: looked up).
    """
    fel: list[Avvikelse] = []
    if avslut is None:
        avslut = list(rapport.avslut.all()) if rapport.pk else []
    for flode, rubrik in FLODEN:
        totalt = getattr(rapport, f"{flode}_totalt")
        summa = sum(getattr(rapport, f"{flode}_{kon}") for kon, _ in KON)
        if summa != totalt:
            fel.append(
                Avvikelse(
                    kod=f"{flode}_kon",
                    falt=f"{flode}_totalt",
                    meddelande=f"{rubrik} deltagare: kvinnor, män och annat/ej angivet "
                    f"är tillsammans {summa} men totalen är {totalt} ({_diff(summa, totalt)}).",
                )
            )
    for kon, kon_namn in KON:
        summa = sum(getattr(rad, kon) for rad in avslut)
        totalt = getattr(rapport, f"avslutade_{kon}")
        if summa != totalt:
            fel.append(
                Avvikelse(
                    kod=f"avslutsorsak_{kon}",
                    falt=f"avslutade_{kon}",
                    meddelande=f"Avslutsorsakerna för {kon_namn} är tillsammans {summa} "
                    f"men avslutade {kon_namn} är {totalt} ({_diff(summa, totalt)}).",
                )
            )
    for flode, rubrik in [("nya", "Nya"), ("avslutade", "Avslutade")]:
        varde = getattr(rapport, f"{flode}_totalt")
        if varde > rapport.aktuella_totalt:
            fel.append(
                Avvikelse(
                    kod=f"{flode}_over_aktuella",
                    falt=f"{flode}_totalt",
                    meddelande=f"{rubrik} deltagare ({varde}) är fler än aktuella "
                    f"({rapport.aktuella_totalt}), {_diff(varde, rapport.aktuella_totalt)}.",
                )
            )
    if (
        rapport.uppfoljda_12m is not None
        and rapport.egen_forsorjning_12m is not None
        and rapport.egen_forsorjning_12m > rapport.uppfoljda_12m
    ):
        fel.append(
            Avvikelse(
                kod="uppfoljning_12m",
                falt="egen_forsorjning_12m",
                meddelande=f"Fler med egen försörjning ({rapport.egen_forsorjning_12m}) "
                f"än uppföljda ({rapport.uppfoljda_12m}), "
                f"{_diff(rapport.egen_forsorjning_12m, rapport.uppfoljda_12m)}.",
            )
        )
    if tidigare is None:
        tidigare = tidigare_rapporter(rapport)
    for forra in tidigare:
        for flode, rubrik in FLODEN:
            nu = getattr(rapport, f"{flode}_totalt")
            da = getattr(forra, f"{flode}_totalt")
            if nu < da:
                fel.append(
                    Avvikelse(
                        kod=f"{flode}_under_{forra.period}",
                        falt=f"{flode}_totalt",
                        meddelande=f"{rubrik} deltagare ({nu}) är färre än i "
                        f"{forra.get_period_display().lower()} ({da}), {_diff(nu, da)}: "
                        "siffrorna gäller hittills i år och kan inte minska.",
                    )
                )
    if rapport.insats_id:
        ordning = Periodrapport.PERIOD_ORDNING
        senare = ordning[ordning.index(rapport.period) + 1 :]
        for sen in Periodrapport.objects.filter(
            insats_id=rapport.insats_id, ar=rapport.ar, period__in=senare
        ).exclude(pk=rapport.pk):
            for flode, rubrik in FLODEN:
                nu = getattr(rapport, f"{flode}_totalt")
                da = getattr(sen, f"{flode}_totalt")
                if nu > da:
                    fel.append(
                        Avvikelse(
                            kod=f"{flode}_over_{sen.period}",
                            falt=f"{flode}_totalt",
                            meddelande=f"{rubrik} deltagare ({nu}) är fler än i den "
                            f"senare rapporten för {sen.get_period_display().lower()} "
                            f"({da}), {_diff(nu, da)}.",
                        )
                    )
    return fel


def tidigare_rapporter(rapport: Periodrapport) -> list[Periodrapport]:
    ordning = Periodrapport.PERIOD_ORDNING
    tidigare_perioder = ordning[: ordning.index(rapport.period)]
    if not tidigare_perioder or not rapport.insats_id:
        return []
    return list(
        Periodrapport.objects.filter(
            insats_id=rapport.insats_id, ar=rapport.ar, period__in=tidigare_perioder
        ).exclude(pk=rapport.pk)
    )


def blockerande_avvikelser(rapport: Periodrapport) -> list[Avvikelse]:
    """The violations not accepted by the kansli: while any remain, no submission."""
    godkanda = set(rapport.avvikelse_koder or [])
    return [a for a in rapport_avvikelser(rapport) if a.kod not in godkanda]


# --- Entry, submission, review ----------------------------------------------------------


def kan_rapportera(user: User, insats: Insats) -> bool:
    roll = access.user_role(user)
    if roll in access.EDIT:
        return True
    return (
        roll == access.INSATSRAPPORTOR
        and Insatsrapportor.objects.filter(insats=insats, user=user).exists()
    )


def periodrapport_get_or_create(
    *, insats: Insats, ar: int, period: str
) -> Periodrapport:
    """The insats's report for the year and period, created as an empty draft if new."""
    found = Periodrapport.objects.filter(insats=insats, ar=ar, period=period).first()
    return found or model_save(Periodrapport(insats=insats, ar=ar, period=period))


@transaction.atomic
def periodrapport_save(
    *,
    insats: Insats,
    ar: int,
    period: str,
    siffror: Mapping[str, int | None],
    avslut: dict[int, dict[str, int]],
    berattelse: str = "",
    rapport: Periodrapport | None = None,
    antal: dict[tuple[int, str], dict[str, int]] | None = None,
) -> Periodrapport:
    """Save a draft: the totals by kön and the exit reasons (avslutsorsak id -> by kön);
    ``antal`` (when given) the category counts, (kategori id, tillfälle) -> by kön.

    A draft may break the rules; ``periodrapport_submit`` refuses it until they hold.
    """
    if rapport is None:
        rapport = Periodrapport.objects.filter(
            insats=insats, ar=ar, period=period
        ).first() or Periodrapport(insats=insats, ar=ar, period=period)
    if rapport.pk and not rapport.kan_andras:
        raise ValidationError("Rapporten är inlämnad och kan inte ändras.")
    orsaker = {o.pk: o for o in Avslutsorsak.objects.for_forbund(insats.forbund)}
    model_save(rapport, berattelse=berattelse, **siffror)
    rapport.avslut.all().delete()
    for orsak_id, per_kon in avslut.items():
        if orsak_id not in orsaker:
            raise ValidationError("Okänd avslutsorsak.")
        model_save(
            PeriodrapportAvslut(periodrapport=rapport, avslutsorsak=orsaker[orsak_id]),
            **per_kon,
        )
    if antal is not None:
        kategorier = set(
            Kategori.objects.for_forbund(insats.forbund).values_list("pk", flat=True)
        )
        rapport.antal.all().delete()
        rader = []
        for (kategori_id, tillfalle), per_kon in antal.items():
            if kategori_id not in kategorier:
                raise ValidationError("Okänd kategori.")
            if any(per_kon.values()):
                rader.append(
                    PeriodrapportAntal(
                        periodrapport=rapport,
                        kategori_id=kategori_id,
                        tillfalle=tillfalle,
                        **per_kon,
                    )
                )
        PeriodrapportAntal.objects.bulk_create(rader)
    return rapport


@transaction.atomic
def periodrapport_submit(*, rapport: Periodrapport, user: User) -> Periodrapport:
    if not kan_rapportera(user, rapport.insats):
        raise PermissionDenied("Du rapporterar inte för den här insatsen.")
    if not rapport.kan_andras:
        raise ValidationError("Rapporten är redan inlämnad.")
    fel = blockerande_avvikelser(rapport)
    if fel:
        raise ValidationError([a.meddelande for a in fel])
    rapport = model_save(
        rapport,
        status=Periodrapport.INLAMNAD,
        inlamnad_av=user,
        inlamnad=timezone.now(),
    )
    notify.rapport_inlamnad(rapport=rapport)
    return rapport


@transaction.atomic
def periodrapport_approve(*, rapport: Periodrapport, user: User) -> Periodrapport:
    if not access.has_role(user, access.EDIT):
        raise PermissionDenied("Bara kansliet godkänner rapporter.")
    if rapport.status != Periodrapport.INLAMNAD:
        raise ValidationError("Bara inlämnade rapporter kan godkännas.")
    fel = blockerande_avvikelser(rapport)
    if fel:
        raise ValidationError([a.meddelande for a in fel])
    rapport = model_save(
        rapport, status=Periodrapport.GODKAND, granskad_av=user, granskad=timezone.now()
    )
    notify.rapport_granskad(rapport=rapport)
    return rapport


@transaction.atomic
def periodrapport_return(
    *, rapport: Periodrapport, user: User, kommentar: str
) -> Periodrapport:
    if not access.has_role(user, access.EDIT):
        raise PermissionDenied("Bara kansliet återsänder rapporter.")
    if rapport.status != Periodrapport.INLAMNAD:
        raise ValidationError("Bara inlämnade rapporter kan återsändas.")
    if not kommentar.strip():
        raise ValidationError({"kommentar": "Skriv varför rapporten återsänds."})
    rapport = model_save(
        rapport,
        status=Periodrapport.ATERSAND,
        kommentar=kommentar,
        granskad_av=user,
        granskad=timezone.now(),
    )
    notify.rapport_granskad(rapport=rapport)
    return rapport


@transaction.atomic
def periodrapport_accept_deviation(
    *, rapport: Periodrapport, user: User, koder: list[str], motivering: str
) -> Periodrapport:
    """The kansli accepts named rule breaks with a written reason; they stay flagged."""
    if not access.has_role(user, access.EDIT):
        raise PermissionDenied("Bara kansliet godkänner avvikelser.")
    if not motivering.strip():
        raise ValidationError(
            {"avvikelse_motivering": "Skriv varför avvikelsen godtas."}
        )
    aktuella = {a.kod for a in rapport_avvikelser(rapport)}
    okanda = set(koder) - aktuella
    if okanda or not koder:
        raise ValidationError(
            {"avvikelse_koder": "Välj bland rapportens aktuella avvikelser."}
        )
    return model_save(
        rapport, avvikelse_koder=sorted(koder), avvikelse_motivering=motivering
    )


def standarddata_seed(*, forbund: Forbund) -> None:
    """Exit reasons, report categories (home kommun from the member kommuner) and the NNS
    questions the förbund lacks. Idempotent."""
    from finsam.models import Medlem
    from insatser.standard import INDIKATORFRAGOR, KATEGORIER

    avslutsorsaker_seed(forbund=forbund)
    kommuner = [
        m.namn.removesuffix(" kommun")
        for m in Medlem.objects.filter(forbund=forbund, typ=Medlem.KOMMUN).order_by(
            "sortering", "namn"
        )
    ]
    kategorier = {**KATEGORIER, Kategori.KOMMUN: [*kommuner, "Annan kommun"]}
    finns = set(Kategori.objects.for_forbund(forbund).values_list("dimension", "namn"))
    Kategori.objects.bulk_create(
        [
            Kategori(forbund=forbund, dimension=dim, namn=namn, sortering=i)
            for dim, namnen in kategorier.items()
            for i, namn in enumerate(namnen, start=1)
            if (dim, namn) not in finns
        ]
    )
    finns = set(
        Indikatorfraga.objects.for_forbund(forbund).values_list("grupp", "text")
    )
    Indikatorfraga.objects.bulk_create(
        [
            Indikatorfraga(
                forbund=forbund, grupp=grupp, text=text, sortering=i, standard=True
            )
            for grupp, texter in INDIKATORFRAGOR.items()
            for i, text in enumerate(texter, start=1)
            if (grupp, text) not in finns
        ]
    )


@transaction.atomic
def indikatorresultat_save(
    *,
    forbund: Forbund,
    ar: int,
    varden: Iterable[
        tuple[Indikatorfraga, str, Decimal | None, Decimal | None, int | None]
    ],
) -> int:
    """Upsert the year's indicator results: (fraga, kön, positiva, negativa, antal) each;
    a row with no figures deletes the result. Returns the number saved."""
    sparade = 0
    for fraga, kon, pos, neg, antal in varden:
        require_same_forbund(forbund, fraga, namn="Frågan")
        befintligt = Indikatorresultat.objects.filter(
            fraga=fraga, ar=ar, kon=kon
        ).first()
        if pos is None and neg is None and antal is None:
            if befintligt is not None:
                befintligt.delete()
            continue
        model_save(
            befintligt or Indikatorresultat(fraga=fraga, ar=ar, kon=kon),
            andel_positiva=pos,
            andel_negativa=neg,
            antal_svar=antal,
        )
        sparade += 1
    return sparade
