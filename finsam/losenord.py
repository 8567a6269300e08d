"""Password policy: Django's validators plus the Swedish words people build passwords
from.

``finsam/data/vanliga_losenord_sv.txt`` lists Swedish words and names common in
passwords (seasons, months, weekdays, football clubs, pets, places, "lösenord" itself).
A password is refused when it is one of them or one of them with only digits and signs
around it — "Sommar2024", "sommar!", "2024Sommar" — because those are the first guesses
of anyone trying passwords.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError

LISTA = Path(__file__).resolve().parent / "data" / "vanliga_losenord_sv.txt"

_OMSLAG = re.compile(r"^[\W\d_]*(?P<ord>.*?)[\W\d_]*$")


def _karna(password: str) -> str:
    """The password without the digits and signs around it, lower-cased."""
    match = _OMSLAG.match(password.strip().lower())
    return match.group("ord") if match else ""


class SvenskaVanligaLosenordValidator(CommonPasswordValidator):
    def __init__(self, password_list_path: Path | str = LISTA) -> None:
        super().__init__(password_list_path)

    def validate(self, password: str, user: Any = None) -> None:
        lagre = password.strip().lower()
        if lagre in self.passwords or _karna(password) in self.passwords:
            raise ValidationError(
                "Lösenordet är för vanligt: ett vanligt ord med siffror eller tecken "
                "runt om gissas först. Välj en längre fras med flera ord.",
                code="password_too_common",
            )

    def get_help_text(self) -> str:
        return (
            "Lösenordet får inte vara ett vanligt ord, även med siffror eller tecken "
            "före eller efter (t.ex. Sommar2024)."
        )
