"""Synthetic-corpus metrics on tiny hand-made documents with known answers."""

from __future__ import annotations

import pytest

from bench import metrics
from bench.gold import GoldDoc, GoldSpan
from bench.metrics import Count, Probe, SysSpan

TEXT = ("Mrs Okafor met Will at 14 Station Road, Leeds LS6 2QD. Will's NHS number is "
        "999 000 0018. I will check the Mental Capacity Act 2005 with May on 3 May 2024.")


def _at(needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def _gold(*extra: GoldSpan, hidden: tuple[str, ...] = ()) -> GoldDoc:
    spans = [
        GoldSpan(*_at("Mrs Okafor"), "PERSON", "c:M"),
        GoldSpan(*_at("Will"), "PERSON", "c:W"),
        GoldSpan(*_at("14 Station Road, Leeds"), "ADDRESS"),
        GoldSpan(*_at("LS6 2QD"), "UK_POSTCODE"),
        GoldSpan(*_at("Will", 1), "PERSON", "c:W"),
        GoldSpan(*_at("999 000 0018"), "UK_NHS"),
        GoldSpan(*_at("May"), "PERSON", "c:Y"),
        *extra,
    ]
    return GoldDoc("d1", "c", "casenote", "txt", TEXT, tuple(sorted(spans)),
                   ("Mental Capacity Act 2005",), hidden)


def _sys(needle: str, entity: str = "PERSON", label: str = "", occurrence: int = 0) -> SysSpan:
    return SysSpan(*_at(needle, occurrence), entity, label)


def _replace(spans: list[SysSpan], text: str = TEXT) -> str:
    out, cursor = [], 0
    for s in sorted(spans):
        out += [text[cursor : s.start], "[X]"]
        cursor = s.end
    return "".join(out) + text[cursor:]


@pytest.mark.parametrize(
    "needle, occurrence, masked, expected",
    [
        ("Mrs Okafor", 0, [("Okafor", 0)], True),  # the title need not be hidden
        ("Mrs Okafor", 0, [("Okaf", 0)], False),
        ("Will's", 0, [("Will", 1)], True),  # possessive "s" forgiven
        ("Will's", 0, [("Will", 0)], False),  # the other "Will" masked, not this one
        ("999 000 0018", 0, [("999 000", 0)], False),
        ("999 000 0018", 0, [("999 000 0018", 0)], True),
    ],
)
def test_is_covered_forgives_titles_and_possessive_s(
    needle: str, occurrence: int, masked: list[tuple[str, int]], expected: bool
) -> None:
    offsets = metrics.masked_offsets([_at(m, n) for m, n in masked])
    assert metrics.is_covered(TEXT, *_at(needle, occurrence), offsets) is expected


def test_recall_by_entity_counts_fully_covered_spans() -> None:
    preds = {"d1": [_sys("Okafor"), _sys("Will"), _sys("999 000 0018", "UK_NHS"),
                    _sys("14 Station Road", "ADDRESS")]}
    recall = metrics.recall_by_entity([_gold()], preds)
    assert recall["PERSON"] == Count(2, 4)  # second "Will" and "May" missed
    assert recall["ADDRESS"] == Count(0, 1)  # "Leeds" left
    assert recall["UK_NHS"] == Count(1, 1)
    assert recall["ALL"] == Count(3, 7)


def test_precision_by_entity_and_token_precision() -> None:
    preds = {"d1": [_sys("Okafor"), _sys("Mental Capacity Act", "ORGANIZATION"),
                    _sys("3 May 2024", "DATE_TIME")]}
    precision = metrics.precision_by_entity([_gold()], preds)
    assert precision["PERSON"] == Count(1, 1)
    assert precision["ORGANIZATION"] == Count(0, 1)
    assert precision["ALL"] == Count(1, 3)
    # tokens: Okafor (gold) + Mental, Capacity, Act + 3, May, 2024 -> 1 of 7
    assert metrics.token_precision([_gold()], preds) == Count(1, 7)


def test_probes_use_name_words_street_and_whole_identifiers() -> None:
    found = metrics.probes(_gold(hidden=("Ngozi Okafor",)))
    assert Probe("PERSON", "Okafor") in found
    assert Probe("PERSON", "Ngozi") in found
    assert Probe("PERSON", "Mrs") not in found
    assert Probe("ADDRESS", "Station Road") in found
    assert Probe("UK_NHS", "999 000 0018") in found


def test_leaks_none_when_everything_replaced() -> None:
    doc = _gold()
    output = _replace([SysSpan(s.start, s.end, s.entity) for s in doc.spans])
    assert metrics.leaks(doc, output) == []


def test_leaks_found_for_surviving_values() -> None:
    doc = _gold()
    kept = {"Okafor", "999 000 0018"}
    spans = [SysSpan(s.start, s.end, s.entity) for s in doc.spans
             if not any(k in doc.span_text(s) for k in kept)]
    leaked = metrics.leaks(doc, _replace(spans))
    assert leaked == [Probe("PERSON", "Okafor"), Probe("UK_NHS", "999 000 0018")]


def test_leaks_word_names_are_case_sensitive_and_count_based() -> None:
    doc = _gold()
    spans = [SysSpan(s.start, s.end, s.entity) for s in doc.spans]
    output = _replace(spans)
    # "will" (verb) and the month "May" survive legitimately: no leak.
    assert "will" in output and "3 May 2024" in output
    assert metrics.leaks(doc, output) == []
    # the person May kept: one more "May" than the input has outside gold spans.
    spans_without_may = [s for s in spans if doc.text[s.start : s.end] != "May"]
    assert metrics.leaks(doc, _replace(spans_without_may)) == [Probe("PERSON", "May")]


def test_leaks_include_hidden_names_and_tolerate_line_breaks() -> None:
    doc = _gold(hidden=("Ngozi Okafor",))
    spans = [SysSpan(s.start, s.end, s.entity) for s in doc.spans]
    assert metrics.leaks(doc, _replace(spans) + "\nAuthor: Ngozi") == [Probe("PERSON", "Ngozi")]
    output = _replace([s for s in spans if s.entity != "UK_NHS"]).replace("999 000", "999\n000")
    assert metrics.leaks(doc, output) == [Probe("UK_NHS", "999 000 0018")]


def test_leak_rate_counts_probes_and_documents() -> None:
    doc = _gold()
    spans = [SysSpan(s.start, s.end, s.entity) for s in doc.spans if s.entity != "UK_POSTCODE"]
    rate = metrics.leak_rate([doc], {"d1": _replace(spans)})
    assert rate["UK_POSTCODE"] == Count(1, 1)
    assert rate["PERSON"] == Count(0, 3)  # Okafor, Will, May
    assert rate["DOCS"] == Count(1, 1)


def test_phrases_lost_and_over_redaction() -> None:
    doc = _gold()
    assert metrics.phrases_lost(doc, TEXT) == []
    damaged = TEXT.replace("Mental Capacity Act 2005", "Mental Capacity Act [DATE]")
    assert metrics.phrases_lost(doc, damaged) == ["Mental Capacity Act 2005"]
    assert metrics.over_redaction([doc], {"d1": damaged}) == Count(1, 1)
    assert metrics.over_redaction([doc], {"d1": TEXT}) == Count(0, 1)


def _two_docs() -> list[GoldDoc]:
    first = _gold()
    second = GoldDoc("d2", "c", "casenote", "txt", TEXT, first.spans, (), ())
    other_case = GoldDoc("d3", "other", "casenote", "txt", TEXT, first.spans, (), ())
    return [first, second, other_case]


def _labelled(doc: GoldDoc, labels: dict[str, str]) -> list[SysSpan]:
    return [SysSpan(s.start, s.end, "PERSON", labels[s.person])
            for s in doc.spans if s.entity == "PERSON"]


def test_label_consistency_all_consistent_across_documents_and_cases() -> None:
    docs = _two_docs()
    labels = {"c:M": "Client A", "c:W": "Client B", "c:Y": "Client C"}
    preds = {d.doc_id: _labelled(d, labels) for d in docs}
    result = metrics.label_consistency(docs, preds)
    # the same labels reused in another case are not a merge
    assert result == metrics.Consistency(persons=6, split=0, merged=0, consistent=6)
    assert result.ratio == 1.0


def test_label_consistency_detects_split_and_merged_people() -> None:
    docs = _two_docs()[:2]
    preds = {"d1": _labelled(docs[0], {"c:M": "Client A", "c:W": "Client B", "c:Y": "Client B"}),
             "d2": _labelled(docs[1], {"c:M": "Client D", "c:W": "Client B", "c:Y": "Client C"})}
    result = metrics.label_consistency(docs, preds)
    # M: two labels (split); W and Y share "Client B" (merged); Y also split.
    assert result.split == 2
    assert result.merged == 2
    assert result.consistent == 0
    assert result.persons == 3
