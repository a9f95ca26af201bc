"""Near-duplicate wires: copies and reprints match, other stories about the same war do not."""

# The wires below keep one paragraph per line, as filed, so their lines are long.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from streams.normalize import neardup
from streams.normalize.band_index import BandIndex, entry
from streams.normalize.neardup import (
    BANDS,
    NUM_PERM,
    THRESHOLD,
    article_text,
    shingles,
    signature,
    similarity,
)

STRIKE_REUTERS = """Russian drones hit Odesa power plant, seven killed
KYIV (Reuters) — Russian drones struck a thermal power plant in the southern port city of Odesa overnight, killing at least seven people and wounding 23, regional governor Oleh Kiper said on Tuesday.
The attack, one of the largest on the region's energy system this year, left more than 200,000 households without electricity and knocked out heating to several hospitals, Kiper said on the Telegram messaging app.
Ukraine's air force said it had shot down 48 of the 61 drones and two of the four cruise missiles Russia launched during the night, mostly over the southern and central regions.
Energy minister Herman Halushchenko said repair crews were working to restore power but warned that the damage to turbines and transformers at the plant was severe and would take weeks to fix.
Russia's defence ministry said its forces had carried out a massive strike on energy facilities that supply Ukraine's military-industrial complex and that all designated targets had been hit.
Kyiv has repeatedly accused Moscow of deliberately targeting civilian infrastructure to break the country's will to resist, a charge the Kremlin denies.
The strike came hours after President Volodymyr Zelenskiy renewed his call on Western allies to supply more air defence systems, saying Ukraine needed at least seven more Patriot batteries to protect its cities.
"""

# Another agency's copy: new dateline, reworded lede, the rest of the story as filed.
STRIKE_AFP = """Seven dead as Russian drones strike Odesa power station
ODESA, Ukraine (AFP) — At least seven people were killed and 23 wounded when Russian drones struck a thermal power plant in the Black Sea port of Odesa overnight, the regional governor said Tuesday.
The attack, one of the largest on the region's energy system this year, left more than 200,000 households without electricity and knocked out heating to several hospitals, Kiper said on the Telegram messaging app.
Ukraine's air force said it had shot down 48 of the 61 drones and two of the four cruise missiles Russia launched during the night, mostly over the southern and central regions.
Energy minister Herman Halushchenko said repair crews were working to restore power but warned that the damage to turbines and transformers at the plant was severe and would take weeks to fix.
Russia's defence ministry said its forces had carried out a massive strike on energy facilities that supply Ukraine's military-industrial complex and that all designated targets had been hit.
Kyiv has repeatedly accused Moscow of deliberately targeting civilian infrastructure to break the country's will to resist, a charge the Kremlin denies.
"""

# A news site's reprint: headline changed, house style edits, one sentence trimmed.
STRIKE_REPRINT = """Odesa: Russian drone attack on power plant kills 7
KYIV (Reuters) - Russian drones struck a thermal power plant in the southern port city of Odesa overnight, killing at least 7 people and wounding 23, regional governor Oleh Kiper said on Tuesday.
The attack, one of the largest on the region's energy system this year, left more than 200,000 households without electricity and knocked out heating to several hospitals, Kiper said on Telegram.
Ukraine's air force said it had shot down 48 of the 61 drones and two of the four cruise missiles Russia launched during the night, mostly over the southern and central regions.
Energy minister Herman Halushchenko said repair crews were working to restore power but warned that the damage to turbines and transformers at the plant was severe and would take weeks to fix.
Russia's defense ministry said its forces had carried out a massive strike on energy facilities that supply Ukraine's military-industrial complex and that all designated targets had been hit.
Kyiv has repeatedly accused Moscow of deliberately targeting civilian infrastructure, a charge the Kremlin denies.
The strike came hours after President Volodymyr Zelenskiy renewed his call on Western allies to supply more air defense systems, saying Ukraine needed at least seven more Patriot batteries to protect its cities.
"""

# Same war, same kind of event, different story: the hardest negative.
OTHER_STRIKE = """Russian missiles hit Kharkiv energy facility, three wounded
KHARKIV (Reuters) — Russian missiles struck an energy facility in Ukraine's second-largest city of Kharkiv on Tuesday, wounding three workers and cutting power to parts of the city, mayor Ihor Terekhov said.
Terekhov said emergency crews were at the scene and that a fire at the site had been put out. Power had been restored to most districts by the evening, he said.
Ukraine's air force said Russia launched three Iskander ballistic missiles at the Kharkiv region, and that air defence units had been unable to intercept them because of the short flight time from the border.
Russia has intensified its strikes on Ukraine's energy system as winter approaches, and officials in Kyiv say the attacks aim to break the country's will to resist.
The Russian defence ministry did not comment on the strike.
"""

# Same war, a different kind of story.
TALKS = """Ukraine, Russia delegations meet in Istanbul, agree prisoner swap
ISTANBUL (Reuters) — Russian and Ukrainian delegations met in Istanbul on Monday for a second round of direct peace talks, agreeing to exchange more prisoners of war but making no progress towards a ceasefire, officials on both sides said.
Ukraine's Defence Minister Rustem Umerov said the sides had agreed to swap all severely wounded and young soldiers and to return the bodies of 6,000 fallen fighters.
Russia's chief negotiator Vladimir Medinsky said Moscow had handed over a memorandum setting out its terms for a ceasefire, which Kyiv would study.
Kyiv has said Russia's demands amount to a capitulation, and President Volodymyr Zelenskiy has called for an immediate and unconditional 30-day ceasefire.
The talks lasted a little over an hour, according to the Turkish foreign ministry.
"""

# The same uri, version 2: the toll rises, a sentence is added.
STRIKE_REVISION = (
    STRIKE_REUTERS.replace("seven killed", "twelve killed").replace(
        "killing at least seven people and wounding 23",
        "killing at least 12 people and wounding 31",
    )
    + "Rescuers were still searching the rubble of a nearby apartment building hit by debris, the emergency service said.\n"
)

# A different strike story that reuses two background paragraphs of the first, as agencies do.
OTHER_STRIKE_WITH_BACKGROUND = OTHER_STRIKE + (
    "Kyiv has repeatedly accused Moscow of deliberately targeting civilian infrastructure to break"
    " the country's will to resist, a charge the Kremlin denies.\n"
    "The strike came hours after President Volodymyr Zelenskiy renewed his call on Western allies"
    " to supply more air defence systems, saying Ukraine needed at least seven more Patriot"
    " batteries to protect its cities.\n"
)


def exact_jaccard(a: str, b: str) -> float:
    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y)


def stored(*articles: tuple[str, str]) -> BandIndex:
    """The index as the dedup stage keeps it, the given (article_id, text) added in order."""
    index = BandIndex(max_age_ms=86_400_000)
    for ts, (article_id, text) in enumerate(articles, start=1):
        item = entry(article_id, ts, signature(text))
        assert item is not None
        index.add(item)
    return index


def lookup(index: BandIndex, text: str, article_id: str = "probe"):
    item = entry(article_id, 1_000, signature(text))
    assert item is not None
    return index.match(item)


def test_folding_ignores_case_punctuation_and_spacing() -> None:
    assert shingles("Russian drones HIT Odesa,  power plant!") == shingles(
        "russian drones hit odesa power plant"
    )
    assert signature("Drones hit Odesa.") == signature("DRONES  hit\nodesa")


def test_signature_shape_and_determinism() -> None:
    sig = signature(STRIKE_REUTERS)
    assert len(sig) == NUM_PERM and all(0 <= v < 2**32 for v in sig)
    assert signature(STRIKE_REUTERS) == sig, "same text, same signature, in every process"
    assert len(entry("a", 1, sig).bucket_keys()) == BANDS  # type: ignore[union-attr]
    assert signature("") == [] and entry("a", 1, []) is None, "empty texts never match"


def test_the_test_wires_sit_where_the_threshold_claims() -> None:
    """The measured Jaccard values the module docstring quotes (3-word shingles)."""
    assert 0.6 <= exact_jaccard(STRIKE_REUTERS, STRIKE_AFP) < 0.7
    assert 0.7 <= exact_jaccard(STRIKE_REUTERS, STRIKE_REPRINT) < 0.8
    assert exact_jaccard(STRIKE_REUTERS, OTHER_STRIKE) < 0.05
    assert exact_jaccard(STRIKE_REUTERS, OTHER_STRIKE_WITH_BACKGROUND) < 0.3
    assert exact_jaccard(STRIKE_REUTERS, TALKS) < 0.01


def test_another_agencys_copy_with_new_dateline_and_lede_is_a_duplicate() -> None:
    table = stored(("reuters-1", STRIKE_REUTERS))
    match = lookup(table, STRIKE_AFP)
    assert match is not None and match[0] == "reuters-1"
    assert match[1] >= THRESHOLD


def test_a_lightly_edited_reprint_is_a_duplicate() -> None:
    table = stored(("reuters-1", STRIKE_REUTERS), ("talks-1", TALKS))
    assert lookup(table, STRIKE_REPRINT)[0] == "reuters-1"


def test_other_stories_about_the_same_war_are_not() -> None:
    table = stored(("reuters-1", STRIKE_REUTERS), ("talks-1", TALKS))
    assert lookup(table, OTHER_STRIKE) is None
    assert lookup(table, OTHER_STRIKE_WITH_BACKGROUND) is None
    # Even handed every stored article directly (no LSH filtering), they stay below threshold.
    sig = signature(OTHER_STRIKE_WITH_BACKGROUND)
    assert similarity(sig, signature(STRIKE_REUTERS)) < THRESHOLD


def test_the_estimate_follows_the_exact_jaccard() -> None:
    for text in (STRIKE_AFP, STRIKE_REPRINT, OTHER_STRIKE, TALKS):
        estimate = similarity(signature(STRIKE_REUTERS), signature(text))
        # 64 permutations: standard error <= 0.0625; allow three of them.
        assert abs(estimate - exact_jaccard(STRIKE_REUTERS, text)) < 0.19


def test_a_revision_of_the_same_article_is_not_its_own_duplicate() -> None:
    """Revision wins over near-dup: the article's own id is never its original."""
    table = stored(("reuters-1", STRIKE_REUTERS))
    assert lookup(table, STRIKE_REVISION)[0] == "reuters-1", "the texts are near-identical"
    assert lookup(table, STRIKE_REVISION, article_id="reuters-1") is None


def test_a_sketch_compares_like_the_full_signature() -> None:
    a, b = signature(STRIKE_REUTERS), signature(STRIKE_REPRINT)
    assert similarity(a, [v & 0xFFFF for v in b]) == similarity(a, b)


def test_the_most_similar_earlier_article_wins() -> None:
    index = stored(("afp", STRIKE_AFP), ("reprint", STRIKE_REPRINT))
    best = lookup(index, STRIKE_REUTERS)
    assert best is not None and best[0] == max(
        ("afp", "reprint"),
        key=lambda name: similarity(signature(STRIKE_REUTERS),
                                    signature(STRIKE_AFP if name == "afp" else STRIKE_REPRINT)),
    )


def test_headline_and_body_are_compared_together() -> None:
    assert article_text("Headline", "Body text.") == "Headline\nBody text."
    assert article_text(None, "Body") == "\nBody"
    assert neardup.words(article_text("Odesa hit", "Drones struck.")) == [
        "odesa",
        "hit",
        "drones",
        "struck",
    ]


def datasketch_signature(text: str) -> list[int]:
    """The signature as datasketch builds it: one MinHash, updated with every shingle."""
    import zlib

    from datasketch import MinHash

    grams = shingles(text[: neardup.MAX_TEXT_CHARS])
    if not grams:
        return []
    minhash = MinHash(num_perm=NUM_PERM, seed=neardup.SEED, permutations=neardup._PERMUTATIONS,
                      scheme=neardup._SCHEME, hashfunc=zlib.crc32)
    minhash.update_batch(sorted(grams))
    return [int(v) for v in minhash.hashvalues]


def test_the_signature_is_datasketch_s_to_the_bit() -> None:
    """The index on the topic holds signatures from before the vectorized path: a stored
    sketch and a new one must compare alike, so the values must not move."""
    import random

    rng = random.Random(5)
    vocabulary = ["Odesa", "drones", "grid", "ministry", "said", "élan", "Київ", "قصف", "the",
                  "at", "least", "12", "killed", "ceasefire", "talks", "Jeddah", "port"]
    texts = [STRIKE_REUTERS, "", "   ", "one", "two words", "exactly three words",
             "four words at once", "the the the the the the", "Київ, ОДЕСА: удари!"]
    texts += [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 400)))
              for _ in range(200)]
    for text in texts:
        assert signature(text) == datasketch_signature(text), text[:60]


@pytest.mark.parametrize("text", [
    "KYIV, March 3 (Reuters) - Drones hit a depot_7; 12 were killed.\tMore\x0bto\x1ffollow.",
    "".join(map(chr, range(128))) * 3,
    "snake_case and CamelCase, 3.5% of 1,200 -- (AP) 'quoted' \"twice\" [x] {y}",
    "Kyiv's mayor: «Drones» hit Odesa — 12 dead; Straße ĞÜŞ ﬁre",  # not ASCII: the regex
])
def test_encoded_words_are_the_regex_words(text: str) -> None:
    """The ASCII fast path splits exactly where `\\w+` does, so no signature moves."""
    assert neardup.encoded_words(text) == [w.encode() for w in neardup.words(text)]
