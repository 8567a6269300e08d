"""The audit trail: every domain model keeps its history (django-simple-history), and
here it is read — one record's changes field by field, and the förbund's log of all
changes filtered by user, model and dates.

Which models: every model of the project's apps (``tenancy.APP_LABELS``) with a
``history`` (``HistoricalRecords``).
Left out on purpose: imported bookkeeping lines (``Transaktion``, ``Kontosaldo``,
``Konto`` — thousands per SIE file; the import itself, ``Bokforingsimport``, is the one
event), the rendered-PDF cache (``Dokumentfil``), ``Kontohandelse`` (itself a log) and
``Forsegling`` (written once; ``verifiera`` checks it).

Reads only: a history is never written or reverted from here, and the admin's revert of
a frozen record is refused by finsam/frysning.py.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import CharField, QuerySet, Value
from django.utils import formats

from finsam.tenancy import APP_LABELS, forbund_filter

TYP = {"+": "Skapad", "~": "Ändrad", "-": "Borttagen"}


@cache
def modeller() -> dict[str, type[models.Model]]:
    """Every model with a history, by label (``"finsam.medlem"``), in app order (built
    once: the models are fixed once the apps are loaded; do not change the dict)."""
    found: dict[str, type[models.Model]] = {}
    for app in APP_LABELS:
        for model in apps.get_app_config(app).get_models():
            if getattr(model._meta, "simple_history_manager_attribute", None):
                found[model._meta.label_lower] = model
    return found


def modell(label: str) -> type[models.Model] | None:
    return modeller().get(label)


def objekt_for_forbund(
    model: type[models.Model], forbund: Any, pk: int
) -> models.Model | None:
    """The live record, only when it belongs to ``forbund``."""
    return model._base_manager.filter(pk=pk, **forbund_filter(model, forbund)).first()


def historia(model: type[models.Model], forbund: Any, pk: int) -> QuerySet[Any]:
    """The history rows of record ``pk`` of the förbund (also of a deleted record whose
    förbund can still be followed)."""
    historisk = model.history.model  # type: ignore[attr-defined]
    return historisk.objects.filter(id=pk, **forbund_filter(model, forbund))


# --- One record ------------------------------------------------------------------------


@dataclass
class Faltandring:
    falt: str
    fore: str
    efter: str


@dataclass
class Andring:
    tid: dt.datetime
    anvandare: Any
    typ: str
    orsak: str
    falt: list[Faltandring] = field(default_factory=list)


def _sparade_falt(model: type[models.Model], historisk: type[models.Model]):
    namn = {f.attname for f in historisk._meta.concrete_fields}
    return [
        f
        for f in model._meta.concrete_fields
        if f.attname in namn and not f.primary_key
    ]


def _visa(f: models.Field, varde: Any, relaterade: dict[Any, dict[Any, Any]]) -> str:
    if varde is None or varde == "":
        return "—"
    if f.is_relation:
        obj = relaterade.get(f.related_model, {}).get(varde)
        return str(obj) if obj is not None else f"#{varde} (borttagen)"
    if f.choices:
        return str(dict(f.flatchoices).get(varde, varde))
    if isinstance(varde, bool):
        return "Ja" if varde else "Nej"
    if isinstance(varde, dt.datetime):
        return formats.date_format(varde, "SHORT_DATETIME_FORMAT")
    if isinstance(varde, dt.date):
        return varde.isoformat()
    text = str(varde)
    return text if len(text) <= 300 else text[:300] + " …"


def andringar(model: type[models.Model], historia: QuerySet[Any]) -> list[Andring]:
    """A record's history, newest first, each with the fields it changed (with their
    Swedish names, before and after). Queries: the history with its users, and one per
    kind of record referred to."""
    rader = list(
        historia.select_related("history_user").order_by("history_date", "history_id")
    )
    if not rader:
        return []
    falt = _sparade_falt(model, type(rader[0]))
    ids: dict[Any, set[Any]] = defaultdict(set)
    for f in falt:
        if f.is_relation:
            for rad in rader:
                v = getattr(rad, f.attname)
                if v is not None:
                    ids[f.related_model].add(v)
    relaterade = {m: m._base_manager.in_bulk(list(v)) for m, v in ids.items()}
    resultat = []
    fore: Any = None
    for rad in rader:
        andrade = []
        for f in falt:
            ny = getattr(rad, f.attname)
            gammal: Any = getattr(fore, f.attname) if fore is not None else None
            if fore is None and rad.history_type == "+":
                if ny in (None, ""):
                    continue
            elif ny == gammal:
                continue
            andrade.append(
                Faltandring(
                    falt=str(f.verbose_name),
                    fore="" if fore is None else _visa(f, gammal, relaterade),
                    efter=_visa(f, ny, relaterade),
                )
            )
        if rad.history_type != "~" or andrade:
            resultat.append(
                Andring(
                    tid=rad.history_date,
                    anvandare=rad.history_user,
                    typ=TYP.get(rad.history_type, rad.history_type),
                    orsak=rad.history_change_reason or "",
                    falt=andrade,
                )
            )
        fore = rad
    resultat.reverse()
    return resultat


# --- The förbund's log -----------------------------------------------------------------


@dataclass
class Loggrad:
    tid: dt.datetime
    typ: str
    modell: str
    modellnamn: str
    objekt_id: int
    anvandare: Any


def logg(
    *,
    forbund: Any,
    fran: dt.date,
    till: dt.date,
    anvandare_id: int | None = None,
    modell_label: str | None = None,
) -> QuerySet[Any]:
    """Every history row of the förbund in ``fran``–``till`` (local dates), newest
    first: one UNION query over the models' history tables (a page of it: two)."""
    valda = modeller()
    if modell_label:
        valda = {k: v for k, v in valda.items() if k == modell_label}
    delar = []
    for label, model in valda.items():
        historisk = model.history.model  # type: ignore[attr-defined]
        qs = historisk.objects.filter(
            **forbund_filter(model, forbund),
            history_date__date__gte=fran,
            history_date__date__lte=till,
        )
        if anvandare_id:
            qs = qs.filter(history_user_id=anvandare_id)
        delar.append(
            qs.order_by().values(
                "history_date",
                "history_type",
                "history_user_id",
                "id",
                modell=Value(label, output_field=CharField()),
            )
        )
    if not delar:
        return apps.get_model("finsam", "Forbund").objects.none()
    forsta, *ovriga = delar
    return forsta.union(*ovriga, all=True).order_by("-history_date", "modell", "-id")


def loggrader(rader: list[dict[str, Any]]) -> list[Loggrad]:
    """A page of ``logg`` with the users' names (one query)."""
    User = apps.get_model("finsam", "User")
    users = User.objects.in_bulk(
        {r["history_user_id"] for r in rader if r["history_user_id"]}
    )
    alla = modeller()
    return [
        Loggrad(
            tid=r["history_date"],
            typ=TYP.get(r["history_type"], r["history_type"]),
            modell=r["modell"],
            modellnamn=str(alla[r["modell"]]._meta.verbose_name).capitalize(),
            objekt_id=r["id"],
            anvandare=users.get(r["history_user_id"]),
        )
        for r in rader
    ]
