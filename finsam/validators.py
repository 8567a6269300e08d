import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from finsam.dates import MAX_AR, MIN_AR

ORGNR_RE = re.compile(r"^\d{6}-\d{4}$")


def luhn_ok(digits: str) -> bool:
    """The Luhn (modulus 10) check used by organisations- and personnummer."""
    total = 0
    for i, ch in enumerate(digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def validate_orgnr(value: str) -> None:
    if not ORGNR_RE.match(value or ""):
        raise ValidationError(
            "Organisationsnumret skrivs NNNNNN-NNNN, till exempel 222000-3020.",
            code="orgnr_format",
        )
    if not luhn_ok(value.replace("-", "")):
        raise ValidationError(
            "Organisationsnumret har fel kontrollsiffra.", code="orgnr_checksum"
        )


# --- Free text: no personnummer, no control characters --------------------------------
#
# Finsam holds no personal data about participants, and much of what the kansli types
# (protocol text, ärenden, delegation decisions) goes to the public board. Every free
# text field of every model carries ``validate_fritext`` (tests/finsam/test_fritext.py
# enumerates them), and every form's text field does too (``finsam.forms.fritext``).

# Dashes and spaces a personnummer is written with, or pasted from a word processor
# with: hyphen-minus, plus (100 years or older), the Unicode hyphens and dashes
# (U+2010–U+2015), minus sign, small/full-width hyphen-minus, and any whitespace.
_SEPARATOR = r"[\s\-+\u2010-\u2015\u2212\ufe58\ufe63\uff0d\u00ad]{0,3}"
PERSONNUMMER_RE = re.compile(
    r"(?<!\d)(?:(\d{2})" + _SEPARATOR + r")?(\d{6})" + _SEPARATOR + r"(\d{4})(?!\d)"
)
STYRTECKEN_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _plausible_date(yymmdd: str) -> bool:
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    # Samordningsnummer add 60 to the day.
    if day > 60:
        day -= 60
    return 1 <= month <= 12 and 1 <= day <= 31


def find_personnummer(text: str) -> str | None:
    """The first substring that is a valid personnummer or samordningsnummer (a
    plausible date and the right check digit), 10 or 12 digits, with or without a
    separator, or ``None``."""
    for match in PERSONNUMMER_RE.finditer(text or ""):
        _, datum, slut = match.groups()
        if _plausible_date(datum) and luhn_ok(datum + slut):
            return match.group(0).strip()
    return None


def validate_no_personnummer(value: str) -> None:
    found = find_personnummer(value)
    if found:
        raise ValidationError(
            "Texten innehåller något som ser ut som ett personnummer (%(pnr)s). "
            "Finsam får inte innehålla personuppgifter: ta bort det.",
            code="personnummer",
            params={"pnr": found},
        )


def validate_fritext(value: str) -> None:
    """The one check on every free text: no personnummer, no control characters."""
    if value and STYRTECKEN_RE.search(value):
        raise ValidationError(
            "Texten innehåller osynliga styrtecken; skriv in den igen utan dem.",
            code="styrtecken",
        )
    validate_no_personnummer(value)


# --- Years, dates and counts within what the app keeps --------------------------------
#
# A year outside MIN_AR–MAX_AR or a date like 9999-12-31 breaks date arithmetic (a
# deadline 14 days on) on every page that shows it; a count beyond the database's
# integers breaks the save. Fields carry the validators (forms and full_clean), and the
# tables the matching CheckConstraints (``ar_check``, ``datum_check``), so no path
# around the forms stores one either.

FORSTA_DATUM = dt.date(MIN_AR, 1, 1)
SISTA_DATUM = dt.date(MAX_AR, 12, 31)
# More than any count a förbund reports (participants, staff, answers).
MAX_ANTAL = 1_000_000


def validate_ar(value: int) -> None:
    if value is not None and not MIN_AR <= value <= MAX_AR:
        raise ValidationError(
            "Året ska vara mellan %(min)s och %(max)s.",
            code="ar",
            params={"min": MIN_AR, "max": MAX_AR},
        )


def validate_datum(value: dt.date) -> None:
    if value is not None and not FORSTA_DATUM <= value <= SISTA_DATUM:
        raise ValidationError(
            "Datumet ska ligga mellan %(min)s och %(max)s.",
            code="datum",
            params={"min": FORSTA_DATUM.isoformat(), "max": SISTA_DATUM.isoformat()},
        )


def ar_check(name: str, falt: str = "ar") -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{falt}__gte": MIN_AR, f"{falt}__lte": MAX_AR}),
        name=name,
        violation_error_message=f"Året ska vara mellan {MIN_AR} och {MAX_AR}.",
    )


def datum_check(name: str, *falt: str) -> models.CheckConstraint:
    """Every field in ``falt`` empty or within FORSTA_DATUM–SISTA_DATUM."""
    villkor = Q()
    for f in falt:
        villkor &= Q(**{f"{f}__isnull": True}) | Q(
            **{f"{f}__gte": FORSTA_DATUM, f"{f}__lte": SISTA_DATUM}
        )
    return models.CheckConstraint(
        condition=villkor,
        name=name,
        violation_error_message=(
            f"Datumet ska ligga mellan {FORSTA_DATUM:%Y-%m-%d} och {SISTA_DATUM:%Y-%m-%d}."
        ),
    )
