"""The Faust shell: topics and tables (`topology`), the per-message guard that dead-letters
(`guard`), the article stage (`ingest`, with the coder it is handed by `coding`), the fold
and escalation stages (`alerts`) and the worker's probes (`probes`). `streams.app` builds
the App and hands each module a `Context`.

Agents read raw bytes and (de)serialize with pydantic themselves: the dead-letter topic must
get the original bytes, and pydantic's JSON is faster than Faust's Record codec.
"""
