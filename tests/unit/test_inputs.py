"""Reading wires for `feed` and `classify`: files, folders, JSON Lines, stdin."""

from __future__ import annotations

import io
import sys

import pytest

from streams.inputs import count_inputs, read_inputs


def test_files_folders_and_json_lines(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("KYIV (Reuters) - one wire.\nSecond paragraph.\n")
    sub = tmp_path / "more"
    sub.mkdir()
    (sub / "b.jsonl").write_text('{"body": "one"}\n\n{"body": "two"}\n')
    (sub / "notes.md").write_text("not a wire")
    got = list(read_inputs([str(tmp_path)]))
    assert [label.rsplit("/", 1)[-1] for label, _ in got] == ["a.txt", "b.jsonl:1", "b.jsonl:3"]
    assert got[0][1].count(b"\n") == 2, "a text file is one message, newlines kept"
    assert count_inputs([str(tmp_path)]) == 3


def test_stdin_json_lines_split_but_plain_text_stays_whole(monkeypatch) -> None:
    lines = b'{"body": "a"}\n{"body": "b"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    assert [label for label, _ in read_inputs(["-"])] == ["-:1", "-:2"]
    text = b"GAZA (AP) - a wire.\nwith two lines\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    assert list(read_inputs(["-"])) == [("-", text)]
    assert count_inputs(["-"]) is None


def test_missing_path_is_an_error(tmp_path) -> None:
    with pytest.raises(FileNotFoundError):
        list(read_inputs([str(tmp_path / "nope.txt")]))
