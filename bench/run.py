"""Benchmarks outside the test suite: documents and heavy pages of the demo förbund.

    make bench            (or: DEBUG=1 .venv/bin/python bench/run.py)

Builds the demo förbund in a throw-away SQLite database, then fetches every document on
the Dokument page and every main page as the kansli, printing wall time, peak Python
memory (tracemalloc) and, for PDFs, the page count. Then renders the protocol of
2018-03-23 and the statistics of 2017 the way the background worker does
(finsam/dokumentfiler.py), split into gathering the data and the HTML, WeasyPrint's
layout and its writing of the PDF. Results go to stdout; record notable numbers in
bench/RESULTS.md by hand with the date and machine.
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
    split_timings(ctx)


def split(forbund, kind: str, key: str) -> None:
    """One background render in its phases (as finsam.dokumentfiler.rendera runs them)."""
    from weasyprint import HTML

    from finsam.documents import PDF_VARIANT
    from finsam.dokumentfiler import _html, renderer_for

    renderer = renderer_for(kind)
    if renderer is None:
        return
    start = time.perf_counter()
    html = _html(renderer.render(forbund, key))
    data = time.perf_counter() - start
    if isinstance(html, bytes):
        print(f"{kind} {key}: {data:.2f} s (the renderer makes the PDF itself)")
        return
    start = time.perf_counter()
    document = HTML(string=html, base_url=str(ROOT)).render(pdf_variant=PDF_VARIANT)
    layout = time.perf_counter() - start
    start = time.perf_counter()
    document.write_pdf(pdf_variant=PDF_VARIANT)
    write = time.perf_counter() - start
    total = data + layout + write
    print(
        f"{kind + ' ' + key:<28} {data:>6.2f} {layout:>7.2f} {write:>6.2f} "
        f"{total:>6.2f} {len(document.pages):>5}  (data {100 * data / total:.0f} %)"
    )


def split_timings(ctx) -> None:
    import datetime as dt

    from styrelse.models import Sammantrade

    mars = Sammantrade.objects.for_forbund(ctx.forbund).get(datum=dt.date(2018, 3, 23))
    print()
    print(
        f"{'bakgrundsrendering':<28} {'data':>6} {'layout':>7} {'write':>6} {'s':>6} {'sidor':>5}"
    )
    for _round in (1, 2):  # the second round is what a warm worker pays
        split(ctx.forbund, "protokoll", str(mars.pk))
        split(ctx.forbund, "deltagarstatistik", "2017")


if __name__ == "__main__":
    main()
