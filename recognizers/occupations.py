"""A person's occupation, where the text says it is one (strict policy only).

"She worked as a ballet dancer", "employed as an electrician", "practising as a pharmacist",
"who is a retired police officer," and "an accountant by profession" tell a reader a great deal
about who a case is about, so a publisher of case law replaces the occupation. Only the
occupation is replaced, never the cue, and only after a cue that makes it one:

* ``work``/``employed``/``practise``/``career``/``job``/``post``/``appointed``/``trained``/
  ``qualified``/``retired`` … ``as (a|an|the)``;
* ``, who is (a|an)`` or ``, who was (a|an)`` (a relative clause about a person);
* ``(is|was) (a|an)`` … ``by profession``.

The occupation is one to four words and stops at a preposition, conjunction, past participle,
punctuation or the end of the line, so "a research assistant in the Institute" gives "research
assistant". Words that make the phrase something
other than a job ("member", "representative", "result") are refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from recognizers.results import SpanRecognizer, text_only

if TYPE_CHECKING:
    from collections.abc import Callable

    from presidio_analyzer import EntityRecognizer

OCCUPATION = "OCCUPATION"

_STOP = (
    "in at for of with from to by on and or but who which that as since until after before "
    "during under within between the a an his her their its this these those he she they it "
    "was is were are had has have been be not also"
)
_WORD = rf"(?!(?:{'|'.join(_STOP.split())})\b)[^\W\d_][\w’'‑-]*"
#: After the first word, a past participle starts a new phrase ("a physician affiliated to").
_LATER_WORD = rf"(?![^\W\d_]+ed\b){_WORD}"
_PHRASE = rf"(?P<job>{_WORD}(?:[ \u00a0]{_LATER_WORD}){{0,3}})"
_WORK_CUE = (
    r"(?:work(?:s|ed|ing)?|employed|employment|practi[sc](?:e|es|ed|ing)|career|job|post"
    r"|position|appointed|trained|training|qualified|retired|earn(?:s|ed|ing)? (?:a|his|her|their)"
    r" living)[ \u00a0]+as[ \u00a0]+(?:an?|the)[ \u00a0]+"
)
_CUES = (
    re.compile(rf"(?i:\b{_WORK_CUE}){_PHRASE}"),
    re.compile(rf",[ \u00a0]+who[ \u00a0]+(?:is|was)[ \u00a0]+an?[ \u00a0]+{_PHRASE}(?=[ \u00a0]*[,;)])"),
    re.compile(rf"(?i:\b(?:is|was)[ \u00a0]+an?)[ \u00a0]+{_PHRASE}(?=[ \u00a0]+by[ \u00a0]+profession\b)"),
)
#: Heads that make the phrase something other than an occupation ("served as a reminder").
NOT_OCCUPATIONS: frozenset[str] = frozenset(
    """member members representative representatives result results means basis reminder
    example witness party parties matter consequence precaution whole condition measure
    substitute ground grounds pretext victim victims""".split()
)


def find_occupations(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of every cued occupation in ``text``, in text order."""
    spans: set[tuple[int, int]] = set()
    for pattern in _CUES:
        for m in pattern.finditer(text):
            words = m.group("job").split()
            if words[-1].casefold() in NOT_OCCUPATIONS:
                continue
            spans.add((m.start("job"), m.end("job")))
    return sorted(spans)


STRICT_RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "occupation.v1": lambda: SpanRecognizer(
        "OccupationRecognizer", OCCUPATION, text_only(find_occupations), 0.75,
        "an occupation", rule="occupation",
    ),
}
