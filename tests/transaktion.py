"""A transaction for a module-scoped fixture: what the fixture builds (a demo förbund,
two of them) is written once for the module and rolled back when the module is done.
Tests that also ask for ``db`` run in a savepoint inside it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction


@contextmanager
def tillbakarullad(django_db_blocker) -> Iterator[None]:
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
