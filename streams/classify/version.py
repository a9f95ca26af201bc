"""The coder version every event carries: a record always says which rules made it.
A module of its own so that reading it costs nothing (`import streams.classify` stays light)."""

CODER_VERSION = "wirewatch-coder/1.6.1"
