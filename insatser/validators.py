"""Kept for the migrations that name it: the check lives in ``finsam.validators``."""

from finsam.validators import (  # noqa: F401
    PERSONNUMMER_RE,
    find_personnummer,
    validate_fritext,
    validate_no_personnummer,
)
