"""A portable copy of one förbund: every record and every uploaded file, in one zip.

``manage.py exportera_forbund <orgnr> <fil.zip>`` writes it, ``importera_forbund
<fil.zip>`` reads it back into a database where the förbund is not (a new server, or
after a loss). The records keep their ids (Django's JSON serialization, ordered so that
what a record refers to comes first); references to Django's own tables (content
types, permissions) go by natural key, so a fresh database with other ids for those
reads it too. The import refuses, before writing anything, when the förbund or any of
the ids is already there, so it can never overwrite someone else's records. Frozen
records come back as they were: loading bypasses ``save()`` (and the audit history,
which is itself in the copy), so their hashes are the ones that were signed.

Which models hold a förbund's data is read from the models themselves: a ``forbund``
field, or ``forbund_path`` (finsam/tenancy.py); history models follow their record's.
A model in the project's apps with neither stops the export (``UtanForbund``), so a new
model cannot silently be left out of the copy.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction

from finsam.tenancy import APP_LABELS, forbund_filter, forbund_sokvag

FORMAT = 1
DATA = "data.json"
MANIFEST = "manifest.json"
MEDIA = "media/"


class BackupError(Exception):
    """Why an export or import cannot be done (Swedish, for the command line)."""


@dataclass(frozen=True)
class Del:
    model: type[models.Model]
    # Lookup from the model to its förbund (``tenancy.forbund_sokvag``).
    path: str


def delar() -> list[Del]:
    """Every model with a förbund's data, each after the models it refers to."""
    found: list[type[models.Model]] = []
    missing = []
    paths: dict[type[models.Model], str] = {}
    for label in APP_LABELS:
        for model in apps.get_app_config(label).get_models():
            if model._meta.proxy:
                continue
            path = forbund_sokvag(model)
            if path is None:
                missing.append(model._meta.label)
                continue
            found.append(model)
            paths[model] = path
    if missing:
        raise BackupError(
            "Modeller utan väg till förbundet (forbund eller forbund_path): "
            + ", ".join(sorted(missing))
        )
    ordered = serializers.sort_dependencies([(None, found)], allow_cycles=True)
    return [Del(model, paths[model]) for model in ordered]


def _objects(forbund: models.Model) -> list[models.Model]:
    result: list[models.Model] = []
    for part in delar():
        qs = part.model._base_manager.filter(
            **forbund_filter(part.model, forbund)
        ).order_by("pk")
        result.extend(qs.distinct())
    return result


def _files(objects: list[models.Model]) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for obj in objects:
        for field in obj._meta.concrete_fields:
            if isinstance(field, models.FileField):
                value = getattr(obj, field.attname)
                name = str(value or "")
                if name and name not in files:
                    with default_storage.open(name, "rb") as handle:
                        files[name] = handle.read()
    return files


class ExaktKodare(DjangoJSONEncoder):
    """Django's JSON with times to the microsecond (its own encoder stops at the
    millisecond, so a restored history entry would not be the one exported)."""

    def default(self, o: Any) -> Any:
        if isinstance(o, dt.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, dt.time) and o.utcoffset() is None:
            return o.isoformat()
        return super().default(o)  # an aware time: Django refuses it


def serialize(objects: list[models.Model]) -> str:
    return serializers.serialize(
        "json", objects, use_natural_foreign_keys=True, indent=1, cls=ExaktKodare
    )


def exportera(forbund: models.Model, target: Path) -> dict[str, Any]:
    """Write the förbund's zip; return its manifest."""
    objects = _objects(forbund)
    files = _files(objects)
    counts: dict[str, int] = {}
    for obj in objects:
        counts[obj._meta.label] = counts.get(obj._meta.label, 0) + 1
    manifest = {
        "format": FORMAT,
        "orgnr": forbund.orgnr,  # type: ignore[attr-defined]
        "namn": forbund.namn,  # type: ignore[attr-defined]
        "poster": counts,
        "filer": {
            name: hashlib.sha256(data).hexdigest() for name, data in files.items()
        },
    }
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
        archive.writestr(DATA, serialize(objects))
        for name, data in files.items():
            archive.writestr(MEDIA + name, data)
    return manifest


def _read(source: Path) -> tuple[dict[str, Any], str, dict[str, bytes]]:
    try:
        with zipfile.ZipFile(source) as archive:
            manifest = json.loads(archive.read(MANIFEST))
            data = archive.read(DATA).decode()
            files = {
                name[len(MEDIA) :]: archive.read(name)
                for name in archive.namelist()
                if name.startswith(MEDIA) and not name.endswith("/")
            }
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise BackupError(f"{source} är ingen export av ett förbund: {exc}") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Okänt exportformat {manifest.get('format')!r}.")
    for name, digest in manifest.get("filer", {}).items():
        if hashlib.sha256(files.get(name, b"")).hexdigest() != digest:
            raise BackupError(f"Filen {name} i exporten är skadad eller saknas.")
    return manifest, data, files


def _check_free(data: str, files: dict[str, bytes]) -> None:
    """Refuse before writing anything if the copy would overwrite something."""
    pks: dict[type[models.Model], list[Any]] = {}
    for item in serializers.deserialize(
        "json", data, handle_forward_references=True, ignorenonexistent=False
    ):
        pks.setdefault(type(item.object), []).append(item.object.pk)
    for model, ids in pks.items():
        taken = model._base_manager.filter(pk__in=ids).values_list("pk", flat=True)[:5]
        if taken:
            raise BackupError(
                f"Databasen har redan {model._meta.verbose_name} med id "
                f"{', '.join(map(str, taken))}: importera i en tom databas eller "
                "sedan förbundet tagits bort."
            )
    for name, content in files.items():
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as handle:
                if handle.read() != content:
                    raise BackupError(
                        f"Filen {name} finns redan med annat innehåll i MEDIA_ROOT."
                    )


def importera(source: Path) -> dict[str, Any]:
    """Read a zip written by ``exportera`` back, all or nothing; return its manifest."""
    from finsam.models import Forbund

    manifest, data, files = _read(source)
    if Forbund.objects.filter(orgnr=manifest["orgnr"]).exists():
        raise BackupError(
            f"Förbundet {manifest['orgnr']} finns redan i databasen; ta bort det "
            "först om det ska ersättas av kopian."
        )
    _check_free(data, files)
    with tempfile.TemporaryDirectory() as tmp, transaction.atomic():
        fixture = Path(tmp) / "forbund.json"
        fixture.write_text(data)
        call_command("loaddata", str(fixture), verbosity=0)
        for name, content in files.items():
            if not default_storage.exists(name):
                saved = default_storage.save(name, ContentFile(content))
                if saved != name:
                    raise BackupError(f"Filen {name} kunde inte läggas tillbaka.")
    return manifest
