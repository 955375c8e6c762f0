from __future__ import annotations

import re

import pytest

from recognizers.gazetteer import find_pairs, first_names


def _found(text: str, artifacts=None) -> list[str]:
    return [text[s:e] for s, e in find_pairs(text, artifacts)]

@pytest.mark.parametrize(
    "text, expected",
    [
        ("Room 7 - Amara Obi", ["Amara Obi"]),
        ("Spoke to Arthur Pennington today.", ["Arthur Pennington"]),
        ("Visited by Siobhan McAllister-Reid", ["Siobhan McAllister-Reid"]),
        ("Aisha O'Connor called.", ["Aisha O'Connor"]),
        # A name that is also a word, at the start of a line, before a surname.
        ("Will Tucker came in.", ["Will Tucker"]),
        ("Notes:\nMay Gibson, 14 March", ["May Gibson"]),
    ],
)
def test_first_name_and_surname_found(text, expected):
    assert _found(text) == expected

@pytest.mark.parametrize(
    "text",
    [
        "Susan Learner signed it",  # role word after the first name
        "Arthur Road was closed",  # street suffix
        "Will you see Tom",  # a word-name before a lower-case word
        "susan smith in lower case is left to other rules",
    ],
)
def test_not_a_name_pair(text):
    assert _found(text) == []

@pytest.mark.slow
def test_word_name_needs_a_proper_noun_after_it(detector):

    engine = detector._analyzer.nlp_engine
    text = "Room 5 - May Hollis"
    artifacts = engine.process_text(text, "en")
    assert _found(text, artifacts) == ["May Hollis"]

def test_gazetteer_has_word_names_and_common_names():
    names = first_names()
    assert {"May", "Grace", "Arthur", "Siobhan", "Aisha"} <= names
    assert "Learner" not in names


@pytest.mark.parametrize(
    "text, expected",
    [("Name of learner: Moran, Ricky\nULN: 1", ["Moran, Ricky"]),
     ("Room 13: Okonkwo, Angela, DOB 27-03-1984", ["Okonkwo, Angela"]),
     ("Staff: Emma, Sarah and Tom", []),
     ("Yesterday, Sarah said hello", []),
     ("Learner, Sarah", [])],
)
def test_surname_first_names_on_form_lines(text, expected):
    from recognizers.gazetteer import find_inverted

    assert [text[s:e] for s, e in find_inverted(text)] == expected


@pytest.mark.slow
def test_lone_known_first_name_tagged_as_proper_noun(detector):
    from recognizers.gazetteer import find_singles

    engine = detector._analyzer.nlp_engine
    text = "The nurse gave Nicola time to choose."
    artifacts = engine.process_text(text, "en")
    assert [text[s:e] for s, e in find_singles(text, artifacts)] == ["Nicola"]


def _tagged(text: str, ent_types: dict[str, str]):
    from types import SimpleNamespace

    tokens = [SimpleNamespace(idx=m.start(), text=m.group(), ent_type_=ent_types.get(m.group(), ""))
              for m in re.finditer(r"\w+|[^\w\s]", text)]
    return SimpleNamespace(tokens=tokens)


@pytest.mark.parametrize(
    "text, tags, expected",
    [
        ("and gave Siobhan time", {"Siobhan": "GPE"}, ["Siobhan"]),  # spaCy misreads a name
        ("she moved to Florence", {"Florence": "GPE"}, []),  # a first name that is a place
        ("she moved to Florence", {}, ["Florence"]),
    ],
)
def test_single_first_names_and_place_tags(text, tags, expected):
    from recognizers.gazetteer import find_singles

    assert [text[s:e] for s, e in find_singles(text, _tagged(text, tags))] == expected
