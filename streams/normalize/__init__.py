"""Normalizing: raw `news.raw` message values to `NormalizedArticle`s, pure and broker-free.

`normalize_message` accepts the three input forms of the contract (project JSON, IPTC ninjs
1.x/2.x/3.x, plain UTF-8 wire text), cleans the text, splits caption, headline and dateline,
and computes the content hash; anything unusable raises `Rejected` with its dead-letter reason.
The agent and the offline `wirewatch classify` both call exactly this, so they cannot disagree.
"""

from streams.normalize.fingerprint import content_hash
from streams.normalize.message import article_key, normalize_message
from streams.normalize.rejected import Rejected

__all__ = ["Rejected", "article_key", "content_hash", "normalize_message"]
