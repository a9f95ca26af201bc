"""The coder version every event carries: a record always says which rules made it.
A module of its own so that reading it costs nothing (`import streams.classify` stays light)."""

# 1.6.1: the dev11 English precision pass (tests/unit/classify/test_dev11.py), and, on another
# branch, the twelfth blind Russian tune batch's classes (tests/unit/classify/
# test_lang_ru_batch12.py): Russian data, and the toll of an attack recalled from an earlier day
# 1.6.2: both of the above (1.6.1 was two branches: dev11 English precision, ru batch 12)
# 1.6.3: the thirteenth blind Russian tune batch (tests/unit/classify/test_lang_ru_batch13.py)
CODER_VERSION = "wirewatch-coder/1.6.3"
