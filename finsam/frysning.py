"""One freeze mechanism for every signed, sent or approved record.

A justerat protocol, a sent fee decision, an approved period report and an approved
årsredovisning are legal records: once frozen, no path may change them — not a service,
not a form, not the admin's change form, history revert or delete, not a bulk queryset
update. Each of those paths asks the same question, ``fryst_orsak(obj)``, and each
freezable model answers it with one rule of its own app.

How a model joins (any app, the årsredovisning too)::

    class Arsredovisning(FrysbarModel):
        frysregel = "ekonomi.arsredovisning.rules.fryst_orsak"  # fn(obj) -> str | None
        frysforaldrar = ("forbund",)     # FKs whose freeze bars attaching a new row here
        frys_ny_rad = False              # True: the rule judges a new row's place too
        objects = FrysbarForbundQuerySet.as_manager()

        def frysning_tillater(self, fore, andrade):  # optional: allowed transitions
            return andrade == {"status"} and self.status == "ersatt"

and its admin class mixes in ``FrysbarAdminMixin`` before ``ModelAdmin`` or
``SimpleHistoryAdmin``. The rule function looks only at the object it is given (and what it
points to); the guard always hands it the row as stored in the database, so an object
changed in memory (an admin form, a history version) cannot talk its way past.

What the guard covers: ``Model.save`` and ``Model.delete`` (services, forms, admin change,
admin history revert), ``QuerySet.update``/``delete``/``bulk_update``/``bulk_create``, and
rows added to or moved into a frozen parent (a delegation report to a § after its
omedelbar justering, a bilaga to the ärende of a justerat §). Not covered: raw SQL and
cascading deletes of a parent, which Django runs through the plain base manager — guard
the parent (a justerat protocol cannot be deleted, so neither can its §§ through it).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, TypeVar, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.shortcuts import redirect
from django.utils.module_loading import import_string

from finsam import versioner
from finsam.tenancy import ForbundQuerySet

_M_co = TypeVar("_M_co", bound=models.Model, covariant=True)


def fryst_orsak(obj: Any) -> str | None:
    """Why ``obj`` may not change, in Swedish; ``None`` when it may."""
    if obj is None:
        return None
    regel = getattr(type(obj), "frysregel", None)
    if not regel:
        return None
    return import_string(regel)(obj)


def kan_andras(obj: Any) -> bool:
    return fryst_orsak(obj) is None


def kontrollera_kan_andras(obj: Any) -> None:
    """Raise ``ValidationError`` with the reason when ``obj`` is frozen."""
    orsak = fryst_orsak(obj)
    if orsak:
        raise ValidationError(orsak)


def lagrad(obj: models.Model) -> models.Model | None:
    """The row as the database holds it (``None`` for a new object).

    Looked up by pk even for an object Django thinks is new: a history version's
    ``instance`` (simple-history) is built with ``_state.adding`` set yet carries the
    stored row's pk, and saving it would overwrite that row — a revert of a frozen
    record by the back door."""
    if obj.pk is None:
        return None
    return type(obj)._base_manager.filter(pk=obj.pk).first()


def andrade_falt(
    fore: models.Model, efter: models.Model, update_fields: Iterable[str] | None = None
) -> set[str]:
    falt = [
        f
        for f in efter._meta.concrete_fields
        if update_fields is None
        or f.name in update_fields
        or f.attname in update_fields
    ]
    # The lock's version counts saves, it is no content: a frozen record re-saved
    # unchanged from a copy read before another save is not a change.
    return {
        f.name
        for f in falt
        if not f.primary_key
        and f.name != versioner.FALT
        and f.value_from_object(fore) != f.value_from_object(efter)
    }


def _foralder_falt(model: type[models.Model], namn: str) -> models.ForeignKey[Any, Any]:
    """A parent named in ``frysforaldrar``: always a foreign key."""
    field = model._meta.get_field(namn)
    if not isinstance(field, models.ForeignKey):
        raise TypeError(f"{model.__name__}.{namn} är ingen främmande nyckel.")
    return field


def _foralder_orsak(model: type[models.Model], namn: str, varde: Any) -> str | None:
    """The freeze reason of the parent a row is attached to (read fresh from the DB)."""
    if varde is None:
        return None
    pk = varde.pk if isinstance(varde, models.Model) else varde
    foralder_modell = cast(
        "type[models.Model]", _foralder_falt(model, namn).related_model
    )
    foralder = foralder_modell._base_manager.filter(pk=pk).first()
    return fryst_orsak(foralder)


def kontrollera_spara(obj: FrysbarModel, update_fields: Iterable[str] | None = None):
    """The model guard: refuse changing a frozen row or attaching to a frozen parent."""
    fore = lagrad(obj)
    if fore is None and obj.frys_ny_rad:
        kontrollera_kan_andras(obj)
    if fore is not None:
        orsak = fryst_orsak(fore)
        if orsak:
            andrade = andrade_falt(fore, obj, update_fields)
            if andrade and not obj.frysning_tillater(fore, andrade):
                raise ValidationError(orsak)
            return
    for namn in obj.frysforaldrar:
        attname = _foralder_falt(type(obj), namn).attname
        ny = getattr(obj, attname)
        if fore is not None and getattr(fore, attname) == ny:
            continue
        orsak = _foralder_orsak(type(obj), namn, ny)
        if orsak:
            raise ValidationError(orsak)


def kontrollera_ta_bort(obj: models.Model) -> None:
    kontrollera_kan_andras(lagrad(obj) or obj)


class FrysbarModel(models.Model):
    """Abstract base: a model whose rows freeze (see the module docstring)."""

    frysregel: ClassVar[str] = ""
    frysforaldrar: ClassVar[tuple[str, ...]] = ()
    # Fields a bulk ``update()`` may set even on frozen rows (bookkeeping, not content).
    frys_bulk_tillatna: ClassVar[frozenset[str]] = frozenset()
    # A rule that judges the row's place (its förbund and year), not its own state,
    # refuses a new row there too: no new text in an approved year's report.
    frys_ny_rad: ClassVar[bool] = False

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        kontrollera_spara(self, kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        kontrollera_ta_bort(self)
        return super().delete(*args, **kwargs)

    def frysning_tillater(self, fore: Any, andrade: set[str]) -> bool:
        """Whether a frozen row may make this change (a status transition, say)."""
        return False


class FrysbarQuerySetMixin:
    """Bulk writes ask the same rule for every row they touch."""

    @property
    def _frysmodell(self) -> type[FrysbarModel]:
        return cast("type[FrysbarModel]", getattr(self, "model"))  # noqa: B009

    def _kontrollera_rader(self) -> None:
        for obj in self.all():  # type: ignore[attr-defined]
            kontrollera_kan_andras(obj)

    def _kontrollera_foraldrar(self, values: dict[str, Any]) -> None:
        for namn in self._frysmodell.frysforaldrar:
            attname = _foralder_falt(self._frysmodell, namn).attname
            for key in (namn, attname):
                if key in values:
                    orsak = _foralder_orsak(self._frysmodell, namn, values[key])
                    if orsak:
                        raise ValidationError(orsak)

    def update(self, **kwargs: Any) -> int:
        if not set(kwargs) <= self._frysmodell.frys_bulk_tillatna:
            self._kontrollera_rader()
        self._kontrollera_foraldrar(kwargs)
        return super().update(**kwargs)  # type: ignore[misc]

    def delete(self) -> tuple[int, dict[str, int]]:
        self._kontrollera_rader()
        return super().delete()  # type: ignore[misc]

    def bulk_create(self, objs: Iterable[Any], *args: Any, **kwargs: Any) -> Any:
        objs = list(objs)
        for obj in objs:
            kontrollera_spara(obj)
        return super().bulk_create(objs, *args, **kwargs)  # type: ignore[misc]


class FrysbarQuerySet(FrysbarQuerySetMixin, models.QuerySet):
    pass


class FrysbarForbundQuerySet(FrysbarQuerySetMixin, ForbundQuerySet[_M_co]):
    pass


class FrysbarAdminMixin:
    """Admin: a frozen row is read-only, cannot be deleted (alone or in a bulk action)
    and cannot be reverted from its history. Always judged on the stored row."""

    def _fryst(self, obj: Any) -> str | None:
        if obj is None:
            return None
        return fryst_orsak(lagrad(obj) or obj)

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and not self._fryst(obj)  # type: ignore[misc]

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and not self._fryst(obj)  # type: ignore[misc]

    def get_deleted_objects(self, objs: Any, request: Any) -> Any:
        deleted, counts, perms, protected = super().get_deleted_objects(objs, request)  # type: ignore[misc]
        frysta = [f"{obj}: {orsak}" for obj in objs if (orsak := self._fryst(obj))]
        return deleted, counts, perms, [*protected, *frysta]

    def revert_disabled(self, request: Any, obj: Any = None) -> bool:
        return bool(self._fryst(obj)) or super().revert_disabled(request, obj)  # type: ignore[misc]

    def history_form_view(
        self, request: Any, object_id: Any, version_id: Any, extra_context: Any = None
    ) -> Any:
        aktuell = self.model._base_manager.filter(pk=object_id).first()  # type: ignore[attr-defined]
        orsak = fryst_orsak(aktuell)
        if orsak and request.method == "POST":
            messages.error(request, f"Kan inte återställas: {orsak}")
            return redirect(request.path)
        return super().history_form_view(  # type: ignore[misc]
            request, object_id, version_id, extra_context
        )

    def save_model(self, request: Any, obj: Any, form: Any, change: Any) -> None:
        if self._fryst(obj):
            raise PermissionDenied(self._fryst(obj))
        super().save_model(request, obj, form, change)  # type: ignore[misc]
