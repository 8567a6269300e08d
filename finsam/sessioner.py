"""Sessions end after a working day without activity.

``SESSION_COOKIE_AGE`` is a working day; each request within it moves the end on — but
the session is written at most once every ``SESSION_FORNYA_EFTER`` seconds (five
minutes), not on every request as ``SESSION_SAVE_EVERY_REQUEST`` would: one write per
page view costs a query on every page for a precision nobody needs.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase

NYCKEL = "finsam_fornyad"


def _nu() -> int:
    return int(time.time())


@receiver(user_logged_in)
def _vid_inloggning(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[NYCKEL] = _nu()


class SessionForlangningMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and user is not None and user.is_authenticated:
            fornyad = session.get(NYCKEL, 0)
            if _nu() - int(fornyad or 0) >= settings.SESSION_FORNYA_EFTER:
                # Saved by SessionMiddleware with a new expiry a working day from now.
                session[NYCKEL] = _nu()
        return self.get_response(request)
