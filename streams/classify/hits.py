"""The scan's unit of output, in a module of its own so that the lexicon (which scans) and
the actor dictionary (whose terms the scan finds) need not import each other."""

from __future__ import annotations

from typing import NamedTuple

# a separable verb in a cue term ("lehnte … ab"), and the category of the hit its particle
# leaves ("ab"; its payload is the verb's term): the scan finds it, the rules' `near` reads it
SEPARATED = "…"
PARTICLE = "particle"


class Hit(NamedTuple):
    """A term found in a field: `cat` is the lexicon category, `payload` its detail."""

    start: int
    end: int
    cat: str
    payload: str
