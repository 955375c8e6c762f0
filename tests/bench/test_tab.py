"""TAB loader and metrics on tiny hand-made documents with known answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import tab

TEXT = "Mr John Smith of the Ministry of Justice, no. 36110/97, lived in Leeds in 1999."


def _at(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


@pytest.mark.parametrize(
    "mention, masked, expected",
    [
        ("Mr John Smith", ["John Smith"], True),  # title forgiven
        ("Mr John Smith", ["John"], False),  # surname visible
        ("Mr John Smith", ["John Smit"], False),  # one character visible
        ("the Ministry of Justice", ["Ministry", "Justice"], True),  # determiner, preposition
        ("the Ministry of Justice", ["Ministry"], False),
        ("no. 36110/97", ["36110", "97"], True),  # "no", ".", "/" and space forgiven
        ("no. 36110/97", ["36110"], False),
        ("Leeds", [], False),
        ("Leeds", ["Leeds"], True),
    ],
)
def test_is_mention_masked_follows_tab_rules(mention: str, masked: list[str],
                                             expected: bool) -> None:
    start, end = _at(mention)
    offsets = tab.masked_set([_at(m) for m in masked])
    assert tab.is_mention_masked(TEXT, start, end, offsets) is expected


def _mention(eid: str, needle: str, kind: str, etype: str = "PERSON",
             occurrence: int = 0) -> dict[str, object]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(needle, start + 1)
    return {"entity_id": eid, "entity_type": etype, "identifier_type": kind,
            "start_offset": start, "end_offset": start + len(needle), "span_text": needle,
            "entity_mention_id": f"{eid}_{start}"}


def _doc(mentions: list[dict[str, object]], tmp_path: Path) -> tab.TabDoc:
    path = tmp_path / "tab.json"
    path.write_text(json.dumps([{"doc_id": "d1", "text": TEXT, "dataset_type": "dev",
                                 "annotations": {"a1": {"entity_mentions": mentions}}}]))
    return tab.load(path)[0]


def test_load_groups_mentions_into_entities(tmp_path: Path) -> None:
    doc = _doc([_mention("e1", "John Smith", "DIRECT"), _mention("e2", "Leeds", "QUASI", "LOC"),
                _mention("e1", "Smith", "DIRECT")], tmp_path)
    by_id = {e.entity_id: e for e in doc.entities}
    assert len(by_id["e1"].mentions) == 2
    assert by_id["e1"].is_direct and by_id["e1"].need_masking
    assert not by_id["e2"].is_direct and by_id["e2"].need_masking
    assert doc.annotators == {"a1"}


def test_entity_needs_masking_when_mentions_disagree(tmp_path: Path) -> None:
    doc = _doc([_mention("e1", "Leeds", "NO_MASK", "LOC"), _mention("e1", "1999", "QUASI")],
               tmp_path)
    (entity,) = doc.entities
    assert entity.need_masking and not entity.is_direct
    assert entity.mention_masking == (False, True)


def test_no_mask_entity_is_ignored(tmp_path: Path) -> None:
    doc = _doc([_mention("e1", "Leeds", "NO_MASK", "LOC")], tmp_path)
    scores = tab.score([doc], {"d1": []})
    assert scores.direct_entities == 0 and scores.quasi_entities == 0


def test_score_entity_recall_needs_every_mention(tmp_path: Path) -> None:
    doc = _doc([_mention("e1", "John Smith", "DIRECT"), _mention("e2", "Leeds", "QUASI", "LOC"),
                _mention("e2", "1999", "QUASI", "DATETIME"),
                _mention("e3", "36110/97", "DIRECT", "CODE")], tmp_path)
    # John Smith masked; only one of Leeds' two mentions masked; the case code not masked.
    scores = tab.score([doc], {"d1": [_at("John Smith"), _at("Leeds")]})
    assert scores.er_di == pytest.approx(1 / 2)
    assert scores.er_qi == 0.0
    # tokens: John, Smith, Leeds, 1999, 36110, 97 -> 3 of 6 masked
    assert scores.token_recall == pytest.approx(3 / 6)
    assert scores.token_precision == 1.0


def test_score_mention_level_no_mask_is_forgiven_for_entity_recall(tmp_path: Path) -> None:
    doc = _doc([_mention("e1", "Leeds", "QUASI", "LOC"), _mention("e1", "1999", "NO_MASK")],
               tmp_path)
    scores = tab.score([doc], {"d1": [_at("Leeds")]})
    assert scores.er_qi == 1.0
    # token recall still counts every mention of a masked entity (as TAB's script does)
    assert scores.token_recall == pytest.approx(1 / 2)


def test_score_token_precision_counts_masked_tokens_outside_gold(tmp_path: Path) -> None:
    doc = _doc([_mention("e1", "John Smith", "DIRECT")], tmp_path)
    # masks "Mr John Smith of the Ministry": 6 tokens, 2 inside the gold mention
    span = (0, TEXT.index("Ministry") + len("Ministry"))
    scores = tab.score([doc], {"d1": [span]})
    assert scores.token_precision == pytest.approx(2 / 6)
    assert scores.er_di == 1.0


def test_score_nothing_masked_gives_zero(tmp_path: Path) -> None:
    doc = _doc([_mention("e1", "John Smith", "DIRECT")], tmp_path)
    scores = tab.score([doc], {})
    assert scores.er_di == 0.0 and scores.token_recall == 0.0 and scores.token_precision == 0.0


def test_missed_mentions_lists_unmasked_mentions_only(tmp_path: Path) -> None:
    doc = _doc([_mention("e1", "John Smith", "DIRECT"), _mention("e2", "Leeds", "QUASI", "LOC")],
               tmp_path)
    missed = tab.missed_mentions(doc, [_at("John Smith")])
    assert missed == [("LOC", "QUASI", *_at("Leeds"))]
