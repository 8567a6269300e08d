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


def timed(client: Client, url: str):
    start = time.perf_counter()
    response = client.get(url, HTTP_HOST="127.0.0.1")
    return time.perf_counter() - start, response


def peak_mb(client: Client, url: str) -> float:
    # Measured in a call of its own: tracemalloc slows Python down two to three times.
    tracemalloc.start()
    client.get(url, HTTP_HOST="127.0.0.1")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def pdf_pages(response) -> int:
    if not response.get("Content-Type", "").startswith("application/pdf"):
        return 0
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(response.content)).pages)


def main() -> None:
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    from finsam.demo import build_demo
    from finsam.documents import documents_for

    ctx = build_demo()
    print(f"demo build: {time.perf_counter() - start:.2f} s")
    client = Client()
    client.force_login(ctx.users["kansli"])
    urls = PAGES + [
        d.url for ar in (2017, 2018) for d in documents_for(ctx.forbund, ar)
    ]
    # Each URL twice: the first call pays for imports and font loading, the second is
    # what a warm worker pays.
    print(
        f"{'url':<48} {'status':>6} {'s kall':>7} {'s varm':>7} {'MB peak':>8} {'sidor':>5}"
    )
    for url in urls:
        cold, _ = timed(client, url)
        warm, response = timed(client, url)
        peak = peak_mb(client, url)
        pages = pdf_pages(response)
        print(
            f"{url:<48} {response.status_code:>6} {cold:>7.2f} {warm:>7.2f} "
            f"{peak:>8.1f} {pages or '':>5}"
        )


if __name__ == "__main__":
    main()
