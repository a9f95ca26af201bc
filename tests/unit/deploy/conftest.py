"""Paths shared by the deploy tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"


@pytest.fixture(scope="session")
def promtool() -> str:
    """Debian's promtool; .ci/run installs the `prometheus` package that ships it."""
    path = shutil.which("promtool")
    assert path, "promtool not found: apt-get install prometheus"
    return path
