"""Finders for details about people: sensitive attributes, uniqueness wording and small
counts. Each finder is pure and turns scanner matches into :class:`~pipeline.risks.cue.Cue` s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from pipeline.risks.attributes import ATTRIBUTE_SETS
from pipeline.risks.cue import Cue, words_before
from pipeline.risks.lexicon import (
    FAMILY_NOUN_RE,
    MODIFIERS,
    PERSON_NOUN_RE,
    PLURAL_PERSON_NOUN_RE,
    SMALL_NUMBER,
    STAFF_NOUN_RE,
)
from pipeline.risks.model import ROLE, SMALL_COUNT, UNIQUENESS
from pipeline.risks.scan import Entry

Matches = Mapping[str, list[re.Match[str]]]

# Attribute words that name a service or topic rather than a person ("autism awareness").
_NOT_ABOUT_A_PERSON = (
    r"(?![ \t-]+(?:care|services?|team|nurses?|units?|friendly|awareness|training|strategy|"
    r"policy|policies|clinic|ward|charity|society|association|week|month|day|champions?|lead|"
    r"specialists?|network|forum|provision|register|history|council|action|pathway|courses?|"
    r"classes|lessons|qualifications?|levels?|tutors?|teachers?|studies|backgrounds)\b)"
)
_UNIQUENESS_TAGS = ("only", "only one", "a single", "one of", "last", "superlative")
_FAMILY_ALLOWED = {"only": True, "only one": True, "a single": False, "one of": False,
                   "last": True, "superlative": False}

_GROUP_NUMBERS = frozenset("one two three four five six seven eight nine ten eleven twelve".split())
_POSS = r"(?:[Tt]he|[Oo]ur|[Tt]heir|[Ii]ts|[Tt]his|[Tt]hat|(?:[Tt]he[ \t]+)?[A-Za-z]+['’]s)"
_ONLY = re.compile(rf"\b{_POSS}[ \t]+(?:only|sole|lone)\b")
_ONLY_ONE = re.compile(
    r"\b(?:[Oo]nly|[Jj]ust)[ \t]+(?:one|1)\b(?:[ \t]+of[ \t]+(?:the|our|their|its|these|those))?"
)
_A_SINGLE = re.compile(r"\b[Aa][ \t]+(?:single|lone|sole)\b")
_ONE_OF = re.compile(
    r"\b[Oo]ne[ \t]+of[ \t]+(?:only[ \t]+|just[ \t]+)?(?:two|three|four|[234]|(?:a|the)[ \t]+"
    r"(?:very[ \t]+)?few|a[ \t]+handful[ \t]+of)\b"
)
_FIRST = re.compile(rf"\b{_POSS}[ \t]+(?:very[ \t]+)?first(?:-ever)?\b")
_FIRST_TO = re.compile(
    r"[ \t]+(?:ever[ \t]+)?to\b|(?=[ \t]+(?:in|at|from|on)[ \t]+[^.;:!?\n]{0,50}?\bto\b)"
)
_FIRST_PLAIN = re.compile(
    r"\b(?:was|is|became|be|were)[ \t]+the[ \t]+first[ \t]+(?:one[ \t]+|person[ \t]+)?to\b"
    r"|\b[Ff]irst[ \t]+in[ \t]+(?:her|his|their|the)[ \t]+family[ \t]+to\b"
)
_LAST = re.compile(rf"\b{_POSS}[ \t]+last[ \t]+(?:remaining|surviving)\b")
_SUPERLATIVE = re.compile(
    rf"\b{_POSS}[ \t]+(?:oldest|youngest|longest[ -]serving|longest[ -]standing|newest|eldest)\b"
)
_TOKEN = re.compile(r"[ \t]+([A-Za-z][\w'’-]*)")

_COUNT = re.compile(rf"(?<![\w.,/:£$–-])(?i:{SMALL_NUMBER})(?![\w.,:%/–-])")
_COUNT_OF = re.compile(r"[ \t]+of[ \t]+(?:the|our|their|these|those)\b")
_NOT_BEFORE_COUNT = frozenset(
    """up least than of every per each or to over under about around approximately nearly her
    his their my your its level year stage unit room ward entry band grade step phase tier group
    class floor block wing module part section page week day term cohort team bay bed flat no
    number chapter table figure appendix item question paragraph key aged age and between
    only just""".split()
)

def _entry(tag: str, regex: re.Pattern[str], anchors: str = "", back: int = 0) -> Entry:
    return Entry(tag, regex.pattern, regex.flags, frozenset(anchors.split()), back)


#: Patterns for :class:`pipeline.risks.scan.Scanner`, by family.
SCAN_FAMILIES: dict[str, list[Entry]] = {
    "attributes": [
        Entry(f"attribute {index}", rf"\b(?:{pattern})(?!\w){_NOT_ABOUT_A_PERSON}",
              0 if attribute_set.case_sensitive else re.IGNORECASE)
        for index, attribute_set in enumerate(ATTRIBUTE_SETS)
        for pattern in attribute_set.patterns
    ],
    "uniqueness": [
        _entry("only", _ONLY, "only sole lone", 4), _entry("only one", _ONLY_ONE),
        _entry("a single", _A_SINGLE), _entry("one of", _ONE_OF),
        _entry("first", _FIRST, "first very", 4), _entry("first to", _FIRST_PLAIN),
        _entry("last", _LAST, "last", 4),
        _entry("superlative", _SUPERLATIVE, "oldest youngest longest newest eldest", 4),
    ],
    "counts": [_entry("count", _COUNT)],
}


def find_attributes(text: str, found: Matches) -> list[Cue]:
    """Special-category and other sensitive attributes ("Deaf", "Roma", "care leaver").

    Statements about a whole group ("learners with learning difficulties") are skipped unless
    a number comes first.
    """
    cues = []
    for index, attribute_set in enumerate(ATTRIBUTE_SETS):
        for m in found.get(f"attribute {index}", ()):
            if _about_a_group(words_before(text, m.start(), 5)):
                continue
            kind, category = attribute_set.kind, attribute_set.category
            cues.append(Cue(m.start(), m.end(), kind, category, attribute_set.rare))
    return cues


def _about_a_group(previous: list[str]) -> bool:
    """Whether the words before an attribute read "<people> with/from" or "<people> who have"."""
    words = [w.lower() for w in previous]
    if words and words[-1] in ("a", "an"):
        words.pop()
    if words[-1:] in (["with"], ["from"]):
        noun_at = len(words) - 2
    elif len(words) >= 2 and words[-2] == "who" and words[-1] in ("have", "are", "use"):
        noun_at = len(words) - 3
    else:
        return False
    if noun_at < 0 or not PLURAL_PERSON_NOUN_RE.fullmatch(words[noun_at]):
        return False
    before = words[noun_at - 1] if noun_at else ""
    return not (before.isdigit() or before in _GROUP_NUMBERS)


def _noun_phrase_end(
    text: str, position: int, attributes: dict[int, int], *, family: bool = True, modifiers: int = 3
) -> tuple[int, bool] | None:
    """End of a person noun phrase starting after ``position``, and whether its head is staff.

    Up to ``modifiers`` adjectives, capitalised words or attributes may come first. An attribute
    can be the head itself ("the only Muslim in the class"). ``None`` when there is no person.
    """
    attribute_end: int | None = None
    first = _TOKEN.match(text, position)
    if first and first.group(1).lower() == "one":
        after = _TOKEN.match(text, first.end())
        return (first.end(), False) if after and after.group(1).lower() == "who" else None
    for _ in range(modifiers + 1):
        token = _TOKEN.match(text, position)
        if not token:
            break
        word_start = token.start(1)
        noun = PERSON_NOUN_RE.match(text, word_start)
        if noun:
            if not family and FAMILY_NOUN_RE.match(text, word_start):
                return None
            return noun.end(), bool(STAFF_NOUN_RE.match(text, word_start))
        if word_start in attributes:
            attribute_end = position = attributes[word_start]
            continue
        word = token.group(1)
        if word.lower() in MODIFIERS or word[0].isupper():
            position = token.end()
            continue
        break
    return (attribute_end, False) if attribute_end is not None else None


def find_uniqueness(text: str, found: Matches, attributes: Sequence[Cue]) -> Iterator[Cue]:
    """Wording that singles out one person: "the only Deaf learner", "one of two carers"."""
    starts = {c.start: c.end for c in attributes}
    for tag in _UNIQUENESS_TAGS:
        for m in found.get(tag, ()):
            phrase = _noun_phrase_end(text, m.end(), starts, family=_FAMILY_ALLOWED[tag])
            if phrase:
                end, staff = phrase
                also = frozenset({ROLE}) if staff else frozenset()
                yield Cue(m.start(), end, UNIQUENESS, "", True, also)
    for m in found.get("first", ()):
        phrase = _noun_phrase_end(text, m.end(), starts)
        to = _FIRST_TO.match(text, phrase[0]) if phrase else None
        if phrase and to:
            also = frozenset({ROLE}) if phrase[1] else frozenset()
            yield Cue(m.start(), to.end(), UNIQUENESS, "", True, also)
    for m in found.get("first to", ()):
        yield Cue(m.start(), m.end(), UNIQUENESS, "", True)


def _previous_word(text: str, position: int) -> str:
    previous = words_before(text, position, 1)
    return previous[0] if previous else ""


def find_small_counts(text: str, found: Matches, attributes: Sequence[Cue]) -> Iterator[Cue]:
    """Small numbers of people: "two learners who…", "three residents"."""
    starts = {c.start: c.end for c in attributes}
    for m in found.get("count", ()):
        previous = _previous_word(text, m.start())
        if previous.lower() in _NOT_BEFORE_COUNT or (
            m.group().isdigit() and previous[:1].isupper()
        ):
            continue
        of = _COUNT_OF.match(text, m.end())
        after = of.end() if of else m.end()
        phrase = _noun_phrase_end(text, after, starts, family=False, modifiers=2)
        if phrase:
            yield Cue(m.start(), phrase[0], SMALL_COUNT)


