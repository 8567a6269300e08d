"""Demo budgets (filled in by the budget work)."""


def build(ctx) -> None:
    return None
