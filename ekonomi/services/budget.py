"""Writes of the budget: lines, fees from the fee decision, adoption, revision, prognos.

An adopted budget changes only through ``budget_revidera``: a recorded revision with the
board's decision, each changed line's amount before and after.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, Sum
from django.utils.text import slugify

from ekonomi.models import (
    Budget,
    Budgetpost,
    Budgetprognos,
    Budgetprognosrad,
    Budgetrevision,
    Budgetrevisionsrad,
    avgiftskod,
)
from finsam.models import Avgiftsbeslut, Forbund

if TYPE_CHECKING:
    from styrelse.models import Paragraf

MEDLEMSAVGIFTER_KOD = "medlemsavgifter"
ANTAGEN_FEL = (
    "Budgeten är antagen och ändras bara genom en revidering som styrelsen beslutat."
)


def _ej_antagen(budget: Budget) -> None:
    if budget.status == Budget.ANTAGEN:
        raise ValidationError(ANTAGEN_FEL)


@transaction.atomic
def budget_create(
    *, forbund: Forbund, ar: int, kopiera_fran: Budget | None = None, **fields: Any
) -> Budget:
    """A new draft; with ``kopiera_fran`` the lines (and the plan for this year, where
    last year's budget had one) are carried over, and the fees come from the decision."""
    if Budget.objects.filter(forbund=forbund, ar=ar).exists():
        raise ValidationError(f"Det finns redan en budget för {ar}.")
    budget = Budget(forbund=forbund, ar=ar, **fields)
    budget.full_clean()
    budget.save()
    if kopiera_fran is not None:
        nya: dict[int, Budgetpost] = {}
        # Parents before their sub-lines (PostgreSQL sorts NULL last by default).
        for post in kopiera_fran.poster.order_by(
            F("overordnad_id").asc(nulls_first=True), "ordning", "id"
        ):
            # Last year's first plan year is this year's starting point (seed 002).
            belopp = post.plan_1 if post.plan_1 is not None else post.belopp
            ny = Budgetpost(
                budget=budget,
                grupp=post.grupp,
                kod=post.kod,
                namn=post.namn,
                overordnad=nya.get(post.overordnad_id) if post.overordnad_id else None,
                insats_id=post.insats_id,
                medlem_id=post.medlem_id,
                belopp=belopp,
                ordning=post.ordning,
                plan_1=post.plan_2,
                plan_2=post.plan_2,
            )
            ny.full_clean(exclude=["overordnad"])
            ny.save()
            nya[post.pk] = ny
        _summera_overordnade(budget)
    avgifter_fran_beslut(budget=budget)
    return budget


def _summera_overordnade(budget: Budget) -> None:
    """A line with sub-lines carries their sum (kept in step for every reader)."""
    for parent in Budgetpost.objects.filter(
        budget=budget, delposter__isnull=False
    ).distinct():
        sums = parent.delposter.aggregate(
            b=Sum("belopp"), p1=Sum("plan_1"), p2=Sum("plan_2")
        )
        parent.belopp = sums["b"] or Decimal(0)
        parent.plan_1 = sums["p1"]
        parent.plan_2 = sums["p2"]
        parent.save(update_fields=["belopp", "plan_1", "plan_2"])


def _ny_kod(budget: Budget, namn: str) -> str:
    base = slugify(namn)[:50] or "post"
    kod, n = base, 2
    while Budgetpost.objects.filter(budget=budget, kod=kod).exists():
        kod = f"{base}-{n}"
        n += 1
    return kod


@transaction.atomic
def budgetpost_save(
    *, budget: Budget, post: Budgetpost | None = None, **fields: Any
) -> Budgetpost:
    """Create or change a line of a draft budget."""
    _ej_antagen(budget)
    if post is None:
        post = Budgetpost(budget=budget)
        if "ordning" not in fields:
            storsta = budget.poster.aggregate(m=Max("ordning"))["m"] or 0
            fields["ordning"] = storsta + 10
    for name, value in fields.items():
        setattr(post, name, value)
    if not post.kod:
        post.kod = _ny_kod(budget, post.namn)
    overordnad = post.overordnad
    if overordnad is not None:
        if overordnad.budget_id != budget.pk or overordnad.overordnad_id:
            raise ValidationError(
                {"overordnad": "Välj en huvudpost i samma budget (en nivå under)."}
            )
        if post.pk and post.delposter.exists():
            raise ValidationError(
                {"overordnad": "En post med delposter kan inte själv vara delpost."}
            )
        post.grupp = overordnad.grupp
    post.full_clean(validate_unique=False)
    if (
        Budgetpost.objects.filter(budget=budget, kod=post.kod)
        .exclude(pk=post.pk)
        .exists()
    ):
        raise ValidationError({"kod": f"Koden {post.kod} finns redan i budgeten."})
    post.save()
    _summera_overordnade(budget)
    return post


@transaction.atomic
def budgetpost_delete(*, post: Budgetpost) -> None:
    _ej_antagen(post.budget)
    budget = post.budget
    post.delete()
    _summera_overordnade(budget)


def avgiftsbeslut_for(forbund: Forbund, ar: int) -> Avgiftsbeslut | None:
    """The year's fee decision in force (a replaced one does not count)."""
    return (
        Avgiftsbeslut.objects.for_forbund(forbund)
        .filter(ar=ar)
        .exclude(status=Avgiftsbeslut.ERSATT)
        .order_by("-skapad")
        .prefetch_related("rader__medlem")
        .first()
    )


@transaction.atomic
def avgifter_fran_beslut(*, budget: Budget) -> int:
    """Fee lines per paying member from the year's fee decision, never typed twice.

    Returns the number of lines written (0 without a decision)."""
    _ej_antagen(budget)
    beslut = avgiftsbeslut_for(budget.forbund, budget.ar)
    if beslut is None:
        return 0
    parent = Budgetpost.objects.filter(budget=budget, kod=MEDLEMSAVGIFTER_KOD).first()
    if parent is None:
        parent = Budgetpost(
            budget=budget,
            grupp=Budgetpost.MEDLEMSAVGIFTER,
            kod=MEDLEMSAVGIFTER_KOD,
            namn="Medlemsavgifter",
            ordning=1,
        )
        parent.full_clean()
        parent.save()
    befintliga = {p.medlem_id: p for p in parent.delposter.all() if p.medlem_id}
    skrivna = 0
    for i, rad in enumerate(beslut.rader.all(), start=1):
        post = befintliga.pop(rad.medlem_id, None)
        if post is None:
            post = Budgetpost(
                budget=budget,
                grupp=Budgetpost.MEDLEMSAVGIFTER,
                kod=avgiftskod(rad.medlem),
                overordnad=parent,
                medlem=rad.medlem,
                ordning=i,
            )
        # The line reads as the decision names the member that year (Region Stockholm
        # from 2019, where the copied line still said Stockholms läns landsting).
        post.namn = f"Medlemsavgift {rad.benamning}"
        post.belopp = rad.belopp
        if post.plan_1 is None:
            # The level stays until a member offers otherwise (seed 002, 5.2).
            post.plan_1 = post.plan_2 = rad.belopp
        post.full_clean()
        post.save()
        skrivna += 1
    for gammal in befintliga.values():
        gammal.delete()
    _summera_overordnade(budget)
    return skrivna


@transaction.atomic
def budget_anta(
    *,
    budget: Budget,
    paragraf: Paragraf | None = None,
    antagen_enligt: str = "",
    datum: dt.date | None = None,
) -> Budget:
    """Adopt a draft by the board's § (or, for a budget adopted before the förbund used
    the system, the § as text)."""
    budget = Budget.objects.select_for_update().get(pk=budget.pk)
    _ej_antagen(budget)
    if paragraf is None and not antagen_enligt.strip():
        raise ValidationError(
            "Ange paragrafen i styrelsens protokoll som antog budgeten."
        )
    if paragraf is not None and paragraf.organ.forbund_id != budget.forbund_id:
        raise ValidationError("Paragrafen hör till ett annat förbund.")
    if not budget.poster.exists():
        raise ValidationError("Budgeten har inga poster.")
    if datum is None:
        if paragraf is None:
            raise ValidationError("Ange datum för beslutet.")
        datum = paragraf.sammantrade.datum
    budget.status = Budget.ANTAGEN
    budget.antagen_paragraf = paragraf
    budget.antagen_enligt = antagen_enligt.strip()
    budget.antagen_datum = datum
    budget.full_clean()
    budget.save()
    return budget


@transaction.atomic
def budget_revidera(
    *,
    budget: Budget,
    andringar: dict[Budgetpost, Decimal],
    datum: dt.date,
    motivering: str,
    paragraf: Paragraf | None = None,
    paragraf_text: str = "",
) -> Budgetrevision:
    """Change an adopted budget's lines as the board decided; every change is kept."""
    budget = Budget.objects.select_for_update().get(pk=budget.pk)
    if budget.status != Budget.ANTAGEN:
        raise ValidationError(
            "Bara en antagen budget revideras; ändra utkastet direkt."
        )
    if paragraf is None and not paragraf_text.strip():
        raise ValidationError("Ange paragrafen där styrelsen beslutade revideringen.")
    if paragraf is not None and paragraf.organ.forbund_id != budget.forbund_id:
        raise ValidationError("Paragrafen hör till ett annat förbund.")
    if not motivering.strip():
        raise ValidationError("Skriv varför budgeten revideras.")
    verkliga = {
        post: Decimal(belopp)
        for post, belopp in andringar.items()
        if Decimal(belopp) != post.belopp
    }
    if not verkliga:
        raise ValidationError("Revideringen ändrar inget belopp.")
    for post in verkliga:
        if post.budget_id != budget.pk:
            raise ValidationError("En post hör till en annan budget.")
        if post.delposter.exists():
            raise ValidationError(
                f"{post.namn} summerar sina delposter; ändra delposterna."
            )
        if verkliga[post] < 0:
            raise ValidationError(f"{post.namn}: beloppet kan inte vara negativt.")
    revision = Budgetrevision(
        budget=budget,
        paragraf=paragraf,
        paragraf_text=paragraf_text.strip(),
        datum=datum,
        motivering=motivering.strip(),
    )
    revision.full_clean()
    revision.save()
    for post, efter in verkliga.items():
        Budgetrevisionsrad.objects.create(
            revision=revision, budgetpost=post, fore=post.belopp, efter=efter
        )
        post.belopp = efter
        post.save(update_fields=["belopp"])
    _summera_overordnade(budget)
    return revision


@transaction.atomic
def prognos_save(
    *,
    budget: Budget,
    till_manad: int,
    belopp: dict[Budgetpost, Decimal],
    kommentar: str = "",
) -> Budgetprognos:
    """The year's prognos per line at a period end; a line left out keeps its budget."""
    if till_manad not in dict(Budgetprognos.MANAD_CHOICES):
        raise ValidationError("Okänd period.")
    prognos, _ = Budgetprognos.objects.get_or_create(
        budget=budget, till_manad=till_manad
    )
    prognos.kommentar = kommentar
    prognos.full_clean()
    prognos.save()
    prognos.rader.all().delete()
    rader = []
    for post, varde in belopp.items():
        if post.budget_id != budget.pk:
            raise ValidationError("En post hör till en annan budget.")
        if varde is None or post.delposter.exists():
            continue
        rader.append(Budgetprognosrad(prognos=prognos, budgetpost=post, belopp=varde))
    Budgetprognosrad.objects.bulk_create(rader)
    return prognos


@transaction.atomic
def budget_update(
    *, budget: Budget, kommentar: str, ingaende_eget_kapital: Decimal | None
) -> Budget:
    """The comment and the opening equity are not budget figures: they may change after
    adoption (the equity is checked against the bookkeeping when it arrives)."""
    budget.kommentar = kommentar
    budget.ingaende_eget_kapital = ingaende_eget_kapital
    budget.full_clean()
    budget.save(update_fields=["kommentar", "ingaende_eget_kapital"])
    return budget
