"""Who is who: group the PERSON mentions of a document into people and find every mention.

``link_people`` is pure: given a text, its PERSON detections and tokens, it returns one
:class:`PersonMention` per mention, each tied to a :class:`Person` (a cluster of aliases:
"Margaret O'Neill", "Margaret", "Mrs O'Neill", "MARGARET", "margaret's"). It also finds further
mentions of names already detected in the document, in any case.

``PeopleBook`` is the run-level memory that makes labels agree across the documents of a batch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pipeline.detect import Token
from pipeline.model import Detection
from recognizers.entities import PERSON
from recognizers.names import TITLES, WORD_NAMES

#: Surnames that are also everyday words: their lower-case uses are not taken as names.
SURNAME_WORDS = frozenset(
    """wood green brown white black young king smith baker cook bell hill hall wall field page
    price rose hope bird fox lamb moss rich long short little small hunt park marsh banks
    cross gray grey lane street ward waters well wells west north south east love may day
    hardy bishop mason carter turner walker porter sharp strong swift""".split()
)
#: Tokens never used on their own to find further mentions.
_NEVER_ALONE = frozenset("of the and van von de da di la le du st".split())

_TITLE_PATTERN = "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True))
_TITLE_BEFORE = re.compile(rf"(?:\b(?:{_TITLE_PATTERN})\.?\s+)$", re.IGNORECASE)
_LEADING_TITLE = re.compile(rf"^(?:(?:{_TITLE_PATTERN})\.?\s+)+", re.IGNORECASE)
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


def _choose(candidates: list[_Cluster], token: str, titled: bool, at: int) -> _Cluster:
    if titled:
        surnames = [c for c in candidates if c.person.tokens[-1] == token]
        candidates = surnames or candidates
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
        titled = bool(_LEADING_TITLE.match(text[start:end]))
        candidates = [c for c in clusters if token in c.tokens]
        if candidates:
            home = _choose(candidates, token, titled, start)
        else:
            home = _Cluster(Person((token,)), {token})
            clusters.append(home)
        home.positions.append(start)
        assigned.append((start, end, score, home))
    return assigned


def _pos_at(tokens: Sequence[Token], position: int) -> str:
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].end <= position:
            lo = mid + 1
        else:
            hi = mid
    return tokens[lo].pos if lo < len(tokens) and tokens[lo].start <= position else ""


def _accept(found: str, token: str, known_forms: set[str], pos: str) -> bool:
    """Decide whether an occurrence of a known name token is a mention of the person."""
    word_like = _is_word_like(token)
    if found in known_forms:
        return not word_like or pos == "PROPN"
    if found.islower():
        return not word_like
    if found[:1].isupper():
        return not word_like or pos == "PROPN"
    return False


def _further_mentions(
    text: str,
    clusters: Iterable[_Cluster],
    taken: list[tuple[int, int]],
    tokens: Sequence[Token],
    surfaces: dict[str, set[str]],
) -> list[tuple[int, int, _Cluster]]:
    found: list[tuple[int, int, _Cluster]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for cluster in clusters:
        full = r"\s+".join(re.escape(t) for t in cluster.person.tokens)
        variants = [full] if len(cluster.person.tokens) > 1 else []
        variants += [
            re.escape(t)
            for t in sorted(cluster.tokens, key=len, reverse=True)
            if len(t) >= 2 and not t.endswith(".") and t not in _NEVER_ALONE
        ]
        for variant in variants:
            for m in re.finditer(rf"(?<![\w'’-]){variant}(?![\w-]|['’][a-rt-z])", text, re.I):
                if not free(m.start(), m.end()):
                    continue
                token = m.group().casefold() if " " not in m.group() else cluster.person.tokens[0]
                is_full = bool(re.search(r"\s", m.group()))
                if not is_full and not _accept(
                    m.group(), token, surfaces.get(token, set()), _pos_at(tokens, m.start())
                ):
                    continue
                start, end = _trim(text, m.start(), m.end())
                taken.append((start, end))
                found.append((start, end, cluster))
    return found


def link_people(
    text: str, detections: Sequence[Detection], tokens: Sequence[Token] = ()
) -> tuple[PersonMention, ...]:
    """Cluster PERSON detections into people and add further mentions of their names.

    Args:
        text: the document text.
        detections: PERSON detections (others are ignored), already filtered for plausibility.
        tokens: spaCy tokens of ``text`` (part-of-speech tags guard names that are also words).

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
    spans = _drop_overlaps(spans)
    assigned = _cluster(text, spans)
    surfaces: dict[str, set[str]] = {}
    for start, end, _, _ in assigned:
        for raw in _LEADING_TITLE.sub("", text[start:end]).split():
            surfaces.setdefault(raw.strip(_STRIP).casefold(), set()).add(raw.strip(_STRIP))
    taken = [(s, e) for s, e, _, _ in assigned]
    unique_clusters = list({id(c): c for *_, c in assigned}.values())
    extra = _further_mentions(text, unique_clusters, taken, tokens, surfaces)
    mentions = [PersonMention(s, e, c.person, sc) for s, e, sc, c in assigned]
    mentions += [PersonMention(s, e, c.person, 0.8) for s, e, c in extra]
    return tuple(sorted(mentions, key=lambda m: (m.start, m.end)))


def _drop_overlaps(spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Keep the longest of overlapping spans (then the highest score)."""
    kept: list[tuple[int, int, float]] = []
    for span in sorted(spans, key=lambda s: (-(s[1] - s[0]), -s[2], s[0])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


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

    def key_for(self, person: Person, scope: str) -> str:
        """Return the run-wide key of ``person`` found in a document under ``scope``."""
        tokens = person.tokens
        if len(tokens) >= 2:
            key = self._full.get(tokens)
            if key is None:
                key = next(
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
