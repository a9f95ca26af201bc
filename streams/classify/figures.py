"""Casualty counts by the contract's ACLED conventions, and other stated quantities.

The most conservative figure wins ("at least 27" is 27, "more than 60" is 60); vague
plurals take ACLED's values (tens 10, dozens 12, hundreds 100); number words count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from schemas import Figure
from streams.classify.hits import Hit
from streams.classify.trusted import trusted

# every figure is built here from a number read and a lexicon noun: constructed, not validated
_new_figure = trusted(Figure)

_QUAL = (
    r"(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to|as\s+many\s+as|"
    r"no\s+fewer\s+than|no\s+less\s+than|approximately|roughly|an\s+estimated|estimated|"
    r"a\s+total\s+of|another|a\s+further|at\s+minimum)"
)
_QUAL_BEFORE = re.compile(rf"{_QUAL}\s+$", re.IGNORECASE)
_AGE = re.compile(r"[\s-]*(?:years?|months?)[\s-]*old\b", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[\w$€£.,'’-]+")  # a word keeps its apostrophe: "п'ятеро"
_MONEY_RE = re.compile(
    r"(?P<sym>US\$|\$|€|£)\s?(?P<amount>\d+(?:[.,]\d+)*)\s*(?P<mult>trillion|billion|million|bn|mln|m|k)?\b"
    r"|\b(?P<amount2>\d+(?:[.,]\d+)*)\s*(?P<mult2>trillion|billion|million|bn|mln)?\s+"
    r"(?P<cur>dollars|euros|pounds|rubles|roubles|hryvnias)\b",
    re.IGNORECASE,
)
_ENGLISH_MULT = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12}
_LIST_WORD = re.compile(r"[\w'-]+|,")
# English's list words: a language names its own (`roles.list_and`, `roles.list_determiners`)
_LIST_AND = ("and",)
# a partitive between an item's figure and its noun ("nine civilians, five of them children"):
# a part of a group already counted, not one more (`roles.list_partitives`)
_LIST_PARTITIVES = ("of",)
_LIST_DETERMINERS = ("the", "a", "an", "one", "his", "her", "their", "its")


def _clock(text: str, start: int, end: int) -> bool:
    """The digits at text[start:end] are a time of day ("к 05:20 мск", "at 05:20"): an hour
    or minutes count nobody, so a casualty cue near a time reads no figure from it."""
    return (start >= 2 and text[start - 1] == ":" and text[start - 2].isdigit()) or (
        text[end : end + 1] == ":" and text[end + 1 : end + 2].isdigit())


class _Stems(frozenset[str]):
    """Person nouns as words and stems: `in` holds for a listed word or one that starts with
    a listed stem."""

    stems: tuple[str, ...]

    def __new__(cls, words: frozenset[str], stems: tuple[str, ...]) -> _Stems:
        made = super().__new__(cls, words)
        made.stems = stems
        return made

    def __contains__(self, word: object) -> bool:
        return super().__contains__(word) or (
            isinstance(word, str) and word.startswith(self.stems))


class Count(NamedTuple):
    """A number read from text at [start, end)."""

    start: int
    end: int
    value: int


class Figures:
    """Counts and quantities read with a language's number words, multipliers, currencies
    and person nouns (the coder's lexicon: `numbers`, `multipliers`, `currencies`,
    `roles.person_nouns`); built once per coder."""

    def __init__(
        self, lexicon: dict[str, Any], thousands: tuple[str, ...] = (), decimal: str = ".",
        compound_numbers: bool = False,
    ) -> None:
        # a language's own digit marks (language.yaml `digits`: "2.000", "2 000", "2,5") and
        # its multiplier words after a figure ("2,5 Millionen", "3 тыс."); without them,
        # English's forms ("1,200", "2.5", "5 million"), unchanged
        self._thousands = thousands
        self._decimal = decimal
        self._words: dict[str, int] = {
            str(k).lower(): int(v) for k, v in lexicon["numbers"].items()
        }
        # "п'ятеро" is written with any of three apostrophes: each spelling is the word
        self._words.update({w.replace("'", mark): v for w, v in list(self._words.items())
                            if "'" in w for mark in "’ʼ"})
        self._mult: dict[str, int] = {
            str(k).lower(): int(v) for k, v in lexicon["multipliers"].items()
        }
        self._currency: dict[str, str] = {
            str(k).lower(): str(v) for k, v in lexicon["currencies"].items()
        }
        roles = lexicon["roles"]
        self._and = frozenset(str(w).lower() for w in roles.get("list_and") or _LIST_AND)
        self._partitives = frozenset(
            str(w).lower() for w in roles.get("list_partitives") or _LIST_PARTITIVES)
        self._determiners = frozenset(
            str(w).lower() for w in roles.get("list_determiners") or _LIST_DETERMINERS)
        self.determiners = self._determiners  # "a", "the", "its": no count on their own
        # "killing 60 people, a local official said": a person named after a list's comma
        # and before a report verb is its source, not one more of its dead
        self._report = frozenset(str(w).lower() for w in (lexicon.get("cues") or {}).get(
            "report", ()) if " " not in str(w))
        nouns = [str(w) for w in roles["person_nouns"]]
        # a language's stems ("военнослужащ*"): any word that starts so is a person noun
        self._person_stems = tuple(w[:-1] for w in nouns if w.endswith("*"))
        self._persons: frozenset[str] | _Stems = frozenset(
            w for w in nouns if not w.endswith("*"))
        if self._person_stems:
            self._persons = _Stems(self._persons, self._person_stems)
        self._plural_persons = frozenset(
            w for w in self._persons if w.endswith("s") or w in {
                "men", "women", "children", "people", "police", "staff", "crew", "family"}
        )
        self.number_words = frozenset(self._words)  # "nine", "dozens": what counts
        alt = "|".join(sorted((re.escape(w) for w in self._words), key=len, reverse=True))
        alt = alt or "(?!)"  # a language with no number words yet: digits only
        # a language's own qualifiers ("не менее", "около") besides English's
        extra = [r"\s+".join(map(re.escape, str(q).split())) for q in lexicon.get("qualifiers", ())]
        qual = _QUAL if not extra else f"(?:{_QUAL}|{'|'.join(extra)})"
        digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
        mults = "hundred|thousand|million|dozen"  # "two dozen": 24
        if thousands:
            sep = "[" + "".join(re.escape(t) for t in thousands) + "]"
            dec = re.escape(decimal)
            digits = rf"\d{{1,3}}(?:{sep}\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?"
            own = sorted((re.escape(m) for m in self._mult), key=len, reverse=True)
            mults = "|".join([mults, *own])
        # the groups before a token when thousands are grouped by spaces ("1 200": the words
        # before a cue are split at spaces, so the figure starts groups earlier)
        spaced = "".join(re.escape(t) for t in thousands if t.isspace())
        self._groups_before = re.compile(rf"(?<!\d)(?:\d{{1,3}}[{spaced}])+$") if spaced else None
        # a number word of several words ("treinta y cinco"): read whole before its cue,
        # where the word tokens would see only its last word ("cinco")
        compounds = sorted((w for w in self._words if " " in w), key=len, reverse=True)
        self._compound_tail = re.compile(
            r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in compounds)
            + r")$", re.IGNORECASE) if compound_numbers and compounds else None
        number = (
            rf"(?:(?P<qual>{qual})\s+)?"
            rf"(?P<num>{digits}|(?:{alt})(?:-(?:{alt}))?)"
            rf"(?:\s+(?P<mult>{mults}))?(?:\s+of)?"
        )
        self.number_re = re.compile(rf"\b{number}\b", re.IGNORECASE)
        # a language's toll nouns ("число погибших", "кількість загиблих"), whose figure
        # follows a toll verb further on
        nouns = [r"\s+".join(map(re.escape, str(w).lower().split()))
                 for w in lexicon.get("toll_nouns", ())]
        self._toll_noun_re = re.compile("(?:" + "|".join(nouns) + r")$") if nouns else None
        # a language's age adjectives after a number ("58-річний", "58-летний"): no count
        ages = [re.escape(str(w)) for w in lexicon.get("age_words", ())]
        self._age_re = re.compile("|".join(ages), re.IGNORECASE) if ages else None
        # a share after a number, not a count ("40 % de las víctimas murió", "60 per cent of
        # the dead"): the sign, or one of the language's `share_words`
        shares = "".join(f"|{re.escape(str(w))}" for w in lexicon.get("share_words", ()))
        self._share_re = re.compile(rf"\s*(?:%{shares})", re.IGNORECASE)
        # a language's own words between a toll and its figure ("выросло до", "составило");
        # its wires open quotes with « too
        toll = "".join(f"|{re.escape(str(w))}" for w in lexicon.get("toll_words", ()))
        opening = r"[\"“«]?" if toll else r"[\"“]?"
        self._after_re = re.compile(
            r"^(?:\s+(?:rose|risen|climbed|reached|increased|stood|stands|is|was|has|had|to|at|"
            r"of|now|further|been|up" + toll + r"))*\s+" + opening + number + r"\b",
            re.IGNORECASE,
        )
        self._toll_re = re.compile(
            r"\b(?:rose|risen|climbed|reached|increased|stood|stands|stand|jumped|is|was|of|at|"
            r"to" + toll + r")\s+" + number + r"\b",
            re.IGNORECASE,
        )

    @property
    def and_words(self) -> frozenset[str]:
        """The language's list "and" ("soldiers and civilians")."""
        return self._and

    def _is_number_word(self, word: str) -> bool:
        return all(part in self._words for part in word.split("-"))


    def toll_after(self, text: str, pos: int, limit: int) -> Count | None:
        """ "The death toll from the strike on Dnipro rose to 40": the figure after the verb."""
        match = self._toll_re.search(text, pos, min(limit, pos + 90))
        value = self.number_value(match) if match else None
        if match is None or value is None:
            return None
        return Count(match.start("num"), match.end(), value)


    def number_value(self, match: re.Match[str]) -> int | None:
        """The conservative integer a NUMBER match stands for, or None if it is not a count."""
        raw = match.group("num").lower()
        if raw[0].isdigit() and self._thousands:
            plain = "".join(c for c in raw if c not in self._thousands)
            value = float(plain.replace(self._decimal, "."))
            if match.group("qual") is None and 1900 <= value <= 2100 and plain == raw:
                return None  # a year ("2.000" is a figure)
        elif raw[0].isdigit():
            value = float(raw.replace(",", ""))
            if match.group("qual") is None and 1900 <= value <= 2100 and "," not in raw:
                return None  # a year
        else:
            parts = raw.split("-")
            value = float(sum(self._words.get(p, 0) for p in parts))
            if len(parts) == 2 and parts[1] in {"hundred", "thousand"}:
                value = float(self._words.get(parts[0], 0) * self._words[parts[1]])
        mult = match.group("mult")
        if mult:
            value *= self._mult.get(mult.lower(), _ENGLISH_MULT.get(mult.lower(), 1))
        return int(value)


    def _is_article(self, match: re.Match[str], text: str) -> bool:
        """"a"/"an"/"one" count only when a person noun follows, after at most two modifiers
        ("a civilian was killed", "one Palestinian man was killed")."""
        if match.group("num").lower() not in {"a", "an", "one", "both"} or match.group("qual"):
            return False
        following = text[match.end() : match.end() + 40].split()[:3]
        for word in following:
            word = word.strip(",.").lower()
            if word in self._persons:
                return False
            if word in {"was", "were", "is", "and", "of", "in", "who"}:
                break
        return True




    def listed_people(self, text: str, pos: int, limit: int) -> Count | None:
        """People listed after a casualty verb: "killing the driver and two maintenance workers"
        is 3; each item is a determiner or a number, up to two modifiers, and a person noun."""
        words = [(m.group(0).lower(), m.end())
                 for m in _LIST_WORD.finditer(text, pos, min(limit, pos + 120))]
        total, end, i = 0, pos, 0
        while i < len(words):
            word = words[i][0]
            if word in self._determiners and i + 1 < len(words) and (
                words[i + 1][0].isdigit() or self._is_number_word(words[i + 1][0])
            ):
                i += 1  # "the two drivers"
                word = words[i][0]
            if word in self._determiners:
                value: int | None = 1
            elif word.isdigit():
                value = int(word)
            elif self._is_number_word(word):
                value = self._words.get(word)
                if value is None:  # "twenty-one": read as the number pattern reads it
                    match = self.number_re.fullmatch(word)
                    value = self.number_value(match) if match else None
            else:
                break
            persons = self._persons
            noun = next((j for j in range(i + 1, min(i + 4, len(words)))
                         if words[j][0] in persons), None)
            if value is None or noun is None or any(
                    w[0] == "," or (total and w[0] in self._partitives)
                    for w in words[i + 1 : noun]):
                break  # (a partitive: "nine civilians, five of them children" is nine)
            if value == 1 and word in self._determiners and words[noun][0] in self._plural_persons:
                break  # "their children": no figure
            if total and noun + 1 < len(words) and words[noun + 1][0] in self._report:
                break  # "..., a local official said": the source
            while (noun + 2 < len(words) and words[noun + 1][0] in self._and
                   and words[noun + 2][0] in persons):
                noun += 2  # "18 women and children": one group, its nouns joined
            total, end, i = total + value, words[noun][1], noun + 1
            if (i + 2 < len(words) and words[i][0] not in persons and words[i][0] != ","
                    and words[i][0] not in self._and and words[i + 1][0] in self._and
                    and self._counts(words[i + 2][0])):
                i += 1  # "восемь военнослужащих сопровождения и трое водителей": its modifier
            if i < len(words) and (words[i][0] == "," or words[i][0] in self._and):
                i += 1
                if i < len(words) and words[i][0] in self._and:
                    i += 1
        return Count(pos, end, total) if total else None

    def whole_list(self, text: str, count: Count, floor: int, limit: int) -> Count:
        """The list of people a count belongs to, summed: "seven children, four women and a
        man were killed" is 12, not the 4 nearest the verb nor the 7 after it. The groups of
        one incident add up (the corpus's split-toll rule, after ACLED); a list that stops
        before the count ("3 soldiers were wounded and 2 civilians killed") is not its list."""
        for token in _LIST_WORD.finditer(text, max(floor, count.start - 80), count.end):
            if token.start() > count.start:
                break
            word = token.group(0).lower()
            if not (word[0].isdigit() or word in self._determiners
                    or self._is_number_word(word)):
                continue
            listed = self.listed_people(text, token.start(), limit)
            if listed is not None and listed.end >= count.end and listed.value > count.value:
                return Count(token.start(), listed.end, listed.value)
        return count


    def count_after(self, text: str, pos: int, limit: int) -> Count | None:
        """A count right after a casualty cue: "killed seven people", "death toll rose to 30";
        not an age ("one of the dead was 16 years old")."""
        match = self._after_re.match(text[pos:limit])
        if match is None and self._toll_noun_re is not None and self._toll_noun_re.search(
                text[max(0, pos - 40) : pos].lower()):
            # a language's toll noun ("число погибших ... выросло до 28"): its figure comes
            # after a toll verb, a few words on
            return self.toll_after(text, pos, limit)
        if match is None or self._is_article(match, text[pos:]):
            return None
        if _clock(text, pos + match.start("num"), pos + match.end("num")):
            return None
        if (_AGE.match(text, pos + match.end()) or self._is_age(text, pos + match.end())
                or self.is_share(text, pos + match.end())):
            return None
        value = self.number_value(match)
        if value is None:
            return None
        return Count(pos + match.start("num"), pos + match.end(), value)


    def count_before(self, text: str, pos: int, floor: int) -> Count | None:
        """The nearest count ending a few words before a cue: "seven people were killed";
        not an age before the noun ("a 27-year-old corporal was killed" is one death)."""
        window_start = max(floor, pos - 60)
        tokens = list(_TOKEN_RE.finditer(text, window_start, pos))[-6:]
        following = pos
        for k in range(len(tokens) - 1, -1, -1):
            token = tokens[k]
            if ";" in text[token.end() : following]:
                return None  # "attacks top 2,900; drone kills paramedic": another clause's
            following = token.start()
            word = token.group(0).lower().rstrip(".,")
            if word in self._and and self._paired_nouns(tokens, k):
                continue  # "17 patients and carers were killed": one count, two nouns
            if token.group(0).endswith(",") or word == "and":
                return None
            if word and (word[0].isdigit() or self._is_number_word(word)):
                if word in self._mult and k > 0 and self._counts(tokens[k - 1].group(0)):
                    token = tokens[k - 1]  # "двух десятков": the count times its multiplier
                begin = self._figure_start(text, token.start(), window_start)
                head, dash, tail = word.partition("-")
                if dash and head.isdigit() and self._is_number_word(tail):
                    # "UPDATE 1-Seven soldiers martyred": the wire's update number, then the
                    # count
                    begin = token.start() + len(head) + 1
                match = self.number_re.match(text, begin, pos)
                if match is None or self._is_article(match, text) or _AGE.match(
                        text, match.end()) or self._is_age(text, match.end()) or self.is_share(
                        text, match.end()) or _clock(
                        text, match.start("num"), match.end("num")):
                    return None
                value = self.number_value(match)
                return Count(match.start(), match.end(), value) if value is not None else None
        return None

    def bare_person(self, text: str, floor: int, pos: int) -> Count | None:
        """A headline's or caption's bare singular person noun opening the sentence, with up
        to two capitalized or plain modifiers and no determiner, right before the cue
        ("French photojournalist killed by drone"): one person."""
        words = text[floor:pos].split()
        if not 1 <= len(words) <= 3 or not words[0][:1].isupper():
            return None
        noun = words[-1].lower()
        if noun not in self._persons or noun in self._plural_persons:
            return None
        if any(w.lower() in self._determiners or not w.replace("-", "").isalpha()
               for w in words):
            return None
        return Count(floor + text[floor:pos].find(words[0]), pos, 1)

    def _paired_nouns(self, tokens: list[re.Match[str]], k: int) -> bool:
        """The "and" at `k` joins two plural person nouns right around it ("17 patients and
        carers were killed")."""
        if k == 0 or k >= len(tokens) - 1:
            return False
        before = tokens[k - 1].group(0)
        after = tokens[k + 1].group(0).lower()
        return (not before.endswith((",", ";"))
                and before.lower() in self._plural_persons and after in self._plural_persons)

    def _counts(self, token: str) -> bool:
        """The token is a figure a multiplier word after it multiplies ("двух", "3")."""
        word = token.lower()
        return bool(word) and (word.isdigit() or self._is_number_word(word))

    def _figure_start(self, text: str, start: int, floor: int) -> int:
        """Where a figure whose last space-grouped digits start at `start` begins ("1 200"),
        or a number of several words whose last word does ("treinta y cinco")."""
        if not text[start : start + 1].isdigit():
            if self._compound_tail is None:
                return start
            end = start + len(_TOKEN_RE.match(text, start).group(0).rstrip(".,"))  # type: ignore[union-attr]
            found = self._compound_tail.search(text, max(floor, start - 30), end)
            return found.start() if found else start
        if self._groups_before is None:
            return start
        found = self._groups_before.search(text, max(floor, start - 24), start)
        return found.start() if found else start

    def is_share(self, text: str, pos: int) -> bool:
        """The number ending at `pos` is a share ("40 %", "60 per cent"), not a count."""
        return self._share_re.match(text, pos) is not None

    def _is_age(self, text: str, pos: int) -> bool:
        """The number at `pos` is an age in the language's own form ("58-річний")."""
        return self._age_re is not None and self._age_re.match(text, pos) is not None


    def _number_before(self, text: str, floor: int, pos: int) -> tuple[int, int] | None:
        """The count up to four words before `pos` ("41 aircraft", "dozens of long-range ...")."""
        tokens = list(_TOKEN_RE.finditer(text, floor, pos))[-5:]
        for token in reversed(tokens):
            word = token.group(0).lower().rstrip(".,")
            numeric = word and (word[0].isdigit() or self._is_number_word(word))
            if numeric and word not in {"a", "an", "both"}:
                if token.start() > 0 and text[token.start() - 1] in "-–":
                    return None  # a model name: "A-50 spy planes"
                begin = self._figure_start(text, token.start(), floor)
                match = self.number_re.match(text, begin, pos)
                if match is not None and _clock(text, match.start("num"), match.end("num")):
                    return None
                value = self.number_value(match) if match else None
                if value is None:
                    return None
                qual = _QUAL_BEFORE.search(text, max(floor, begin - 20), begin)
                return (qual.start() if qual else begin), value
            if word in {",", "and", "or"} or "," in token.group(0)[:-1]:
                return None
        return None


    def find_figures(self, text: str, start: int, hits: Iterable[Hit]) -> list[Figure]:
        """Stated quantities other than casualties (aircraft, drones, money, people), read at the
        scan's noun and currency hits so no regex runs over the whole sentence."""
        figures: list[Figure] = []
        money_from = -1
        for hit in hits:
            if hit.cat == "fig":
                found = self._number_before(text, max(start, hit.start - 48), hit.start)
                if found is not None:
                    at, value = found
                    figures.append(_new_figure(
                        kind=hit.payload, value=float(value), unit=hit.payload,
                        text=text[at : hit.end],
                    ))
            elif hit.cat == "money" and hit.start > money_from:
                window = max(start, hit.start - 24)
                match = _MONEY_RE.search(text, window, hit.end + 24)
                if match is not None:
                    money_from = match.end()
                    figures.append(self._money(match))
        return figures


    def _money(self, match: re.Match[str]) -> Figure:
        amount = match.group("amount") or match.group("amount2")
        mult = (match.group("mult") or match.group("mult2") or "").lower()
        symbol = (match.group("sym") or match.group("cur") or "").lower()
        value = float(amount.replace(",", "")) * self._mult.get(mult, 1)
        return _new_figure(kind="money", value=value, unit=self._currency.get(symbol),
                      text=match.group(0))



def _default() -> Figures:
    from streams.classify.loader import default_coder

    return default_coder().words.figures


def find_figures(text: str, start: int, hits: Iterable[Hit]) -> list[Figure]:
    """`Figures.find_figures` of the process-wide default coder (see `load_coder`)."""
    return _default().find_figures(text, start, hits)
