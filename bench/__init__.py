"""Benchmarks and the coder evaluation (`make bench`, `make eval`)."""
