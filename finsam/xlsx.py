"""The one Excel pipeline: every import reads its workbook here, every export saves here.

Reading (``arbetsbok_las``, ``rader``) refuses what would let an upload tie up the
server — a workbook that unpacks to more than ``MAX_OKOMPRIMERAT``, a sheet with more
than ``MAX_RADER`` rows (checked on the sheet's declared size before parsing and again
while reading, since the declared size can lie) — and refuses formula cells by name: a
formula's cached value is not what the kansli sees in Excel, and a workbook written by a
program has none, so it would read as empty. ``Fellista`` keeps the first ``MAX_FEL``
messages and counts the rest, so a page never shows more than a screenful. ``tal`` reads
a number and refuses NaN, infinities and anything beyond ``GRANS``.

Writing (``spara``, ``cell``) makes every text cell text: a name or a berättelse that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is typed as a string
and shown with Excel's quote prefix (OWASP, "CSV injection"), so it never becomes a live
formula in the reader's Excel. Formulas the app itself writes (sums) are registered
with ``formel`` and are the only formulas a saved workbook keeps.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell

from finsam.fields import normalisera_tal
from finsam.uploads import MB

MAX_RADER = 20_000
MAX_OKOMPRIMERAT = 50 * MB
MAX_FEL = 50
# The largest amount a DecimalField(max_digits=14, decimal_places=2) holds, and more
# than any count or share a förbund reports.
GRANS = Decimal(10) ** 12

OLASBAR = "Filen gick inte att läsa som en Excelfil (.xlsx)."
FARLIGA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters Excel's file format cannot hold (openpyxl refuses them).
KONTROLLTECKEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class Fellista(list):
    """A list of error messages that keeps the first ``MAX_FEL`` and then one last line,
    "… och N fel till.", counting the rest. Use it wherever an import collects errors."""

    def __init__(self, fel: Iterable[str] = ()):
        super().__init__()
        self.overskott = 0
        self.extend(fel)

    def append(self, meddelande: str) -> None:
        if len(self) < MAX_FEL:
            super().append(meddelande)
            return
        self.overskott += 1
        rad = f"… och {self.overskott} fel till."
        if len(self) == MAX_FEL:
            super().append(rad)
        else:
            self[MAX_FEL] = rad

    def extend(self, fel: Iterable[str]) -> None:
        for meddelande in fel:
            self.append(meddelande)


def begransa(fel: Iterable[str]) -> list[str]:
    """At most a screenful of ``fel``: the first ``MAX_FEL`` and a count of the rest."""
    return list(Fellista(fel))


# --- Reading ------------------------------------------------------------------------


def arbetsbok_las(data: bytes):
    """The workbook in ``data``, opened read-only (formulas as formulas), or a
    ``ValidationError`` with a Swedish message."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            okomprimerat = sum(info.file_size for info in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ValidationError(OLASBAR, code="olasbar") from exc
    if okomprimerat > MAX_OKOMPRIMERAT:
        raise ValidationError(
            f"Filen packas upp till {okomprimerat // MB} MB; högst "
            f"{MAX_OKOMPRIMERAT // MB} MB kan läsas in. Dela upp filen.",
            code="for_stor",
        )
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise ValidationError(OLASBAR, code="olasbar") from exc


def _for_manga_rader(antal: int | str) -> ValidationError:
    return ValidationError(
        f"Bladet har {antal} rader; högst {MAX_RADER} rader kan läsas in. "
        "Ta bort tomma rader eller dela upp filen.",
        code="for_manga_rader",
    )


def rader(
    ws, *, fel: list[str], max_col: int, min_row: int = 1
) -> Iterator[tuple[int, list[Any]]]:
    """``(radnummer, värden)`` for each row of ``ws`` from ``min_row``, ``max_col``
    values each. A formula cell adds an error naming the cell to ``fel`` and reads as
    ``None``. Raises ``ValidationError`` for a sheet over ``MAX_RADER`` rows (before
    parsing when the sheet says so, otherwise once the reading gets there) and for a
    cell the file format cannot hold."""
    deklarerat = ws.max_row
    if deklarerat is not None and deklarerat > MAX_RADER:
        raise _for_manga_rader(deklarerat)
    # The declared size can lie in both directions: read to the real end, capped.
    ws.reset_dimensions()
    radnr = min_row - 1
    try:
        for radnr, row in enumerate(
            ws.iter_rows(min_row=min_row, max_col=max_col), start=min_row
        ):
            if radnr > MAX_RADER:
                raise _for_manga_rader(f"mer än {MAX_RADER}")
            varden: list[Any] = []
            for cell in row:
                if getattr(cell, "data_type", None) == "f":
                    fel.append(
                        f"Cell {cell.coordinate}: formler kan inte läsas in; "
                        "skriv in värdet i stället."
                    )
                    varden.append(None)
                else:
                    varden.append(cell.value)
            yield radnr, varden
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - a value openpyxl cannot read
        raise ValidationError(
            f"Filen gick inte att läsa: rad {radnr + 1} har ett värde som inte är ett "
            "tal, en text eller ett datum.",
            code="olasbar",
        ) from exc


def tal(value: Any, *, grans: Decimal = GRANS) -> Decimal | None:
    """``value`` (a number or a text such as "1 234,50") as a finite ``Decimal`` whose
    size is below ``grans``; ``None`` for anything else (empty, text, NaN, infinity,
    1e30, a truth value)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, int | float | Decimal):
        text = str(value)
    elif isinstance(value, str):
        text = normalisera_tal(value)
        if len(text) > 40:
            return None
    else:
        return None
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or abs(number) >= grans:
        return None
    return number


# --- Writing ------------------------------------------------------------------------


def formel(ws, text: str) -> str:
    """Register ``text`` (built by the app from cell references, never from what a user
    typed) as a formula the saved workbook may keep; returns it for the cell."""
    formler = getattr(ws.parent, "_finsam_formler", None)
    if formler is None:
        formler = set()
        ws.parent._finsam_formler = formler
    formler.add(text)
    return text


def _skydda(cell, formler: set[str]) -> None:
    if cell.data_type == "f" and cell.value in formler:
        return
    if cell.data_type in ("f", "e") or (
        cell.data_type == "s" and isinstance(cell.value, str)
    ):
        cell.data_type = "s"
        if str(cell.value).startswith(FARLIGA_START):
            cell.quotePrefix = True


def text(value: Any) -> Any:
    """``value`` with the characters a workbook cannot hold removed (other values as
    they are); use it for text that comes from the database or an upload."""
    if isinstance(value, str):
        return KONTROLLTECKEN.sub("", value)
    return value


def cell(ws, value: Any, *, number_format: str | None = None, font=None):
    """A cell for a write-only sheet, its text typed as text."""
    c = WriteOnlyCell(ws, value=text(value))
    _skydda(c, getattr(ws.parent, "_finsam_formler", set()))
    if number_format:
        c.number_format = number_format
    if font is not None:
        c.font = font
    return c


def spara(wb: Workbook) -> bytes:
    """The workbook as bytes, every text cell typed as text (see the module's top)."""
    formler: set[str] = getattr(wb, "_finsam_formler", set())
    if not wb.write_only:
        for ws in wb.worksheets:
            for c in ws._cells.values():
                _skydda(c, formler)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
