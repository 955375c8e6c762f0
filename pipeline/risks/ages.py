"""Exact ages and dates of birth, and the age bands and decades that replace them.

Bands follow the Census age bands for adults, split finer at the ends of life where an exact
age is most telling: under 5, 5 to 11, 12 to 15, 16 to 17, 18 to 24, 25 to 34, 35 to 49,
50 to 64, 65 to 74, 75 to 84, 85 to 89, 90 to 99, 100 or over. Every age in a band gets the
same words, so the rewrite never leaks the exact age. Ages that are already ranges ("aged 16
to 18", "aged 65 and over", "18- to 24-year-olds") are not flagged, so generalised text is
not flagged again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from pipeline.risks.cue import Cue, match_case, words_before
from pipeline.risks.lexicon import (
    MONTHS_SHORT,
    NUMBER_WORD,
    NUMBER_WORDS,
    PLURAL_PERSON_NOUN_RE,
    words_to_int,
)
from pipeline.risks.model import AGE, BIRTH_YEAR
from pipeline.risks.scan import Entry

#: Exact ages from this one up are rare enough to single a person out.
EXTREME_AGE = 95

BANDS: tuple[tuple[int, int | None], ...] = (
    (0, 4), (5, 11), (12, 15), (16, 17), (18, 24), (25, 34), (35, 49), (50, 64), (65, 74),
    (75, 84), (85, 89), (90, 99), (100, None),
)

_NUM = rf"(?P<num>(?>\d{{1,3}}|{NUMBER_WORD}))"
_NOT_RANGE = (
    rf"(?![ \t]*(?:[-–+/\d]|[.,]\d|(?:to|and|or)[ \t]+(?:\d|{NUMBER_WORD}\b|over|above|under|"
    r"below|older|younger|upwards|more|less)|plus\b|%))"
)
_AGED = re.compile(
    rf"\b(?P<lead>[Aa]ged|[Aa]ge:?)[ \t]+{_NUM}"
    rf"(?:[ \t]+(?:years?|yrs?)(?![ \t-]+old)(?:[ \t]+of[ \t]+age)?)?+{_NOT_RANGE}(?![\w])"
)
_YEAR_OLD = re.compile(
    rf"(?:\b(?P<art>[Aa]n?)[ \t]+)?\b{_NUM}(?P<unit>[ \t-]*(?:year|yr)s?[ \t-]*old(?![\w-])"
    r"|[ \t]+years?[ \t]+of[ \t]+age\b)"
)
_COPULA = re.compile(
    r"(?:\b(?:[Ss]he|[Hh]e|[A-Z][a-z]+[ \t]+[A-Z]{1,2}|[A-Z]{2,}-[A-Z0-9]{4,})[ \t]+"
    r"|(?=\b[Ww]ho\b))"
    r"(?P<lead>(?:[Ww]ho[ \t]+)?(?:is|was|is[ \t]+now|was[ \t]+then|will[ \t]+be|has[ \t]+turned|"
    r"turned|turns|just[ \t]+turned|recently[ \t]+turned)|(?<=he)['’]s)"
    rf"[ \t]+{_NUM}(?=[ \t]*(?:[.,;:!?)]|$|\n|[ \t](?:and|but|in|on|at|with|when|this|last|next|so|"
    r"now|today|yesterday|who|after|before|since)\b|[ \t]years?\b(?![ \t-]+old)))",
    re.MULTILINE,
)
_LABELLED = re.compile(
    r"\b(?:[A-Z][a-z]+[ \t]+[A-Z]{1,2}|[A-Z]{2,}-[A-Z0-9]{4,}|(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+"
    r"[A-Z][a-z]+)(?:[ \t]*(?P<age>\((?P<num>\d{1,3})\))|,[ \t]+(?P<num2>\d{1,3})(?=,))"
)
_ORD_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_ORD_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
              "sixteenth", "seventeenth", "eighteenth", "nineteenth")
_ORD_TENS = ("twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
             "eightieth", "ninetieth")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ORDINALS: dict[str, int] = (
    {w: i + 1 for i, w in enumerate(_ORD_UNITS)}
    | {w: i + 10 for i, w in enumerate(_ORD_TEENS)}
    | {w: (i + 2) * 10 for i, w in enumerate(_ORD_TENS)}
    | {
        f"{tens}-{unit}": (i + 2) * 10 + j + 1
        for i, tens in enumerate(_TENS)
        for j, unit in enumerate(_ORD_UNITS)
    }
    | {"hundredth": 100, "one hundredth": 100}
)
_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th)")
_BIRTHDAY = re.compile(r"\b[Bb]irthday\b")
_TOKEN = re.compile(r"[\w-]+")
_CENTENARIAN = re.compile(r"\b(?:super)?centenarians?\b", re.IGNORECASE)
_BORN = re.compile(
    rf"(?:\b(?P<lead>[Bb]orn)|(?<![\w.])(?P<abbr>b\.))[ \t]+"
    r"(?P<where>(?:in|at)[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?,?[ \t]+)?(?:(?:on|in)[ \t]+)?"
    rf"(?P<day>(?:the[ \t]+)?\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?={MONTHS_SHORT}))?"
    rf"(?:{MONTHS_SHORT}[ \t]+(?:(?:of|in)[ \t]+)?)?(?P<numdate>\d{{1,2}}[/.-]\d{{1,2}}[/.-])?"
    r"(?P<year>(?:18|19|20)\d\d)(?![\w/])"
)
_YOB = re.compile(
    r"\b(?P<lead>(?:[Yy]ear[ \t]+of[ \t]+birth|YOB):?[ \t]+)(?P<year>(?:19|20)\d\d)\b"
)
Matches = Mapping[str, list[re.Match[str]]]
_NUMBER_ANCHORS = "# hundred " + " ".join(w for w in NUMBER_WORDS if w not in ("a", "hundred"))


def _entry(tag: str, regex: re.Pattern[str], anchors: str = "", back: int = 0) -> Entry:
    return Entry(tag, regex.pattern, regex.flags, frozenset(anchors.split()), back)


#: Patterns for :class:`pipeline.risks.scan.Scanner`, by family.
SCAN_FAMILIES: dict[str, list[Entry]] = {
    "ages": [
        _entry("aged", _AGED), _entry("labelled", _LABELLED, "#", 3),
        _entry("copula", _COPULA, _NUMBER_ANCHORS, 5),
        _entry("year_old", _YEAR_OLD), _entry("centenarian", _CENTENARIAN),
    ],
    "birthdays": [_entry("birthday", _BIRTHDAY)],
    "births": [_entry("born", _BORN), _entry("yob", _YOB)],
}

_NOT_BEFORE_AGE = frozenset(
    "over under than least most between from to and or about around approximately roughly "
    "aged".split()
)


def band(age: int) -> tuple[int, int | None]:
    """The band containing ``age``."""
    for low, high in BANDS:
        if high is None or age <= high:
            return low, high
    raise AssertionError("unreachable")


def band_words(age: int, form: str) -> str:
    """Band wording for ``form``: ``"aged"``, ``"years old"`` or ``"adjective"``."""
    low, high = band(age)
    if form == "adjective":
        return f"{low}-plus-year-old" if high is None else f"{low}- to {high}-year-old"
    if high is None:
        words = f"{low} or over" if form == "aged" else f"{low} or more"
    elif low == 0:
        words = f"under {high + 1}"
    else:
        words = f"{low} to {high}"
    return words if form == "aged" else f"{words} years old"


def article(words: str) -> str:
    """"a" or "an" before ``words`` as spoken (an 18-, an 85-, a 25-)."""
    digits = re.match(r"\d+", words)
    if digits:
        n = int(digits.group())
        return "an" if n in (8, 11, 18) or 80 <= n <= 89 else "a"
    return "an" if words[:1].lower() in "aeiou" else "a"


def _age_cue(start: int, end: int, age: int, replacement: str | None) -> Cue | None:
    if not 0 < age <= 120:
        return None
    return Cue(start, end, AGE, "exact age", age >= EXTREME_AGE, replacement=replacement)


def _previous_word(text: str, position: int) -> str:
    previous = words_before(text, position, 1)
    return previous[0].lower() if previous else ""


def _birthday(text: str, start: int, end: int) -> Cue | None:
    """An age from an ordinal before "birthday": "100th birthday", "ninetieth birthday"."""
    window = max(0, start - 40)
    tokens = [(m.start(), m.group().lower()) for m in _TOKEN.finditer(text, window, start)]
    for count in (2, 1):
        if len(tokens) < count:
            continue
        ordinal = " ".join(word for _, word in tokens[-count:])
        digits = _ORDINAL.fullmatch(ordinal)
        age = int(digits.group(1)) if digits else ORDINALS.get(ordinal)
        if age:
            return _age_cue(tokens[-count][0], end, age, None)
    return None


def find_ages(text: str, found: Matches) -> Iterator[Cue]:
    """Exact ages: "aged 102", "a 19-year-old", "who is 87", "Client A (87)", "100th birthday"."""
    for m in found.get("aged", ()):
        previous = words_before(text, m.start(), 1)
        if previous and PLURAL_PERSON_NOUN_RE.fullmatch(previous[0]):
            continue  # "learners aged 19": a cohort, not a person
        age = words_to_int(m.group("num"))
        words = f"{m.group('lead')} {band_words(age, 'aged')}"
        cue = _age_cue(m.start(), m.end(), age, words)
        if cue:
            yield cue
    for m in found.get("year_old", ()):
        if _previous_word(text, m.start()) in _NOT_BEFORE_AGE:
            continue
        age = words_to_int(m.group("num"))
        if m.group("art") or "years" not in m.group("unit").lower():
            adjective = band_words(age, "adjective")
            art = m.group("art")
            new = f"{match_case(art, article(adjective))} {adjective}" if art else adjective
        else:
            new = band_words(age, "years old")
        cue = _age_cue(m.start(), m.end(), age, match_case(m.group(), new))
        if cue:
            yield cue
    for m in found.get("copula", ()):
        age = words_to_int(m.group("num"))
        lead = m.group("lead")
        new = None if "turn" in lead else f"{lead} aged {band_words(age, 'aged')}"
        cue = _age_cue(m.start("lead"), m.end(), age, new)
        if cue:
            yield cue
    for m in found.get("labelled", ()):
        age = int(m.group("num") or m.group("num2"))
        inner = f"aged {band_words(age, 'aged')}"
        start = m.start("age") if m.group("num") else m.start("num2")
        cue = _age_cue(start, m.end(), age, f"({inner})" if m.group("num") else inner)
        if cue:
            yield cue
    for m in found.get("birthday", ()):
        cue = _birthday(text, m.start(), m.end())
        if cue:
            yield cue
    for m in found.get("centenarian", ()):
        yield Cue(m.start(), m.end(), AGE, "exact age", True)


def find_birth_dates(found: Matches) -> Iterator[Cue]:
    """Years and dates of birth: "born in 1941", "b. 1941", "born on 3 March 1941"."""
    for m in found.get("born", ()):
        decade = int(m.group("year")) // 10 * 10
        full = bool(m.group("day") or m.group("numdate"))
        lead = m.group("lead") or "born"
        new = match_case(lead, f"born {m.group('where') or ''}in the {decade}s")
        category = "date of birth" if full else "year of birth"
        yield Cue(m.start(), m.end(), BIRTH_YEAR, category, full, replacement=new)
    for m in found.get("yob", ()):
        decade = int(m.group("year")) // 10 * 10
        new = f"{m.group('lead')}{decade}s"
        yield Cue(m.start(), m.end(), BIRTH_YEAR, "year of birth", replacement=new)
