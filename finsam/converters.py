"""URL converters that refuse what no page has: a year outside ``MIN_AR``–``MAX_AR``
(0, 10000, twenty digits) and an id longer than the database's integers. Django treats
the ``ValueError`` as "no such URL", so the answer is a 404, never a 500 from a date
or a query that cannot hold the number."""

from __future__ import annotations

from finsam.dates import MAX_AR, MIN_AR


class ArConverter:
    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        ar = int(value)
        if not MIN_AR <= ar <= MAX_AR:
            raise ValueError(f"{ar} är inte ett år i Finsam.")
        return ar

    def to_url(self, value: int) -> str:
        return str(value)


class IdConverter:
    # At most 18 digits: below 2**63, so every database can look the number up.
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
