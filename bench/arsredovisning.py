"""Benchmark: the demo förbund's Årsredovisning 2017, data gathering vs WeasyPrint.

    DEBUG=1 .venv/bin/python bench/arsredovisning.py [--repeat N]

Builds the demo förbund in a throw-away SQLite database, then renders the årsredovisning
N times (default 3) and prints, per run: gathering the data (every app's selectors and
the tables), rendering the template to HTML, and WeasyPrint's layout and PDF writing,
with the number of queries and pages. The first run pays for importing WeasyPrint and
loading fonts. Record notable numbers in bench/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
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
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from pypdf import PdfReader

    from ekonomi.arsredovisning.render import TEMPLATE
    from ekonomi.arsredovisning.selectors import dokument_context
    from finsam.demo import BHS_ORGNR
    from finsam.models import Forbund

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    call_command("demodata", verbosity=0, stdout=io.StringIO())
    print(f"demo build: {time.perf_counter() - start:.2f} s")
    forbund = Forbund.objects.get(orgnr=BHS_ORGNR)

    print(
        f"{'körning':<8} {'data s':>7} {'frågor':>7} {'html s':>7} {'layout+pdf s':>13} {'sidor':>6} {'data %':>7}"
    )
    for i in range(1, args.repeat + 1):
        # The demo build filled DEBUG's query log (9 000 entries); empty it so the
        # count below is this run's.
        connection.queries_log.clear()
        t0 = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            context = dokument_context(forbund=forbund, ar=2017)
        t1 = time.perf_counter()
        from django.template.loader import render_to_string

        html = render_to_string(TEMPLATE, {**context, "pdf": True})
        t2 = time.perf_counter()
        from weasyprint import HTML

        pdf = HTML(string=html, base_url=str(ROOT)).write_pdf(pdf_variant="pdf/a-2b")
        t3 = time.perf_counter()
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        total = t3 - t0
        print(
            f"{i:<8} {t1 - t0:>7.2f} {len(queries):>7} {t2 - t1:>7.2f} {t3 - t2:>13.2f} "
            f"{pages:>6} {100 * (t1 - t0) / total:>6.1f}%"
        )


if __name__ == "__main__":
    main()
