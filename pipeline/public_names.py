"""Names and dates that identify nobody, kept readable under the strict policy.

A publisher of case law replaces every place, organisation and date that could point to the
people of a case, but leaves the public machinery of the state and the law readable: that "the
Supreme Court" ruled, that "the Government" replied, which Act applied. These never single out
a person, and replacing them leaves a judgment or case study unreadable.

:func:`is_public_name` keeps, among the organisations, places and names that spaCy reports:

* names made only of institutional words (:func:`recognizers.institutions.institutional`) — a
  head noun such as court, ministry, government, commission, prosecutor or section, with
  modifiers such as supreme, administrative, federal, foreign affairs, of, the and ordinals —
  and no proper name: "the Supreme Administrative Court", "the Ministry of Foreign Affairs",
  "the Fourth Section of the Court", "the Public Prosecutor". A place or other proper name
  makes the body local and so identifying: "the Leeds Crown Court" and "Kirklees Council" are
  still replaced. A span of modifiers alone ("Regional") is a fragment, not a name;
* legal instruments, whose names end in Act, Code, Convention, Treaty… (a number or year may
  follow): "the Children Act 1989", "Protocol No. 11";
* legal Latin and section headings in capitals ("inter alia", "THE FACTS").

:func:`is_entry_into_force` tells a date on which a law came into force ("which entered into
force on 1 May 2004", "on 1 November 1998, when Protocol No. 11 came into force", "1 May, the
date on which the Act took effect"): a fact about the law, not about a person.

The lists are plain data: extend them here.
"""

from __future__ import annotations

import re

from recognizers.institutions import INSTITUTION_MODIFIERS, institutional

#: Last words of the names of laws and other legal instruments.
INSTRUMENT_WORDS: frozenset[str] = frozenset("""
    act acts law laws code codes convention conventions treaty treaties protocol protocols charter
    regulation regulations rules constitution directive ordinance decree statute
""".split())
#: Legal Latin and other boilerplate that spaCy takes for a name.
BOILERPLATE: frozenset[str] = frozenset({
    "inter alia", "mutatis mutandis", "prima facie", "bona fide", "ex officio", "de facto",
    "de jure", "amicus curiae", "locus standi", "sine qua non", "per se", "ratione materiae",
    "ratione temporis", "ratione personae", "ratione loci", "in absentia", "obiter dictum",
    "ultra vires", "sub judice", "habeas corpus", "stare decisis", "res judicata", "ibid",
})
#: Words of section headings, which judgments and reports often set in capitals.
HEADING_WORDS: frozenset[str] = frozenset("""
    facts procedure circumstances case background introduction summary conclusion conclusions
    judgment decision reasons complaint complaints relevant domestic practice appendix schedule
    annex
""".split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+(?:st|nd|rd|th)?")
#: Words that may follow the name of an instrument with its number ("Law no. 3713 of").
_NUMBER_WORDS = frozenset({"no", "nr", "number", "of"})
_POSSESSIVE = re.compile(r"['’]s?$")

_INTO_FORCE_AFTER = re.compile(
    r",?\s+(?:when|on\s+which|the\s+(?:date|day)\s+(?:on\s+)?which)\s+(?:[^.;\n]|\b[Nn]o\.){0,60}?"
    r"\b(?:came|come|comes|entered|enters|enter|took|take|takes)\s+(?:into\s+force|into\s+effect|effect)\b"
)
_INTO_FORCE_BEFORE = re.compile(
    r"\binto\s+(?:force|effect)\s+(?:on|as\s+of|from|with\s+effect\s+from)\s+\Z"
)
_YEAR = re.compile(r"\b\d{4}\b")
_LOOKBACK = 40


def _words(surface: str) -> list[str]:
    return [_POSSESSIVE.sub("", w).casefold() for w in _WORD.findall(surface)]


def _heading(surface: str) -> bool:
    letters = [ch for ch in surface if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and all(
        w in HEADING_WORDS or w in INSTITUTION_MODIFIERS for w in _words(surface)
    )


def _instrument(surface: str) -> bool:
    name = _WORD.findall(surface)
    while len(name) > 1 and (name[-1].isdigit() or name[-1].casefold() in _NUMBER_WORDS):
        name.pop()
    return name[-1].casefold() in INSTRUMENT_WORDS and name[-1][:1].isupper()


def is_public_name(surface: str) -> bool:
    """Whether an organisation, place or name identifies nobody (see the module docstring)."""
    words = _words(surface)
    if not words:
        return False
    return (" ".join(words) in BOILERPLATE or institutional(words)
            or all(w in INSTITUTION_MODIFIERS for w in words)
            or _instrument(surface) or _heading(surface))


def is_entry_into_force(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is the day a law came into force."""
    if _INTO_FORCE_BEFORE.search(text, max(0, start - _LOOKBACK), start):
        return True
    after = _INTO_FORCE_AFTER.match(text, end)
    return after is not None and not _YEAR.search(after.group())
