"""Project JSON, ninjs 1.x/2.x/3.x and plain wire text all map onto NormalizedArticle."""

from datetime import UTC, datetime, timedelta, timezone

import orjson
import pytest

from schemas.article import NormalizedArticle
from streams.normalize import content_hash, normalize_message

NOW = datetime(2025, 6, 4, 12, 0, tzinfo=UTC)
STORY = (
    "The harbour authority closed the northern pier on Tuesday after a crane collapsed.\n"
    "Officials said repairs would take at least a week."
)


def normalize(document: dict | str | bytes, **kwargs) -> NormalizedArticle:
    if isinstance(document, dict):
        value = orjson.dumps(document)
    elif isinstance(document, str):
        value = document.encode()
    else:
        value = document
    return normalize_message(value, received_at=NOW, **kwargs)


# --- project JSON -------------------------------------------------------------------------


def test_project_json_with_every_field():
    article = normalize(
        {
            "id": "feed-1",
            "headline": "  Pier closed  after crane collapse ",
            "body": STORY,
            "source": "Harbour Gazette",
            "url": "https://example.org/pier",
            "published_at": "2025-06-03T08:15:00+02:00",
            "language": "en",
            "caption": "The damaged crane on Tuesday.",
            "version": "2",
            "feeder_batch": 17,  # feeders' own metadata is tolerated
        },
        ingest_ts_ms=1_717_500_000_000,
    )
    assert article.format == "json"
    assert article.article_id == "feed-1"
    assert article.headline == "Pier closed after crane collapse"
    assert article.body == STORY
    assert article.source == "Harbour Gazette"
    assert article.url == "https://example.org/pier"
    assert article.published_at == datetime(2025, 6, 3, 6, 15, tzinfo=UTC)
    assert article.language == "en"
    assert article.caption == "The damaged crane on Tuesday."
    assert article.version == 2
    assert article.retracted is False
    assert article.dateline is None
    assert article.received_at == NOW
    assert article.ingest_ts_ms == 1_717_500_000_000
    assert article.content_hash == content_hash(article.headline, article.body)


def test_project_json_minimal_gets_defaults_and_a_hash_id():
    article = normalize({"body": STORY})
    assert article.version == 1
    assert article.headline is None
    assert article.published_at is None
    assert article.article_id == "sha256:" + article.content_hash[:32]
    assert len(article.content_hash) == 64


def test_numeric_id_and_version_are_accepted():
    article = normalize({"id": 991, "body": STORY, "version": 3})
    assert (article.article_id, article.version) == ("991", 3)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2025-06-04T09:30:00Z", datetime(2025, 6, 4, 9, 30, tzinfo=UTC)),
        ("2025-06-04t09:30:00z", datetime(2025, 6, 4, 9, 30, tzinfo=UTC)),
        ("2025-06-04T09:30:00.250-04:00", datetime(2025, 6, 4, 13, 30, 0, 250_000, tzinfo=UTC)),
        ("2025-06-04T09:30:00", datetime(2025, 6, 4, 9, 30, tzinfo=UTC)),  # naive: UTC
        ("2025-06-04", datetime(2025, 6, 4, tzinfo=UTC)),
        ("Wed, 04 Jun 2025 09:30:00 GMT", datetime(2025, 6, 4, 9, 30, tzinfo=UTC)),
    ],
)
def test_published_at_becomes_aware_utc(given, expected):
    published = normalize({"body": STORY, "published_at": given}).published_at
    assert published == expected
    assert published.utcoffset() == timedelta(0)


def test_naive_received_at_is_taken_as_utc():
    article = normalize_message(
        STORY.encode(), received_at=datetime(2025, 6, 4, 12, 0), ingest_ts_ms=None
    )
    assert article.received_at == NOW
    aware = datetime(2025, 6, 4, 14, 0, tzinfo=timezone(timedelta(hours=2)))
    assert normalize_message(STORY.encode(), received_at=aware).received_at == aware


def test_json_body_dateline_is_split_and_gives_the_source():
    article = normalize({"id": "a", "body": "ODESA (AP) — " + STORY})
    assert article.body == STORY
    assert article.dateline is not None
    assert article.dateline.text == "ODESA (AP)"
    assert article.dateline.city == "Odesa"
    assert article.source == "AP"


def test_given_source_wins_over_dateline_agency():
    article = normalize({"body": "ODESA (AP) — " + STORY, "source": "Wire Desk"})
    assert article.source == "Wire Desk"
    assert article.dateline.agency == "AP"


def test_json_body_with_html_is_stripped():
    body = "<p>First paragraph &amp; more.</p><p>Second&nbsp;one.</p>"
    article = normalize({"body": body, "headline": "Fish &amp; ships"})
    assert article.body == "First paragraph & more.\nSecond one."
    assert article.headline == "Fish & ships"


def test_json_body_with_a_literal_less_than_is_kept():
    body = "Turnout was <40 percent, the commission said.\nA 3<4 majority is needed."
    assert normalize({"body": body}).body == body


def test_json_bulletin_body_becomes_the_headline():
    article = normalize({"body": "PIER CLOSED AFTER CRANE COLLAPSE"})
    assert article.headline == article.body == "PIER CLOSED AFTER CRANE COLLAPSE"


# --- ninjs ---------------------------------------------------------------------------------


def test_ninjs_1x():
    article = normalize(
        {
            "uri": "urn:newsml:example.org:20250604:pier",
            "type": "text",
            "version": "3",
            "versioncreated": "2025-06-04T10:00:00Z",
            "firstcreated": "2025-06-04T07:00:00Z",
            "pubstatus": "usable",
            "language": "en-GB",
            "headline": "Pier closed after crane collapse",
            "body_text": "ODESA, June 3 (Reuters) - " + STORY,
            "copyrightholder": "Harbour Gazette",
            "located": "Odesa",
        }
    )
    assert article.format == "ninjs"
    assert article.article_id == "urn:newsml:example.org:20250604:pier"
    assert article.version == 3
    assert article.published_at == datetime(2025, 6, 4, 10, 0, tzinfo=UTC)
    assert article.language == "en"  # ISO 639-1: the region tag of "en-GB" is dropped
    assert article.headline == "Pier closed after crane collapse"
    assert article.body == STORY
    assert article.dateline.text == "ODESA, June 3 (Reuters)"
    assert article.source == "Harbour Gazette"
    assert article.retracted is False


def test_ninjs_1x_body_html_keeps_paragraphs():
    article = normalize(
        {
            "uri": "urn:x",
            "headline": "Pier closed",
            "body_html": (
                "<div class='story'>\n  <p>The harbour authority closed\n  the pier.</p>\n"
                "  <p>Repairs take a week &mdash; officials said.<br>More later.</p>\n"
                "  <script>track();</script><style>p{}</style></div>"
            ),
        }
    )
    assert article.body == (
        "The harbour authority closed the pier.\nRepairs take a week — officials said.\nMore later."
    )


def test_ninjs_firstcreated_is_the_fallback_time():
    article = normalize({"uri": "u", "body_text": STORY, "firstcreated": "2025-06-04T07:00:00Z"})
    assert article.published_at == datetime(2025, 6, 4, 7, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "status", ["canceled", "cancelled", "withdrawn", "stat:canceled", "CANCELED"]
)
def test_ninjs_canceled_or_withdrawn_is_retracted(status):
    assert normalize({"uri": "u", "body_text": STORY, "pubstatus": status}).retracted is True


@pytest.mark.parametrize("status", ["usable", "withheld"])
def test_ninjs_usable_or_withheld_is_not_retracted(status):
    assert normalize({"uri": "u", "body_text": STORY, "pubstatus": status}).retracted is False


def test_ninjs_2x_headlines_and_bodies_by_role():
    article = normalize(
        {
            "uri": "http://example.org/items/77",
            "version": "2",
            "versioncreated": "2025-06-04T10:00:00+00:00",
            "pubstatus": "canceled",
            "headlines": [
                {"value": "Short head", "role": "short"},
                {"value": "Pier closed after crane collapse", "role": "main"},
            ],
            "bodies": [
                {"value": "<p>Summary.</p>", "role": "summary", "contenttype": "text/html"},
                {
                    "value": "<p>" + STORY.replace("\n", "</p><p>") + "</p>",
                    "role": "main",
                    "contenttype": "text/html",
                },
            ],
            "descriptions": [
                {"value": "Summary of the story.", "role": "summary"},
                {"value": "The collapsed crane.", "role": "caption"},
            ],
            "infosources": [
                {"name": "Relay Service", "role": "distributor"},
                {"name": "Harbour Gazette", "role": "originator"},
            ],
        }
    )
    assert article.headline == "Pier closed after crane collapse"
    assert article.body == STORY
    assert article.caption == "The collapsed crane."
    assert article.source == "Harbour Gazette"
    assert article.version == 2
    assert article.retracted is True
    assert article.article_id == "http://example.org/items/77"


def test_ninjs_2x_prefers_plain_text_body_and_first_headline_without_roles():
    article = normalize(
        {
            "uri": "u",
            "headlines": [{"value": "First"}, {"value": "Second"}],
            "bodies": [
                {"value": "<p>Marked up.</p>", "contenttype": "text/html"},
                {"value": STORY, "contenttype": "text/plain"},
            ],
        }
    )
    assert article.headline == "First"
    assert article.body == STORY


def test_ninjs_3x_camel_case():
    article = normalize(
        {
            "uri": "urn:ninjs3:item:9",
            "version": 4,
            "versionCreated": "2025-06-04T11:00:00Z",
            "firstCreated": "2025-06-04T06:00:00Z",
            "pubStatus": "withdrawn",
            "language": "en",
            "headlines": [{"value": "Pier closed", "role": "main"}],
            "bodies": [
                {"value": "<p>" + STORY + "</p>", "role": "main", "contentType": "text/html"}
            ],
            "copyrightHolder": {"name": "Harbour Gazette", "uri": "http://example.org"},
        }
    )
    assert article.format == "ninjs"
    assert article.version == 4
    assert article.published_at == datetime(2025, 6, 4, 11, 0, tzinfo=UTC)
    assert article.retracted is True
    assert article.headline == "Pier closed"
    assert article.body == STORY.replace("\n", " ")  # one <p>: the source newline is a space
    assert article.source == "Harbour Gazette"


def test_ninjs_3x_info_sources_win_over_copyright_holder():
    article = normalize(
        {
            "uri": "u",
            "bodies": [{"value": STORY}],
            "infoSources": [{"name": "Coast Wire"}],
            "copyrightHolder": {"name": "Harbour Gazette"},
        }
    )
    assert article.source == "Coast Wire"


def test_ninjs_without_uri_gets_a_hash_id():
    article = normalize({"versioncreated": "2025-06-04T10:00:00Z", "body_text": STORY})
    assert article.format == "ninjs"
    assert article.article_id == "sha256:" + article.content_hash[:32]


def test_ninjs_without_source_falls_back_to_the_dateline_agency():
    article = normalize({"uri": "u", "body_text": "(Coast Wire)- " + STORY})
    assert article.source == "Coast Wire"
    assert article.body == STORY


# --- plain wire text -----------------------------------------------------------------------


def test_plain_text_with_caption_headline_and_dateline():
    text = (
        "Caption: The collapsed crane at dawn. Source image: Harbour Gazette archive\n"
        "Pier closed after crane collapse\n"
        "ODESA, June 3 (Reuters) - " + STORY + "\n"
    )
    article = normalize(text)
    assert article.format == "text"
    assert article.caption == "The collapsed crane at dawn."
    assert article.headline == "Pier closed after crane collapse"
    assert article.dateline.text == "ODESA, June 3 (Reuters)"
    assert article.dateline.city == "Odesa"
    assert article.dateline.agency == "Reuters"
    assert article.source == "Reuters"
    assert article.body == STORY
    assert article.article_id == "sha256:" + article.content_hash[:32]
    assert article.version == 1


def test_plain_text_one_line_all_caps_bulletin():
    article = normalize("PIER CLOSED AFTER CRANE COLLAPSE\n")
    assert article.headline == "PIER CLOSED AFTER CRANE COLLAPSE"
    assert article.body == "PIER CLOSED AFTER CRANE COLLAPSE"


def test_plain_text_bulletin_after_a_dateline():
    article = normalize("ODESA (Reuters) - PIER CLOSED AFTER CRANE COLLAPSE")
    assert article.headline == article.body == "PIER CLOSED AFTER CRANE COLLAPSE"
    assert article.dateline.agency == "Reuters"


def test_plain_text_one_ordinary_line_has_no_headline():
    article = normalize("The pier is closed")
    assert article.headline is None
    assert article.body == "The pier is closed"


def test_plain_text_crlf_and_bom():
    article = normalize(b"\xef\xbb\xbfPier closed\r\n" + STORY.replace("\n", "\r\n").encode())
    assert article.headline == "Pier closed"
    assert article.body == STORY


def test_plain_text_labelled_headline():
    article = normalize("Headline: Pier closed.\n" + STORY)
    assert article.headline == "Pier closed."
    assert article.body == STORY


def test_plain_text_starting_with_a_bracket_word_is_still_text_when_not_json():
    # Only '{' and '[' open JSON; a parenthesis opens a dateline.
    article = normalize("(Coast Wire) - " + STORY)
    assert article.format == "text"
    assert article.dateline.agency == "Coast Wire"
