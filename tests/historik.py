"""A longer history for a demo förbund: every insats, report and meeting times ten.

``multiplicera(forbund)`` copies the förbund's yearly records nine times into earlier
years (the span of years the data covers, shifted back once per copy), so a page about
one year or one object shows the same rows as before while everything that spans the
years — lists, choices, panels, the ärende and § pickers — has ten times as many. The
query test (tests/finsam/test_page_queries.py) asserts that no page's number of queries
grows with it.

Each model below is copied with its dates and ``ar`` moved back; foreign keys to records
copied in the same round point to the copies, except the ones named in ``behall`` (a
report stays with its insats: an insats with ten years of reports). Insatser are also
copied as ended insatser of earlier years, so the förbund has ten times as many. Models
of apps not installed are skipped, so the helper works while apps are added. Budgets are
not copied: a budget's year must lie between 2000 and 2100 (a database constraint), and
decades of copied history do not. The other models' plausibility checks (dates and years
within 2000–2100) are lifted for the copy only, inside the caller's transaction: the
copies exist to make the history long, not to be plausible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import connection, models

from finsam.models import Forbund

FAKTOR = 10


@dataclass(frozen=True)
class Kopia:
    label: str
    behall: frozenset[str] = field(default_factory=frozenset)
    # A field to make unique per copy (an insats's name is unique in its förbund).
    suffix: str = ""
    # Fields the copies get instead: a value, or a function of the copy and the last
    # day of the years it was moved to (the copied insatser of earlier years ended).
    andra: tuple[tuple[str, Any], ...] = ()


# In dependency order: a copy's foreign keys point to copies made before it.
KOPIOR = [
    Kopia(
        "insatser.Insats",
        suffix="namn",
        andra=(
            ("status", "avslutad"),
            ("slutdatum", lambda ny, slut: ny.slutdatum or slut),
        ),
    ),
    Kopia("insatser.Mal"),
    Kopia("insatser.Bemanning"),
    Kopia("insatser.Medfinansiering"),
    Kopia("insatser.Periodrapport", behall=frozenset({"insats"})),
    Kopia("insatser.PeriodrapportAvslut"),
    Kopia("insatser.PeriodrapportAntal"),
    Kopia("insatser.UnikaDeltagare"),
    Kopia("insatser.Strukturaktivitet", behall=frozenset({"insats"})),
    Kopia("insatser.Indikatorresultat"),
    Kopia("insatser.ForbundsMal"),
    Kopia("styrelse.Diarieraknare"),
    Kopia("styrelse.Arende"),
    Kopia("styrelse.Bilaga"),
    Kopia("styrelse.Sammantrade"),
    Kopia("styrelse.Paragraf"),
    Kopia("styrelse.Narvaro"),
    Kopia("styrelse.Kommentar"),
    Kopia("styrelse.Justering"),
    Kopia("styrelse.Anslag"),
    Kopia("styrelse.Delegationsbeslut"),
    Kopia("finsam.Kommununderlag"),
    Kopia("finsam.Avgiftsbud"),
    Kopia("finsam.ExternIntakt"),
    Kopia("finsam.Avgiftsbeslut"),
    Kopia("finsam.Avgiftsrad"),
]


def _modell(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _bakat(value, ar: int):
    """A date or datetime ``ar`` years earlier (29 February becomes the 28th)."""
    try:
        return value.replace(year=value.year - ar)
    except ValueError:
        return value.replace(year=value.year - ar, day=28)


def _ar_i(obj: models.Model) -> list[int]:
    years = []
    for f in obj._meta.concrete_fields:
        value = getattr(obj, f.attname)
        if value is None:
            continue
        if f.name == "ar":
            years.append(int(value))
        elif isinstance(f, models.DateField | models.DateTimeField):
            years.append(value.year)
    return years


def _rader(model: type[models.Model], forbund: Forbund) -> list[models.Model]:
    return list(model._default_manager.for_forbund(forbund).order_by("pk"))


def multiplicera(forbund: Forbund, faktor: int = FAKTOR) -> dict[str, int]:
    """Copy the förbund's records ``faktor - 1`` times into earlier years; returns the
    number of rows per model afterwards."""
    original = {
        k.label: _rader(m, forbund)
        for k in KOPIOR
        if (m := _modell(k.label)) is not None
    }
    years = [y for rader in original.values() for obj in rader for y in _ar_i(obj)]
    span = max(years) - min(years) + 1
    modeller = [m for k in KOPIOR if (m := _modell(k.label)) is not None]
    with _utan_rimlighetskontroll(modeller):
        for kopia_nr in range(1, faktor):
            bakat = span * kopia_nr
            nya: dict[type[models.Model], dict[int, int]] = {}
            for kopia in KOPIOR:
                model = _modell(kopia.label)
                if model is None:
                    continue
                slut = dt.date(max(years) - bakat, 12, 31)
                nya[model] = _kopiera(
                    model, original[kopia.label], kopia, bakat, slut, nya
                )
    return {
        label: _modell(label)._default_manager.for_forbund(forbund).count()
        for label in original
    }


@contextmanager
def _utan_rimlighetskontroll(modeller: list[type[models.Model]]) -> Iterator[None]:
    """The database's check constraints off while the copies are written. SQLite has a
    pragma for it; PostgreSQL drops them inside the caller's transaction, so they come
    back when it rolls back (``multiplicera`` is only called inside one)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA ignore_check_constraints = ON")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA ignore_check_constraints = OFF")
        return
    assert connection.in_atomic_block, "multiplicera körs bara i en transaktion"
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        # A table with foreign-key checks still pending cannot be altered: run them.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for model in modeller:
            for constraint in model._meta.constraints:
                if isinstance(constraint, models.CheckConstraint):
                    cursor.execute(
                        f"ALTER TABLE {qn(model._meta.db_table)} "
                        f"DROP CONSTRAINT {qn(constraint.name)}"
                    )
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    yield


def _kopiera(
    model: type[models.Model],
    rader: list[models.Model],
    kopia: Kopia,
    bakat: int,
    slut: dt.date,
    nya: dict[type[models.Model], dict[int, int]],
) -> dict[int, int]:
    """Copy ``rader`` ``bakat`` years back; returns old pk -> new pk."""
    kopior = []
    sjalv: list[tuple[models.Model, str, int]] = []
    for obj in rader:
        ny = model()
        for f in model._meta.concrete_fields:
            if f.primary_key:
                continue
            value = getattr(obj, f.attname)
            if value is not None:
                if f.name == "ar":
                    value = value - bakat
                elif isinstance(f, models.DateField | models.DateTimeField):
                    value = _bakat(value, bakat)
                elif f.is_relation and f.name not in kopia.behall:
                    target = f.related_model
                    if target is model:
                        sjalv.append((ny, f.attname, value))
                        value = None
                    elif target in nya:
                        value = nya[target].get(value, value)
            if f.name == kopia.suffix:
                value = f"{value} ({obj.pk}-{bakat})"
            setattr(ny, f.attname, value)
        for name, value in kopia.andra:
            setattr(ny, name, value(ny, slut) if callable(value) else value)
        kopior.append(ny)
    # A plain QuerySet: history is written as it stood, past the freeze guard
    # (finsam/frysning.py) that keeps a justerat protocol or approved report unchanged.
    models.QuerySet(model=model).bulk_create(kopior)
    mapping = {obj.pk: ny.pk for obj, ny in zip(rader, kopior, strict=True)}
    for ny, attname, gammal in sjalv:
        models.QuerySet(model=model).filter(pk=ny.pk).update(
            **{attname: mapping.get(gammal, gammal)}
        )
    return mapping
