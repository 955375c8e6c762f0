"""The synthetic corpus: determinism, gold spans that slice to valid values, rendering."""

from __future__ import annotations

import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from stdnum.gb import upn as stdnum_upn

from bench import corpus, gold, identifiers, metrics
from bench.names import ALL_TITLES
from bench.outputs import find_output, read_output_text


def _nhs_ok(value: str) -> bool:
    digits = [int(c) for c in re.sub(r"\D", "", value)]
    return len(digits) == 10 and sum(d * (10 - i) for i, d in enumerate(digits)) % 11 == 0


def _uln_ok(value: str) -> bool:
    digits = [int(c) for c in value]
    return len(digits) == 10 and sum(d * (10 - i) for i, d in enumerate(digits)) % 11 == 10


_DRAMA = ("07700900", "0207946", "01632960", "02890180", "02920180",
          *(f"0{area}496" for area in (113, 114, 115, 116, 117, 118, 121, 131, 141, 151, 161,
                                        191)))


def _national(phone: str) -> str:
    """The number in national form: +44 (0)7700 … and +44 7700 … both become 07700 …"""
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("440"):
        return digits[2:]
    return "0" + digits[2:] if digits.startswith("44") else digits


_NINO = re.compile(r"^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$")
_POSTCODE = re.compile(r"^[A-PR-UWYZ][A-HK-Y]?\d{1,2} \d[ABD-HJLNP-UW-Z]{2}$")


@pytest.fixture(scope="module")
def docs() -> list[gold.GoldDoc]:
    return corpus.generate(seed=123, n_docs=60)


def test_generate_same_seed_same_corpus() -> None:
    assert corpus.generate(5, 20) == corpus.generate(5, 20)


def test_generate_other_seed_other_corpus() -> None:
    assert [d.text for d in corpus.generate(5, 5)] != [d.text for d in corpus.generate(6, 5)]


def test_generate_sizes_formats_and_cases(docs: list[gold.GoldDoc]) -> None:
    assert len(docs) == 60
    assert {d.format for d in docs} == {"txt", "docx", "pdf"}
    assert len({d.doc_id for d in docs}) == 60
    assert 10 <= len({d.scope for d in docs}) <= 20  # 3–6 documents per case
    assert all(d.hidden == () for d in docs if d.format == "txt")


def test_gold_spans_are_sorted_disjoint_and_in_bounds(docs: list[gold.GoldDoc]) -> None:
    for doc in docs:
        previous = 0
        for span in doc.spans:
            assert previous <= span.start < span.end <= len(doc.text)
            assert doc.span_text(span) == doc.span_text(span).strip()
            previous = span.end


_CHECKS = {
    gold.NHS: _nhs_ok,
    gold.ULN: _uln_ok,
    gold.UPN: stdnum_upn.is_valid,
    gold.NINO: lambda v: bool(_NINO.match(v.replace(" ", "").upper())),
    gold.POSTCODE: lambda v: bool(_POSTCODE.match(v)),
    gold.EMAIL: lambda v: re.fullmatch(r"[a-z0-9.\-]+@([a-z]+\.)*example\.[a-z.]+", v) is not None,
    gold.PHONE: lambda v: _national(v).startswith(_DRAMA),
    gold.DOB: lambda v: re.search(r"(19|20)\d\d$", v) is not None,
    gold.ADDRESS: lambda v: re.match(r"^(Flat|Apartment|\d)", v) is not None,
}


def test_gold_spans_slice_to_valid_values(docs: list[gold.GoldDoc]) -> None:
    seen = set()
    for doc in docs:
        for span in doc.spans:
            value = doc.span_text(span)
            seen.add(span.entity)
            if span.entity == gold.PERSON:
                assert span.person.startswith(doc.scope + ":")
                words = [w for w in value.replace(",", " ").split() if w not in ALL_TITLES]
                assert words and all(w[0].isupper() or w.islower() for w in words), value
            else:
                assert _CHECKS[span.entity](value), (span.entity, value)
    assert seen == set(gold.GOLD_TYPES)


def test_person_clusters_recur_with_several_surface_forms(docs: list[gold.GoldDoc]) -> None:
    forms: dict[str, set[str]] = {}
    for doc in docs:
        for span in doc.spans:
            if span.entity == gold.PERSON:
                forms.setdefault(span.person, set()).add(doc.span_text(span))
    assert max(len(f) for f in forms.values()) >= 4
    all_forms = {f for fs in forms.values() for f in fs}
    assert any(f.isupper() for f in all_forms) and any(f.islower() for f in all_forms)
    assert any(f.split()[0] in ALL_TITLES for f in all_forms)


def test_phrases_are_in_the_text(docs: list[gold.GoldDoc]) -> None:
    for doc in docs:
        for phrase in doc.phrases:
            assert phrase in doc.text


@pytest.mark.parametrize("make, check", [
    (identifiers.nhs_number, _nhs_ok),
    (identifiers.uln, _uln_ok),
    (identifiers.upn, stdnum_upn.is_valid),
    (identifiers.nino, lambda v: bool(_NINO.match(v))),
])
def test_identifier_generators_give_valid_values(
    make: Callable[[random.Random], str], check: Callable[[str], bool]
) -> None:
    rng = random.Random(1)
    values = [make(rng) for _ in range(300)]
    assert all(check(v) for v in values)
    # the checker can fail: altering the last character breaks every value
    altered = [v[:-1] + ("1" if v[-1] != "1" else "2") for v in values[:50]]
    if make is not identifiers.nino:
        assert not any(check(v) for v in altered)


def test_build_renders_files_whose_text_holds_every_probe(tmp_path: Path) -> None:
    built = corpus.build(tmp_path, seed=9, n_docs=6)
    assert (tmp_path / "manifest.json").exists()
    for doc in built:
        path = find_output(tmp_path / "docs", doc.relative)
        assert path is not None and path.suffix == "." + doc.format
        text = read_output_text(path)
        # the unanonymised file leaks every probe, and loses no phrase
        assert metrics.leaks(doc, text) == metrics.probes(doc)
        assert metrics.phrases_lost(doc, text) == []
    assert corpus.build(tmp_path, seed=9, n_docs=6) == built  # cached and identical


def test_docx_carries_names_in_header_footer_comments_and_properties(tmp_path: Path) -> None:
    built = corpus.build(tmp_path, seed=9, n_docs=3)
    doc = next(d for d in built if d.format == "docx")
    client, writer = doc.hidden
    with zipfile.ZipFile(tmp_path / "docs" / doc.relative) as package:
        parts = {name: package.read(name).decode("utf-8") for name in package.namelist()
                 if name.endswith(".xml")}
    assert client in "".join(v for k, v in parts.items() if "header" in k)
    assert writer in "".join(v for k, v in parts.items() if "footer" in k)
    assert writer in parts["docProps/core.xml"]
    assert client in "".join(v for k, v in parts.items() if "comments" in k)


def test_build_refuses_to_overwrite_a_folder_that_is_not_a_corpus(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(ValueError, match="not overwriting"):
        corpus.build(tmp_path, seed=9, n_docs=2)
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_build_replaces_a_corpus_built_with_other_parameters(tmp_path: Path) -> None:
    corpus.build(tmp_path, seed=9, n_docs=2)
    stale = tmp_path / "first2"
    stale.mkdir()
    rebuilt = corpus.build(tmp_path, seed=10, n_docs=2)
    assert not stale.exists()
    assert [d.text for d in rebuilt] == [d.text for d in corpus.generate(10, 2)]
