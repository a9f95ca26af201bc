"""The Faust shell: topics and tables (`topology`), the per-message guard that dead-letters
(`guard`), one module per stage's agents (`ingest`, `coding`, `alerts`) and the worker's
probes (`probes`). `streams.app` builds the App and hands each module a `Context`.

Agents read raw bytes and (de)serialize with pydantic themselves: the dead-letter topic must
get the original bytes, and pydantic's JSON is faster than Faust's Record codec.
"""
