"""The old masking by strings becomes masking on the structure (migration 0008)."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

FORE = [("styrelse", "0007_justering_namn")]
EFTER = [("styrelse", "0008_maskering_pa_strukturen")]


def _modeller(executor):
    """The models as the tables stand now: every migration still applied, of every app
    (going back in styrelse leaves finsam's later columns in place)."""
    applied = MigrationRecorder(connection).applied_migrations()
    return executor.loader.project_state(list(applied), at_end=True).apps


@pytest.fixture
def tillbaka_till_senaste():
    """Migrated forward to the latest schema again afterwards: the tests that come
    after this one (history tables, versions) need every migration applied."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_each_masked_passage_becomes_a_person_a_report_or_a_whole_paragraph(
    tillbaka_till_senaste,
):
    executor = MigrationExecutor(connection)
    executor.migrate(FORE)
    apps = _modeller(executor)
    Forbund = apps.get_model("finsam", "Forbund")
    Person = apps.get_model("finsam", "Person")
    Organ = apps.get_model("styrelse", "Organ")
    Sammantrade = apps.get_model("styrelse", "Sammantrade")
    forbund = Forbund.objects.create(namn="Test", kortnamn="T", orgnr="222000-0000")
    organ = Organ.objects.create(forbund=forbund, namn="Styrelsen", typ="styrelse")
    anna = Person.objects.create(forbund=forbund, fornamn="Anna", efternamn="Andersson")
    innehall = {
        "narvaro": [{"person_id": anna.pk, "person": "Anna Andersson"}],
        "paragrafer": [
            {
                "id": 11,
                "rubrik": "Stöd",
                "beslut": "ANNA\nandersson beviljas stöd.",
                "delegationsbeslut": [],
            },
            {
                "id": 12,
                "rubrik": "Delegationsbeslut",
                "beslut": "",
                "delegationsbeslut": [
                    {"id": 21, "beslut": "Hyra för kansliet"},
                    {"id": 22, "beslut": "Lön för Sven Svensson"},
                ],
            },
            {"id": 13, "rubrik": "Budget", "beslut": "Fastställs."},
        ],
    }
    s = Sammantrade.objects.create(
        organ=organ,
        datum=dt.date(2018, 3, 23),
        status="anslaget",
        innehall=innehall,
        maskering="Anna Andersson\nSven Svensson\n",
    )
    Sammantrade.objects.create(organ=organ, datum=dt.date(2018, 5, 1), maskering=" \n")

    executor = MigrationExecutor(connection)
    executor.migrate(EFTER)
    apps = _modeller(executor)
    Maskering = apps.get_model("styrelse", "Maskering")
    assert set(Maskering.objects.values_list("sammantrade_id", "typ", "objekt_id")) == {
        (s.pk, "person", anna.pk),
        (s.pk, "paragraf", 11),  # the case and the line break no longer let it through
        (s.pk, "delegationsbeslut", 22),  # the § around it and the other report stay
    }
