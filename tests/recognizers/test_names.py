"""Tests for the rule-based PERSON recognizer and the name helpers."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from recognizers import names
from recognizers.entities import PERSON
from recognizers.names import ROLE_WORDS, TITLES, WORD_NAMES, is_role_word, strip_title


@pytest.fixture(scope="module")
def recognizer() -> names.PersonRuleRecognizer:
    return names.RECOGNIZERS["person_rules.v1"]()


def _found(recognizer: names.PersonRuleRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=[PERSON], nlp_artifacts=None)
    return [text[r.start : r.end] for r in sorted(results, key=lambda r: r.start) if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles: the span includes the title
        ("Mrs Patel arrived at ten.", ["Mrs Patel"]),
        ("Spoke with Mr Wood and Miss Hughes.", ["Mr Wood", "Miss Hughes"]),
        ("Dr K. Thompson said the dressing was fine.", ["Dr K. Thompson"]),
        ("Mrs. Nowak-Clarke visited", ["Mrs. Nowak-Clarke"]),
        ("Mr McDonald and Ms O'Brien", ["Mr McDonald", "Ms O'Brien"]),
        ("Mx Ayla Brook-Hughes", ["Mx Ayla Brook-Hughes"]),
        ("Prof J. R. Okafor", ["Prof J. R. Okafor"]),
        ("MRS PATEL", ["MRS PATEL"]),
        ("Mrs Patel's daughter", ["Mrs Patel"]),  # never the possessive
        ("Mr Wood on Monday", ["Mr Wood"]),
        ("Mr May and Dr Will Hope", ["Mr May", "Dr Will Hope"]),  # word-names after a title
        # form labels, any case, up to a comma, bracket, line end or next label
        ("Learner: Siobhan O'Brien, Level 2", ["Siobhan O'Brien"]),
        ("Client: margaret o'neill", ["margaret o'neill"]),
        ("Learner name: SIOBHAN O'BRIEN (Year 2)", ["SIOBHAN O'BRIEN"]),
        ("Service user: Aisha Begum\nDate: 1/2/2024", ["Aisha Begum"]),
        ("Name: Ayla Brook DOB: 01/01/1990", ["Ayla Brook"]),
        ("Next of kin: Daniel Okafor (son)", ["Daniel Okafor"]),
        ("  * **Key worker:** Tom Ashby", ["Tom Ashby"]),
        ("Date: 3/4/24  Assessor: Priya Shah", ["Priya Shah"]),
        ("Client: Mrs Patel (aged 82)", ["Mrs Patel"]),
        ("Client: Ayla de Souza", ["Ayla de Souza"]),
        ("Client: Margaret o'neill", ["Margaret o'neill"]),
        # relational cues
        ("She was visited by her son Daniel yesterday.", ["Daniel"]),
        ("I supported my client Margaret with lunch.", ["Margaret"]),
        ("Her daughter Margaret's flat", ["Margaret"]),
        ("my key worker, Tom Ashby, helped", ["Tom Ashby"]),
        ("Dear Margaret,\nThank you", ["Margaret"]),
        ("Dear Mrs Patel,", ["Mrs Patel"]),
        ("Dear Will,", ["Will"]),
        ("Then Aisha said she was tired.", ["Aisha"]),
    ],
)
def test_names_found(
    recognizer: names.PersonRuleRecognizer, text: str, expected: list[str]
) -> None:
    assert _found(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Learner:",
        "Learner:\nMargaret",  # the label's value is on its own line
        "Dear Sir,",
        "Dear Sir or Madam,",
        "Dear All,",
        "Level 2 Certificate",
        "Parkinson's disease",
        "I miss Margaret's cooking",  # "miss" is no title in lower case
        "Client: not known",
        "Parent: none",
        "Client: Client A",  # already anonymised text stays untouched
        "Client A said",
        "She said it was fine.",
        "The Manager said no.",
        "Staff reported a fall.",
        "my client, who",
        "12 Oak Dr Leeds",  # Drive, not Doctor
        "Mr",
        "Client: will",  # a lone word-name in lower case is a verb
        "Manager: Please ensure cleaning",  # a sentence, not a name
        "Carer: went shopping",
        "Breakfast refused.",
        "Incident reported at 3pm.",
    ],
)
def test_names_not_found(recognizer: names.PersonRuleRecognizer, text: str) -> None:
    assert _found(recognizer, text) == []


@pytest.mark.parametrize(
    ("text", "minimum", "maximum"),
    [
        ("Mrs Patel", 0.85, 1.0),
        ("Client: Ayla Brook", 0.85, 1.0),
        ("her son Daniel", 0.6, 0.8),
        ("Aisha said", 0.5, 0.8),
    ],
)
def test_names_scores(
    recognizer: names.PersonRuleRecognizer, text: str, minimum: float, maximum: float
) -> None:
    (result,) = recognizer.analyze(text, entities=[PERSON], nlp_artifacts=None)
    assert minimum <= result.score <= maximum


def test_names_inner_spans_give_way_to_the_stronger_one(
    recognizer: names.PersonRuleRecognizer,
) -> None:
    text = "Dr K. Thompson said so"
    assert _found(recognizer, text) == ["Dr K. Thompson"]


def test_names_other_entities_are_ignored(recognizer: names.PersonRuleRecognizer) -> None:
    assert recognizer.analyze("Mrs Patel", entities=["ADDRESS"], nlp_artifacts=None) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mrs Patel", "Patel"),
        ("Dr. K. Thompson", "K. Thompson"),
        ("prof dr Okafor", "Okafor"),
        ("MISS HUGHES", "HUGHES"),
        ("Missy Hughes", "Missy Hughes"),
        ("Margaret", "Margaret"),
        ("Mr", ""),
    ],
)
def test_strip_title(name: str, expected: str) -> None:
    assert strip_title(name) == expected


def test_titles_cover_the_usual_forms() -> None:
    assert {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "sir", "dame"} <= TITLES
    assert all(t == t.lower() for t in TITLES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Learner", True),
        ("Attendance", True),
        ("Assessor", True),
        ("Key Worker", True),
        ("Service User", True),
        ("Manager", True),
        ("Monday", True),
        ("Learner:", True),
        ("Manager's", True),
        ("", True),
        ("Margaret", False),
        ("Grace", False),
        ("Key Worker Daniel", False),
        ("Unit 204", False),
        ("Harbour Road", False),
    ],
)
def test_is_role_word(text: str, expected: bool) -> None:
    assert is_role_word(text) is expected


def test_word_names_hold_the_ambiguous_first_names() -> None:
    required = "may bill will grace hope rose faith joy mark frank sue pat dawn robin max".split()
    assert set(required) <= WORD_NAMES
    assert "margaret" not in WORD_NAMES
    assert all(w == w.lower() for w in WORD_NAMES)


def test_word_names_are_never_role_words() -> None:
    assert not WORD_NAMES & ROLE_WORDS


@pytest.mark.slow
def test_names_through_the_analyzer(
    analyzer: object, find: Callable[[object, str, str], list[str]]
) -> None:
    text = "Client: margaret o'neill\nDear Sir,\nMr Wood visited her son Daniel."
    assert find(analyzer, text, PERSON) == ["margaret o'neill", "Mr Wood", "Daniel"]
