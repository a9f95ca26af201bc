"""The coder version every event carries: a record always says which rules made it.
A module of its own so that reading it costs nothing (`import streams.classify` stays light)."""

# 1.6.1: the twelfth blind Russian tune batch's classes (tests/unit/classify/
# test_lang_ru_batch12.py): Russian data, and the toll of an attack recalled from an earlier day
CODER_VERSION = "wirewatch-coder/1.6.1"
