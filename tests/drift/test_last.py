"""Point 14: the app under gunicorn against PostgreSQL takes a burst of simultaneous
reads and writes without a failure, and answers a lost database with a 503 page and
recovers by itself when it is back."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.urls import reverse

from finsam.models import Person
from tests.drift.concurrency import needs_postgresql
from tests.drift.server import Browser, Gunicorn, TcpProxy

pytestmark = [pytest.mark.load, needs_postgresql]

PEOPLE = 6
WRITES_EACH = 4
READS = ["/", "/medlemmar/", "/personer/", "/styrelsen/"]


@pytest.fixture(scope="module")
def database(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        settings = connection.settings_dict
        return settings


@pytest.fixture(scope="module")
def proxy(database):
    proxy = TcpProxy((database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432)))
    proxy.start()
    yield proxy
    proxy.stop()


@pytest.fixture(scope="module")
def server(database, proxy, tmp_path_factory):
    user = database["USER"] or "postgres"
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    url = f"postgres://{user}{password}@127.0.0.1:{proxy.port}/{database['NAME']}"
    app = Gunicorn(url, tmp_path_factory.mktemp("gunicorn") / "gunicorn.log")
    try:
        app.wait_until_up(reverse("login"))
        yield app
    finally:
        app.stop()


@pytest.fixture
def kansli_cookies(transactional_db, kanslist, client_for):
    """A kanslist's session, committed where gunicorn's workers read it."""
    return {"sessionid": client_for(kanslist).cookies["sessionid"].value}


def test_a_burst_of_reads_and_writes_all_succeed(server, kansli_cookies, forbund):
    def person(n: int) -> list[int]:
        browser = Browser(server.port, kansli_cookies)
        statuses = []
        for i in range(WRITES_EACH):
            status, _ = browser.submit(
                "/personer/ny/", {"fornamn": f"Last{n}", "efternamn": f"Skriv{i}"}
            )
            statuses.append(status)
            statuses.append(browser.get(READS[(n + i) % len(READS)])[0])
        return statuses

    with ThreadPoolExecutor(PEOPLE) as pool:
        results = [s for statuses in pool.map(person, range(PEOPLE)) for s in statuses]

    writes, reads = results[0::2], results[1::2]
    assert writes == [302] * PEOPLE * WRITES_EACH, results
    assert reads == [200] * PEOPLE * WRITES_EACH, results
    saved = set(
        Person.objects.filter(forbund=forbund, fornamn__startswith="Last").values_list(
            "fornamn", "efternamn"
        )
    )
    assert saved == {
        (f"Last{n}", f"Skriv{i}") for n in range(PEOPLE) for i in range(WRITES_EACH)
    }


def test_a_lost_database_gives_503_then_the_app_recovers(
    server, proxy, kansli_cookies, forbund
):
    browser = Browser(server.port, kansli_cookies)
    assert browser.get("/medlemmar/")[0] == 200

    proxy.stop()
    try:
        for path in ("/medlemmar/", "/personer/", "/"):
            status, page = browser.get(path)
            assert status == 503, page[:500]
            assert "Databasen svarar inte just nu" in page
        status, _ = browser.request(
            "POST", "/personer/ny/", {"fornamn": "Under", "efternamn": "Avbrottet"}
        )
        assert status == 503
    finally:
        proxy.start()

    assert browser.get("/medlemmar/")[0] == 200
    status, _ = browser.submit(
        "/personer/ny/", {"fornamn": "Efter", "efternamn": "Avbrottet"}
    )
    assert status == 302
    assert Person.objects.filter(forbund=forbund, fornamn="Efter").exists()
    assert not Person.objects.filter(forbund=forbund, fornamn="Under").exists()
