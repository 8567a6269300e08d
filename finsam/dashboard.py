"""Panels on the förbund's start page. Higher apps register a panel function.

A panel function takes the request and returns ``None`` (nothing to show for this user)
or a ``Panel``. The apps above ``finsam`` register theirs in ``AppConfig.ready``, so the
ground floor never imports them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from finsam.http import ForbundRequest


@dataclass
class Panel:
    titel: str
    rader: list[tuple[str, str]] = field(default_factory=list)  # (text, url or "")
    lank: str = ""
    lank_text: str = ""
    ordning: int = 50


PanelSource = Callable[[ForbundRequest], Panel | None]
_sources: list[PanelSource] = []


def register_panel(source: PanelSource) -> PanelSource:
    if source not in _sources:
        _sources.append(source)
    return source


def panels_for(request: ForbundRequest) -> list[Panel]:
    panels = [p for p in (source(request) for source in _sources) if p is not None]
    return sorted(panels, key=lambda p: p.ordning)
