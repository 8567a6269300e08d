"""The demo förbund's economy: budgets first, then the bookkeeping that is measured against them."""

from __future__ import annotations

from ekonomi import demo_bokforing, demo_budget


def build(ctx) -> None:
    demo_budget.build(ctx)
    demo_bokforing.build(ctx)


def build_ostra_sodertorn(ctx) -> None:
    demo_budget.build_ostra_sodertorn(ctx)
