"""The client's address for the login lockout (django-axes), behind the TLS proxy.

Production runs behind a proxy that appends the address it saw to a header (nginx's
``$proxy_add_x_forwarded_for``: ``X-Forwarded-For: <whatever the client sent>, <client>``).
Only the entries our own proxies appended can be trusted: with ``TRUSTED_PROXY_COUNT``
proxies in front, the client is the ``TRUSTED_PROXY_COUNT``-th entry from the right;
anything to its left is what the client wrote itself. Without a configured header the
header is ignored and ``REMOTE_ADDR`` (which a client cannot forge) is used, so nobody
can pick a new address per attempt.

(django-ipware, which django-axes can use, answers ``None`` for a chain of unexpected
length — and then every failure would count against one shared "address".)
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def klientadress(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR") or ""
    header = getattr(settings, "TRUSTED_PROXY_HEADER", "")
    if not header:
        return remote
    antal = max(1, int(getattr(settings, "TRUSTED_PROXY_COUNT", 1)))
    poster = [p.strip() for p in request.META.get(header, "").split(",") if p.strip()]
    if len(poster) < antal:
        return remote
    return poster[-antal]
