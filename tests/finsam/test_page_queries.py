"""A page's cost does not grow with history: every page, on the demo and on ten times it.

Generated from the URL configuration like the URL sweep (tests/finsam/test_url_sweep.py):
every pattern the kansli may GET — lists, details, statistics, forms and documents (PDF
and Excel) — is requested on the demo förbund, then again after tests/historik.py has
copied every insats, report and meeting nine times into earlier years. The number of
queries must be the same: a page that reads a row per ärende, per report or per meeting
(an N+1) fails here. Pages that name an object are requested for the demo's first and
its last object of that model (a justerat and an open meeting, say).

The counts are recorded in docs/queries.md and compared with it, so a new page must be
recorded and a changed count is seen in review: ``UPDATE_QUERY_DOC=1 pytest
tests/finsam/test_page_queries.py`` writes the file anew.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from finsam import access
from finsam.demo import build_demo
from tests.finsam.test_url_sweep import all_patterns, build_path, model_for_kwarg
from tests.historik import FAKTOR, multiplicera

pytestmark = pytest.mark.django_db

DOC = Path(__file__).resolve().parents[2] / "docs" / "queries.md"
SISTA = " [sista]"


@dataclass
class Sida:
    namn: str
    path: str
    status: int = 0
    demo: int = 0
    historik: int = 0
    bytes_demo: int = 0
    bytes_historik: int = 0


def _publik(p) -> bool:
    return getattr(p.callback, "is_public", False)


def _sidor(forbund) -> list[Sida]:
    """Every GET page the kansli may see, with the demo's first and last objects."""
    sidor = []
    for name, route, p in all_patterns():
        allowed = getattr(p.callback, "allowed_roles", ())
        if access.KANSLI not in allowed and not _publik(p):
            continue
        path = build_path(route, forbund, forbund)
        sidor.append(Sida(name, path))
        if any(model_for_kwarg(k) for k in p.pattern.converters):
            sista = build_path(route, forbund, forbund, pick="last")
            if sista != path:
                sidor.append(Sida(name + SISTA, sista))
    return sidor


def _count(client: Client, path: str) -> tuple[int, int, int]:
    """(status, queries, bytes) of one GET, in a savepoint rolled back afterwards."""
    with transaction.atomic():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        transaction.set_rollback(True)
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    return response.status_code, len(ctx.captured_queries), len(body)


def _measure(client: Client, sidor: list[Sida], attr: str) -> None:
    for sida in sidor:
        _count(client, sida.path)  # warm caches (content types, templates)
        status, antal, storlek = _count(client, sida.path)
        if attr == "demo":
            sida.status = status
        setattr(sida, attr, antal)
        setattr(sida, f"bytes_{attr}", storlek)


@pytest.fixture(scope="module")
def sidor(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            ctx = build_demo()
            client = Client()
            client.force_login(ctx.users["kansli"])
            alla = _sidor(ctx.forbund)
            _measure(client, alla, "demo")
            # A POST-only view answers 405 and is not a page; the last object may be
            # one the page refuses (an unjusterat protocol on the public board), and a
            # public page answers 404 for an anslag that is not up today.
            publika = {n for n, _r, p in all_patterns() if _publik(p)}
            alla = [
                s
                for s in alla
                if s.status != 405
                and not (
                    s.status == 404
                    and (s.namn.endswith(SISTA) or s.namn.split(" ")[0] in publika)
                )
            ]
            multiplicera(ctx.forbund)
            _measure(client, alla, "historik")
            yield alla
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_every_page_answers_the_kansli(sidor):
    trasiga = [f"{s.namn} {s.path} → {s.status}" for s in sidor if s.status >= 400]
    assert len(sidor) > 40
    assert not trasiga, "Sidor som inte svarar kansliet:\n" + "\n".join(trasiga)


def test_no_page_issues_more_queries_with_ten_times_the_history(sidor):
    vaxer = [
        f"{s.namn} {s.path}: {s.demo} frågor på demodata, {s.historik} med "
        f"{FAKTOR} gånger så lång historik"
        for s in sidor
        if s.historik != s.demo
    ]
    assert not vaxer, "Sidor vars kostnad växer med historiken:\n" + "\n".join(vaxer)


RAD = re.compile(r"^\| `(?P<namn>[^`]+)` \| `(?P<path>[^`]*)` \| (?P<antal>\d+) \|$")

HUVUD = """# Queries per page

Generated by `tests/finsam/test_page_queries.py`; do not edit by hand.

**A new page must be recorded here.** The test requests every page the kansli may GET
(lists, details, statistics, forms, PDF and Excel documents) on the demo data and again
with ten times the history (tests/historik.py copies every insats, report and meeting
nine times into earlier years), asserts that the number of queries is the same, and
fails when a count differs from this table. After adding a page or changing what a
page reads, regenerate the table and review the difference:

    UPDATE_QUERY_DOC=1 .venv/bin/python -m pytest tests/finsam/test_page_queries.py

A count includes the session, the user and the förbund of the request. Pages that name
an object are measured for the demo's first and its last object of the model
(`[sista]`).

| Page (URL name) | Path in the test | Queries |
|---|---|---|
"""


def _doc_text(sidor: list[Sida]) -> str:
    rader = [f"| `{s.namn}` | `{s.path}` | {s.demo} |" for s in sidor]
    return HUVUD + "\n".join(rader) + "\n"


def test_every_page_count_is_recorded_in_the_docs(sidor):
    if os.environ.get("UPDATE_QUERY_DOC"):
        DOC.parent.mkdir(exist_ok=True)
        DOC.write_text(_doc_text(sidor), encoding="utf-8")
    assert DOC.exists(), f"{DOC} saknas: kör med UPDATE_QUERY_DOC=1"
    i_doc = {
        m["namn"]: int(m["antal"])
        for line in DOC.read_text(encoding="utf-8").splitlines()
        if (m := RAD.match(line))
    }
    matt = {s.namn: s.demo for s in sidor}
    skillnader = [
        f"{namn}: docs säger {i_doc.get(namn, 'inget')}, mätt {matt.get(namn, 'ingen sida')}"
        for namn in sorted(set(i_doc) | set(matt))
        if i_doc.get(namn) != matt.get(namn)
    ]
    assert not skillnader, (
        "docs/queries.md stämmer inte med sidorna; kör UPDATE_QUERY_DOC=1 och granska "
        "skillnaden:\n" + "\n".join(skillnader)
    )
