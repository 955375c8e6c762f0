"""Planning the documents of one folder together: one person, one label across documents."""

from __future__ import annotations

from pathlib import Path

from pipeline.config import Settings
from pipeline.detect import Analysis
from pipeline.model import Detection, Document
from pipeline.people import PeopleBook
from pipeline.portfolio import learn_names, plan_one
from pipeline.strategy import LabelStrategy


def _analysed(text: str, *names: str) -> tuple[Document, Analysis]:
    document = Document.from_parts(Path("<text>"), "text", [("text", "text", text)])
    detections = []
    for name in names:
        i = text.index(name)
        detections.append(Detection(i, i + len(name), "PERSON", 0.85))
    return document, Analysis(tuple(detections))


def _labels(group, learn: bool) -> list[str]:
    settings, book, strategy = Settings(), PeopleBook(), LabelStrategy("Client")
    if learn:
        learn_names(group, "case", settings, book)
    return [plan_one(doc, analysis, "case", settings, strategy, book).plan.apply(doc.text)
            for doc, analysis in group]


GROUP = [
    _analysed("Ellis and Mr Young met at the centre.", "Ellis", "Young"),
    _analysed("Witness statement about Ellis Young.", "Ellis Young"),
]


def test_first_name_and_surname_met_apart_before_the_full_name_get_one_label():
    assert _labels(GROUP, learn=True) == [
        "Client A and Client A met at the centre.",
        "Witness statement about Client A.",
    ]


def test_without_the_first_pass_the_same_person_is_split():
    # What learn_names fixes: planned one at a time, the first document sees two people.
    first, second = _labels(GROUP, learn=False)
    assert first == "Client A and Client B met at the centre."


def test_two_people_sharing_a_surname_are_not_merged_through_a_lone_surname():
    group = [
        _analysed("Mr Hollins was calm.", "Hollins"),
        _analysed("Ellis Hollins and Ruth Hollins visited.", "Ellis Hollins", "Ruth Hollins"),
    ]
    assert _labels(group, learn=True) == ["Client A was calm.", "Client B and Client C visited."]
    # Without the first pass both full names took the lone surname's label.
    assert _labels(group, learn=False)[1] == "Client A and Client A visited."
