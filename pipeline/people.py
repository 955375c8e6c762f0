"""Who is who: group the PERSON mentions of a document into people and find every mention.

``link_people`` is pure: given a text and its PERSON detections, it returns one
:class:`PersonMention` per mention, each tied to a :class:`Person` (a cluster of aliases:
"Margaret O'Neill", "Margaret", "Mrs O'Neill", "MARGARET", "margaret's"). It also finds further
mentions of names already detected in the document, in any case.

``PeopleBook`` is the run-level memory that makes labels agree across the documents of a batch.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.model import Detection
from recognizers.entities import PERSON
from recognizers.gazetteer import name_sex
from recognizers.names import TITLES, WORD_NAMES
from recognizers.proper import FINITE_AFTER, looks_proper

#: Surnames that are also everyday words: their lower-case uses are not taken as names.
SURNAME_WORDS = frozenset(
    """wood green brown white black young king smith baker cook bell hill hall wall field page
    price rose hope bird fox lamb moss rich long short little small hunt park marsh banks
    cross gray grey lane street ward waters well wells west north south east love may day
    hardy bishop mason carter turner walker porter sharp strong swift""".split()
)
#: Tokens never used on their own to find further mentions.
_NEVER_ALONE = frozenset("of the and van von de da di la le du st".split())

# Titles match capitalised or in capitals only: "I miss Margaret" has no title.
_TITLE_PATTERN = "|".join(
    sorted((re.escape(f) for t in TITLES for f in (t.title(), t.upper())), key=len, reverse=True)
)
_TITLE_BEFORE = re.compile(rf"(?:\b(?:{_TITLE_PATTERN})\.?\s+)$")
_LEADING_TITLE = re.compile(rf"^(?:(?:{_TITLE_PATTERN})\.?\s+)+")
_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z]\.[ \t]?$")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)
_STRIP = " \t\r\n,.;:!?()[]{}\"“”‘’*_-"


@dataclass(frozen=True, slots=True)
class Person:
    """A person within one document: the longest form of the name, as lower-case tokens."""

    tokens: tuple[str, ...]

    @property
    def key(self) -> str:
        """The canonical name (lower case, single spaces)."""
        return " ".join(self.tokens)


@dataclass(frozen=True, slots=True)
class PersonMention:
    """One mention of a person: a span of the text and the person it refers to."""

    start: int
    end: int
    person: Person
    score: float


def name_tokens(surface: str) -> tuple[str, ...]:
    """Lower-case name tokens of a mention, without titles, possessive or initials."""
    text = surface.replace("’", "'").strip(_STRIP)
    text = _LEADING_TITLE.sub("", text)
    text = _POSSESSIVE.sub("", text.strip(_STRIP))
    tokens = []
    for raw in text.split():
        token = raw.strip(_STRIP).casefold()
        if len(token.rstrip(".")) >= 2:
            tokens.append(token)
    return tuple(tokens)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim punctuation/space and a trailing possessive; take in a preceding title."""
    while start < end and text[start] in _STRIP and text[start] not in "'’":
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    possessive = _POSSESSIVE.search(text[start:end])
    if possessive and end - start - len(possessive.group()) >= 2:
        end -= len(possessive.group())
    initial = _INITIAL_BEFORE.search(text[max(0, start - 4) : start])
    if initial:
        start -= len(initial.group())  # "R. Iqbal": the initial belongs to the name
    title = _TITLE_BEFORE.search(text[max(0, start - 12) : start])
    if title:
        start -= len(title.group())
    return start, end


def _is_word_like(token: str) -> bool:
    return token in WORD_NAMES or token in SURNAME_WORDS or token in _NEVER_ALONE


@dataclass
class _Cluster:
    person: Person
    tokens: set[str] = field(default_factory=set)
    positions: list[int] = field(default_factory=list)


_FEMALE_TITLES = re.compile(r"^(?:Mrs|MRS|Ms|MS|Miss|MISS|Dame|DAME|Lady|LADY)\b")
_MALE_TITLES = re.compile(r"^(?:Mr|MR|Sir|SIR|Lord|LORD)\b")


def _title_sex(surface: str) -> str:
    if _FEMALE_TITLES.match(surface):
        return "F"
    return "M" if _MALE_TITLES.match(surface) else "U"


def _choose(candidates: list[_Cluster], token: str, surface: str, at: int) -> _Cluster | None:
    """The cluster a single-word mention belongs to, or None when it is someone else."""
    titled = bool(_LEADING_TITLE.match(surface))
    if titled:
        surnames = [c for c in candidates if c.person.tokens[-1] == token]
        candidates = surnames or candidates
        sex = _title_sex(surface)
        if sex != "U":
            # "Mrs O'Neill" is not "Daniel O'Neill": drop candidates whose first name says
            # otherwise; when none is left, she is another person of that name.
            other = "M" if sex == "F" else "F"
            candidates = [c for c in candidates if name_sex(c.person.tokens[0]) != other]
            if not candidates:
                return None
    firsts = [c for c in candidates if c.person.tokens[0] == token]
    if len(firsts) == 1 and not titled:
        return firsts[0]

    def nearest(c: _Cluster) -> int:
        before = [p for p in c.positions if p <= at]
        return at - max(before) if before else 10**9

    return min(candidates, key=nearest)


def _cluster(text: str, spans: Sequence[tuple[int, int, float]]) -> list[tuple[int, int, float, _Cluster]]:
    """Assign each (start, end, score) span to a cluster; full names first."""
    clusters: list[_Cluster] = []
    assigned: list[tuple[int, int, float, _Cluster]] = []
    tokenised = [(s, e, sc, name_tokens(text[s:e])) for s, e, sc in spans]
    multi = [m for m in tokenised if len(m[3]) >= 2]
    single = [m for m in tokenised if len(m[3]) == 1]
    for start, end, score, tokens in multi:
        token_set = set(tokens)
        home = next(
            (c for c in clusters if token_set <= c.tokens or c.tokens <= token_set), None
        )
        if home is None:
            home = _Cluster(Person(tokens))
            clusters.append(home)
        elif len(tokens) > len(home.person.tokens):
            home.person = Person(tokens)
        home.tokens |= token_set
        home.positions.append(start)
        assigned.append((start, end, score, home))
    for start, end, score, (token,) in sorted(single):
        candidates = [c for c in clusters if token in c.tokens]
        home = _choose(candidates, token, text[start:end], start) if candidates else None
        if home is None:
            home = _Cluster(Person((token,)), {token})
            clusters.append(home)
        home.positions.append(start)
        assigned.append((start, end, score, home))
    return assigned


_DETERMINERS = frozenset("a an the this that my your his her our their its no any some".split())
_MONTHS = frozenset(("april", "may", "june", "july", "august"))
_WORD = re.compile(r"[\w'’]+")


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    before = _WORD.findall(text[max(0, start - 30) : start])
    after = _WORD.findall(text[end : end + 30])
    return (before[-1].casefold() if before else ""), (after[0].casefold() if after else "")


def _accept(text: str, start: int, end: int, known_forms: set[str]) -> bool:
    """Decide whether an occurrence of a known name token is a mention of the person."""
    found = text[start:end]
    token = found.casefold()
    word_like = _is_word_like(token)
    before, after = _neighbours(text, start, end)
    if token in _MONTHS and (before.isdigit() or after.isdigit() or after.rstrip("stndrh").isdigit()):
        return False  # "14 May 2026", "May 3rd"
    if found in known_forms or found[:1].isupper():
        return not word_like or looks_proper(text, start, end, everyday=True)
    if not found.islower():
        return False
    if not word_like:
        return True
    return after in FINITE_AFTER and before not in _DETERMINERS


@lru_cache(maxsize=8192)
def _name_pattern(tokens: tuple[str, ...]) -> re.Pattern[str]:
    """A name's tokens in any case and spacing, not inside a longer word (cached: names recur
    in the documents of a folder)."""
    body = r"\s+".join(re.escape(t) for t in tokens)
    return re.compile(rf"(?<![\w'’-]){body}(?![\w-]|['’][a-rt-z])", re.IGNORECASE)


def _find(pattern: re.Pattern[str], first: str, text: str, folded: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that starts with the word ``first``, faster:
    the regex is only tried where ``first`` occurs in ``folded`` (``text.casefold()``)."""
    if len(folded) != len(text):  # casefolding changed lengths: positions would not agree
        yield from pattern.finditer(text)
        return
    position = folded.find(first)
    while position >= 0:
        match = pattern.match(text, position)
        if match:
            yield match
        position = folded.find(first, match.end() if match else position + 1)


def _occurrences(
    text: str, clusters: Iterable[_Cluster], surfaces: dict[str, set[str]]
) -> list[tuple[int, int, float]]:
    """Every accepted occurrence of a known name (full name or single token) in the text."""
    found: list[tuple[int, int, float]] = []
    folded = text.casefold()
    for cluster in clusters:
        variants = [cluster.person.tokens]
        variants += [
            (t,) for t in cluster.tokens
            if len(t) >= 2 and not t.endswith(".") and t not in _NEVER_ALONE
        ]
        for variant in variants:
            for m in _find(_name_pattern(variant), variant[0], text, folded):
                if len(variant) > 1 or _accept(
                    text, m.start(), m.end(), surfaces.get(m.group().casefold(), set())
                ):
                    start, end = _trim(text, m.start(), m.end())
                    if end > start:
                        found.append((start, end, 0.8))
    return found


def _joinable(text: str, left: tuple[int, int, float], right: tuple[int, int, float]) -> bool:
    if right[0] <= left[1]:
        return True
    gap = text[left[1] : right[0]]
    if len(gap) > 2 or gap.strip(" \t\n") or _LEADING_TITLE.match(text[right[0] : right[1]]):
        return False
    left_tokens = name_tokens(text[left[0] : left[1]])
    right_tokens = name_tokens(text[right[0] : right[1]])
    if set(right_tokens) <= set(left_tokens) or text[left[0] : left[1]].endswith(("'s", "’s")):
        return False
    # Across a line break only a lone first name and a lone surname join ("Susan\nPennington").
    return "\n" not in gap or (len(left_tokens) == 1 and len(right_tokens) == 1)


def _merge_adjacent(text: str, spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Join mentions separated only by a space or one line break ("Arthur" + "Pennington")."""
    merged: list[tuple[int, int, float]] = []
    for span in sorted(spans):
        if merged and _joinable(text, merged[-1], span):
            p_start, p_end, p_score = merged[-1]
            merged[-1] = (p_start, max(span[1], p_end), max(span[2], p_score))
        else:
            merged.append(span)
    return merged


def _surfaces(text: str, spans: Iterable[tuple[int, int, float]]) -> dict[str, set[str]]:
    forms: dict[str, set[str]] = {}
    for start, end, _ in spans:
        for raw in _LEADING_TITLE.sub("", text[start:end]).split():
            word = _POSSESSIVE.sub("", raw.strip(_STRIP))
            forms.setdefault(word.casefold(), set()).add(word)
    return forms


def link_people(
    text: str,
    detections: Sequence[Detection],
    known: Sequence[Person] = (),
) -> tuple[PersonMention, ...]:
    """Cluster PERSON detections into people and add further mentions of their names.

    Two passes: the detections are clustered to learn the names in the document; then every
    accepted occurrence of those names is collected, mentions that sit side by side are joined
    ("Arthur" + "Pennington" → "Arthur Pennington"), and everything is clustered again.

    Args:
        text: the document text.
        detections: PERSON detections (others are ignored), already filtered for plausibility.
        known: people met in earlier documents of the same portfolio; their names are looked
            for here too, so a lone "Antony" is found even where spaCy misses it.

    Returns:
        Non-overlapping mentions sorted by position, each tied to its person.
    """
    spans: list[tuple[int, int, float]] = []
    for d in sorted(detections):
        if d.entity != PERSON:
            continue
        start, end = _trim(text, d.start, d.end)
        if end > start and name_tokens(text[start:end]):
            spans.append((start, end, d.score))
    if not spans and not known:
        return ()
    first = _cluster(text, _drop_overlaps(_merge_adjacent(text, spans)))
    clusters = list({id(c): c for *_, c in first}.values())
    present = {c.person.tokens for c in clusters}
    clusters += [_Cluster(p, set(p.tokens)) for p in known if p.tokens not in present]
    more = _occurrences(text, clusters, _surfaces(text, spans))
    if not spans and not more:
        return ()
    final = _drop_overlaps(_merge_adjacent(text, _drop_overlaps(spans + more)))
    assigned = _cluster(text, final)
    mentions = [PersonMention(s, e, c.person, sc) for s, e, sc, c in assigned]
    return tuple(sorted(mentions, key=lambda m: (m.start, m.end)))


def _drop_overlaps(spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Keep the longest of overlapping spans (then the highest score)."""
    kept: list[tuple[int, int, float]] = []  # sorted by start; never overlapping
    for span in sorted(spans, key=lambda s: (-(s[1] - s[0]), -s[2], s[0])):
        # Only the kept neighbours on either side can overlap.
        i = bisect_left(kept, span[0], key=lambda k: k[0])
        if (i == 0 or kept[i - 1][1] <= span[0]) and (i == len(kept) or span[1] <= kept[i][0]):
            kept.insert(i, span)
    return kept


class PeopleBook:
    """Run-level memory of people, so one person gets one key across documents.

    Full names are matched across the whole run. A lone first name or surname is matched only
    to a person already met in the same ``scope`` (a portfolio folder), and only when exactly
    one such person fits, so unrelated documents never merge two different people.
    """

    def __init__(self) -> None:
        self._full: dict[tuple[str, ...], str] = {}
        self._by_scope: dict[str, list[tuple[str, ...]]] = {}
        self._single: dict[tuple[str, str], str] = {}

    def known(self, scope: str) -> tuple[Person, ...]:
        """People with a full name already met in documents under ``scope``."""
        return tuple(Person(tokens) for tokens in self._by_scope.get(scope, ()))

    def _same_name(self, tokens: tuple[str, ...], scope: str) -> str | None:
        """The key of the one person in ``scope`` whose full name has the same words as
        ``tokens`` or some of them ("Moran, Ricky" and "Ricky Moran", "Mary Smith" and "Mary
        Ann Smith"); None when there is none, or more than one such person."""
        words = set(tokens)
        keys = {self._full[full] for full in self._by_scope.get(scope, ())
                if words <= set(full) or set(full) <= words}
        return keys.pop() if len(keys) == 1 else None

    def key_for(self, person: Person, scope: str) -> str:
        """Return the run-wide key of ``person`` found in a document under ``scope``."""
        tokens = person.tokens
        if len(tokens) >= 2:
            key = self._full.get(tokens)
            if key is None:
                key = self._same_name(tokens, scope) or next(
                    (self._single[(scope, t)] for t in tokens if (scope, t) in self._single),
                    person.key,
                )
                self._full[tokens] = key
                self._by_scope.setdefault(scope, []).append(tokens)
            return key
        token = tokens[0]
        key = self._single.get((scope, token))
        if key is None:
            matches = {
                self._full[full] for full in self._by_scope.get(scope, []) if token in full
            }
            key = matches.pop() if len(matches) == 1 else f"{token} @{scope}"
            self._single[(scope, token)] = key
        return key
