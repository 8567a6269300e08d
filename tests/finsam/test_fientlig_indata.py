"""Bad input never reaches a 500: every URL with an impossible year or id, and every
form of every page posted with hostile values (numbers beyond 2⁶³, NaN, Infinity,
1e30, negative counts, 9999-12-31, control characters, a personnummer).

The forms are found on the pages themselves (each page the kansli and the admin can
open, every ``<form method="post">`` on it), so a new form is swept without a line here.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.db import transaction

from tests.finsam.test_url_sweep import all_patterns, build_path

pytestmark = pytest.mark.django_db

OMOJLIGA_AR = ["0000", "1999", "2101", "10000", "9" * 20]
OMOJLIGT_ID = "9" * 20

# Per input kind, the hostile values tried in turn (one POST per position).
FIENTLIGT = {
    "number": [
        "99999999999999999999999",
        "-1",
        "NaN",
        "Infinity",
        "1e30",
        "-99999999999999999999",
        "1,5",
    ],
    "date": [
        "9999-12-31",
        "0001-01-01",
        "2018-02-30",
        "99999-01-01",
        "1999-12-31",
        "2101-01-01",
        "",
    ],
    "text": [
        '=HYPERLINK("http://x")\x01',
        "121212–1212",
        "99999999999999999999999",
        "NaN",
        "9999-12-31",
        "x" * 5000,
        "\x00",
    ],
}


class Formular(HTMLParser):
    """The POST forms of a page: action and fields (name, kind, a valid value)."""

    def __init__(self):
        super().__init__()
        self.formular: list[dict] = []
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            if (a.get("method") or "get").lower() == "post":
                self.formular.append(
                    {"action": a.get("action") or "", "falt": [], "multipart": False}
                )
                if "multipart" in (a.get("enctype") or ""):
                    self.formular[-1]["multipart"] = True
            else:
                self.formular.append({"action": None, "falt": []})
            return
        if not self.formular or self.formular[-1]["action"] is None:
            return
        falt = self.formular[-1]["falt"]
        name = a.get("name")
        if tag == "input" and name:
            typ = (a.get("type") or "text").lower()
            if typ in ("submit", "button", "file", "image", "reset"):
                return
            if typ in ("checkbox", "radio"):
                falt.append((name, "fast", a.get("value") or "on"))
            elif typ == "hidden":
                falt.append((name, "fast", a.get("value") or ""))
            elif typ == "number" or a.get("inputmode") in ("decimal", "numeric"):
                falt.append((name, "number", a.get("value") or ""))
            elif typ == "date":
                falt.append((name, "date", a.get("value") or ""))
            else:
                falt.append((name, "text", a.get("value") or ""))
        elif tag == "textarea" and name:
            falt.append((name, "text", ""))
        elif tag == "select" and name:
            self._select = name
            falt.append((name, "fast", ""))
        elif tag == "option" and self._select:
            namn, _, varde = falt[-1]
            if not varde and a.get("value"):
                falt[-1] = (namn, "fast", a["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def _status(client, method: str, url: str, data=None) -> int | str:
    with transaction.atomic():
        try:
            status = getattr(client, method)(url, data or {}).status_code
        except Exception as exc:  # noqa: BLE001 - reported by the caller
            status = f"undantag {exc!r}"[:300]
        transaction.set_rollback(True)
    return status


def test_an_impossible_year_or_id_in_a_url_is_a_404(demo, client):
    client.force_login(demo.users["kansli"])
    failures = []
    provade = 0
    for name, route, _p in all_patterns():
        for conv, fel in (("ar", OMOJLIGA_AR), ("id", [OMOJLIGT_ID])):
            if f"<{conv}:" not in route:
                continue
            for varde in fel:
                path = build_path(
                    re.sub(rf"<{conv}:\w+>", varde, route, count=1),
                    demo.forbund,
                    demo.forbund,
                )
                provade += 1
                status = _status(client, "get", path)
                if status != 404:
                    failures.append(f"GET {path} ({name}) → {status}")
    assert provade > 50
    assert not failures, "\n".join(failures)


def test_every_form_survives_hostile_values(demo, client):
    failures = []
    formular = 0
    for username in ("kansli", "admin"):
        client.force_login(demo.users[username])
        for name, route, _p in all_patterns():
            path = build_path(route, demo.forbund, demo.forbund)
            with transaction.atomic():
                response = client.get(path)
                transaction.set_rollback(True)
            if response.status_code != 200 or "html" not in response.get(
                "Content-Type", ""
            ):
                continue
            parser = Formular()
            parser.feed(response.content.decode())
            for form in parser.formular:
                if (
                    form["action"] is None
                    or "logga-ut" in form["action"]
                    or not any(kind != "fast" for _, kind, _ in form["falt"])
                ):
                    continue
                formular += 1
                url = form["action"] or path
                for i in range(len(FIENTLIGT["number"])):
                    data: dict[str, list[str]] = {}
                    for falt, kind, varde in form["falt"]:
                        ny = varde if kind == "fast" else FIENTLIGT[kind][i]
                        data.setdefault(falt, []).append(ny)
                    status = _status(client, "post", url, data)
                    if not isinstance(status, int) or status >= 500:
                        failures.append(
                            f"{username} POST {url} (från {name}) med "
                            f"variant {i} → {status}"
                        )
    assert formular > 20
    assert not failures, "Fel på serversidan:\n" + "\n".join(failures)


# --- Every form class, directly, under hypothesis -------------------------------------

FORMMODULER = (
    "finsam.forms",
    "insatser.forms",
    "styrelse.forms",
    "ekonomi.forms_budget",
    "ekonomi.arsredovisning.forms",
    "ekonomi.views.bokforing",
)


def formklasser() -> list[type]:
    import importlib
    import inspect

    from django import forms

    out = []
    for modul in FORMMODULER:
        for _, cls in inspect.getmembers(importlib.import_module(modul)):
            if (
                inspect.isclass(cls)
                and issubclass(cls, forms.BaseForm)
                and cls.__module__ == modul
            ):
                out.append(cls)
    return out


def _formular(cls, data, forbund):
    """The form bound to ``data``, built the way its views build it (the förbund when
    it asks for one); ``None`` for a form that needs more than that."""
    for kwargs in ({"forbund": forbund}, {}):
        try:
            return cls(data=data, **kwargs)
        except (TypeError, ValueError):
            continue
    return None


def test_every_form_class_can_be_swept(forbund):
    byggda = [c for c in formklasser() if _formular(c, {}, forbund) is not None]
    assert len(byggda) >= 20


@pytest.mark.parametrize("cls", formklasser(), ids=lambda c: c.__name__)
def test_every_form_refuses_hostile_values_with_messages(cls, forbund):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    tom = _formular(cls, {}, forbund)
    if tom is None:
        pytest.skip("byggs med fler argument än förbundet; täcks av sidsvepet ovan")
    varde = st.one_of(
        st.sampled_from([v for vs in FIENTLIGT.values() for v in vs]),
        st.integers(min_value=-(10**25), max_value=10**25).map(str),
        st.floats().map(str),
        st.text(max_size=20),
    )
    data = st.fixed_dictionaries(dict.fromkeys(tom.fields, varde))

    @settings(
        max_examples=200,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(data=data)
    def prova(data):
        form = _formular(cls, data, forbund)
        if not form.is_valid():
            assert form.errors
            assert set(form.errors) <= {*form.fields, "__all__"}, form.errors
            assert all(form.errors.values()), form.errors
        else:
            for value in form.cleaned_data.values():
                if hasattr(value, "year"):
                    assert 2000 <= value.year <= 2100, value

    prova()
