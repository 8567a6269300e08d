"""Point 12: simultaneous writes end in a saved row or a clear message, never a 500."""

from __future__ import annotations

import threading
from decimal import Decimal
from unittest import mock

import pytest
from django.conf import settings
from django.db import IntegrityError, OperationalError, transaction
from django.db.utils import ConnectionHandler
from django.urls import reverse

from finsam import services
from finsam.models import Avgiftsbeslut
from insatser.models import UnikaDeltagare
from tests.drift.concurrency import Meet, needs_postgresql, together
from tests.finsam.factories import medlemmar

# --- SQLite: WAL, busy timeout, IMMEDIATE ---------------------------------------------


@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="SQLite-inställningarna gäller bara SQLite",
)
def test_sqlite_writers_wait_for_each_other_instead_of_failing(
    tmp_path, django_db_blocker
):
    """Two transactions that read and then write (a new § reads the next number, then
    inserts) on the app's own SQLite options, in a file as in production. A deferred
    transaction cannot wait for the other writer: SQLite fails it at once with
    "database is locked" (its read snapshot went stale). IMMEDIATE takes the write
    lock at BEGIN, so the second one waits and both succeed."""
    config = {**settings.DATABASES["default"], "NAME": str(tmp_path / "las.sqlite3")}
    handler = ConnectionHandler({"default": dict(config), "b": dict(config)})
    with django_db_blocker.unblock():
        _read_then_write_twice(handler)


def _read_then_write_twice(handler: ConnectionHandler) -> None:
    with handler["default"].cursor() as c:
        c.execute("CREATE TABLE raknare (n integer)")
        c.execute("INSERT INTO raknare VALUES (0)")
        c.execute("PRAGMA journal_mode")
        assert c.fetchone()[0] == "wal"
    first_has_read = threading.Event()

    def add_one(alias: str) -> int:
        conn = handler[alias]
        try:
            with transaction.atomic(using=alias):
                with conn.cursor() as c:
                    c.execute("SELECT n FROM raknare")
                    n = c.fetchone()[0]
                    if alias == "default":
                        # Give b the chance to read too before a writes.
                        first_has_read.set()
                        threading.Event().wait(0.5)
                    c.execute("UPDATE raknare SET n = %s", [n + 1])
            return n + 1
        finally:
            conn.close()

    def second() -> int:
        first_has_read.wait(5)
        return add_one("b")

    with mock.patch.object(transaction, "get_connection", handler.__getitem__):
        results = together(lambda: add_one("default"), second)
    assert not any(isinstance(r, Exception) for r in results), results
    with handler["default"].cursor() as c:
        c.execute("SELECT n FROM raknare")
        assert c.fetchone()[0] == 2
    handler.close_all()


# --- a unique race becomes the constraint's message ------------------------------------


def test_a_unique_race_becomes_a_validation_error_not_an_integrity_error(forbund):
    """Simulates the race deterministically: the other decision appears after this
    save's check has passed (the check is skipped once), so the database refuses."""
    k = medlemmar(forbund, ["Haninge kommun"])
    services.kommununderlag_save(
        forbund=forbund, ar=2027, varden={k["Haninge kommun"]: {"befolkning": 100}}
    )
    services.avgiftsbeslut_save(forbund=forbund, ar=2027, total=1000)
    second = Avgiftsbeslut(forbund=forbund, ar=2027, total=Decimal(2000))
    real = Avgiftsbeslut.validate_constraints
    calls = []

    def passes_the_first_time(self, exclude=None):
        calls.append(1)
        if len(calls) > 1:
            real(self, exclude)

    with mock.patch.object(
        Avgiftsbeslut, "validate_constraints", passes_the_first_time
    ):
        with pytest.raises(services.SamtidigAndring) as caught:
            services.model_save(second)
    assert isinstance(caught.value.__cause__, IntegrityError)
    assert (
        "Det finns redan ett gällande avgiftsbeslut för året." in caught.value.messages
    )
    assert Avgiftsbeslut.objects.filter(forbund=forbund, ar=2027).count() == 1


# --- threads against the database: two people press save at the same moment ------------


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_fee_decisions_for_the_same_year_one_saved_one_told(
    forbund, kanslist, client_for
):
    k = medlemmar(forbund, ["Haninge kommun", "Tyresö kommun"])
    services.kommununderlag_save(
        forbund=forbund,
        ar=2027,
        varden={
            k["Haninge kommun"]: {"befolkning": 86_235},
            k["Tyresö kommun"]: {"befolkning": 47_501},
        },
    )
    clients = [client_for(kanslist), client_for(kanslist)]
    url = reverse("finsam:avgiftsbeslut_create")
    meet = Meet(2)
    with mock.patch.object(
        services, "avgift_berakna", meet.wrap(services.avgift_berakna)
    ):
        responses = together(
            *(
                (
                    lambda c=c, total=total: c.post(
                        url, {"ar": 2027, "total": total, "metod": "befolkning"}
                    )
                )
                for c, total in zip(clients, (17_000_000, 18_000_000), strict=True)
            )
        )
    assert sorted(r.status_code for r in responses) == [302, 400], responses
    refused = next(r for r in responses if r.status_code == 400)
    assert "Det finns redan" in refused.content.decode()
    assert Avgiftsbeslut.objects.filter(forbund=forbund, ar=2027).count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_first_saves_of_a_yearly_count_both_land_on_one_row(
    forbund, kanslist, client_for
):
    """Neither finds the year's row, both create it: the second changes the first's
    row instead (the later save wins, as a second later)."""
    clients = [client_for(kanslist), client_for(kanslist)]
    url = reverse("insatser:unika_save", args=[2026])
    meet = Meet(2)
    with mock.patch.object(
        UnikaDeltagare, "full_clean", meet.wrap(UnikaDeltagare.full_clean)
    ):
        responses = together(
            *(
                (lambda c=c, antal=antal: c.post(url, {"antal": antal}))
                for c, antal in zip(clients, (120, 130), strict=True)
            )
        )
    assert [r.status_code for r in responses] == [302, 302], responses
    rows = UnikaDeltagare.objects.filter(forbund=forbund, ar=2026)
    assert rows.count() == 1
    assert rows.get().antal in {120, 130}


# --- the database gone or locked: a 503 page, not a 500 --------------------------------


@pytest.fixture
def lenient_client(kanslist, client_for):
    """A client that answers an exception in a view with the error page, as a browser
    sees it."""
    return client_for(kanslist, raise_request_exception=False)


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("database is locked"),
        OperationalError('connection to server at "127.0.0.1" failed'),
    ],
)
def test_a_database_that_does_not_answer_gives_a_503_page(lenient_client, error):
    with mock.patch("finsam.selectors.dashboard_counts", side_effect=error):
        response = lenient_client.get(reverse("finsam:dashboard"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Databasen svarar inte just nu" in response.content.decode()


def test_a_database_gone_before_the_view_also_gives_503(lenient_client):
    """The middleware reads the user's förbund before any view runs."""
    with mock.patch(
        "finsam.middleware._resolve_forbund",
        side_effect=OperationalError("server closed the connection unexpectedly"),
    ):
        response = lenient_client.get(reverse("finsam:dashboard"))
    assert response.status_code == 503


def test_an_uncaught_unique_race_gives_409_not_500(lenient_client):
    with mock.patch(
        "finsam.selectors.dashboard_counts", side_effect=IntegrityError("duplicate key")
    ):
        response = lenient_client.get(reverse("finsam:dashboard"))
    assert response.status_code == 409
    assert "Någon annan sparade samtidigt" in response.content.decode()


def test_other_errors_are_still_500(lenient_client):
    with mock.patch("finsam.selectors.dashboard_counts", side_effect=ValueError):
        response = lenient_client.get(reverse("finsam:dashboard"))
    assert response.status_code == 500
    # Not dressed up as a database outage or a concurrent save.
    assert "Retry-After" not in response
    html = response.content.decode()
    assert "Databasen svarar inte just nu" not in html
    assert "Någon annan sparade samtidigt" not in html
