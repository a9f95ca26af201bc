"""The coder and alert rules on the held-out corpus: the issues' bars, enforced as they stand.

Alert micro-F1 must reach 0.90 (issue 3's bar; issue 11 aims at 0.95) on the held-out wires
it was set on (131 wires, every batch before `h4-*`): measured 0.921 (P 0.921, R 0.921) at
coder 1.3.0 with issue 11's precision work and the attack specs, 0.909 before them; unchanged
at 1.4.0. Each later blind batch in real-reporting styles is harder and has a regression floor
at what it measures, not the bar: `h4-*` (60 wires) alert micro-F1 0.857 (P 0.786, R 0.943),
`h5-*` (30 wires, joined with coder 1.4.0's second precision pass) 0.788 (P 0.765, R 0.812),
events 0.772. Event micro-F1 (0.90) and alert precision (0.87) are enforced on the 191 wires
before `h5-*` (measured 0.907 and 0.873 at 1.3.0; 1.4.0 raised events on the wires before
`h4-*` and left alerts as they were). The whole part (221 wires) measures alert micro-F1 0.886
(P 0.859) and event micro-F1 0.888 at 1.4.0 (0.894, P 0.861, events 0.900 at 1.8.0 and 1.9.0).
`h6-*` (30 wires, blind, think-tank, maritime, OSINT and local-paper styles, joined with coder
1.9.0's `dev14`/`dev15` pass) measures alert micro-F1 0.909 (P 0.882, R 0.938), events 0.884;
the whole part (251 wires) 0.896 (P 0.864). `h7-*` (30 wires, blind, belligerents' own
voices and official paper: state media, communiques, notices, designations, digests; joined
with coder 1.10.0's `dev16`-`dev19` pass) measures alert micro-F1 0.821 (P 0.762, R 0.889),
events 0.840; at 1.10.0 the wires before it score 0.899 (P 0.869), events 0.900, the 131
early wires 0.927, the 191 before `h5-*` precision 0.882 and events 0.917, and the whole part
(281 wires) 0.890 (P 0.856), events 0.892. `h8-*` (30 wires, blind, verification desks,
profiles, opinion, humanitarian and money copy; the breaking cycle, second-day stories,
digests and emergency bulletins) measured 0.684 (P 0.542) when it joined and 0.722
(P 0.591, R 0.929), events 0.793, after coder 1.11.0's `dev24`-`dev28` passes; the whole
part (311 wires) 0.873 (P 0.827), events 0.881. Coder 1.12.0's `dev29`-`dev34` passes
raised `h7-*` to 0.850, `h8-*` to 0.788 (P 0.684), events 0.839, and the 311 wires to 0.888
(P 0.849), events 0.888. `h9-*` (40 wires, blind, the world's English-language press and the
wire's own machinery, belligerents' own voices and official paper) measured 0.622 (P 0.583,
R 0.667) when it joined and 0.652 (P 0.600, R 0.714), events 0.793, at the end of that pass;
the whole part (351 wires) 0.862 (P 0.820), events 0.875. Coder 1.13.0's `dev35`-`dev40`
passes raised `h8-*` to 0.812, `h9-*` to 0.681 (P 0.615, R 0.762), events 0.814, and the 351
wires to 0.867 (P 0.825), events 0.882. `h10-*` (40 wires, blind, breaking formats and the day
after, events told sideways) measured 0.870 (P 0.800, R 0.952), events 0.861, when it joined
(after the pass's first fixes) and 0.870, events 0.866, at its end; the whole part (391 wires)
0.867 (P 0.822), events 0.880. `h11-*` (40 wires, blind, the world's English-language press
and real reporting at length: long agency copy with background tails, live-blog roundups, UN
and NGO paper, court and business news in war words) measured 0.731 (P 0.613, R 0.905),
events 0.840, when it joined and 0.792 (P 0.704), events 0.866, after coder 1.14.0's
`dev41`-`dev48` passes, which raised `h9-*` to 0.711 (P 0.667), events 0.824, and the 391 wires
before `h11-*` to 0.873 (P 0.833), events 0.884; the whole part (431 wires) 0.865 (P 0.820),
events 0.882. `h12-*` (40 wires, blind, belligerents' own voices and official paper and real
reporting at length), written after that pass, measured 0.829 (P 0.773, R 0.895), events 0.884,
when it joined at coder 1.14.0; the whole part (471 wires) 0.862 (P 0.816), events 0.882.
`h13-*` (40 wires, blind, the world's English-language press and real reporting at length)
measured 0.909 (P 0.870, R 0.952), events 0.846, when it joined at coder 1.14.0 and the same
after coder 1.15.0's pass, which raised the whole part (511 wires) from 0.866 (P 0.820) to
0.870 (P 0.828), events 0.882; coder 1.16.0 raised `h13-*` to 0.930 (P 0.909), events 0.863.
`h14-*` (40 wires, blind, belligerents' own voices and real reporting at length), written
during that pass and first read after its batch fixes, measured 0.863 (P 0.759, R 1.000),
events 0.851; the whole part (551 wires) 0.874 (P 0.829), events 0.882.
`h15-*` (40 wires, blind, belligerents' own voices and the world's English-language press),
merged at the start of coder 1.17.0's pass, measured 0.757 (P 0.667, R 0.875), events 0.848,
at coder 1.16.0 and 0.778 (P 0.700), events 0.861, at 1.17.0. `h16-*` (40 wires, blind, the
world's English-language press and real reporting at length), written during that pass and
first read at its end, measured 0.857 (P 0.750, R 1.000), events 0.837 (0.857 and 0.830 at
1.16.0); the whole part (631 wires) 0.871 (P 0.820), events 0.879. `h17-*` (40 wires, blind,
strategic targets and tolls in real reporting), merged at the start of coder 1.18.0's pass,
measured 0.844 (P 0.792, R 0.905), events 0.908, at 1.17.0 and the same at 1.18.0; the whole
part (671 wires) 0.869 (P 0.818) at 1.17.0 and 0.872 (P 0.821), events 0.881, at 1.18.0.
Coder 1.19.0's lead (acts, tolls, truces and talks first told past the body's first 1,500
characters, and not dated to the days of the news, are background, not coded; an alert needs
an event told in the headline, caption or lead, or so dated) raised it to 0.889 (P 0.853,
R 0.930), events 0.889: issue 11 stays open until it reaches the bar.
Improve the coder by fixing rule classes found on `tune/`
(`python -m bench.eval --part tune --show-errors`) and the golden table, never by reading or
relabelling the held-out part.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.eval import evaluate, render  # noqa: E402

ALERT_F1_TARGET = 0.90  # issue 3's bar
EVENT_F1_TARGET = 0.90  # issue 11's bar
ALERT_F1_BAR = ALERT_F1_TARGET  # on the wires before h4: measured 0.921 (0.909 before)
EVENT_F1_BAR = EVENT_F1_TARGET  # on the wires before h5: measured 0.907 at 1.3.0
ALERT_PRECISION_BAR = 0.87  # before h5: measured 0.873 (0.805 before issue 11's precision work)
H4_ALERT_F1_FLOOR = 0.93  # the h4 batch alone: measured 0.857, 0.933 with the lead (1.19.0)
H5_ALERT_F1_FLOOR = 0.787  # the h5 batch alone: measured 0.788 (P 0.765); a floor, not the bar
H5_EVENT_F1_FLOOR = 0.77  # the h5 batch alone: measured 0.772
H6_ALERT_F1_FLOOR = 0.90  # the h6 batch alone: measured 0.909 (P 0.882); a floor, not the bar
H6_EVENT_F1_FLOOR = 0.88  # the h6 batch alone: measured 0.884
H7_ALERT_F1_FLOOR = 0.85  # the h7 batch alone: measured 0.821 (P 0.762), 0.850 at 1.12.0
H7_EVENT_F1_FLOOR = 0.91  # h7 alone: 0.840 at merge, 0.848 at 1.11.0, 0.914 at 1.19.0
H8_ALERT_F1_FLOOR = 0.86  # h8 alone: 0.722 (P 0.591) at merge, 0.812 at 1.13.0, 0.867 at 1.19.0
H8_EVENT_F1_FLOOR = 0.84  # the h8 batch alone: measured 0.793, 0.850 at 1.13.0
H9_ALERT_F1_FLOOR = 0.77  # h9 alone: 0.622 at merge, 0.711 at 1.14.0, 0.780 at 1.19.0
H9_EVENT_F1_FLOOR = 0.84  # h9 alone: 0.793 at merge, 0.824 at 1.14.0, 0.849 at 1.19.0
H10_ALERT_F1_FLOOR = 0.86  # the h10 batch alone: measured 0.870 (P 0.800) at merge and 1.13.0
H10_EVENT_F1_FLOOR = 0.86  # the h10 batch alone: measured 0.861 at merge, 0.866 at 1.13.0
H11_ALERT_F1_FLOOR = 0.85  # h11 alone: 0.731 (P 0.613) at merge, 0.816 at 1.17.0, 0.851 at 1.19.0
H11_EVENT_F1_FLOOR = 0.89  # h11 alone: 0.840 at merge, 0.866 at 1.14.0, 0.894 at 1.19.0
H12_ALERT_F1_FLOOR = 0.89  # the h12 batch alone: 0.829 (P 0.773) at merge, 0.900 at 1.19.0
H12_EVENT_F1_FLOOR = 0.90  # the h12 batch alone: 0.884 at merge, 0.907 at 1.19.0
H13_ALERT_F1_FLOOR = 0.95  # the h13 batch alone: 0.909 (P 0.870) at merge, 0.952 at 1.19.0
H13_EVENT_F1_FLOOR = 0.87  # the h13 batch alone: 0.846 at merge, 0.863 at 1.16.0, 0.880 at 1.19.0
H14_ALERT_F1_FLOOR = 0.89  # the h14 batch alone: 0.863 (P 0.759) at merge, 0.898 at 1.19.0
H14_EVENT_F1_FLOOR = 0.86  # the h14 batch alone: 0.851 at merge, 0.865 at 1.19.0
H15_ALERT_F1_FLOOR = 0.79  # h15 alone: 0.757 (P 0.667) at merge, 0.778 at 1.17.0, 0.800 at 1.19.0
H15_EVENT_F1_FLOOR = 0.87  # h15 alone: 0.848 at merge, 0.861 at 1.17.0, 0.873 at 1.19.0
H16_ALERT_F1_FLOOR = 0.92  # the h16 batch alone: 0.857 (P 0.750) at first reading, 0.923 at 1.19.0
H16_EVENT_F1_FLOOR = 0.86  # the h16 batch alone: 0.837 at first reading, 0.868 at 1.19.0
H17_ALERT_F1_FLOOR = 0.84  # the h17 batch alone: measured 0.844 (P 0.792) at merge (1.17.0)
H17_EVENT_F1_FLOOR = 0.90  # the h17 batch alone: measured 0.908 at merge, 0.901 at 1.19.0
# every English held-out wire, at 1.19.0, which takes acts, tolls, truces and talks first
# told past the body's first 1,500 characters, and not dated to the days of the news, for
# background, and alerts only on news
WHOLE_ALERT_F1_FLOOR = 0.88  # all 671: 0.872 (P 0.821) at 1.18.0, 0.889 (P 0.853) at 1.19.0
WHOLE_ALERT_PRECISION_FLOOR = 0.85  # all 671: 0.821 at 1.18.0, 0.853 at 1.19.0
WHOLE_EVENT_F1_FLOOR = 0.88  # all 671: 0.881 at 1.18.0, 0.889 at 1.19.0
_LATER = ("h4", "h5", "h6", "h7", "h8", "h9", "h10", "h11", "h12", "h13", "h14", "h15", "h16",
          "h17")


def batch_of(path: str) -> str:
    """`h4` to `h17` for the blind batches in real-reporting styles (issue 11), written
    after the bar was set; `early` for every wire before them."""
    prefix = path.rsplit("/", 1)[-1].split("-", 1)[0]
    return prefix if prefix in _LATER else "early"


@pytest.fixture(scope="module")
def heldout() -> dict:
    return evaluate("heldout")


@pytest.fixture(scope="module")
def before_h5() -> dict:
    return evaluate("heldout", batch=lambda path: batch_of(path) in ("early", "h4"))


def test_no_fixture_raises(heldout: dict):
    broken = [item for item in heldout["errors"] if item["exception"]]
    assert broken == []


def test_whole_heldout_alert_floors(heldout: dict):
    """Every English held-out wire: a regression floor, not the bar (0.95 with P 0.95)."""
    assert heldout["articles"] >= 671
    alerts = heldout["alerts_micro"]
    assert alerts["f1"] >= WHOLE_ALERT_F1_FLOOR, f"alert micro-F1 {alerts['f1']:.3f}"
    assert alerts["precision"] >= WHOLE_ALERT_PRECISION_FLOOR, (
        f"alert precision {alerts['precision']:.3f}")
    events = heldout["events_micro"]["f1"]
    assert events >= WHOLE_EVENT_F1_FLOOR, f"event micro-F1 {events:.3f}"


def test_heldout_alert_micro_f1():
    """The bar, on the held-out wires it was set on."""
    scored = evaluate("heldout", batch=lambda path: batch_of(path) == "early")
    assert scored["articles"] >= 131
    f1 = scored["alerts_micro"]["f1"]
    assert f1 >= ALERT_F1_BAR, f"alert micro-F1 {f1:.3f} < {ALERT_F1_BAR}\n{render(scored)}"


def test_h4_batch_alert_micro_f1_floor():
    scored = evaluate("heldout", batch=lambda path: batch_of(path) == "h4")
    assert scored["articles"] == 60
    f1 = scored["alerts_micro"]["f1"]
    assert f1 >= H4_ALERT_F1_FLOOR, f"h4 alert micro-F1 {f1:.3f} < {H4_ALERT_F1_FLOOR}"


@pytest.mark.parametrize(("batch", "size", "alerts_floor", "events_floor"), [
    ("h5", 30, H5_ALERT_F1_FLOOR, H5_EVENT_F1_FLOOR),
    ("h6", 30, H6_ALERT_F1_FLOOR, H6_EVENT_F1_FLOOR),
    ("h7", 30, H7_ALERT_F1_FLOOR, H7_EVENT_F1_FLOOR),
    ("h8", 30, H8_ALERT_F1_FLOOR, H8_EVENT_F1_FLOOR),
    ("h9", 40, H9_ALERT_F1_FLOOR, H9_EVENT_F1_FLOOR),
    ("h10", 40, H10_ALERT_F1_FLOOR, H10_EVENT_F1_FLOOR),
    ("h11", 40, H11_ALERT_F1_FLOOR, H11_EVENT_F1_FLOOR),
    ("h12", 40, H12_ALERT_F1_FLOOR, H12_EVENT_F1_FLOOR),
    ("h13", 40, H13_ALERT_F1_FLOOR, H13_EVENT_F1_FLOOR),
    ("h14", 40, H14_ALERT_F1_FLOOR, H14_EVENT_F1_FLOOR),
    ("h15", 40, H15_ALERT_F1_FLOOR, H15_EVENT_F1_FLOOR),
    ("h16", 40, H16_ALERT_F1_FLOOR, H16_EVENT_F1_FLOOR),
    ("h17", 40, H17_ALERT_F1_FLOOR, H17_EVENT_F1_FLOOR),
])
def test_later_blind_batch_floors(batch: str, size: int, alerts_floor: float,
                                  events_floor: float):
    scored = evaluate("heldout", batch=lambda path: batch_of(path) == batch)
    assert scored["articles"] == size
    f1, events = scored["alerts_micro"]["f1"], scored["events_micro"]["f1"]
    assert f1 >= alerts_floor, f"{batch} alert micro-F1 {f1:.3f} < {alerts_floor}"
    assert events >= events_floor, f"{batch} event micro-F1 {events:.3f} < {events_floor}"


def test_heldout_event_micro_f1(before_h5: dict):
    assert before_h5["articles"] >= 191
    f1 = before_h5["events_micro"]["f1"]
    assert f1 >= EVENT_F1_BAR, f"event micro-F1 {f1:.3f} < {EVENT_F1_BAR}\n{render(before_h5)}"


def test_heldout_alert_precision(before_h5: dict):
    precision = before_h5["alerts_micro"]["precision"]
    assert precision >= ALERT_PRECISION_BAR, (
        f"alert precision {precision:.3f} < {ALERT_PRECISION_BAR}\n{render(before_h5)}")


def test_the_bars_are_the_issues():
    """Never lower the bars to make a change pass."""
    assert ALERT_F1_BAR >= 0.90 and EVENT_F1_BAR >= 0.90 and ALERT_PRECISION_BAR >= 0.87


def test_evaluate_shape():
    """`evaluate` scores every type and kind, on both parts together as well."""
    result = evaluate("all")
    assert result["articles"] >= 150
    assert set(result["events"]) >= {"ceasefire.rejected", "attack.military_target"}
    assert "escalation_surge" not in result["alerts"]
    for score in (*result["events"].values(), result["alerts_micro"]):
        assert 0.0 <= score["precision"] <= 1.0 and 0.0 <= score["recall"] <= 1.0
