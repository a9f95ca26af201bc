"""Reading wires from files, folders, JSON Lines and stdin, for `feed` and `classify`.

Each item is (label, bytes): the label is the path, with `:N` for line N of a JSON Lines file,
so a user can find the input behind any output line.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

WIRE_SUFFIXES = {".txt", ".json", ".jsonl", ".ndjson", ".text", ".wire"}
LINES_SUFFIXES = {".jsonl", ".ndjson"}


def _lines(label: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    for number, line in enumerate(data.splitlines(), start=1):
        if line.strip():
            yield f"{label}:{number}", line


def _looks_like_json_lines(data: bytes) -> bool:
    """Several lines that each hold a JSON object: one message per line."""
    lines = [line.strip() for line in data.splitlines() if line.strip()]
    return len(lines) > 1 and all(line.startswith(b"{") and line.endswith(b"}") for line in lines)


def read_path(path: Path) -> Iterator[tuple[str, bytes]]:
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in WIRE_SUFFIXES:
                yield from read_path(child)
        return
    data = path.read_bytes()
    if path.suffix.lower() in LINES_SUFFIXES:
        yield from _lines(str(path), data)
    else:
        yield str(path), data


def read_stdin() -> Iterator[tuple[str, bytes]]:
    data = sys.stdin.buffer.read()
    if _looks_like_json_lines(data):
        yield from _lines("-", data)
    elif data.strip():
        yield "-", data


def read_inputs(paths: list[str]) -> Iterator[tuple[str, bytes]]:
    """Every message the arguments name, in order; `-` is stdin."""
    for raw in paths:
        if raw == "-":
            yield from read_stdin()
            continue
        path = Path(raw)
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {raw}")
        yield from read_path(path)


def count_inputs(paths: list[str]) -> int | None:
    """How many messages the paths hold, for the progress bar; None when stdin is involved."""
    if "-" in paths:
        return None
    return sum(1 for _ in read_inputs(paths))
