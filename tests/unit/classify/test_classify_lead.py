"""Where an article first tells each event (`Event.first_told`, coder 1.19.0), which the
alert rules read to alert on news, not background: 0 for the headline or caption, else the
body offset of the event's earliest restatement. Read as published on Thursday 5 June 2025
(`classify_helpers.PUBLISHED`)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from schemas import ClassifiedArticle, NormalizedArticle
from streams.alerting import alerts_for
from streams.classify import classify_article
from tests.unit.classify.classify_helpers import PUBLISHED, article, code, one

_FILLER = (
    "Traders said volumes were thin ahead of a holiday, and analysts at two banks said "
    "they expected the spread between the two benchmarks to narrow over the summer as "
    "refiners came back from maintenance and freight rates eased. ")


def _alerts(body: str, **kwargs: object) -> list[str]:
    classified: ClassifiedArticle = classify_article(article(body, **kwargs), now=PUBLISHED)
    return sorted(a.kind for a in alerts_for(classified, now=PUBLISHED))


def test_a_body_only_event_is_first_told_at_its_sentence() -> None:
    body = ("Markets were calm on Thursday. Russian drones hit a power plant in Sumy on "
            "Thursday, cutting electricity to 40,000 homes, officials said.")
    attack = one(code(body), "attack.infrastructure")
    assert attack.first_told == body.index("Russian drones")
    assert attack.evidence.start == attack.first_told


def test_a_headline_restated_in_the_body_is_first_told_in_the_headline() -> None:
    body = (_FILLER * 12 + "Russian drones hit a power plant in Sumy on Thursday, cutting "
            "electricity to 40,000 homes, officials said.")
    headline = "Russian drones hit Sumy power plant"
    attack = one(code(body, headline=headline), "attack.infrastructure")
    assert attack.first_told == 0
    # told in the headline, the attack is news however deep the body restates it
    assert "infrastructure_attack" in _alerts(body, headline=headline)


def test_an_attack_recalled_deep_in_a_market_story_is_background() -> None:
    body = ("LONDON (Wire) - Brent crude rose 1 percent on Thursday as traders weighed "
            "supply from the Black Sea. " + _FILLER * 8 + "Ukrainian drones hit the "
            "Primorsk oil terminal in April, starting a fire at a storage tank, the "
            "regional governor said at the time.")
    assert len(body) > 1_500
    assert code(body) == []  # past the lead: background, not coded (taxonomy `lead_only`)
    assert _alerts(body) == []
    # undated, it is background too ("a drone attack on the terminal")
    undated = body.replace(" in April", "").replace(" at the time", "")
    assert code(undated) == [] and _alerts(undated) == []
    # dated to the article's own day, or the three days before it, it is news
    today = body.replace("in April", "on Thursday").replace(" at the time", "")
    assert one(code(today), "attack.infrastructure").first_told > 1_500
    assert _alerts(today) == ["infrastructure_attack"]
    # the same sentence in the lead is news
    lead = ("LONDON (Wire) - Ukrainian drones hit the Primorsk oil terminal on Thursday, "
            "starting a fire at a storage tank, the regional governor said. " + _FILLER * 8)
    attack = one(code(lead), "attack.infrastructure")
    assert attack.first_told == attack.evidence.start == 0  # the dateline's sentence
    assert _alerts(lead) == ["infrastructure_attack"]


def test_reactions_below_the_news_are_kept_wherever_they_are_told() -> None:
    # a threat and a terrorism accusation are told in the reactions below the news: kept
    body = ("KYIV (Wire) - Russian missiles hit a power plant in Kharkiv on Thursday, cutting "
            "electricity to 90,000 homes, the regional governor said. " + _FILLER * 8
            + "President Volodymyr Zelenskiy called the strike an act of terrorism and "
            "vowed to strike back at Russian oil refineries.")
    got = {e.type: e.first_told for e in code(body)}
    assert got["attack.infrastructure"] == 0  # the dateline's sentence
    assert got["accusation.terrorism"] > 1_500
    assert got["threat.military"] > 1_500


def test_a_ceasefire_violation_called_below_its_attack_alerts() -> None:
    body = ("BEIRUT (Wire) - An Israeli drone struck a car in the southern Lebanese town of "
            "Bint Jbeil on Thursday, killing two men, the health ministry said. "
            + _FILLER * 8 + "Lebanon's president said the strike was a flagrant violation "
            "of the ceasefire.")
    violated = one(code(body), "ceasefire.violated")
    assert violated.first_told > 1_500
    assert "ceasefire_violation" in _alerts(body)


def test_the_lead_is_the_taxonomys() -> None:
    from streams.classify.loader import default_coder

    taxonomy = default_coder().taxonomy
    assert taxonomy.lead_chars == 1_500
    assert {"attack.infrastructure", "casualties.reported", "ceasefire.rejected",
            "negotiation.held"} <= taxonomy.lead_only
    assert not {"ceasefire.violated", "accusation.terrorism",
                "threat.military"} & taxonomy.lead_only


def test_a_wire_without_a_date_is_read_as_of_its_lede() -> None:
    # plain text read on arrival, seven months after its lede's day: its strike of two days
    # before the speech, told below the lead, is that day's news, not seven months old
    body = ("Sudan's army chief on March 3 rejected a proposal for a humanitarian truce in "
            "El Fasher, calling it a gift to the paramilitary Rapid Support Forces. "
            + _FILLER * 8 + "On March 1, army drones struck the RSF-held Nyala airport, "
            "destroying an air defence system and a cargo plane, the army said.")
    arrived = datetime(2025, 10, 9, 9, tzinfo=UTC)
    late = NormalizedArticle(article_id="t-late", content_hash="0" * 64, format="text",
                             body=body, published_at=None, received_at=arrived)
    events = classify_article(late, now=arrived).events
    strike = one(events, "attack.military_target")
    assert strike.event_date == date(2025, 3, 1) and strike.first_told > 1_500
    assert one(events, "ceasefire.rejected").event_date == date(2025, 3, 3)
    kinds = {a.kind for a in alerts_for(classify_article(late, now=arrived), now=arrived)}
    assert {"truce_rejected", "strategic_strike"} <= kinds
    # three weeks after, a lede's date may be its act's own: read as of its arrival
    soon = datetime(2025, 3, 24, 9, tzinfo=UTC)
    fresh = late.model_copy(update={"received_at": soon})
    assert "attack.military_target" not in {
        e.type for e in classify_article(fresh, now=soon).events}
    # a timestamp is the wire's own day: read as of it, March 1 is seven months back
    dated = late.model_copy(update={"published_at": arrived})
    assert "attack.military_target" not in {
        e.type for e in classify_article(dated, now=arrived).events}
