"""Money for the insatser pages, provided from above.

The budget and the bookkeeping live in ``ekonomi``, which stands on this app; so this app
never imports it. Instead ekonomi registers a provider here (in its AppConfig.ready) and
the insatser pages and the Uppföljning Finsam underlag ask the registry. Without a
provider the money columns stay empty.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass
class InsatsPengar:
    """One insats's money for a year: its budget line(s), budget and utfall."""

    ar: int
    budget: Decimal | None
    utfall: Decimal | None
    url: str = ""


@dataclass
class UppfoljningPengar:
    """The money columns of the Uppföljning Finsam underlag for a year."""

    tilldelade_medel: Decimal | None = None
    eget_kapital: Decimal | None = None
    administration_budget: Decimal | None = None
    administration_utfall: Decimal | None = None
    insatser: dict[int, InsatsPengar] = field(default_factory=dict)


@dataclass
class Provider:
    insatser: Callable[[Any, int], dict[int, InsatsPengar]]
    uppfoljning: Callable[[Any, int], UppfoljningPengar]


_provider: Provider | None = None


def register(provider: Provider) -> None:
    global _provider
    _provider = provider


def insatser_pengar(forbund, ar: int) -> dict[int, InsatsPengar]:
    """Per insats id: budget and utfall for the year ({} without a provider)."""
    return _provider.insatser(forbund, ar) if _provider else {}


def uppfoljning_pengar(forbund, ar: int) -> UppfoljningPengar:
    return _provider.uppfoljning(forbund, ar) if _provider else UppfoljningPengar()
