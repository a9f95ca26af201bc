"""The grammar words of a coder's language that the role and rule code reads, taken from the
coder's own lexicon (not the shipped file), so a language's data brings its own."""

from __future__ import annotations

from typing import Any

from streams.classify.figures import Figures


class Words:
    """Role prepositions ("by X" is the agent, "on X" the target, "with X" a partner), the
    asset classes that make a military target strategic, and the figures' number words."""

    def __init__(self, lexicon: dict[str, Any]) -> None:
        roles = lexicon["roles"]
        self.agent_preps = frozenset(roles["agent_prep"])
        self.target_preps = frozenset(roles["target_prep"])
        self.partner_preps = frozenset(roles["partner_prep"])
        self.strategic = frozenset(lexicon["assets"]["strategic"])
        self.figures = Figures(lexicon)


def default_words() -> Words:
    """The default coder's words, for a sentence built without a coder (tests)."""
    from streams.classify.loader import default_coder

    return default_coder().words
