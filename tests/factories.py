"""The ground floor's factories, kept importable from here: they live in
tests/finsam/factories.py, and each app's in tests/<app>/factories.py."""

from tests.finsam.factories import (
    ForbundFactory,
    MedlemFactory,
    PersonFactory,
    UppdragFactory,
    UserFactory,
)

__all__ = [
    "ForbundFactory",
    "MedlemFactory",
    "PersonFactory",
    "UppdragFactory",
    "UserFactory",
]
