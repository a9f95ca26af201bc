"""Draw the Grafana dashboard's panels from a Prometheus query API, with matplotlib.

Grafana need not be installed: the script reads deploy/grafana/dashboards/wirewatch.json, runs
each panel's queries over a time range (Grafana's variables filled in) and draws the panels in
the dashboard's order: the stat row (instant queries at the range's end), one chart per
time-series panel (/api/v1/query_range; stacked where the dashboard stacks, legend on the
right), and the latency heatmap.

    .venv/bin/python deploy/grafana/render_panels.py --prometheus http://127.0.0.1:9090 \
        --range 15m --out docs/img/dashboard.png

Topic labels lose the prefix given by --topic-prefix (default: $WIREWATCH_TOPIC_PREFIX), so
a picture taken on a shared broker reads like production. The PNG is saved with a 256-colour
palette to stay small.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import re
import time
import urllib.parse
import urllib.request
from datetime import datetime
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.colors as mcolors
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MaxNLocator
from PIL import Image

DASHBOARD = Path(__file__).resolve().parent / "dashboards" / "wirewatch.json"
UNITS = {"reqps": "per second", "s": "seconds", "short": ""}


def parse_duration(text: str) -> float:
    match = re.fullmatch(r"(\d+)([smhd])", text)
    if not match:
        raise argparse.ArgumentTypeError(f"not a duration like 15m: {text!r}")
    return int(match.group(1)) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]


def parse_time(text: str) -> float:
    """Unix seconds, or an ISO 8601 time (local time when it has no offset)."""
    try:
        return float(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a unix time or ISO 8601 time: {text!r}") from exc


def rate_window(step: float) -> int:
    return max(int(4 * step), 60)


def fill_variables(expr: str, range_seconds: float, step: float) -> str:
    return (
        expr.replace("$__rate_interval", f"{rate_window(step)}s")
        .replace("$__interval", f"{int(step)}s")
        .replace("$__range", f"{int(range_seconds)}s")
        .replace("$instance", ".*")
    )


def _get(base: str, path: str, params: dict) -> list[dict]:
    query = urllib.parse.urlencode(params)
    with urllib.request.urlopen(f"{base}{path}?{query}", timeout=30) as resp:
        body = json.load(resp)
    if body["status"] != "success":
        raise RuntimeError(f"{params['query']}: {body}")
    return body["data"]["result"]


def query_range(base: str, expr: str, start: float, end: float, step: float) -> list[dict]:
    return _get(base, "/api/v1/query_range",
                {"query": expr, "start": start, "end": end, "step": step})


def query_instant(base: str, expr: str, at: float) -> list[dict]:
    return _get(base, "/api/v1/query", {"query": expr, "time": at})


def legend(template: str, labels: dict[str, str], topic_prefix: str = "") -> str:
    if topic_prefix and labels.get("topic", "").startswith(topic_prefix):
        labels = {**labels, "topic": labels["topic"][len(topic_prefix):]}
    if not template or template == "__auto":
        return ", ".join(f"{k}={v}" for k, v in sorted(labels.items())) or "value"
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: labels.get(m.group(1), ""), template)


def _to_float(value: str) -> float:
    return float(value) if value not in ("NaN", "+Inf", "-Inf") else math.nan


def _on_grid(values: list, start: float, step: float, n: int) -> np.ndarray:
    """A series on the query's time grid, NaN where Prometheus returned no point."""
    out = np.full(n, np.nan)
    for t, v in values:
        i = round((float(t) - start) / step)
        if 0 <= i < n:
            out[i] = _to_float(v)
    return out


def _time_axis(ax: plt.Axes, start: float, end: float) -> None:
    minutes = (end - start) / 60
    if minutes <= 4:
        ax.xaxis.set_major_locator(mdates.SecondLocator(bysecond=[0, 30]))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%H:%M:%S"))
    else:
        every = next((m for m in (1, 2, 5, 10, 15, 30, 60, 120, 240, 360, 720)
                      if minutes / m <= 8), 1440)
        if every < 60:
            locator = mdates.MinuteLocator(byminute=range(0, 60, every))
        else:
            locator = mdates.HourLocator(byhour=range(0, 24, every // 60))
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%H:%M"))
    ax.set_xlim(datetime.fromtimestamp(start), datetime.fromtimestamp(end))
    ax.tick_params(labelsize=8)


def draw_stat(ax: plt.Axes, panel: dict, base: str, range_seconds: float, end: float,
              step: float) -> int:
    options = panel.get("options", {})
    decimals = panel["fieldConfig"]["defaults"].get("decimals", 0)
    texts = []
    for target in panel["targets"]:
        expr = fill_variables(target["expr"], range_seconds, step)
        for series in query_instant(base, expr, end):
            if options.get("textMode") == "name":
                texts.append(legend(target.get("legendFormat", ""), series["metric"]))
            else:
                value = _to_float(series["value"][1])
                texts.append("–" if math.isnan(value) else f"{value:,.{decimals}f}")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_color("#cccccc")
    ax.set_title(panel["title"], fontsize=9, loc="left")
    ax.text(0.5, 0.42, " ".join(texts) or "no data", transform=ax.transAxes, ha="center",
            va="center", fontsize=18 if texts else 10, color="#1a7f37" if texts else "grey",
            weight="bold")
    return len(texts)


def draw_timeseries(ax: plt.Axes, panel: dict, base: str, range_seconds: float, start: float,
                    end: float, step: float, topic_prefix: str) -> int:
    defaults = panel["fieldConfig"]["defaults"]
    custom = defaults.get("custom", {})
    stacked = custom.get("stacking", {}).get("mode", "none") != "none"
    fill = custom.get("fillOpacity", 0) / 100
    n = round((end - start) / step) + 1
    grid = start + step * np.arange(n)
    times = [datetime.fromtimestamp(t) for t in grid]

    lines: list[tuple[str, np.ndarray]] = []
    for target in panel["targets"]:
        expr = fill_variables(target["expr"], range_seconds, step)
        for series in query_range(base, expr, start, end, step):
            values = _on_grid(series["values"], start, step, n)
            if np.isnan(values).all():
                continue
            lines.append((legend(target.get("legendFormat", ""), series["metric"], topic_prefix),
                          values))

    unit = defaults.get("unit", "short")
    ylabel = UNITS.get(unit, unit)
    if all(t["expr"].rstrip().endswith("* 60") for t in panel["targets"]):
        ylabel = "per minute"
    peak = max((np.nanmax(v) for _, v in lines), default=0.0)
    scale = 1.0
    if unit == "s" and 0 < peak < 1:  # as Grafana does: sub-second values in milliseconds
        scale, ylabel = 1000.0, "milliseconds"

    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    below = np.zeros(n)
    for i, (label, values) in enumerate(lines):
        color = colors[i % len(colors)]
        values = values * scale
        present = ~np.isnan(values)
        if stacked:
            top = below + np.nan_to_num(values)
            ax.fill_between(times, below, top, where=present, color=color,
                            alpha=max(fill, 0.15), linewidth=0)
            ax.plot(times, np.where(present, top, np.nan), color=color, linewidth=1.2,
                    label=label, zorder=3)
            below = top
        else:
            if fill:
                ax.fill_between(times, 0, values, where=present, color=color, alpha=fill / 2,
                                linewidth=0)
            ax.plot(times, values, color=color, linewidth=1.2, label=label, zorder=3)

    top_of_data = (below.max() if stacked and lines else peak * scale)
    ax.set_ylim(bottom=0)
    if top_of_data <= 0:
        ax.set_ylim(0, 1)
    else:
        ax.set_ylim(0, top_of_data * 1.1)
    if unit == "short" and top_of_data < 5:
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    for threshold in defaults.get("thresholds", {}).get("steps", [])[1:]:
        value = threshold["value"] * scale
        label = f"{threshold['value']:g} {unit} budget"
        if value <= max(top_of_data * 1.5, 1e-12):
            ax.axhline(value, color="red", linestyle="--", linewidth=0.9)
            ax.set_ylim(0, max(ax.get_ylim()[1], value * 1.1))
            ax.text(0.995, value, label, transform=ax.get_yaxis_transform(), ha="right",
                    va="bottom", fontsize=7, color="red")
        else:  # a 10 s budget line would flatten millisecond latencies: name it instead
            ax.text(0.995, 0.97, f"{label}: far above this scale", transform=ax.transAxes,
                    ha="right", va="top", fontsize=7, color="red")

    ax.set_title(panel["title"] + ("  (stacked)" if stacked and len(lines) > 1 else ""),
                 fontsize=10, loc="left")
    ax.set_ylabel(ylabel, fontsize=8)
    _time_axis(ax, start, end)
    ax.grid(alpha=0.3)
    for spine in ax.spines.values():
        spine.set_color("#bbbbbb")  # lines at 0 (no lag, no dead letters) stay visible
    if lines:
        handles, labels = ax.get_legend_handles_labels()
        if stacked:  # top of the stack first, as it is drawn
            handles, labels = handles[::-1], labels[::-1]
        ax.legend(handles, labels, fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  ncol=1 if len(lines) <= 16 else 2, frameon=False, borderaxespad=0,
                  handlelength=1.5)
        if top_of_data <= 0:
            ax.text(0.5, 0.5, f"all {len(lines)} series at 0 over the range",
                    transform=ax.transAxes, ha="center", color="grey", fontsize=9)
    else:
        ax.text(0.5, 0.5, "no data", transform=ax.transAxes, ha="center", color="grey")
    return len(lines)


def _bucket_label(le: float) -> str:
    if math.isinf(le):
        return "+Inf"
    return f"{le * 1000:g} ms" if le < 1 else f"{le:g} s"


def draw_heatmap(fig: plt.Figure, ax: plt.Axes, panel: dict, base: str, range_seconds: float,
                 start: float, end: float, step: float) -> int:
    """Prometheus buckets are cumulative: each cell is the count in (previous le, le]."""
    n = round((end - start) / step) + 1
    buckets: dict[float, np.ndarray] = {}
    for target in panel["targets"]:
        expr = fill_variables(target["expr"], range_seconds, step)
        for series in query_range(base, expr, start, end, step):
            le = float(series["metric"].get("le", "+Inf"))
            buckets[le] = np.nan_to_num(_on_grid(series["values"], start, step, n))
    ax.set_title(panel["title"], fontsize=10, loc="left")
    if not buckets:
        ax.text(0.5, 0.5, "no data", transform=ax.transAxes, ha="center", color="grey")
        return 0
    bounds = sorted(buckets)
    cumulative = np.vstack([buckets[le] for le in bounds])
    counts = np.clip(np.diff(cumulative, axis=0, prepend=0), 0, None)
    # Keep one empty bucket above the slowest observed one: the rest would only be blank rows.
    used = np.nonzero(counts.sum(axis=1) > 0)[0]
    keep = min(len(bounds), (used.max() + 2) if used.size else len(bounds))
    counts, bounds = counts[:keep], bounds[:keep]
    edges = [datetime.fromtimestamp(t) for t in start + step * (np.arange(n + 1) - 0.5)]
    options = panel.get("options", {})
    gamma = options.get("color", {}).get("exponent", 1.0)
    scheme = options.get("color", {}).get("scheme", "Oranges")
    vmax = counts.max()
    mesh = ax.pcolormesh(edges, np.arange(len(bounds) + 1), counts, cmap=scheme,
                         norm=mcolors.PowerNorm(gamma=gamma, vmin=0, vmax=vmax or 1),
                         shading="flat")
    ax.set_yticks(np.arange(len(bounds)) + 0.5, [f"≤ {_bucket_label(b)}" for b in bounds])
    ax.tick_params(axis="y", labelsize=7)
    ax.set_ylabel("latency bucket", fontsize=8)
    _time_axis(ax, start, end)
    bar = fig.colorbar(mesh, ax=ax, pad=0.01, fraction=0.03)
    bar.set_label(f"alerts per {rate_window(step)} s", fontsize=8)
    bar.ax.tick_params(labelsize=7)
    return len(bounds)


def render(base: str, range_seconds: float, out: Path, title: str, end: float | None = None,
           topic_prefix: str = "") -> int:
    dashboard = json.loads(DASHBOARD.read_text())
    stats = [p for p in dashboard["panels"] if p["type"] == "stat"]
    series_panels = [p for p in dashboard["panels"] if p["type"] == "timeseries"]
    heatmaps = [p for p in dashboard["panels"] if p["type"] == "heatmap"]
    end = time.time() if end is None else end
    start = end - range_seconds
    step = max(range_seconds / 240, 1.0)

    cols = 2
    rows = math.ceil(len(series_panels) / cols)
    heights = ([0.9] if stats else []) + [3.1] * rows + [2.8] * len(heatmaps)
    fig = plt.figure(figsize=(16, sum(heights) + 0.6), layout="constrained")
    grid = fig.add_gridspec(len(heights), 1, height_ratios=heights)
    row = 0
    drawn = 0
    if stats:
        cells = grid[row].subgridspec(1, len(stats), wspace=0.05)
        for i, panel in enumerate(stats):
            drawn += draw_stat(fig.add_subplot(cells[i]), panel, base, range_seconds, end, step)
        row += 1
    if series_panels:
        cells = grid[row:row + rows].subgridspec(rows, cols)
        for i, panel in enumerate(series_panels):
            ax = fig.add_subplot(cells[i // cols, i % cols])
            drawn += draw_timeseries(ax, panel, base, range_seconds, start, end, step,
                                     topic_prefix)
        row += rows
    for panel in heatmaps:
        drawn += draw_heatmap(fig, fig.add_subplot(grid[row]), panel, base, range_seconds,
                              start, end, step)
        row += 1
    span = (f"{datetime.fromtimestamp(start):%Y-%m-%d %H:%M:%S} to "
            f"{datetime.fromtimestamp(end):%H:%M:%S} {time.strftime('%Z')}")
    fig.suptitle(f"{title}   ({span}; rates over {rate_window(step)} s)", fontsize=13,
                 x=0.01, ha="left")
    out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    fig.savefig(buffer, dpi=100, format="png")
    plt.close(fig)
    buffer.seek(0)
    image = Image.open(buffer).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(out, optimize=True)
    return drawn


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prometheus", default="http://127.0.0.1:9090")
    parser.add_argument("--range", type=parse_duration, default=parse_duration("15m"),
                        help="time range ending at --end, e.g. 15m or 1h")
    parser.add_argument("--end", type=parse_time, default=None,
                        help="end of the range: unix time or ISO 8601 (default: now)")
    parser.add_argument("--out", type=Path, default=Path("docs/img/dashboard.png"))
    parser.add_argument("--title", default="Wirewatch: dashboard panels from live data")
    parser.add_argument("--topic-prefix", default=os.environ.get("WIREWATCH_TOPIC_PREFIX", ""),
                        help="stripped from topic labels (default: $WIREWATCH_TOPIC_PREFIX)")
    args = parser.parse_args()
    drawn = render(args.prometheus.rstrip("/"), args.range, args.out, args.title, args.end,
                   args.topic_prefix)
    print(f"{args.out}: {drawn} series, {args.out.stat().st_size // 1024} KiB")
    return 0 if drawn else 1


if __name__ == "__main__":
    raise SystemExit(main())
