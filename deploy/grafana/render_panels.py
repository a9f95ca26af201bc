"""Draw the Grafana dashboard's time-series panels from a Prometheus query API, with matplotlib.

Grafana need not be installed: the script reads deploy/grafana/dashboards/wirewatch.json, runs
each time-series panel's queries over a time range with /api/v1/query_range (Grafana's
variables filled in), and draws one chart per panel, titled and laid out like the dashboard.

    .venv/bin/python deploy/grafana/render_panels.py --prometheus http://127.0.0.1:9090 \
        --range 15m --out docs/img/dashboard.png
"""

from __future__ import annotations

import argparse
import json
import math
import re
import time
import urllib.parse
import urllib.request
from datetime import datetime
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt

DASHBOARD = Path(__file__).resolve().parent / "dashboards" / "wirewatch.json"
UNITS = {"reqps": "per second", "s": "seconds", "short": ""}


def parse_duration(text: str) -> float:
    match = re.fullmatch(r"(\d+)([smhd])", text)
    if not match:
        raise argparse.ArgumentTypeError(f"not a duration like 15m: {text!r}")
    return int(match.group(1)) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]


def fill_variables(expr: str, range_seconds: float, step: float) -> str:
    rate_interval = f"{max(int(4 * step), 60)}s"
    return (
        expr.replace("$__rate_interval", rate_interval)
        .replace("$__interval", f"{int(step)}s")
        .replace("$__range", f"{int(range_seconds)}s")
        .replace("$instance", ".*")
    )


def query_range(base: str, expr: str, start: float, end: float, step: float) -> list[dict]:
    params = urllib.parse.urlencode({"query": expr, "start": start, "end": end, "step": step})
    with urllib.request.urlopen(f"{base}/api/v1/query_range?{params}", timeout=30) as resp:
        body = json.load(resp)
    if body["status"] != "success":
        raise RuntimeError(f"{expr}: {body}")
    return body["data"]["result"]


def legend(template: str, labels: dict[str, str]) -> str:
    if not template or template == "__auto":
        return ", ".join(f"{k}={v}" for k, v in sorted(labels.items())) or "value"
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: labels.get(m.group(1), ""), template)


def render(base: str, range_seconds: float, out: Path, title: str) -> int:
    dashboard = json.loads(DASHBOARD.read_text())
    panels = [p for p in dashboard["panels"] if p["type"] == "timeseries"]
    end = time.time()
    start = end - range_seconds
    step = max(range_seconds / 240, 1.0)

    cols = 2
    rows = math.ceil(len(panels) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(15, 3.6 * rows), squeeze=False)
    drawn = 0
    for ax, panel in zip(axes.flat, panels, strict=False):
        unit = panel["fieldConfig"]["defaults"].get("unit", "short")
        for target in panel["targets"]:
            expr = fill_variables(target["expr"], range_seconds, step)
            for series in query_range(base, expr, start, end, step):
                points = [(datetime.fromtimestamp(t), float(v)) for t, v in series["values"]
                          if v not in ("NaN", "+Inf", "-Inf")]
                if not points:
                    continue
                xs, ys = zip(*points, strict=True)
                ax.plot(xs, ys, linewidth=1.4,
                        label=legend(target.get("legendFormat", ""), series["metric"]))
                drawn += 1
        threshold_steps = panel["fieldConfig"]["defaults"].get("thresholds", {}).get("steps", [])
        for step_ in threshold_steps[1:]:
            ax.axhline(step_["value"], color="red", linestyle="--", linewidth=0.8)
        ax.set_title(panel["title"], fontsize=11, loc="left")
        per_minute = all(t["expr"].rstrip().endswith("* 60") for t in panel["targets"])
        ax.set_ylabel("per minute" if per_minute else UNITS.get(unit, unit), fontsize=8)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%H:%M"))
        ax.tick_params(labelsize=8)
        ax.grid(alpha=0.3)
        ax.set_ylim(bottom=0)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=7, loc="upper left", ncol=2, framealpha=0.8)
        else:
            ax.text(0.5, 0.5, "no data", transform=ax.transAxes, ha="center", color="grey")
    for ax in list(axes.flat)[len(panels):]:
        ax.axis("off")
    fig.suptitle(title, fontsize=14, x=0.01, ha="left")
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return drawn


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prometheus", default="http://127.0.0.1:9090")
    parser.add_argument("--range", type=parse_duration, default=parse_duration("15m"),
                        help="time range ending now, e.g. 15m or 1h")
    parser.add_argument("--out", type=Path, default=Path("docs/img/dashboard.png"))
    parser.add_argument("--title", default="Wirewatch: dashboard panels from live data")
    args = parser.parse_args()
    drawn = render(args.prometheus.rstrip("/"), args.range, args.out, args.title)
    print(f"{args.out}: {drawn} series")
    return 0 if drawn else 1


if __name__ == "__main__":
    raise SystemExit(main())
