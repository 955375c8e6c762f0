"""PERSON names found as a known first name followed by a surname-like word.

spaCy's small model misses many full names it has not seen ("May Hollis", "Grace Obi"). A
first name from the gazetteer (``data/first_names.txt``) followed on the same line by a
capitalised word that is not a role, calendar or street word is reported as a name. First
names that are also English words ("May", "Grace", "Will") need the following word to be
tagged as a proper noun, so headings like "Will Power" stay untouched.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.address import ends_with_street_suffix
from recognizers.entities import PERSON
from recognizers.names import ROLE_WORDS, WORD_NAMES
from recognizers.proper import looks_proper
from recognizers.results import make_result

SCORE = 0.6
_PAIR = re.compile(
    r"(?<![\w'’-])([A-ZÀ-Þ][a-zà-ÿ'’-]+)[ \t]+((?:O['’]|Ma?c)?[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?)"
    r"(?![\w-])"
)


@cache
def _gazetteer() -> dict[str, str]:
    text = resources.files("recognizers").joinpath("data/first_names.txt").read_text("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, sex = line.partition("\t")
            table[name.strip()] = sex.strip() or "U"
    return table


@cache
def first_names() -> frozenset[str]:
    """The gazetteer of first names (title case)."""
    return frozenset(set(_gazetteer()) | {name.title() for name in WORD_NAMES})


def name_sex(first_name: str) -> str:
    """"F" or "M" when the sources list the name for one sex only, else "U" (unknown)."""
    return _gazetteer().get(first_name.title(), "U")


#: "Surname, First" at the start of a line or after a form label ("Room 13: Byrne, Oisin").
_INVERTED = re.compile(
    r"(?:^|(?<=:)|(?<=: )|(?<=- ))[ \t]*((?:O['’]|Ma?c)?[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?),"
    r"[ \t]+([A-ZÀ-Þ][a-zà-ÿ'’-]+)(?![\w-])",
    re.MULTILINE,
)
SCORE_SINGLE = 0.55
#: spaCy entity types under which a first-name-looking word is not a person ("Lincoln", "May").
_PLACE_LIKE = frozenset(
    "GPE LOC FAC DATE TIME EVENT PRODUCT WORK_OF_ART LAW LANGUAGE MONEY QUANTITY".split()
)


def _is_surname_like(word: str) -> bool:
    return word.casefold() not in ROLE_WORDS and not ends_with_street_suffix(word)


def find_inverted(text: str) -> list[tuple[int, int]]:
    """Spans of "Surname, First" names written surname first on form and list lines."""
    names = first_names()
    return [
        (m.start(1), m.end(2))
        for m in _INVERTED.finditer(text)
        if m.group(2) in names and m.group(2).casefold() not in WORD_NAMES
        and _is_surname_like(m.group(1)) and m.group(1) not in names
    ]


#: First names that are also well-known places: alone, they count as names only where spaCy
#: does not read them as a place ("Florence" in "moved to Florence"). spaCy's place and date
#: tags on other first names are ignored: it reads many names as places ("gave Siobhan time").
PLACE_NAMES = frozenset(
    "Adelaide Austin Brooklyn Carolina Chelsea Dallas Devon Florence Georgia India Israel "
    "Jordan Kent Lincoln Orlando Paris Phoenix Savannah Sierra Sydney Tyrone Victoria Virginia "
    "Washington Camden Clifton Preston Stanley Kingston Lorne Ireland Africa Asia America".split()
)
#: First names that, standing alone and capitalised, are more often adjectives or nouns
#: ("a Christian family", "a Norman church").
_ADJECTIVES = frozenset({"christian", "norman", "blessing"})


def find_singles(text: str, artifacts: NlpArtifacts | None) -> list[tuple[int, int]]:
    """Lone capitalised first names from the gazetteer ("gave Nicola time").

    Names that are also words ("Will", "Faith") are left to the other rules.
    """
    if artifacts is None or artifacts.tokens is None:
        return []
    names = first_names()
    return [
        (token.idx, token.idx + len(token.text))
        for token in artifacts.tokens
        if token.text in names and looks_proper(text, token.idx, token.idx + len(token.text))
        and token.text.casefold() not in WORD_NAMES | _ADJECTIVES
        and not (token.ent_type_ in _PLACE_LIKE and token.text in PLACE_NAMES)
    ]


def find_pairs(text: str, artifacts: NlpArtifacts | None = None) -> list[tuple[int, int]]:
    """Spans of ``First Surname`` pairs that look like names."""
    names = first_names()
    found = []
    for m in _PAIR.finditer(text):
        first, second = m.group(1), m.group(2)
        if first not in names or second.casefold() in ROLE_WORDS:
            continue
        if ends_with_street_suffix(second) or second in names and second.casefold() in WORD_NAMES:
            continue
        if first.casefold() in WORD_NAMES and not looks_proper(text, m.start(2), m.end(2)):
            continue
        found.append((m.start(), m.end()))
    return found


class FirstNameSurnameRecognizer(EntityRecognizer):
    """Known first name + surname (either order on form lines), or a lone known first name
    tagged as a proper noun → PERSON."""

    def __init__(self) -> None:
        super().__init__(supported_entities=[PERSON], name="first_name_surname.v1")

    def load(self) -> None:
        """Nothing to load: the gazetteer is read lazily."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Return a PERSON result for each first name + surname pair."""
        if PERSON not in entities:
            return []
        found = [(s, e, SCORE) for s, e in find_pairs(text, nlp_artifacts) + find_inverted(text)]
        found += [(s, e, SCORE_SINGLE) for s, e in find_singles(text, nlp_artifacts)]
        return [make_result(self, PERSON, (start, end), score) for start, end, score in found]


RECOGNIZERS = {"first_name_surname.v1": FirstNameSurnameRecognizer}
