"""UK street addresses: postcode-anchored address blocks and house-number + street-suffix lines.

Two rules, both case-sensitive (street and town names are capitalised):

* **Postcode-anchored** — from each postcode, extend left over up to five comma- or
  newline-separated parts that look like an address (town/county/locality, then a street with or
  without a house number, then a house name or ``Flat``/``Unit`` prefix). The span includes the
  postcode: ``Flat 2, 41 Kingsley Avenue, Acton, London W3 6QH``.
* **No postcode** — a house number (``9``, ``21a``, ``12-14``), one to three capitalised words and
  a UK street suffix (``9 Mill Lane``), with an optional ``Flat 3,`` prefix and a following
  ``, Town`` when that town ends the clause.

:func:`ends_with_street_suffix` helps the pipeline drop spaCy PERSON spans such as
"Harbour Road".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult

from recognizers.entities import ADDRESS
from recognizers.names import TITLES, is_role_word
from recognizers.postcode import find_postcodes, has_context
from recognizers.results import make_result

#: UK street suffixes, most frequent first (research note §5), Scottish and waterfront extras.
STREET_SUFFIXES: tuple[str, ...] = (
    "Road", "Close", "Lane", "Drive", "Avenue", "Way", "Street", "Court", "Gardens", "Place",
    "Crescent", "Grove", "Cottages", "Terrace", "Walk", "Mews", "Park", "Hill", "Green", "View",
    "Rise", "Square", "Estate", "Villas", "Croft", "Row", "Meadow", "Yard", "Gate", "End",
    "Bank", "Fold", "Mead", "Cottage", "Field", "Fields", "Mount", "Chase", "Centre", "Parade",
    "Garth", "Meadows", "Vale", "Wood", "Grange", "Path", "Orchard", "Common", "Heights",
    "Drove", "Cross", "Lea", "Wynd", "Brae", "Loan", "Vennel", "Quay", "Wharf", "Embankment",
    "Esplanade", "Promenade", "Approach", "Circus", "Boulevard", "Broadway", "Hollow", "Dale",
    "Glen", "Passage", "Alley", "Buildings", "Mansions",
)
#: Abbreviated suffixes (matched without a trailing full stop).
STREET_ABBREVIATIONS: tuple[str, ...] = (
    "Rd", "St", "Ln", "Ave", "Cl", "Cres", "Dr", "Gdns", "Ct", "Pl", "Gr", "Terr", "Tce", "Sq",
    "Pk", "Pde",
)
#: Suffixes that are never (or hardly ever) a surname, so a span ending in one is a street.
_UNAMBIGUOUS = frozenset(
    s.casefold()
    for s in (
        "Road", "Close", "Drive", "Avenue", "Street", "Gardens", "Crescent", "Cottages",
        "Terrace", "Mews", "Villas", "Estate", "Parade", "Heights", "Embankment", "Esplanade",
        "Promenade", "Boulevard", "Broadway", "Wynd", "Vennel", "Buildings", "Mansions",
        "Rd", "Ave", "Cres", "Gdns", "Terr", "Tce", "Sq", "Pde", "Ln",
    )
)
#: Common first words of street names, used when the suffix is also a surname ("Mill Lane").
STREET_NAME_WORDS = frozenset(
    """mill church station high park school manor victoria chapel bridge castle market orchard
    meadow north south east west new old main kings queens king's queen's london albert york
    windsor grange spring water well forest oak elm ash beech cedar birch willow abbey priory
    vicarage rectory farm brook river lake canal harbour quay sea beach cliff common heath moor
    valley glebe pound back front cross long broad upper lower middle top little great st saint
    cemetery hospital college garden pump cherry apple chestnut walnut laurel lime maple sycamore
    poplar pine larch primrose bluebell foxglove lavender woodland sandy stony hall court field
    fields meadows tithe barn dock ferry rope tan brewery gas railway""".split()
)
#: Words that end a house or building name ("Rose Cottage", "Oak House", "Mill Works"); names
#: ending in a word that is also a surname (Hall, Lodge, Grange…) need a leading "The".
HOUSE_WORDS: tuple[str, ...] = (
    "House", "Cottage", "Cottages", "Farm", "Farmhouse", "Barns", "Bungalow", "Rectory",
    "Vicarage", "Mansions", "Buildings", "Chambers", "Block", "Halls", "Centre", "Works", "Villa",
)
_THE_HOUSE_WORDS = ("Lodge", "Barn", "Court", "Hall", "Manor", "Mill", "Grange", "Tower", "Croft")

_SUFFIX = "|".join(sorted(STREET_SUFFIXES + STREET_ABBREVIATIONS, key=len, reverse=True))
_WORD = r"[A-Z](?:['’][A-Z])?[a-zà-ÿ'’]++(?:-[A-Za-z][a-zà-ÿ'’]*+)*+"
_TOWN_LINK = r"(?:upon|on|under|le|en|in|by|super|next|the|de|la|sur|St|St\.)"
_TOWN = rf"{_WORD}(?:[ \t-]+(?:{_TOWN_LINK}[ \t-]+)?{_WORD}){{0,3}}"
_HOUSE_NO = r"\d{1,4}[A-Za-z]?(?:[ ]?[-–/][ ]?\d{1,4}[A-Za-z]?)?"
_FLAT = (
    r"(?:(?:Flat|Apartment|Apt|Unit|Suite|Studio|Maisonette)\.?[ \t]+"
    r"(?:\d{1,4}[A-Za-z]?|[A-Z]\b))"
)
_STREET = rf"{_HOUSE_NO}[ \t]+(?:{_WORD}[ \t]+){{1,3}}(?:{_SUFFIX})(?![\w'’-])"
_NO_POSTCODE = re.compile(
    rf"(?<![\w./:£$€#-])(?:{_FLAT},?[ \t]+)?(?P<street>{_STREET})"
    rf"(?:,[ \t]*(?P<town>{_TOWN}))?"
)
#: Words before a number that make it a level, page, unit title, age… rather than a house.
_NOT_HOUSE_BEFORE = re.compile(
    r"\b(?:level|page|p|section|step|stage|module|chapter|table|figure|fig|week|day|year|grade|"
    r"band|question|q|part|criteria|criterion|outcome|lo|ac|act|regulation|paragraph|para|"
    r"appendix|session|lesson|activity|task|unit|room|bed|ward|no|number|aged?|score|scale|"
    r"version|v|entry|key\s+stage|ks|of|x|about|around|approximately|only|just|over|under)"
    r"\.?[ \t]*$",
    re.IGNORECASE,
)

# Shapes of the parts of a postcode-anchored address (checked against whole, stripped parts).
_PART_FLAT = re.compile(rf"{_FLAT}")
_PART_STREET = re.compile(rf"(?:{_FLAT},?[ \t]+)?{_HOUSE_NO}[ \t]+(?:{_WORD}[ \t]+){{0,4}}{_WORD}")
_PART_HOUSE = re.compile(
    rf"(?:The[ \t]+)?(?:{_WORD}[ \t]+){{0,3}}(?:{'|'.join(HOUSE_WORDS)})"
    rf"|The[ \t]+(?:{_WORD}[ \t]+){{0,3}}(?:{'|'.join(_THE_HOUSE_WORDS)})"
)
_PART_TOWN = re.compile(_TOWN)
_SEPARATOR = re.compile(r"[ \t]*(?:,[ \t]*(?:\r?\n)?|\r?\n)[ \t]*")
_STREET_TAIL = re.compile(rf"(?:{_FLAT},?[ \t]+)?{_STREET}[ \t]*\Z")
_FLAT_TAIL = re.compile(rf"(?<![\w'’-]){_FLAT}[ \t]*\Z")
_TOWN_TAIL = re.compile(rf"(?<![\w'’-]){_TOWN}[ \t]*\Z")
_TOWN_END = re.compile(r"[ \t]*(?:\Z|[,.;:)\]!?]|\r?\n)")

SCORE_ANCHORED = 0.85
SCORE_ANCHORED_TOWN_ONLY = 0.65
SCORE_STREET = 0.7
SCORE_STREET_TOWN = 0.75
CONTEXT_BOOST = 0.15
_MAX_PARTS = 5


@dataclass(frozen=True, slots=True)
class AddressMatch:
    """One address span found in a text."""

    start: int
    end: int
    score: float
    rule: str


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'’.-]*", text)


def ends_with_street_suffix(text: str) -> bool:
    """Whether ``text`` reads as a street name ("Harbour Road", "Mill Lane", "9 Park View").

    Suffixes that are also common surnames (Lane, Hill, Green, Wood, Park…) count only after a
    typical street word, a house number or "The"; a span starting with a title ("Mrs Green")
    never counts.
    """
    words = [w.strip(".'’-") for w in _words(text)]
    words = [w for w in words if w]
    if not words or words[0].casefold() in TITLES:
        return False
    last = words[-1].casefold()
    if last in _UNAMBIGUOUS:
        return True
    if last not in {s.casefold() for s in STREET_SUFFIXES + STREET_ABBREVIATIONS}:
        return False
    if len(words) < 2:
        return False
    return (
        words[-2].casefold() in STREET_NAME_WORDS
        or words[0] == "The"
        or text.lstrip()[:1].isdigit()
    )


_NOT_TOWN = frozenset(
    "the a an i he she they we it this that these those there here his her their our my your "
    "and but or so then when if as at in on to by for from with".split()
)


def _not_a_place(text: str) -> bool:
    """Whether a capitalised run starts like a sentence, a title or is only role words."""
    words = text.split()
    if len(words) > 1 and words[0] == "The":  # "The Green", "The Old Rectory"
        words = words[1:]
    first = words[0].casefold().rstrip(".")
    return first in TITLES or first in _NOT_TOWN or is_role_word(" ".join(words))


def _parts_before(text: str, end: int, limit: int = 300) -> list[tuple[int, int, str]]:
    """Parts of ``text[:end]`` split at commas/newlines, nearest first: (start, end, separator)."""
    window_start = max(0, end - limit)
    chunk = text[window_start:end]
    parts: list[tuple[int, int, str]] = []
    cursor = len(chunk)
    separators = list(_SEPARATOR.finditer(chunk))
    for sep in reversed(separators):
        parts.append((window_start + sep.end(), window_start + cursor, sep.group()))
        cursor = sep.start()
    parts.append((window_start, window_start + cursor, ""))
    return parts


def _anchored(text: str, pc_start: int, pc_end: int) -> AddressMatch | None:
    """Extend left from a postcode over address-like parts; None if nothing address-like."""
    street_start: int | None = None
    town_start: int | None = None  # leftmost town part reached through commas only
    comma_chain = True
    parts = 0
    for index, (p_start, p_end, separator) in enumerate(_parts_before(text, pc_start)):
        piece = text[p_start:p_end]
        stripped = piece.strip()
        if index == 0 and not stripped:
            continue  # postcode on its own line or straight after a comma
        if not stripped or parts >= _MAX_PARTS:
            break
        found_street = street_start is not None
        lead = p_start + len(piece) - len(piece.lstrip())
        place = not _not_a_place(stripped)
        if _PART_FLAT.fullmatch(stripped):
            street_start = lead
        elif place and (
            _PART_HOUSE.fullmatch(stripped)
            or _PART_STREET.fullmatch(stripped)
            or (_PART_TOWN.fullmatch(stripped) and ends_with_street_suffix(stripped))
        ):
            street_start = lead
        elif place and not found_street and _PART_TOWN.fullmatch(stripped):
            if comma_chain:
                town_start = lead
        else:
            tail = _STREET_TAIL.search(piece) or _FLAT_TAIL.search(piece)
            if tail is None and not found_street and comma_chain:
                town = _TOWN_TAIL.search(piece)
                if town and not _not_a_place(town.group()):
                    town_start = p_start + town.start()
            elif tail is not None and not _not_a_place(tail.group()):
                street_start = p_start + tail.start()
            break
        # A town part joined to the next one by a bare line break is only kept when a street
        # follows further up: a lone line above a town is more often a name than a place.
        comma_chain = comma_chain and "," in separator
        parts += 1
    if street_start is not None:
        return AddressMatch(street_start, pc_end, SCORE_ANCHORED, "postcode-anchored")
    if town_start is not None:
        return AddressMatch(town_start, pc_end, SCORE_ANCHORED_TOWN_ONLY, "postcode-anchored")
    return None


def _streets(text: str) -> list[AddressMatch]:
    found: list[AddressMatch] = []
    for m in _NO_POSTCODE.finditer(text):
        street = m.group("street")
        if _NOT_HOUSE_BEFORE.search(text[max(0, m.start("street") - 20) : m.start("street")]):
            continue
        if is_role_word(street.split(None, 1)[1]):
            continue
        end, score = m.end("street"), SCORE_STREET
        town = m.group("town")
        if town and _TOWN_END.match(text, m.end("town")) and not _not_a_place(town):
            end, score = m.end("town"), SCORE_STREET_TOWN
        if has_context(text, m.start(), end):
            score += CONTEXT_BOOST
        found.append(AddressMatch(m.start(), end, round(score, 2), "house number + street"))
    return found


def find_addresses(text: str) -> list[AddressMatch]:
    """Find UK addresses in ``text``; spans do not overlap and are sorted by position."""
    anchored = [
        a
        for p in find_postcodes(text)
        if (a := _anchored(text, p.start, p.end)) is not None
    ]
    covered = bytearray(len(text))
    for a in anchored:
        covered[a.start : a.end] = b"\x01" * (a.end - a.start)
    streets = [s for s in _streets(text) if 1 not in covered[s.start : s.end]]
    return sorted(anchored + streets, key=lambda a: (a.start, a.end))


class UkAddressRecognizer(EntityRecognizer):
    """Presidio recognizer for UK street addresses (see the module docstring for the rules)."""

    def __init__(self, name: str = "uk_address.v1") -> None:
        super().__init__(supported_entities=[ADDRESS], name=name, version="1")

    def load(self) -> None:
        """Nothing to load: the recognizer is pure regex."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: object = None
    ) -> list[RecognizerResult]:
        """Return one result per address span in ``text``."""
        if entities and ADDRESS not in entities:
            return []
        results = []
        for match in find_addresses(text):
            results.append(make_result(
                self, ADDRESS, (match.start, match.end), match.score,
                rule=match.rule, explanation=f"UK address rule: {match.rule}",
            ))
        return results


RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "uk_address.v1": UkAddressRecognizer,
}
