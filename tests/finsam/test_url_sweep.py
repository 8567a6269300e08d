"""Walk EVERY URL pattern of the project, so that no view can forget tenancy or roles.

For each pattern the sweep fills ``<model>_id`` kwargs with an object of the right model
(found by the kwarg's name) and other kwargs from tests/url_kwargs.py, then checks:

* tenancy: a kansli of förbund A asking for förbund B's objects gets 404 or 403, by GET
  and by POST, and never a 500;
* roles: with A's own objects, every role the view allows gets an answer (not 403, 404 or
  500) and every other role gets 403; anonymous users are sent to the login page unless
  the view is marked public.

Two full demo förbund are built (every app's demo part), so the ids are real.
"""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

from finsam import access
from finsam.demo import build_demo
from tests.transaktion import tillbakarullad
from tests.url_kwargs import KWARG_VALUES

# The mark makes pytest-django create the test database before the module fixture runs.
pytestmark = pytest.mark.django_db

SKIPPED_NAMESPACES = {"admin"}  # Django's admin: superusers only, not tenant pages.
SKIPPED_NAMES = {"login", "logout"}


def walk(patterns, prefix="", namespace=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or namespace
            if ns in SKIPPED_NAMESPACES:
                continue
            yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace else (p.name or "")
            if p.name in SKIPPED_NAMES:
                continue
            yield name, prefix + str(p.pattern), p


def all_patterns():
    return list(walk(get_resolver().url_patterns))


def model_for_kwarg(kwarg: str):
    if not kwarg.endswith("_id"):
        return None
    wanted = kwarg[: -len("_id")]
    for model in apps.get_models():
        if model._meta.model_name == wanted:
            return model
    raise AssertionError(
        f"URL-argumentet {kwarg!r} namnger ingen modell: döp det till <modellnamn>_id."
    )


def build_path(route: str, forbund, object_forbund, pick: str = "first") -> str:
    """Fill the route's kwargs: objects from ``object_forbund`` (its first or, with
    ``pick="last"``, its last by pk), the rest for ``forbund``."""

    def replace(match):
        kwarg = match.group("name")
        model = model_for_kwarg(kwarg)
        if model is not None:
            objects = model._default_manager.for_forbund(object_forbund).order_by("pk")
            obj = objects.last() if pick == "last" else objects.first()
            assert obj is not None, (
                f"Demodata saknar {model.__name__} för {object_forbund}: "
                f"lägg till en i <app>/demo.py så att {route!r} kan provas."
            )
            return str(obj.pk)
        assert kwarg in KWARG_VALUES, (
            f"Lägg till ett exempelvärde för URL-argumentet {kwarg!r} i tests/url_kwargs.py"
        )
        value = KWARG_VALUES[kwarg]
        return str(value(forbund) if callable(value) else value)

    return "/" + re.sub(r"<(?:(?P<conv>[^>:]+):)?(?P<name>\w+)>", replace, route)


@pytest.fixture(scope="module")
def two_forbund(django_db_setup, django_db_blocker):
    with tillbakarullad(django_db_blocker):
        a = build_demo()
        b = build_demo(
            orgnr="222000-1701",
            namn="Samordningsförbundet Sweep",
            kortnamn="SW",
            user_prefix="b-",
        )
        yield a, b


def test_every_view_declares_its_roles_or_is_public():
    missing = [
        name
        for name, route, p in all_patterns()
        if not hasattr(p.callback, "allowed_roles")
        and not getattr(p.callback, "is_public", False)
    ]
    assert not missing, f"Vyer utan @roles(...) eller @public: {missing}"


def _status_ok(status: int) -> bool:
    return status < 400


def request_any(client, path):
    """GET the page; for a POST-only view, POST empty data instead.

    Inside a savepoint that is rolled back, so a delete or approve view does not change
    the data the next request sees.
    """
    with transaction.atomic():
        response = client.get(path)
        if response.status_code == 405:
            response = client.post(path)
        transaction.set_rollback(True)
    return response


def test_other_forbunds_objects_answer_404_on_every_url(two_forbund, client):
    a, b = two_forbund
    client.force_login(a.users["kansli"])
    failures = []
    checked = 0
    for name, route, p in all_patterns():
        if "<" not in route or not any(
            model_for_kwarg(k) for k in p.pattern.converters
        ):
            continue
        path = build_path(route, a.forbund, b.forbund)
        for method in ("get", "post"):
            with transaction.atomic():
                response = getattr(client, method)(path)
                transaction.set_rollback(True)
            checked += 1
            if response.status_code not in (403, 404, 405):
                failures.append(
                    f"{method.upper()} {path} ({name}) → {response.status_code}"
                )
    assert checked > 0
    assert not failures, "Andra förbundets data nåddes:\n" + "\n".join(failures)


def test_every_url_answers_each_role_as_declared(two_forbund, client):
    a, _b = two_forbund
    failures = []
    for name, route, p in all_patterns():
        path = build_path(route, a.forbund, a.forbund)
        allowed = getattr(p.callback, "allowed_roles", ())
        public = getattr(p.callback, "is_public", False)

        client.logout()
        response = request_any(client, path)
        # A public page may answer 404 alike for everyone: the demo's first protocol
        # has long come down from the anslagstavla (tests/styrelse/test_offentlig.py
        # asserts the public copy while an anslag is up, and the 404 after).
        if public:
            if not (_status_ok(response.status_code) or response.status_code == 404):
                failures.append(f"anonym GET {path} ({name}) → {response.status_code}")
        elif response.status_code != 302 or "/logga-in/" not in response["Location"]:
            failures.append(f"anonym GET {path} ({name}) → {response.status_code}")

        for roll, username in [
            (access.KANSLI, "kansli"),
            (access.ADMIN, "admin"),
            (access.STYRELSE, "styrelse"),
            (access.REVISOR, "revisor"),
            (access.INSATSRAPPORTOR, "rapportor"),
        ]:
            client.force_login(a.users[username])
            response = request_any(client, path)
            status = response.status_code
            if public:
                ok = _status_ok(status) or status == 404
            elif roll in allowed:
                # An insatsrapportör may be refused objects of insatser not assigned to it.
                ok = _status_ok(status) or (
                    roll == access.INSATSRAPPORTOR and status in (403, 404)
                )
            else:
                ok = status == 403
            if not ok:
                failures.append(f"{roll} GET {path} ({name}) → {status}")
    assert not failures, "Roller som inte stämmer:\n" + "\n".join(failures)


def test_no_url_answers_bad_input_with_a_500(two_forbund, client):
    """An empty POST and nonsense query parameters get a message, never a server error."""
    a, _b = two_forbund
    failures = []
    for username in ("kansli", "styrelse", "rapportor"):
        client.force_login(a.users[username])
        for name, route, _p in all_patterns():
            path = build_path(route, a.forbund, a.forbund)
            for method, url in (
                ("post", path),
                ("get", path + "?datum=inte-ett-datum&ar=x&period=%00&sida=-1"),
            ):
                with transaction.atomic():
                    try:
                        status = getattr(client, method)(url).status_code
                    except Exception as exc:  # noqa: BLE001 - reported below
                        status = f"undantag {exc!r}"
                    transaction.set_rollback(True)
                if not isinstance(status, int) or status >= 500:
                    failures.append(
                        f"{username} {method.upper()} {url} ({name}) → {status}"
                    )
    assert not failures, "Fel på serversidan:\n" + "\n".join(failures)
