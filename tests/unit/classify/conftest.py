"""One coder per language for the whole session: the language test modules shared it within a
module only, so the Russian coder (5.6 s to build) was built 13 times a run."""

from __future__ import annotations

import pytest

from streams.classify.loader import Coder
from tests.unit.classify.langkit import language_coder


@pytest.fixture(scope="session")
def ru() -> Coder:
    return language_coder("ru")


@pytest.fixture(scope="session")
def uk() -> Coder:
    return language_coder("uk")


@pytest.fixture(scope="session")
def es() -> Coder:
    return language_coder("es")


@pytest.fixture(scope="session")
def de() -> Coder:
    return language_coder("de")
