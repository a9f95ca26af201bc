"""Error classes the blind English tune batches `dev14-*` and `dev15-*` (think-tank
assessments, defence intelligence updates, maritime advisories, trade press, newsletters,
OSINT threads, local papers, readouts; infrastructure hit versus affected) showed, pinned here
in new words (none is a corpus wire's), each trap beside a genuine positive:

- a ship struck "on the port side" hit no port (`infra_name` masks `infra:port`);
- a ship hit "at its berth in the naval harbour" hit a navy's base, not a port
  (`military_infra` masks `infra:port`);
- strikes "over the past month" or "over the past winter", deaths "in the past four weeks"
  are an aggregate (`period_spans`);
- "last year's" is an earlier time (`earlier`, beside "last year");
- a clause opened by "in which" or "during which" is set in the time of the clause before it
  ("agreed to stop firing last year after an attack in which 26 people were killed");
- talks that "remain frozen" are in a state that goes on, no new suspension (`stall_state`).
"""

from __future__ import annotations

from datetime import UTC, datetime

import orjson

from streams.alerting import alerts_for
from streams.classify import default_coder
from streams.normalize import normalize_message

NOW = datetime(2026, 3, 20, 12, tzinfo=UTC)


def _code(body: str, headline: str = "Update") -> tuple[set[str], set[str]]:
    raw = {"id": "dev14", "headline": headline, "body": body, "language": "en",
           "published_at": "2026-03-20T09:00:00Z"}
    article = normalize_message(orjson.dumps(raw), received_at=NOW)
    classified = default_coder().classify_article(article, now=NOW)
    return ({e.type for e in classified.events},
            {a.kind for a in alerts_for(classified, now=NOW)})


def _cats(text: str) -> set[str]:
    return {h.cat for h in default_coder().lexicon.scan(text)}


def test_a_ship_struck_on_its_port_side_hit_no_port() -> None:
    assert "infra:port" not in _cats("the vessel was struck on the port side by a projectile")
    assert "infra:port" in _cats("the vessel was struck in the port by a projectile")
    events, alerts = _code("A bulk carrier was struck on the port side by a projectile west "
                           "of Hodeidah, the master reported.")
    assert "attack.infrastructure" not in events and "infrastructure_attack" not in alerts
    _, alerts = _code("Drones struck the port of Hodeidah overnight, damaging two cranes.")
    assert "infrastructure_attack" in alerts


def test_a_ship_in_the_naval_harbour_is_the_navys_base() -> None:
    assert "infra:port" not in _cats("hit at its berth in the naval harbour")
    events, alerts = _code("Sea drones hit a landing ship at its berth in the naval harbour "
                           "of Sevastopol, the navy said.")
    assert "attack.infrastructure" not in events and "infrastructure_attack" not in alerts
    assert "strategic_strike" in alerts


def test_strikes_over_the_past_month_or_winter_are_an_aggregate() -> None:
    for body in ("Russian strikes on the city's ports and power plants over the past month "
                 "have caused repeated blackouts.",
                 "The minister noted the damage done to the grid by attacks over the past "
                 "winter.",
                 "Some 61 deaths from the violence in Darfur have been recorded in the past "
                 "four weeks."):
        _, alerts = _code(body, headline="Situation update")
        assert not alerts, body
    _, alerts = _code("Russian missiles struck a power plant in Odesa overnight, the "
                      "governor said.")
    assert "infrastructure_attack" in alerts


def test_a_clause_dated_last_year_is_background() -> None:
    body = ("Azerbaijani troops fired on Armenian forward posts near Sotk late on Wednesday "
            "night, in what Yerevan called an unprovoked violation of the truce, officials "
            "said.\n\nNo soldier was hurt and the posts were not damaged, a spokesman said."
            "\n\nThe two countries agreed to stop all firing and military action on April 3 "
            "last year after three days of missile, drone and artillery exchanges that followed "
            "the Lachin attack, in which 24 people were killed. Their commanders have spoken by "
            "hotline twice since then.")
    _, alerts = _code(body, headline="LoC firing")
    assert "mass_casualty" not in alerts


def test_talks_that_remain_frozen_are_no_new_suspension() -> None:
    events, alerts = _code("The ceasefire with the Comuneros del Sur is holding. Talks with "
                           "the ELN remain frozen.", headline="Colombia truce holds")
    assert "negotiation.stalled" not in events and "talks_collapse" not in alerts
    _, alerts = _code("The government froze talks with the ELN on Monday after an attack "
                      "on a base.", headline="Talks frozen")
    assert "talks_collapse" in alerts
