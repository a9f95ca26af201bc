"""Data files shipped in `data/`, read when a coder is built (never at import): rules are
data, not code."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load_yaml(name: str) -> dict[str, Any]:
    """One YAML data file as a dict (cached: every module shares one parsed copy)."""
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


class CameoCode(NamedTuple):
    """One row of GDELT's CAMEO lookup table."""

    code: str
    description: str
    goldstein: float
    quad_class: int


@cache
def cameo_table() -> dict[str, CameoCode]:
    """The shipped `cameo_eventcodes.tsv` keyed by code (see `read_cameo_table`)."""
    return read_cameo_table(DATA_DIR / "cameo_eventcodes.tsv")


def read_cameo_table(path: Path) -> dict[str, CameoCode]:
    """A CAMEO table keyed by code, so events get GDELT's own Goldstein and QuadClass, and
    every code the taxonomy names can be checked against it."""
    table: dict[str, CameoCode] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            code = row["cameo_code"].strip()
            table[code] = CameoCode(
                code, row["description"].strip(), float(row["goldstein"]), int(row["quad_class"])
            )
    return table
