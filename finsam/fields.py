"""Numbers as Swedes type them: "40,5", "17 378 000", "1 234,50".

A browser's ``<input type="number">`` refuses a decimal comma and a space between
thousands ("Fyll i ett tal."), so every number is typed in a text field with
``inputmode="decimal"`` (the phone shows its number keyboard) and parsed here: spaces
(also the non-breaking and narrow ones Swedish formatting inserts) are dropped, the
decimal comma becomes a point and the typographic minus a hyphen. Django's own
validation (min, max, decimals) then runs as usual.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms

_MELLANRUM = re.compile(r"[\s\u00a0\u202f\u2009]")


def normalisera_tal(value: Any) -> Any:
    """A typed Swedish number as Python's parsers read it; other values unchanged."""
    if not isinstance(value, str):
        return value
    text = _MELLANRUM.sub("", value).replace("\u2212", "-")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    return text


def format_tal(value: Any) -> str:
    """A number shown in an input the way it is typed back: "1 234,5"."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        value = Decimal(str(value))
    tecken = "-" if value < 0 else ""
    text = f"{abs(value):f}" if isinstance(value, Decimal) else str(abs(int(value)))
    heltal, _, decimaler = text.partition(".")
    grupper: list[str] = []
    while len(heltal) > 3:
        grupper.insert(0, heltal[-3:])
        heltal = heltal[:-3]
    grupper.insert(0, heltal)
    decimaler = decimaler.rstrip("0")
    return tecken + " ".join(grupper) + (f",{decimaler}" if decimaler else "")


class TalInput(forms.TextInput):
    """A text input for a number: the number keyboard on phones, Swedish format."""

    def __init__(self, attrs: dict | None = None, inputmode: str = "decimal"):
        attrs = dict(attrs or {})
        attrs.pop("step", None)
        klass = " ".join(filter(None, [attrs.pop("class", ""), "num"]))
        super().__init__({"inputmode": inputmode, "class": klass, **attrs})

    def format_value(self, value: Any) -> str | None:
        return format_tal(value) or None


class SvIntegerField(forms.IntegerField):
    widget = TalInput

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("widget", TalInput(inputmode="numeric"))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        return super().to_python(normalisera_tal(value))

    def widget_attrs(self, widget: forms.Widget) -> dict:
        return {}  # no min/max/step: those belong to type="number"


class SvDecimalField(forms.DecimalField):
    widget = TalInput

    def to_python(self, value: Any) -> Any:
        return super().to_python(normalisera_tal(value))

    def widget_attrs(self, widget: forms.Widget) -> dict:
        return {}


_SVENSKA = {forms.IntegerField: SvIntegerField, forms.DecimalField: SvDecimalField}


def svenska_tal(form: forms.BaseForm) -> None:
    """Make every plain integer and decimal field of ``form`` take Swedish numbers
    (model forms get Django's fields; this turns them into ours in place)."""
    for field in form.fields.values():
        ny = _SVENSKA.get(type(field))
        if ny is None:
            continue
        field.__class__ = ny
        attrs = {
            k: v
            for k, v in field.widget.attrs.items()
            if k not in ("min", "max", "step")
        }
        field.widget = TalInput(
            attrs=attrs, inputmode="numeric" if ny is SvIntegerField else "decimal"
        )
