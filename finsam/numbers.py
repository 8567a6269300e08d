"""Numbers with one rule each: Swedish formatting and percentages rounded half up.

Python's ``round()`` rounds half to even (12,5 % becomes 12 %); a reader of a Swedish
report expects 13 %, so every percentage the app computes goes through ``procent`` and
every figure it prints through ``format_tal``, both rounding half up.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

NBSP = "\xa0"

Tal = int | float | Decimal | Fraction


def _decimal(value: Tal) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return value if isinstance(value, Decimal) else Decimal(str(value))


def avrunda(value: Tal, decimaler: int = 0) -> Decimal:
    """``value`` rounded half up to ``decimaler`` decimals (2,5 -> 3; -2,5 -> -3)."""
    return _decimal(value).quantize(Decimal(1).scaleb(-decimaler), ROUND_HALF_UP)


def procent(
    del_: Tal | None, av: Tal | None = 1, *, decimaler: int = 0
) -> Decimal | None:
    """``del_`` of ``av`` in per cent, rounded half up; ``None`` when there is no base.

    ``procent(1, 8)`` is 13 (12,5 % half up); ``procent(Decimal("0.125"))`` (a share,
    ``av`` 1) is also 13.
    """
    if del_ is None or av is None or av == 0:
        return None
    return avrunda(_decimal(del_) * 100 / _decimal(av), decimaler)


def format_tal(value, decimals: int | None = None) -> str:
    """Group thousands with a (non-breaking) space and use a decimal comma.

    Whole numbers print without decimals unless ``decimals`` is given.
    """
    if value is None or value == "":
        return ""
    try:
        number = _decimal(value)
    except (InvalidOperation, ValueError, TypeError):
        return str(value)
    if decimals is None:
        decimals = 0 if number == number.to_integral_value() else 2
    number = avrunda(number, decimals)
    sign = "-" if number < 0 else ""
    whole, _, frac = f"{abs(number):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = NBSP.join(groups)
    if decimals:
        text += "," + frac.ljust(decimals, "0")[:decimals]
    # A true minus sign reads better and never breaks from its number.
    return ("\u2212" if sign else "") + text


def format_procent(value, decimals: int | None = 1) -> str:
    """A percentage as "44,0 %" (empty when there is none)."""
    text = format_tal(value, decimals)
    return f"{text}{NBSP}%" if text else ""


def procent_text(del_: Tal | None, av: Tal | None, *, decimaler: int = 0) -> str:
    """``del_`` of ``av`` printed as "13 %", empty when there is no base."""
    return format_procent(procent(del_, av, decimaler=decimaler), decimaler)
