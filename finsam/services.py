"""Writes with rules for the förbund's members, people and assignments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import partial
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from finsam.frysning import kontrollera_kan_andras
from finsam.models import (
    Avgiftsbeslut,
    Avgiftsbud,
    Avgiftsrad,
    ExternIntakt,
    Forbund,
    Kommununderlag,
    Medlem,
    Person,
    Uppdrag,
    User,
)
from finsam.numbers import format_tal
from finsam.tenancy import require_same_forbund

M = TypeVar("M", bound=models.Model)


SAMTIDIGT_SPARAD = "Någon annan sparade samma uppgift i samma ögonblick. Ladda om sidan och försök igen."


class SamtidigAndring(ValidationError):
    """Another request saved the same unique thing between our check and our write:
    the database refused ours (IntegrityError). Carries the message the check gives
    now that the other row is there, so the form shows it like any validation error."""


def model_save(instance: M, **fields: Any) -> M:
    """Set ``fields``, validate the whole object and save it, all or nothing.

    ``full_clean`` checks the unique constraints, but two requests can both pass the
    check before either writes; the database then refuses the second. That becomes a
    ``SamtidigAndring`` with the constraint's own message, never a 500."""
    for name, value in fields.items():
        setattr(instance, name, value)
    try:
        with transaction.atomic():
            instance.full_clean()
            instance.save()
    except IntegrityError as exc:
        try:
            instance.full_clean()
        except ValidationError as now_invalid:
            raise SamtidigAndring(now_invalid.update_error_dict({})) from exc
        raise SamtidigAndring(SAMTIDIGT_SPARAD) from exc
    return instance


def save_unique(find: Callable[[], M | None], new: Callable[[], M], **fields: Any) -> M:
    """Save the one row a unique key names: change it if it exists, else create it.
    When another request creates it at the same moment, change theirs instead (the
    later save wins, as it would have a second later) rather than fail."""
    try:
        return model_save(find() or new(), **fields)
    except SamtidigAndring:
        existing = find()
        if existing is None:
            raise
        return model_save(existing, **fields)


def medlem_save(
    *, forbund: Forbund, medlem: Medlem | None = None, **fields: Any
) -> Medlem:
    return model_save(medlem or Medlem(forbund=forbund), **fields)


def person_save(
    *, forbund: Forbund, person: Person | None = None, **fields: Any
) -> Person:
    return model_save(person or Person(forbund=forbund), **fields)


def uppdrag_save(
    *, forbund: Forbund, uppdrag: Uppdrag | None = None, **fields: Any
) -> Uppdrag:
    return model_save(uppdrag or Uppdrag(forbund=forbund), **fields)


def uppdrag_delete(*, uppdrag: Uppdrag) -> None:
    uppdrag.delete()


def user_save(
    *,
    forbund: Forbund,
    user: User | None = None,
    password: str = "",
    av: User | None = None,
    **fields: Any,
) -> User:
    """Create or change a login of the förbund (a new one needs a password).

    ``av`` is who does it: a password or person link set by someone else is recorded
    and keeps the login from signing until its owner sets a password of their own
    (finsam/konton.py); a login that has signed is never linked to another person.
    """
    user = user or User(forbund=forbund)
    user._utford_av = av
    if password:
        user.set_password(password)
    return model_save(user, **fields)


def user_create(
    *,
    forbund: Forbund,
    username: str,
    password: str,
    roll: str,
    person: Person | None = None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    av: User | None = None,
) -> User:
    user = User(
        forbund=forbund,
        username=username,
        roll=roll,
        person=person,
        first_name=first_name or (person.fornamn if person else ""),
        last_name=last_name or (person.efternamn if person else ""),
        email=email or (person.epost if person else ""),
    )
    user.set_password(password)
    user._utford_av = av
    return model_save(user)


def losenord_byt(*, user: User, password: str) -> User:
    """The login's owner chooses their own password (clears a password set by others)."""
    user.set_password(password)
    user._utford_av = user
    user.save(update_fields=["password"])
    return user


# --- Medlemsavgifter ----------------------------------------------------------------

AVRUNDNINGSREGEL = (
    "Största resten: varje part får först hela kronor nedåt av sin exakta andel; de kronor "
    "som då återstår går en i taget till de parter som har störst avrundad rest (vid lika "
    "rest den som står först). Delarna blir alltid exakt totalen och ingen del avviker "
    "mer än 1 kr från sin exakta andel."
)

STATENS_ANDEL = Fraction(1, 2)
REGIONENS_ANDEL = Fraction(1, 4)
KOMMUNERNAS_ANDEL = Fraction(1, 4)


def fordela_storsta_rest(total: int, vikter: Sequence[Fraction | int]) -> list[int]:
    """Split a whole number of kronor by weights with the largest-remainder method.

    The parts sum exactly to ``total``, each within 1 kr of its exact share, and a larger
    weight never gets a smaller part. This is the one rounding rule for member fees.
    """
    if total < 0:
        raise ValueError("total must not be negative")
    summa = sum(Fraction(v) for v in vikter)
    if summa <= 0:
        raise ValueError("weights must sum to more than zero")
    exakta = [Fraction(total) * Fraction(v) / summa for v in vikter]
    delar = [int(e) for e in exakta]  # floor: every share is non-negative
    kvar = total - sum(delar)
    ordning = sorted(range(len(exakta)), key=lambda i: (-(exakta[i] - delar[i]), i))
    for i in ordning[:kvar]:
        delar[i] += 1
    return delar


@dataclass
class Fordelningsrad:
    medlem: Medlem
    benamning: str
    andel: Fraction
    belopp: int
    underlag: str = ""


def _whole_kronor(total: Decimal | int | None, field: str = "total") -> int:
    if total is None or total == "":
        raise ValidationError({field: "Ange totalbeloppet i hela kronor."})
    value = Decimal(total)
    if value <= 0:
        raise ValidationError({field: "Totalbeloppet måste vara större än noll."})
    if value != value.to_integral_value():
        raise ValidationError(
            {field: "Medlemsavgifter anges i hela kronor, utan ören."}
        )
    return int(value)


def avgift_berakna(
    *, forbund: Forbund, ar: int, total: Decimal | int | None, metod: str
) -> list[Fordelningsrad]:
    """The allocation of ``total`` for budget year ``ar``; raises ValidationError in Swedish.

    Staten 50 % (one line paid by Försäkringskassan, or FK and AF a quarter each),
    the region 25 %, the kommuner 25 % together, split by population of 1 November the
    year before or by the förbundsordning's fixed percentages (lag 2003:1210, 9 §).
    """
    total_kr = _whole_kronor(total)
    year_start, year_end = dt.date(ar, 1, 1), dt.date(ar, 12, 31)
    medlemmar = [
        m
        for m in Medlem.objects.for_forbund(forbund).order_by("sortering", "namn")
        if (m.medlem_fran is None or m.medlem_fran <= year_end)
        and (m.medlem_till is None or m.medlem_till >= year_start)
    ]
    errors: list[str] = []
    for m in medlemmar:
        if not m.ar_medlem(year_start) or not m.ar_medlem(year_end):
            errors.append(
                f"{m.namn} är medlem bara under en del av {ar} "
                f"({m.medlem_fran or '…'} – {m.medlem_till or '…'}). Förbundsordningen "
                "säger inte hur en del av året ska räknas: ta ett särskilt beslut för den "
                "medlemmen och ändra medlemsperioden till hela år innan avgiften fördelas."
            )
    fk = [m for m in medlemmar if m.typ == Medlem.FORSAKRINGSKASSAN]
    af = [m for m in medlemmar if m.typ == Medlem.ARBETSFORMEDLINGEN]
    regioner = [m for m in medlemmar if m.typ == Medlem.REGION]
    kommuner = [m for m in medlemmar if m.typ == Medlem.KOMMUN]
    if len(fk) != 1:
        errors.append("Förbundet ska ha Försäkringskassan som medlem (en gång).")
    if not forbund.staten_en_rad and len(af) != 1:
        errors.append("Förbundet ska ha Arbetsförmedlingen som medlem (en gång).")
    if len(regioner) != 1:
        errors.append(f"Förbundet ska ha precis en region som medlem {ar}.")
    if not kommuner:
        errors.append(f"Förbundet har ingen kommun som medlem {ar}.")
    underlag = {
        u.medlem_id: u
        for u in Kommununderlag.objects.for_forbund(forbund).filter(
            ar=ar, medlem__in=kommuner
        )
    }
    vikter: list[Fraction] = []
    texter: list[str] = []
    for k in kommuner:
        u = underlag.get(k.pk)
        if metod == Avgiftsbeslut.BEFOLKNING:
            if u is None or u.befolkning is None:
                errors.append(
                    f"Befolkningstal saknas för {k.namn} för budgetåret {ar} "
                    f"(befolkningen den 1 november {ar - 1})."
                )
                continue
            if u.befolkning == 0:
                errors.append(f"Befolkningstalet för {k.namn} {ar} kan inte vara 0.")
                continue
            vikter.append(Fraction(u.befolkning))
            texter.append(f"{format_tal(u.befolkning)} invånare")
        else:
            if u is None or u.procent is None:
                errors.append(f"Fast andel saknas för {k.namn} för budgetåret {ar}.")
                continue
            vikter.append(Fraction(u.procent))
            texter.append(
                f"{str(u.procent.normalize()).replace('.', ',')} % av kommundelen"
            )
    if metod == Avgiftsbeslut.PROCENT and len(vikter) == len(kommuner) and kommuner:
        summa = sum(vikter)
        if summa != 100:
            errors.append(
                f"Kommunernas fasta andelar för {ar} är tillsammans "
                f"{str(Decimal(summa.numerator) / Decimal(summa.denominator)).replace('.', ',')} "
                "%, inte 100 %."
            )
    if errors:
        raise ValidationError(errors)

    # One largest-remainder split over every final line, so each line is within 1 kr.
    parts: list[tuple[Medlem, str, Fraction, str]] = []
    # The names valid in the budget year (a region renamed since prints its old name).
    jan1 = dt.date(ar, 1, 1)
    if forbund.staten_en_rad:
        parts.append(
            (fk[0], "Staten, Försäkringskassan för FK och AF", STATENS_ANDEL, "")
        )
    else:
        parts.append((fk[0], fk[0].namn_pa(jan1), STATENS_ANDEL / 2, ""))
        parts.append((af[0], af[0].namn_pa(jan1), STATENS_ANDEL / 2, ""))
    parts.append((regioner[0], regioner[0].namn_pa(jan1), REGIONENS_ANDEL, ""))
    summa_vikt = sum(vikter)
    for k, vikt, text in zip(kommuner, vikter, texter, strict=True):
        parts.append((k, k.namn_pa(jan1), KOMMUNERNAS_ANDEL * vikt / summa_vikt, text))
    belopp = fordela_storsta_rest(total_kr, [p[2] for p in parts])
    return [
        Fordelningsrad(medlem=m, benamning=namn, andel=andel, belopp=b, underlag=text)
        for (m, namn, andel, text), b in zip(parts, belopp, strict=True)
    ]


def _spara_rader(beslut: Avgiftsbeslut, rader: list[Fordelningsrad]) -> None:
    beslut.rader.all().delete()
    Avgiftsrad.objects.bulk_create(
        Avgiftsrad(
            beslut=beslut,
            medlem=r.medlem,
            benamning=r.benamning,
            andel=Decimal(r.andel.numerator) / Decimal(r.andel.denominator),
            belopp=Decimal(r.belopp),
            underlag=r.underlag,
            ordning=i,
        )
        for i, r in enumerate(rader)
    )


@transaction.atomic
def avgiftsbeslut_save(
    *,
    forbund: Forbund,
    ar: int,
    total: Decimal | int | None,
    metod: str = Avgiftsbeslut.BEFOLKNING,
    beslut: Avgiftsbeslut | None = None,
    paragraf: str = "",
    beslutsparagraf: models.Model | None = None,
    beslutsdatum: dt.date | None = None,
    avsandare: Person | None = None,
) -> Avgiftsbeslut:
    """Create or change a draft decision and compute its lines; nothing saved on error."""
    require_same_forbund(
        forbund, beslutsparagraf, namn="Paragrafen", field="beslutsparagraf"
    )
    if beslut is not None:
        beslut = Avgiftsbeslut.objects.select_for_update().get(pk=beslut.pk)
        kontrollera_kan_andras(beslut)
    elif (
        Avgiftsbeslut.objects.for_forbund(forbund)
        .filter(ar=ar)
        .exclude(status=Avgiftsbeslut.ERSATT)
        .exists()
    ):
        raise ValidationError(
            {
                "ar": f"Det finns redan ett avgiftsbeslut för {ar}. Ändra det eller ersätt det."
            }
        )
    rader = avgift_berakna(forbund=forbund, ar=ar, total=total, metod=metod)
    beslut = model_save(
        beslut or Avgiftsbeslut(forbund=forbund),
        ar=ar,
        total=Decimal(_whole_kronor(total)),
        metod=metod,
        staten_en_rad=forbund.staten_en_rad,
        paragraf=paragraf,
        beslutsparagraf=beslutsparagraf,
        beslutsdatum=beslutsdatum,
        avsandare=avsandare,
    )
    _spara_rader(beslut, rader)
    return beslut


@transaction.atomic
def avgiftsbeslut_expediera(*, beslut: Avgiftsbeslut) -> Avgiftsbeslut:
    beslut = Avgiftsbeslut.objects.select_for_update().get(pk=beslut.pk)
    if beslut.status != Avgiftsbeslut.UTKAST:
        raise ValidationError("Beslutet är redan expedierat.")
    if not beslut.paragraf_text:
        raise ValidationError(
            "Ange vilken paragraf i styrelsens protokoll som fattade beslutet innan det "
            "expedieras."
        )
    return model_save(
        beslut, status=Avgiftsbeslut.EXPEDIERAT, expedierad=timezone.now()
    )


@transaction.atomic
def avgiftsbeslut_ersatt(
    *,
    beslut: Avgiftsbeslut,
    total: Decimal | int | None,
    metod: str,
    paragraf: str = "",
    **fields: Any,
) -> Avgiftsbeslut:
    """A sent decision changes only through a new one that replaces it; both are kept."""
    old = Avgiftsbeslut.objects.select_for_update().get(pk=beslut.pk)
    if old.status != Avgiftsbeslut.EXPEDIERAT:
        raise ValidationError(
            "Bara ett expedierat beslut ersätts; ett utkast ändras direkt."
        )
    old.status = Avgiftsbeslut.ERSATT
    old.save(update_fields=["status"])
    new = avgiftsbeslut_save(
        forbund=old.forbund,
        ar=old.ar,
        total=total,
        metod=metod,
        paragraf=paragraf,
        **fields,
    )
    return model_save(new, ersatter=old)


@dataclass
class Budrad:
    part: str
    namn: str
    andel: Fraction
    bud: int
    belopp: int

    @property
    def skillnad(self) -> int:
        return self.belopp - self.bud


def bud_niva(*, bud: Mapping[str, Decimal | int]) -> tuple[int, list[Budrad]]:
    """The level everyone pays: the smallest offer, scaled by its share, sets the total.

    Because the shares are fixed by law (50/25/25), the party that offers least decides
    (seed 002, 5.2). Returns the total and each party's amount and difference from its
    offer (negative: pays less than it offered).
    """
    andelar = {
        Avgiftsbud.STATEN: STATENS_ANDEL,
        Avgiftsbud.REGION: REGIONENS_ANDEL,
        Avgiftsbud.KOMMUNERNA: KOMMUNERNAS_ANDEL,
    }
    saknas = [dict(Avgiftsbud.PART_CHOICES)[p] for p in andelar if p not in bud]
    if saknas:
        raise ValidationError(f"Bud saknas från: {', '.join(saknas)}.")
    for part, budat in bud.items():
        if Decimal(budat) <= 0:
            raise ValidationError(
                f"Budet från {dict(Avgiftsbud.PART_CHOICES)[part].lower()} måste vara större än noll."
            )
    niva = min(Fraction(Decimal(bud[p])) / a for p, a in andelar.items())
    total = int(niva)  # whole kronor, never more than the lowest bidder offered
    belopp = fordela_storsta_rest(total, list(andelar.values()))
    rader = [
        Budrad(
            part=p,
            namn=dict(Avgiftsbud.PART_CHOICES)[p],
            andel=a,
            bud=int(Decimal(bud[p])),
            belopp=b,
        )
        for (p, a), b in zip(andelar.items(), belopp, strict=True)
    ]
    return total, rader


@transaction.atomic
def bud_save(*, forbund: Forbund, ar: int, bud: dict[str, Decimal]) -> None:
    for part, belopp in bud.items():
        Avgiftsbud.objects.update_or_create(
            forbund=forbund, ar=ar, part=part, defaults={"belopp": belopp}
        )


@transaction.atomic
def kommununderlag_save(
    *, forbund: Forbund, ar: int, varden: dict[Medlem, dict[str, object]]
) -> list[Kommununderlag]:
    """Save every kommun's population/percentage for the year, all or nothing."""
    saved = []
    for medlem, fields in varden.items():
        if medlem.forbund_id != forbund.pk or medlem.typ != Medlem.KOMMUN:
            raise ValidationError(f"{medlem} är inte en kommun i förbundet.")
        saved.append(
            save_unique(
                Kommununderlag.objects.filter(medlem=medlem, ar=ar).first,
                partial(Kommununderlag, forbund=forbund, medlem=medlem, ar=ar),
                **fields,
            )
        )
    return saved


def externintakt_save(
    *, forbund: Forbund, intakt: ExternIntakt | None = None, **fields: Any
) -> ExternIntakt:
    return model_save(intakt or ExternIntakt(forbund=forbund), **fields)
