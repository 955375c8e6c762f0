from __future__ import annotations

import pytest

from pipeline.strategy import LabelStrategy, label_suffix, normalise_value


@pytest.mark.parametrize(
    "n, expected",
    [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (52, "BA"), (701, "ZZ"),
     (702, "AAA")],
)
def test_label_suffix_sequence(n, expected):
    assert label_suffix(n) == expected


def test_label_strategy_orders_by_first_request_and_is_stable():
    s = LabelStrategy("Learner")
    assert s.person("margaret o'neill") == "Learner A"
    assert s.person("daniel") == "Learner B"
    assert s.person("margaret o'neill") == "Learner A"


def test_label_strategy_placeholders():
    s = LabelStrategy()
    assert s.entity("UK_POSTCODE", "W3 6QH") == "[POSTCODE]"
    assert s.entity("UK_NHS", "999 000 0018") == "[NHS NUMBER]"
    assert s.entity("SOMETHING_NEW", "x") == "[SOMETHING NEW]"


@pytest.mark.parametrize(
    "entity, a, b",
    [("UK_NHS", "943 476 5919", "9434765919"), ("UK_NINO", "ab-12-34-56-c", "AB 12 34 56 C"),
     ("PERSON", "Margaret  O'Neill", "margaret o'neill")],
)
def test_normalise_value_matches_variants(entity, a, b):
    assert normalise_value(entity, a) == normalise_value(entity, b)
