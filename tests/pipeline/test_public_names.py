"""Tests for the names and dates that the strict policy keeps because they identify nobody."""

from __future__ import annotations

import pytest

from pipeline.public_names import is_entry_into_force, is_public_name


@pytest.mark.parametrize(
    "surface",
    [
        "the Supreme Administrative Court", "Court", "the Court of Appeal’s",
        "the Ministry of Foreign Affairs", "the Fourth Section of the Court",
        "the 5th Chamber of the Supreme Court", "the Principal Public Prosecutor",
        "the European Commission of Human Rights", "Government", "Regional",
        "the Children Act", "Children Act 1989", "Protocol No. 11", "the Civil Procedure Rules",
        "inter alia", "THE FACTS", "PROCEDURE",
    ],
)
def test_public_bodies_laws_and_boilerplate_are_public(surface: str) -> None:
    assert is_public_name(surface)


@pytest.mark.parametrize(
    "surface",
    [
        "the Exampleton Crown Court", "Kirklees Council", "Exampleton Labour Court",
        "Oakfield College", "Jane Roe", "the Ruritanian Government", "Republic of Ruritania",
        "PKK", "NHS", "an act", "Exampleton",
    ],
)
def test_local_bodies_places_and_people_are_not(surface: str) -> None:
    assert not is_public_name(surface)


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("The Act entered into force on 1 May 2004.", "1 May 2004", True),
        ("It was sent to the Court on 1 November 1998, when Protocol No. 11 came into force.",
         "1 November 1998", True),
        ("The law came into force on 3 June 2001; she was dismissed on 4 June 2001.",
         "4 June 2001", False),
        ("On 2 March 2003 the applicant was arrested.", "2 March 2003", False),
        ("She was dismissed on 2 May 2005 under an Act which came into force in 2004.", "2 May 2005",
         False),
        ("On 2 March 2003 she moved, and in 2004 the new rules came into force.", "2 March 2003",
         False),
    ],
)
def test_entry_into_force(text: str, date: str, expected: bool) -> None:
    start = text.index(date)
    assert is_entry_into_force(text, start, start + len(date)) is expected
