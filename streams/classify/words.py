"""The grammar words of a coder's language that the role and rule code reads, taken from the
coder's own lexicon (not the shipped file), so a language's data brings its own."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from streams.classify.figures import Figures

if TYPE_CHECKING:
    from streams.classify.dates import LanguageDates
    from streams.classify.language_data import LanguageSettings


class Words:
    """Role prepositions ("by X" is the agent, "on X" the target, "with X" a partner), the
    asset classes that make a military target strategic, and the figures' number words."""

    def __init__(
        self, lexicon: dict[str, Any], settings: LanguageSettings | None = None
    ) -> None:
        from streams.classify.language_data import ENGLISH

        self.settings = settings or ENGLISH
        # None: English's own barriers (scope.py), unchanged
        self.barriers: tuple[re.Pattern[str], re.Pattern[str]] | None = (
            None if self.settings.code == "en" else self.settings.barriers()
        )
        # hedge words that make a noun before them hypothetical ("удары ... будут продолжены");
        # None for English (scope.py's "could", "would" ...)
        self.modals = frozenset(str(w).lower() for w in lexicon.get("modals", ())) or None
        roles = lexicon["roles"]
        self.agent_preps = frozenset(roles["agent_prep"])
        self.target_preps = frozenset(roles["target_prep"])
        self.partner_preps = frozenset(roles["partner_prep"])
        self.strategic = frozenset(lexicon["assets"]["strategic"])
        self.figures = Figures(lexicon)
        # a year the sentence is set in, in a language whose wires date it so ("в 2022 году",
        # "8 октября 2022 года"): the language's `year_words` after the year; None for English,
        # whose own patterns are in coder.py
        forms = [re.escape(str(w)[:-1]) + r"\w*" if str(w).endswith("*") else re.escape(str(w))
                 for w in lexicon.get("year_words", ())]
        # the language's own date phrases; None for English (dates.py's patterns)
        self.dates: LanguageDates | None = None
        if lexicon.get("months") or lexicon.get("weekdays") or lexicon.get("relative_days"):
            from streams.classify.dates import LanguageDates

            self.dates = LanguageDates(lexicon.get("months", {}), lexicon.get("weekdays", {}),
                                       lexicon.get("relative_days", {}))
        self.year_re = re.compile(
            r"(?<!\d)((?:19|20)\d\d)\s*(?:" + "|".join(forms) + r")(?!\w)", re.IGNORECASE
        ) if forms else None

    def preposition(self, word: str) -> str:
        """A role word as the role lists spell it: a contraction spelled out ("del" -> "de"),
        an elided article dropped ("l'" -> "")."""
        settings = self.settings
        if word in settings.contractions:
            return settings.contractions[word]
        return "" if word in settings.elision else word


def default_words() -> Words:
    """The default coder's words, for a sentence built without a coder (tests)."""
    from streams.classify.loader import default_coder

    return default_coder().words
