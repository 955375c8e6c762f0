"""Fuzzing: mutated Word and PDF files never crash, hang or leave partial output.

``read`` must return a document or raise an :class:`InputError`; when it returns, ``write``
must either write the file or raise an :class:`AnonymiseError` and leave nothing behind.
Bounded: about 100 examples per test, each well under a second.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from formats.builders import annotated_pdf, formatted_docx
from formats.everywhere import everywhere_docx
from pipeline.errors import AnonymiseError, InputError
from pipeline.formats import ReadOptions
from pipeline.formats import docx as docx_format
from pipeline.formats import pdf as pdf_format
from pipeline.model import Edit

FUZZ = settings(max_examples=100, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@cache
def _seed(kind: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seed"
        {"everywhere": everywhere_docx, "formatted": formatted_docx,
         "pdf": annotated_pdf_seed}[kind](path)
        return path.read_bytes()


def annotated_pdf_seed(path: Path) -> Path:
    return annotated_pdf(path, "Philippa Quenby")


# --- mutation strategies -------------------------------------------------------------------------

_OPS = st.lists(
    st.tuples(st.sampled_from(["flip", "insert", "delete", "truncate"]),
              st.floats(0, 1, allow_nan=False), st.binary(min_size=1, max_size=8)),
    min_size=1, max_size=4,
)


def _mutate(data: bytes, ops: list[tuple[str, float, bytes]]) -> bytes:
    buf = bytearray(data)
    for op, where, payload in ops:
        at = min(int(where * len(buf)), max(len(buf) - 1, 0))
        if op == "flip" and buf:
            buf[at] ^= payload[0] or 0xFF
        elif op == "insert":
            buf[at:at] = payload
        elif op == "delete":
            del buf[at : at + len(payload)]
        elif op == "truncate":
            del buf[at:]
    return bytes(buf)


@st.composite
def rezipped(draw: st.DrawFn, seed: str) -> bytes:
    """A valid zip whose one entry's content is mutated (reaches the XML and image code)."""
    source = zipfile.ZipFile(io.BytesIO(_seed(seed)))
    names = source.namelist()
    victim = draw(st.sampled_from(names))
    ops = draw(_OPS)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in names:
            data = source.read(name)
            zf.writestr(name, _mutate(data, ops) if name == victim else data)
    return out.getvalue()


# --- the property ---------------------------------------------------------------------------------

def _check(module, data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"in{suffix}"
        source.write_bytes(data)
        try:
            document = module.read(source, ReadOptions(drop_unsupported=True))
        except InputError:
            return
        edits = {s.index: (Edit(0, min(3, len(s.text)), "X"),) for s in document.segments
                 if s.text}
        target = Path(folder) / f"out{suffix}"
        try:
            module.write(source, document, edits, target, ReadOptions(drop_unsupported=True))
        except AnonymiseError:
            assert not target.exists()
            return
        assert target.stat().st_size > 0


@pytest.mark.timeout(120)
@FUZZ
@given(ops=_OPS, seed=st.sampled_from(["everywhere", "formatted"]))
def test_fuzz_docx_byte_mutations(ops, seed):
    _check(docx_format, _mutate(_seed(seed), ops), ".docx")


@pytest.mark.timeout(120)
@FUZZ
@given(data=st.one_of(rezipped("everywhere"), rezipped("formatted")))
def test_fuzz_docx_entry_mutations(data):
    _check(docx_format, data, ".docx")


@pytest.mark.timeout(120)
@FUZZ
@given(ops=_OPS)
def test_fuzz_pdf_byte_mutations(ops):
    _check(pdf_format, _mutate(_seed("pdf"), ops), ".pdf")


def test_fuzz_seeds_are_readable():
    # the negative control: unmutated seeds read and write cleanly
    for seed, module, suffix in (("everywhere", docx_format, ".docx"),
                                 ("formatted", docx_format, ".docx"), ("pdf", pdf_format, ".pdf")):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"in{suffix}"
            path.write_bytes(_seed(seed))
            assert module.read(path).segments
        _check(module, _seed(seed), suffix)
