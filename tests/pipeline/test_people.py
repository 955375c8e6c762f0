"""Person linking: one person, one label, whatever the form of the mention."""

from __future__ import annotations

import pytest

from pipeline.model import Detection
from pipeline.people import PeopleBook, Person, link_people, name_tokens


def _person(text: str, *names: str) -> list[Detection]:
    """PERSON detections for the first occurrence of each name."""
    out = []
    for name in names:
        i = text.index(name)
        out.append(Detection(i, i + len(name), "PERSON", 0.85))
    return out


def _groups(text: str, mentions) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    for m in mentions:
        groups.setdefault(m.person.key, set()).add(text[m.start : m.end])
    return groups


@pytest.mark.parametrize(
    "surface, tokens",
    [("Mrs Patel", ("patel",)), ("Margaret's", ("margaret",)), ("Dr K. Thompson", ("thompson",)),
     ("MARGARET O’NEILL", ("margaret", "o'neill")), ("  Daniel, ", ("daniel",))],
)
def test_name_tokens_normalise(surface, tokens):
    assert name_tokens(surface) == tokens


def test_aliases_join_one_person():
    text = ("Margaret O'Neill moved in on Monday. Mrs O'Neill likes tea. "
            "I helped margaret with lunch and MARGARET'S daughter visited. Margaret's room is tidy.")
    mentions = link_people(text, _person(text, "Margaret O'Neill"))
    groups = _groups(text, mentions)
    assert list(groups) == ["margaret o'neill"]
    assert groups["margaret o'neill"] == {
        "Margaret O'Neill", "Mrs O'Neill", "margaret", "MARGARET", "Margaret"}


def test_title_is_inside_the_span_and_possessive_outside():
    text = "Mrs Patel said Patel's keys were lost."
    mentions = link_people(text, _person(text, "Patel"))
    spans = [text[m.start : m.end] for m in mentions]
    assert spans == ["Mrs Patel", "Patel"]


def test_two_people_sharing_a_surname_stay_apart():
    text = "John Smith and Mary Smith came. John was late; Mary was early."
    mentions = link_people(text, _person(text, "John Smith", "Mary Smith"))
    groups = _groups(text, mentions)
    assert groups == {"john smith": {"John Smith", "John"}, "mary smith": {"Mary Smith", "Mary"}}


def test_name_split_across_a_line_is_one_mention():
    text = "Handover: Margaret\nO'Neill ate well. Later Margaret O'Neill slept."
    i = text.index("Margaret O'Neill")
    mentions = link_people(text, [Detection(i, i + 16, "PERSON")])
    assert any(text[m.start : m.end] == "Margaret\nO'Neill" for m in mentions)
    assert len({m.person.key for m in mentions}) == 1


@pytest.mark.parametrize("word_use", ["we will visit", "she may go", "with grace", "a rose garden"])
def test_lowercase_word_names_are_not_propagated(word_use):
    name = {"will": "Will Jones", "may": "May Green", "grace": "Grace Obi", "rose": "Rose Ali"}
    first = next(k for k in name if k in word_use.split())
    text = f"{name[first]} arrived. Later {word_use} today."
    mentions = link_people(text, _person(text, name[first]))
    found = [text[m.start : m.end] for m in mentions]
    assert found == [name[first]]


def test_people_book_links_across_documents():
    book = PeopleBook()
    full = Person(("margaret", "o'neill"))
    assert book.key_for(full, "portfolio") == "margaret o'neill"
    # A lone first name in the same portfolio is the same person…
    assert book.key_for(Person(("margaret",)), "portfolio") == "margaret o'neill"
    # …but not in an unrelated folder.
    assert book.key_for(Person(("margaret",)), "other") != "margaret o'neill"
    # A full name seen later links to a lone name seen earlier in that folder.
    assert book.key_for(Person(("daniel",)), "portfolio") == book.key_for(
        Person(("daniel", "o'neill")), "portfolio")


def test_mentions_never_overlap():
    text = "Dr Amir Khan met Amir and KHAN."
    mentions = link_people(text, _person(text, "Amir Khan", "Amir"))
    spans = sorted((m.start, m.end) for m in mentions)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert {text[s:e] for s, e in spans} == {"Dr Amir Khan", "Amir", "KHAN"}


def test_month_that_is_a_name_is_kept_in_dates():
    text = "Date: 14 May 2026. May Hollis slept well; May 3rd was busy. Staff noticed may is tired."
    i = text.index("May Hollis")
    mentions = link_people(text, [Detection(i, i + 10, "PERSON")])
    found = [(text[m.start : m.end], m.start) for m in mentions]
    assert [f for f, _ in found] == ["May Hollis", "may"]


def test_adjacent_mentions_join_but_not_across_a_heading_line():
    text = "Room 3 - Arthur Pennington\nArthur slept. His daughter Susan\nPennington rang."
    dets = _person(text, "Arthur", "Susan\nPennington")
    groups = _groups(text, link_people(text, dets))
    assert groups == {"arthur pennington": {"Arthur Pennington", "Arthur"},
                      "susan pennington": {"Susan\nPennington"}}


def test_title_sex_picks_the_right_relative():
    text = ("Margaret O'Neill lives alone. Her son Daniel O'Neill rang. "
            "I asked Mrs O'Neill what she wanted, then phoned Mr O'Neill.")
    dets = _person(text, "Margaret O'Neill", "Daniel O'Neill")
    groups = _groups(text, link_people(text, dets))
    assert groups == {"margaret o'neill": {"Margaret O'Neill", "Mrs O'Neill"},
                      "daniel o'neill": {"Daniel O'Neill", "Mr O'Neill"}}


def test_lower_case_title_word_is_not_a_title():
    text = "I miss Margaret Example. Miss Example smiled."
    mentions = link_people(text, _person(text, "Margaret Example"))
    assert [text[m.start : m.end] for m in mentions] == ["Margaret Example", "Miss Example"]


def test_known_people_from_earlier_documents_are_found():
    text = "Antony was cheerful today and ate well."
    mentions = link_people(text, [], known=[Person(("antony", "sharp"))])
    assert [(text[m.start : m.end], m.person.tokens) for m in mentions] == [("Antony", ("antony",))]
    book = PeopleBook()
    assert book.key_for(Person(("antony", "sharp")), "case1") == "antony sharp"
    assert book.known("case1") == (Person(("antony", "sharp")),)
    assert book.key_for(Person(("antony",)), "case1") == "antony sharp"


def test_initial_before_a_surname_is_part_of_the_mention():
    text = "Rukhsana Iqbal moved in. R. Iqbal's partner visited."
    mentions = link_people(text, _person(text, "Rukhsana Iqbal"))
    assert [text[m.start : m.end] for m in mentions] == ["Rukhsana Iqbal", "R. Iqbal"]


def test_book_gives_one_key_to_full_names_with_the_same_words():
    book = PeopleBook()
    ricky = book.key_for(Person(("ricky", "moran")), "case")
    assert book.key_for(Person(("moran", "ricky")), "case") == ricky  # "Moran, Ricky"
    mary = book.key_for(Person(("mary", "ann", "smith")), "case")
    assert book.key_for(Person(("mary", "smith")), "case") == mary
    # Two people whose names share a word stay apart, and so does an ambiguous short form.
    assert book.key_for(Person(("ruth", "moran")), "case") != ricky
    book.key_for(Person(("john", "smith")), "case")
    assert book.key_for(Person(("smith", "jones")), "case") not in {mary, ricky}
    assert book.key_for(Person(("ricky", "moran")), "other") == ricky  # full names: run-wide


def test_a_title_that_fits_no_one_of_that_surname_is_another_person():
    text = "Daniel MacLeod arrived early. Miss MacLeod came later with Daniel."
    mentions = link_people(text, _person(text, "Daniel MacLeod", "Miss MacLeod"))
    groups = _groups(text, mentions)
    assert groups["daniel macleod"] == {"Daniel MacLeod", "Daniel"}
    assert groups["macleod"] == {"Miss MacLeod"}
