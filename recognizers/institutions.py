"""Public bodies: the words that name them, and bodies named after a place (strict policy).

Courts, councils, ministries and their kind are named with a small vocabulary: a head noun
(:data:`INSTITUTION_HEADS`: court, council, prosecutor…) and modifiers
(:data:`INSTITUTION_MODIFIERS`: supreme, district, labour…). :func:`institutional` tells whether
a name uses nothing else; the pipeline keeps such names under the strict policy, since "the
Court of Appeal" identifies nobody.

A body named after a place is another matter: "the Kirkby Magistrates' Court" or "Ashworth
Prison" says where a person lives or was held. spaCy's small model misses many of these, so
:class:`LocalBodyRecognizer` (strict policy only) reports one to three proper nouns (tagged
``PROPN`` by spaCy) followed by up to three modifiers and a head or an establishment
(:data:`ESTABLISHMENTS`: prison, hospital, school…), all capitalised, as an ``ORGANIZATION``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from recognizers.proper import looks_proper
from recognizers.results import SpanRecognizer

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer.nlp_engine import NlpArtifacts

ORGANIZATION = "ORGANIZATION"

#: Nouns that name a public body, an office or a division of one.
INSTITUTION_HEADS: frozenset[str] = frozenset("""
    court courts tribunal tribunals chamber chambers section sections division divisions bench
    government governments ministry ministries minister ministers department departments
    directorate directorates office offices prosecutor prosecutors procurator procurators
    council councils commission commissions commissioner committee committees board boards
    authority authorities parliament assembly senate treasury cabinet agency agencies
    inspectorate ombudsman registry registrar house lords commons state states service
    judge judges president presidency secretariat
""".split())
#: Words that qualify a public body without saying where it is.
INSTITUTION_MODIFIERS: frozenset[str] = frozenset("""
    supreme high higher constitutional administrative military federal regional district
    appeal appeals cassation criminal civil labour labor employment social security principal
    public general chief national european human rights international legal law affairs foreign
    justice defence defense interior internal home finance education health agriculture economy
    immigration asylum city county municipal first instance grand lower upper central provincial
    local disciplinary family juvenile youth magistrates magistrate assize martial penal full
    plenary standing permanent deputy attorney executive legislative judicial ministerial
    secretary crown privy
    of the for and on in
""".split())
#: Places named after where they are, which are not public bodies in the above sense.
ESTABLISHMENTS: frozenset[str] = frozenset("""
    prison prisons hospital hospitals university school college academy police municipality
    clinic surgery centre center infirmary barracks
""".split())
_ORDINAL = re.compile(
    r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth"
)


def institutional(words: Iterable[str]) -> bool:
    """Whether lower-case ``words`` name a public body with institutional words only."""
    items = list(words)
    return any(w in INSTITUTION_HEADS for w in items) and all(
        w in INSTITUTION_HEADS or w in INSTITUTION_MODIFIERS or _ORDINAL.fullmatch(w)
        for w in items
    )


_CAP = r"\p{Lu}[\p{L}\p{M}'’]*(?:[/-]\p{Lu}?[\p{L}\p{M}]+)*"
#: A run of capitalised words on one line.
_RUN = re.compile(rf"(?<![\p{{L}}\p{{M}}\d'’/-]){_CAP}(?:[ \u00a0]{_CAP})*(?![\p{{L}}\p{{M}}\d-])")
_WORD = re.compile(r"[^ \u00a0]+")
_ENDING = re.compile(r"(?:['’]s?)?$")
_MAX_PLACE_WORDS = 3
_MAX_MODIFIERS = 3


def _key(word: str) -> str:
    return _ENDING.sub("", word).casefold()


def _coarse(text: str, start: int, end: int) -> str:
    """"PROPN", "PUNCT" or "X" for one token, judged from the text (no tagger runs)."""
    if looks_proper(text, start, end):
        return "PROPN"
    return "PUNCT" if not any(ch.isalnum() for ch in text[start:end]) else "X"


def _proper_noun(tags: dict[int, tuple[int, str]], start: int, end: int) -> bool:
    """Whether every token spaCy made of text[start:end] is a proper noun (or punctuation)."""
    inside = [tag for idx, (_, tag) in tags.items() if start <= idx < end]
    return bool(inside) and all(tag in {"PROPN", "PUNCT", "SYM"} for tag in inside)


def find_local_bodies(text: str, artifacts: NlpArtifacts | None) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of public bodies and establishments named after a place."""
    if artifacts is None or artifacts.tokens is None:
        return []
    tags = {t.idx: (len(t.text), _coarse(text, t.idx, t.idx + len(t.text)))
            for t in artifacts.tokens}
    spans = []
    for run in _RUN.finditer(text):
        words = [(run.start() + w.start(), run.start() + w.end()) for w in _WORD.finditer(run.group())]
        keys = [_key(text[s:e]) for s, e in words]
        for head, key in enumerate(keys):
            if key not in INSTITUTION_HEADS and key not in ESTABLISHMENTS:
                continue
            first = head
            while first > 0 and head - first < _MAX_MODIFIERS and keys[first - 1] in INSTITUTION_MODIFIERS:
                first -= 1
            place = first
            while (place > 0 and first - place < _MAX_PLACE_WORDS
                   and keys[place - 1] not in INSTITUTION_MODIFIERS
                   and keys[place - 1] not in INSTITUTION_HEADS
                   and _proper_noun(tags, *words[place - 1])):
                place -= 1
            if place < first:
                end = words[head][1] - len(_ENDING.search(text[slice(*words[head])]).group())
                spans.append((words[place][0], end))
                break
    return spans


STRICT_RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "local_body.v1": lambda: SpanRecognizer(
        "LocalBodyRecognizer", ORGANIZATION, find_local_bodies, 0.7,
        "a body named after a place", rule="local_body",
    ),
}
