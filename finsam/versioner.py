"""Optimistic locking: two people editing the same record never lose a change silently.

Every record edited through a form is ``Versionerad``: its ``version`` goes up by one
in the database on every save, whatever path saves it (form, service, admin). An edit
form carries the version the person saw in a hidden field (``versionsfalt``); the
save runs inside ``samma_version``, which locks the row, compares and refuses with
``InaktuellVersion`` when someone saved in between. The views show that like any
validation error: the form comes back with the person's own input and the current
version, the first person's save stays as it was, and saving again (after looking)
deliberately replaces it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.http import QueryDict

FALT = "version"

KONFLIKT = (
    "Någon annan har sparat ändringar här sedan du öppnade sidan, så dina ändringar "
    "är inte sparade. De står kvar i formuläret. Öppna sidan i en ny flik för att se "
    "vad som sparades, och spara igen om dina ändringar ska ersätta det."
)


class Versionerad(models.Model):
    version = models.PositiveIntegerField("version", default=1, editable=False)

    class Meta:
        abstract = True

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        # Counted up in the database (version = version + 1), so a save from a copy
        # read before someone else's save still moves the version on.
        field = self._meta.get_field(FALT)
        values = [v for v in values if v[0] is not field]
        values.append((field, None, F(FALT) + 1))
        updated = super()._do_update(
            base_qs, using, pk_val, values, update_fields, forced_update
        )
        if updated:
            self.version = (self.version or 0) + 1
        return updated


class InaktuellVersion(ValidationError):
    """The record was saved by someone else after this form was loaded."""

    def __init__(self, current: int) -> None:
        super().__init__(KONFLIKT, code="inaktuell_version")
        self.current = current


def versionsfalt(form: forms.BaseForm, instance: models.Model | None) -> None:
    """Give ``form`` a hidden field with the version of ``instance`` it was shown at
    (nothing for a new record or a model without versions)."""
    if instance is None or instance.pk is None or not isinstance(instance, Versionerad):
        return
    form.fields[FALT] = forms.IntegerField(
        widget=forms.HiddenInput, required=False, initial=instance.version
    )


def sedd_version(form: forms.BaseForm) -> int | None:
    """The version the person saw, taken out of ``cleaned_data`` so that services that
    take ``**form.cleaned_data`` never see it."""
    cleaned: dict[str, Any] = getattr(form, "cleaned_data", {})
    return cleaned.pop(FALT, None)


def kontrollera_version(instance: models.Model, sedd: int | None) -> None:
    """Lock the row (until the surrounding transaction ends) and refuse when its
    version is no longer the one the person saw."""
    if sedd is None or instance.pk is None or not isinstance(instance, Versionerad):
        return
    current = (
        type(instance)
        ._base_manager.select_for_update()
        .filter(pk=instance.pk)
        .values_list(FALT, flat=True)
        .first()
    )
    if current is not None and current != sedd:
        raise InaktuellVersion(current)


@contextmanager
def samma_version(
    form: forms.BaseForm, instance: models.Model | None
) -> Iterator[None]:
    """``with samma_version(form, obj): service(...)`` saves only if nobody else
    saved ``obj`` since the form was loaded; else ``InaktuellVersion`` and the form
    carries the current version, so saving again replaces it on purpose."""
    sedd = sedd_version(form)
    try:
        with transaction.atomic():
            if instance is not None:
                kontrollera_version(instance, sedd)
            yield
    except InaktuellVersion as exc:
        _visa_version(form, exc.current)
        raise
    # Saved: a form shown again after the save (a draft saved, its submission refused)
    # carries the version it now has, or the next save would be refused as stale.
    if form.is_bound and isinstance(instance, Versionerad) and instance.pk is not None:
        current = (
            type(instance)
            ._base_manager.filter(pk=instance.pk)
            .values_list(FALT, flat=True)
            .first()
        )
        if current is not None:
            _visa_version(form, current)


def _visa_version(form: forms.BaseForm, version: int) -> None:
    data = cast(QueryDict, form.data).copy()  # request.POST, read-only
    data[FALT] = str(version)
    form.data = data
