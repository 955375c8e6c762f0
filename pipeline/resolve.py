"""Pure clean-up of raw detections: allow-lists, protected vocabulary, implausible names,
the roster of names always replaced, and overlap resolution.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pipeline.config import Settings
from pipeline.model import Detection
from pipeline.people import Person, PersonMention, link_people
from pipeline.strict import strict_cleanup
from recognizers.address import ends_with_street_suffix
from recognizers.entities import PERSON
from recognizers.gazetteer import first_names
from recognizers.names import is_role_word
from recognizers.vocabulary import protected_spans

#: Entity types replaced only under the strict policy (the default policy ignores them);
#: strict detections are then cleaned up by :func:`pipeline.strict.strict_cleanup`.
_STRICT_ONLY = frozenset({"DATE_TIME", "LOCATION", "ORGANIZATION", "NRP", "AGE", "MONEY",
                          "PERCENTAGE", "OCCUPATION", "CASE_NUMBER", "STRICT_PERSON"})


@dataclass(frozen=True, slots=True)
class Resolved:
    """Non-overlapping findings of one document: people mentions and other entities."""

    people: tuple[PersonMention, ...]
    others: tuple[Detection, ...]


def _phrase_spans(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for phrase in phrases:
        pattern = r"\s+".join(re.escape(part) for part in phrase.split())
        spans += [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){pattern}(?!\w)", text, re.I)]
    return spans


def anonymised_spans(text: str, label_word: str) -> list[tuple[int, int]]:
    """Spans of text that is already anonymised: labels, placeholders and pseudonyms.

    They are never detected again, so re-running or checking an output finds nothing new.
    """
    label = rf"\b{re.escape(label_word)} [A-Z]{{1,3}}\b"
    placeholder = r"\[[A-Z][A-Z &]{1,30}\]"
    pseudonym = r"\b[A-Z]{2,16}-[0-9A-HJKMNP-TV-Z]{10}\b"
    pattern = re.compile(f"{label}|{placeholder}|{pseudonym}")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _inside(d: Detection, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= d.start and d.end <= b for a, b in spans)


#: Form and contact words spaCy sometimes tags as a person at the start of a line.
_FORM_WORDS = frozenset(
    "email e-mail tel telephone phone mobile fax address postcode dob ref reference case "
    "nhs ni nino uln upn contact website web url note notes".split()
)


#: Words that end the names of courses, tools and services, never of people
#: ("Oliver McGowan Mandatory Training", "Barthel Index", "Speech and Language Therapy").
_THING_WORDS = frozenset(
    "index training therapy handling scale chart score model assessment plan policy procedure "
    "act certificate diploma award course programme framework tool test service services team "
    "unit centre center school college academy hospital clinic surgery trust "
    "council partnership foundation society association network group project".split()
)
#: Nouns after an eponym that make it a method or test, not a person ("the Johns model").
_EPONYM_NOUNS = frozenset(
    "model cycle competence scale index chart score test criteria principles method "
    "approach technique syndrome disease manoeuvre position".split()
)
_DETERMINERS = frozenset("the a an this that our your their my his her".split())


def plausible_person(surface: str, after: str = "") -> bool:
    """Whether a PERSON span's text can be a name (not a role word, street, number, course or
    tool); ``after`` is the text that follows the span."""
    stripped = surface.strip()
    if len(stripped) < 2 or any(ch.isdigit() for ch in stripped) or "@" in stripped:
        return False
    words = stripped.casefold().rstrip(":").split()
    if stripped.casefold().rstrip(":") in _FORM_WORDS or words[0] in _DETERMINERS:
        return False
    if words[-1] in _THING_WORDS:
        return False
    following = after.split(maxsplit=1)
    if following and following[0].casefold().strip(".,;:") in _EPONYM_NOUNS:
        return False
    return not (is_role_word(stripped) or ends_with_street_suffix(stripped))


def _longest_first(items: list[tuple[int, int, float, object]]) -> list[tuple[int, int, float, object]]:
    kept: list[tuple[int, int, float, object]] = []
    for item in sorted(items, key=lambda i: (-(i[1] - i[0]), -i[2], i[0])):
        if all(item[1] <= k[0] or item[0] >= k[1] for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda i: i[0])


def _cut_at_line_break(text: str, d: Detection) -> Detection:
    """Drop what a PERSON span took in after a line break when it is not a name ("Shah\nLevel")."""
    surface = text[d.start : d.end]
    cut = surface.find("\n")
    if d.entity != PERSON or cut < 0:
        return d
    first, rest = surface[:cut].strip(), surface[cut + 1 :].strip()
    # Only a lone first name and a lone surname continue across a break ("Susan\nPennington").
    if (len(first.split()) == 1 and len(rest.split()) == 1 and rest[:1].isupper()
            and plausible_person(rest) and not is_role_word(rest)):
        return d
    return Detection(d.start, d.start + cut, d.entity, d.score, d.recognizer) if cut > 0 else d


_SPACED_DASH = re.compile(r"[ \t]+[-–—][ \t]+")
#: A tab or a run of spaces: a column gap on a form line, never inside a name.
_COLUMN_GAP = re.compile(r"\t|[ \u00a0]{2,}")


def _cut_at_column_gap(text: str, d: Detection) -> Detection:
    """Drop what a PERSON span took in across a column gap ("Jing Chen    UPN")."""
    if d.entity != PERSON:
        return d
    gap = _COLUMN_GAP.search(text, d.start, d.end)
    if gap is None or gap.start() == d.start:
        return d
    return Detection(d.start, gap.start(), d.entity, d.score, d.recognizer)


#: A possessive inside a span: a name does not go on after one ("Godfrey's Section").
_INNER_POSSESSIVE = re.compile(r"\w['’]s?(?=\s+\S)")


def _cut_at_possessive(text: str, d: Detection) -> Detection:
    """Drop what a PERSON span took in after a possessive ("Mrs Godfrey's Section 47")."""
    if d.entity != PERSON:
        return d
    inner = _INNER_POSSESSIVE.search(text, d.start, d.end)
    if inner is None:
        return d
    return Detection(d.start, inner.start() + 1, d.entity, d.score, d.recognizer)


def _first_word(text: str) -> str:
    words = text.split(maxsplit=1)
    return words[0] if words else ""


def _cut_at_dash(text: str, d: Detection) -> Detection:
    """Keep only the name of a PERSON span that took in a label across a spaced dash
    ("Safeguarding - Ian Horton", "Ian Horton – Key Worker"): the one piece that starts with
    a known first name, when exactly one does; otherwise the span is left as it is."""
    if d.entity != PERSON:
        return d
    surface = text[d.start : d.end]
    cuts = list(_SPACED_DASH.finditer(surface))
    if not cuts:
        return d
    bounds = [0, *(x for m in cuts for x in (m.start(), m.end())), len(surface)]
    pieces = list(zip(bounds[::2], bounds[1::2], strict=True))
    names = first_names()
    named = [(a, b) for a, b in pieces if _first_word(surface[a:b]) in names]
    if len(named) != 1:
        return d
    a, b = named[0]
    return Detection(d.start + a, d.start + b, d.entity, d.score, d.recognizer)


def _cut(text: str, d: Detection) -> Detection:
    """A PERSON span without what it took in beyond the name (see the ``_cut_at_`` rules)."""
    for rule in (_cut_at_line_break, _cut_at_column_gap, _cut_at_dash, _cut_at_possessive):
        d = rule(text, d)
    return d


def _replaced_under(settings: Settings, entity: str) -> bool:
    """Whether the settings' policy replaces findings of type ``entity``."""
    if settings.policy == "strict" or entity not in _STRICT_ONLY:
        return True
    return entity == "DATE_TIME" and not settings.keep_dates


def resolve(
    text: str,
    detections: Sequence[Detection],
    settings: Settings,
    known: Sequence[Person] = (),
) -> Resolved:
    """Turn raw detections into the final, non-overlapping findings of a document.

    ``known`` are people met in earlier documents of the same portfolio (see
    :func:`pipeline.people.link_people`).
    """
    keep_out = (_phrase_spans(text, settings.allow) + list(protected_spans(text))
                + anonymised_spans(text, settings.label_word))
    wanted = [
        d
        for d in (_cut(text, d) for d in detections)
        if not _inside(d, keep_out)
        and _replaced_under(settings, d.entity)
        and (d.entity != PERSON or plausible_person(text[d.start : d.end], text[d.end : d.end + 40]))
    ]
    if settings.policy == "strict":
        wanted = strict_cleanup(text, wanted)
    wanted += [Detection(s, e, PERSON, 1.0, "roster") for s, e in _phrase_spans(text, settings.always)]
    people = [
        m for m in link_people(text, wanted, known) if not _inside_span(m, keep_out)
    ]
    items: list[tuple[int, int, float, object]] = [(m.start, m.end, m.score, m) for m in people]
    items += [(d.start, d.end, d.score, d) for d in wanted if d.entity != PERSON]
    kept = _longest_first(items)
    return Resolved(
        people=tuple(i[3] for i in kept if isinstance(i[3], PersonMention)),
        others=tuple(i[3] for i in kept if isinstance(i[3], Detection)),
    )


def _inside_span(m: PersonMention, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= m.start and m.end <= b for a, b in spans)
