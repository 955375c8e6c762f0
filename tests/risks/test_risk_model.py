from __future__ import annotations

import json

import pytest

from pipeline.risks import RiskFlag


def _flag(**changes):
    values = dict(kind="age", severity="medium", start=10, end=18, quote="aged 102",
                  reason="An exact age.", suggestion="Use a band.", replacement="aged 100 or over")
    values.update(changes)
    return RiskFlag(**values)


def test_risk_flag_to_dict_is_json_ready_with_every_field():
    data = _flag().to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data == {
        "kind": "age", "category": "", "severity": "medium", "start": 10, "end": 18,
        "quote": "aged 102", "reason": "An exact age.", "suggestion": "Use a band.",
        "replacement": "aged 100 or over",
    }


def test_risk_flag_repr_hides_quote_and_replacement():
    text = repr(_flag(quote="aged 103", replacement="aged 100 or over"))
    assert "103" not in text and "100 or over" not in text
    assert "age" in text and "medium" in text


@pytest.mark.parametrize(
    "changes",
    [{"kind": "name"}, {"severity": "critical"}, {"start": 18}, {"start": -1},
     {"quote": "aged 1020"}],
)
def test_risk_flag_rejects_invalid_values(changes):
    with pytest.raises(ValueError):
        _flag(**changes)


def test_risk_flag_is_frozen():
    with pytest.raises(AttributeError):
        _flag().severity = "low"  # type: ignore[misc]
