import re

from django.core.exceptions import ValidationError

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
