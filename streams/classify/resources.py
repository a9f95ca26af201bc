"""Data files shipped in `data/`, read once at import: rules are data, not code."""

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
    """`cameo_eventcodes.tsv` keyed by code, so events get GDELT's own Goldstein and QuadClass."""
    table: dict[str, CameoCode] = {}
    with (DATA_DIR / "cameo_eventcodes.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            code = row["cameo_code"].strip()
            table[code] = CameoCode(
                code, row["description"].strip(), float(row["goldstein"]), int(row["quad_class"])
            )
    return table
