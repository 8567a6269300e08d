"""Benchmark: a hostile workbook of two million rows against the Excel import limits.

    .venv/bin/python bench/import_stor.py [--rader 2000000]

Builds a workbook (about 0,5 MB packed) whose first sheet has ``--rader`` rows, once
with its true size declared in ``<dimension>`` and once without it (so the limit must
be found while reading), and once with a single row at Excel's last row number. Each is
given to the Excel ledger import (ekonomi/bokforing_excel.py) through the shared reader
(finsam/xlsx.py); prints wall time, peak Python memory and the message the kansli
would see. Needs no database. Record notable numbers in bench/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.core.exceptions import ValidationError  # noqa: E402

from ekonomi.bokforing_excel import huvudbok_las  # noqa: E402
from tests.finsam.factories import blad_xml, med_blad  # noqa: E402


def workbook(rows: str, dimension: str | None) -> bytes:
    return med_blad(blad_xml(rows, dimension))


def run(namn: str, data: bytes) -> None:
    tracemalloc.start()
    start = time.perf_counter()
    try:
        huvudbok_las(data, orgnr="")
        meddelanden = ["(inläst)"]
    except ValidationError as exc:
        meddelanden = exc.messages
    wall = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{namn:<32} {len(data) / 1024:8.0f} KB  {wall:7.2f} s  "
        f"{peak / 1024 / 1024:7.1f} MB  {len(meddelanden):3d} meddelanden: "
        f"{meddelanden[0][:70]}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rader", type=int, default=2_000_000)
    n = parser.parse_args().rader

    def rader(k: int) -> str:
        return "".join(
            f'<row r="{r}"><c r="A{r}"><v>1</v></c><c r="E{r}"><v>2</v></c></row>'
            for r in range(1, k + 1)
        )

    rows = rader(n)
    run(f"{n} rader, deklarerade", workbook(rows, f"A1:E{n}"))
    run(f"{n} rader, odeklarerade", workbook(rows, None))
    # Small enough to unpack: the row cap must stop the reading itself.
    run("30000 rader, odeklarerade", workbook(rader(30_000), None))
    run(
        "en rad på rad 1048576",
        workbook('<row r="1048576"><c r="A1048576"><v>1</v></c></row>', None),
    )


if __name__ == "__main__":
    main()
