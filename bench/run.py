"""Benchmarks outside the test suite: documents and heavy pages of the demo förbund.

    make bench            (or: DEBUG=1 .venv/bin/python bench/run.py)

Builds the demo förbund in a throw-away SQLite database, then fetches every document on
the Dokument page and every main page as the kansli, printing wall time, peak Python
memory (tracemalloc) and, for PDFs, the page count. Results go to stdout; record notable
numbers in bench/RESULTS.md by hand with the date and machine.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DB = Path(tempfile.mkdtemp()) / "bench.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
os.environ.setdefault("DEBUG", "1")
os.environ["AXES_ENABLED"] = "0"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

PAGES = [
    "/",
    "/medlemmar/",
    "/styrelsen/",
    "/uppdrag/",
    "/dokument/",
    "/insatser/",
    "/styrelse/",
]


def measure(client: Client, url: str) -> tuple[float, float, int, int, str]:
    tracemalloc.start()
    start = time.perf_counter()
    response = client.get(url, HTTP_HOST="127.0.0.1")
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    pages = 0
    if response.get("Content-Type", "").startswith("application/pdf"):
        from pypdf import PdfReader

        pages = len(PdfReader(io.BytesIO(response.content)).pages)
    return (
        elapsed,
        peak / 1e6,
        response.status_code,
        pages,
        response.get("Content-Type", ""),
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    from finsam.demo import build_demo
    from finsam.documents import documents_for

    ctx = build_demo()
    print(f"demo build: {time.perf_counter() - start:.2f} s")
    client = Client()
    client.force_login(ctx.users["kansli"])
    urls = PAGES + [d.url for d in documents_for(ctx.forbund)]
    print(f"{'url':<60} {'status':>6} {'s':>7} {'MB peak':>8} {'sidor':>5}")
    for url in urls:
        elapsed, peak, status, pages, _ = measure(client, url)
        print(f"{url:<60} {status:>6} {elapsed:>7.2f} {peak:>8.1f} {pages or '':>5}")


if __name__ == "__main__":
    main()
