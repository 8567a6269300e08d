"""No personal data: free-text fields refuse anything that looks like a personnummer."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

from finsam.validators import luhn_ok

# YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN, YYYYMMDD-NNNN, YYYYMMDDNNNN (not inside longer digit runs).
PERSONNUMMER_RE = re.compile(r"(?<!\d)(?:\d{2})?(\d{6})[-+ ]?(\d{4})(?!\d)")


def _plausible_date(yymmdd: str) -> bool:
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    # Samordningsnummer add 60 to the day.
    if day > 60:
        day -= 60
    return 1 <= month <= 12 and 1 <= day <= 31


def find_personnummer(text: str) -> str | None:
    """The first substring that is a valid personnummer (date and check digit), or None."""
    for match in PERSONNUMMER_RE.finditer(text or ""):
        datum, slut = match.group(1), match.group(2)
        if _plausible_date(datum) and luhn_ok(datum + slut):
            return match.group(0)
    return None


def validate_no_personnummer(value: str) -> None:
    found = find_personnummer(value)
    if found:
        raise ValidationError(
            "Texten innehåller något som ser ut som ett personnummer (%(pnr)s). "
            "Finsam får inte innehålla personuppgifter om deltagare: ta bort det.",
            code="personnummer",
            params={"pnr": found},
        )
