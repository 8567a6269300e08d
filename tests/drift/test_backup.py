"""Point 13: a förbund exported, the database wiped, the förbund imported: every record,
every hash and every uploaded file is as it was."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile

import pytest
from django.apps import apps
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from finsam.backup import APP_LABELS
from finsam.demo import build_demo
from finsam.models import Dokumentfil, Forbund


def whole_database() -> dict[str, list[dict]]:
    """Every row of every table of the project's apps, as Django serializes it (the
    comparison does not use the export's own choice of what belongs to a förbund)."""
    dump = {}
    for label in APP_LABELS:
        for model in apps.get_app_config(label).get_models():
            rows = model._base_manager.order_by("pk")
            dump[model._meta.label] = json.loads(
                serializers.serialize("json", rows, use_natural_foreign_keys=True)
            )
    return dump


def media_files(root) -> dict[str, str]:
    """Every uploaded or rendered file, but not the development seal certificate that
    finsam/sigill.py keeps under media/forsegling/: it is the installation's (production
    names its own in the settings), not the förbund's, and is not in the export."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file() and p.relative_to(root).parts[0] != "forsegling"
    }


def _set_constraints(mode: str) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET CONSTRAINTS ALL {mode}")


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.mark.django_db
def test_export_wipe_and_import_give_back_every_record_hash_and_file(media, tmp_path):
    demo = build_demo()
    fil = Dokumentfil(
        forbund=demo.forbund,
        kind="protokoll",
        key="2017-1",
        titel="Protokoll",
        fingerprint="x" * 64,
        status=Dokumentfil.KLAR,
    )
    innehall = b"%PDF-1.7 protokollet som det justerades"
    fil.sha256 = hashlib.sha256(innehall).hexdigest()
    fil.fil.save("protokoll.pdf", ContentFile(innehall))
    before, files_before = whole_database(), media_files(media)
    assert sum(len(rows) for rows in before.values()) > 1000
    assert any("sha256" in r["fields"] for r in before["finsam.Dokumentfil"])

    zip_path = tmp_path / "bhs.zip"
    call_command("exportera_forbund", demo.forbund.orgnr, str(zip_path), verbosity=0)

    # The loss: an empty database and no uploaded files. (PostgreSQL truncates a
    # table only when no foreign-key check is pending in the test's transaction.)
    _set_constraints("IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    _set_constraints("DEFERRED")  # as in a transaction of its own
    shutil.rmtree(media)
    assert not Forbund.objects.exists()

    call_command("importera_forbund", str(zip_path), verbosity=0)

    after = whole_database()
    for label, rows in before.items():
        assert after[label] == rows, f"{label} skiljer sig efter återläsningen"
    assert media_files(media) == files_before


@pytest.mark.django_db
def test_an_import_never_overwrites_what_is_there(media, tmp_path, forbund):
    from tests.factories import MedlemFactory

    MedlemFactory(forbund=forbund, namn="Haninge kommun")
    zip_path = tmp_path / "ex.zip"
    call_command("exportera_forbund", forbund.orgnr, str(zip_path), verbosity=0)
    with pytest.raises(CommandError, match="finns redan"):
        call_command("importera_forbund", str(zip_path), verbosity=0)

    # Another förbund's copy whose ids are taken here: refused before anything is
    # written.
    with zipfile.ZipFile(zip_path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        data = archive.read("data.json")
    manifest["orgnr"] = "222000-2444"
    with zipfile.ZipFile(zip_path, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("data.json", data)
    with pytest.raises(CommandError, match="har redan"):
        call_command("importera_forbund", str(zip_path), verbosity=0)
    assert Forbund.objects.count() == 1


def test_an_unknown_förbund_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="Inget förbund"):
        call_command("exportera_forbund", "000000-0000", str(tmp_path / "x.zip"))
