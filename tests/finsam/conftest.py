"""Fixtures shared by the finsam tests."""

import pytest

from finsam.demo import build_ostra_sodertorn


@pytest.fixture
def os_forbund(db):
    return build_ostra_sodertorn(user_prefix="t-")
