"""The error page for an uncaught exception (``handler500``), told apart by cause.

Django calls the handler while the exception is being handled, so ``sys.exc_info()``
names it. A database that cannot be reached (stopped, restarting, network gone) or a
SQLite lock that outlasted the busy timeout is not a fault in the app: the page says
so with 503 and ``Retry-After``, and the next request opens a new connection, so the
app recovers by itself. A unique race that no service caught is a 409. Nothing here
touches the database: these pages must render while it is down.
"""

from __future__ import annotations

import sys

from django.db import IntegrityError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

RETRY_AFTER_SECONDS = 30


def server_error(request: HttpRequest) -> HttpResponse:
    exc = sys.exc_info()[1]
    if isinstance(exc, OperationalError | InterfaceError):
        return HttpResponse(
            render_to_string("503.html"),
            status=503,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    if isinstance(exc, IntegrityError):
        return HttpResponse(render_to_string("409.html"), status=409)
    return HttpResponse(render_to_string("500.html"), status=500)
