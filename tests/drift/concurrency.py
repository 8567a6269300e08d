"""Running test code in threads at the same moment, each on its own connection."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="behöver PostgreSQL: SQLite-testdatabasen i minnet delar lås mellan trådar "
    "(CI kör dem på PostgreSQL)",
)


def together(*fns: Callable[[], Any], timeout: float = 60) -> list[Any]:
    """Run every function in its own thread; return each one's result or exception."""
    results: list[Any] = [None] * len(fns)

    def run(i: int, fn: Callable[[], Any]) -> None:
        try:
            results[i] = fn()
        except BaseException as exc:  # reported to the test, which asserts on it
            results[i] = exc
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=(i, fn), daemon=True)
        for i, fn in enumerate(fns)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout)
        assert not t.is_alive(), "en tråd blev inte klar"
    return results


class Meet:
    """Holds each thread at the point of a race until all have reached it, so that
    every thread has passed its check before any writes. Where the database already
    serialises the threads (SQLite takes its write lock at BEGIN), the wait times out
    and the threads go on one after another, which is fine: the outcome must be the
    same either way."""

    def __init__(self, parties: int, timeout: float = 3) -> None:
        self.barrier = threading.Barrier(parties)
        self.timeout = timeout
        self.seen = threading.local()

    def wait_once(self) -> None:
        if getattr(self.seen, "done", False):
            return
        self.seen.done = True
        try:
            self.barrier.wait(self.timeout)
        except threading.BrokenBarrierError:
            pass

    def wrap(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            self.wait_once()
            return fn(*args, **kwargs)

        return wrapped
