"""Metric names in PromQL expressions, and Grafana's query variables made concrete.

A small lexer rather than a parser: it drops string literals, label matchers, range and
subquery brackets, grouping clauses and function calls, and what remains that looks like an
identifier and is no PromQL keyword is a metric name.
"""

from __future__ import annotations

import re

# Grafana's built-in variables and the dashboard's own, replaced by values Prometheus accepts.
GRAFANA_VARIABLES = {
    "$__rate_interval": "1m",
    "$__interval": "15s",
    "$__range": "1h",
    "$instance": ".*",
}

KEYWORDS = frozenset(
    {
        "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right",
        "offset", "bool", "atan2", "inf", "nan", "start", "end",
    }
)
HISTOGRAM_SUFFIXES = ("_bucket", "_sum", "_count")

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`')
_MATCHERS = re.compile(r"\{[^{}]*\}")
_BRACKETS = re.compile(r"\[[^\[\]]*\]")
_GROUPING = re.compile(
    r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)", re.IGNORECASE
)
_FUNCTION = re.compile(r"\b[a-zA-Z_][a-zA-Z0-9_]*\s*(?=\()")
_IDENTIFIER = re.compile(r"(?<![\w.])[a-zA-Z_:][a-zA-Z0-9_:]*")
_NUMBER_OR_DURATION = re.compile(r"\b\d[\w.]*")


def substitute_grafana_variables(expr: str) -> str:
    for name in sorted(GRAFANA_VARIABLES, key=len, reverse=True):
        expr = expr.replace(name, GRAFANA_VARIABLES[name])
    if "$" in expr:
        raise ValueError(f"unknown Grafana variable in {expr!r}")
    return expr


def metric_names(expr: str) -> set[str]:
    """Every metric name the expression selects, as written (with histogram suffixes)."""
    text = _STRING.sub(" ", substitute_grafana_variables(expr))
    text = _MATCHERS.sub(" ", text)
    text = _BRACKETS.sub(" ", text)
    text = _GROUPING.sub(" ", text)
    text = _FUNCTION.sub(" ", text)
    text = _NUMBER_OR_DURATION.sub(" ", text)
    return {name for name in _IDENTIFIER.findall(text) if name.lower() not in KEYWORDS}


def base_name(name: str) -> str:
    """The metric family: `x_bucket`, `x_sum` and `x_count` belong to histogram `x`."""
    for suffix in HISTOGRAM_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def dashboard_queries(dashboard: dict) -> list[tuple[str, str]]:
    """(where, expr) for every panel target and query variable of a Grafana dashboard."""
    found: list[tuple[str, str]] = []

    def walk(panels: list[dict]) -> None:
        for panel in panels:
            for target in panel.get("targets", []):
                if target.get("expr"):
                    found.append((f"panel {panel.get('title')!r} {target['refId']}",
                                  target["expr"]))
            walk(panel.get("panels", []))

    walk(dashboard.get("panels", []))
    for variable in dashboard.get("templating", {}).get("list", []):
        if variable.get("type") != "query":
            continue
        query = variable["query"]
        query = query.get("query", "") if isinstance(query, dict) else query
        inner = re.fullmatch(r"label_values\((.+),\s*\w+\)", query)
        found.append((f"variable {variable['name']!r}", inner.group(1) if inner else query))
    return found
