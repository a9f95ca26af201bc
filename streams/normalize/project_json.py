"""The project's own JSON form (`schemas.article.RawArticle`): a `body` string (or, for a flash,
a `headline` alone) and optional fields.

Read by hand rather than through `RawArticle.model_validate` so that each bad field is named in
the feeder's terms and the hot path stays cheap; the accepted fields are exactly RawArticle's,
and unknown keys are tolerated as RawArticle tolerates them.
"""

from __future__ import annotations

from typing import Any

from streams.normalize.cleaning import decode_markup
from streams.normalize.draft import Draft
from streams.normalize.fields import (
    invalid,
    json_type,
    optional_id,
    optional_str,
    parse_timestamp,
    parse_version,
    shown,
)


def is_project_json(obj: dict[str, Any]) -> bool:
    """The project form is recognized by its `body`; a headline-only flash (no body, no
    ninjs key) is recognized after ninjs (`streams/normalize/message.py`)."""
    return "body" in obj


def read_project_json(obj: dict[str, Any]) -> Draft:
    """Map a project JSON object onto a Draft; markup that feeders leave in text is decoded.
    A flash without a `body` ("BREAKING: ...") has an empty body: it is read from its
    headline and caption."""
    body = obj.get("body", "")
    if not isinstance(body, str):
        raise invalid(
            "body",
            f"is {json_type(body)} ({shown(body)})",
            "send the article text as a JSON string",
        )
    headline = optional_str(obj, "headline")
    caption = optional_str(obj, "caption")
    return Draft(
        format="json",
        body=decode_markup(body),
        headline=decode_markup(headline) if headline else None,
        caption=decode_markup(caption) if caption else None,
        article_id=optional_id(obj, "id"),
        source=optional_str(obj, "source"),
        url=optional_str(obj, "url"),
        published_at=parse_timestamp(obj.get("published_at"), "published_at"),
        language=optional_str(obj, "language"),
        version=parse_version(obj.get("version"), "version"),
    )
