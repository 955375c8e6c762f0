"""Profile one ``anonymise run`` with cProfile and summarise where the time goes."""

from __future__ import annotations

import pstats
import sys
from collections import defaultdict
from pathlib import Path

from bench.speed import run_cli, supports

_SPACY = "spaCy / thinc (NER, tagger, tokenizer)"
_GROUPS = (
    ("spacy", _SPACY), ("thinc", _SPACY),
    ("presidio_analyzer", "Presidio analyzer"), ("presidio_anonymizer", "Presidio anonymizer"),
    ("recognizers/", "our recognizers"), ("pipeline/formats", "our readers/writers"),
    ("pipeline/", "our pipeline core"), ("docx/", "python-docx"), ("pypdf", "pypdf"),
    ("reportlab", "reportlab"), ("lxml", "lxml"), ("phonenumbers", "phonenumbers"),
    ("tldextract", "tldextract"), ("importlib", "imports"), ("<frozen", "imports"),
    ("numpy", "numpy"), ("re/", "regex engine"), ("{built-in method _sre", "regex engine"),
    ("{method 'finditer'", "regex engine"), ("{method 'search'", "regex engine"),
    ("{method 'match'", "regex engine"), ("{method 'sub'", "regex engine"),
)


def _group(filename: str, func: str) -> str:
    key = f"{filename}:{func}"
    for needle, name in _GROUPS:
        if needle in key:
            return name
    return "other (stdlib, builtins)"


Rows = list[tuple[str, float, float, int]]


def profile_cli(inputs: Path, out: Path, work: Path, docs: int, words: int,
                top: int = 15) -> tuple[Rows, list[tuple[str, float]]]:
    """Run the CLI under cProfile in one process; return top functions and per-package shares."""
    prof = work / "profile.out"
    extra = ["--workers", "1"] if supports("--workers") else []
    run_cli(inputs, out, docs, words, extra=extra, log=work / "profile.log",
            prefix=[sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "pipeline"])
    if not prof.exists():
        return [], []
    stats = pstats.Stats(str(prof))
    raw = stats.stats  # type: ignore[attr-defined]
    groups: dict[str, float] = defaultdict(float)
    rows = []
    for (filename, line, func), (_cc, ncalls, tottime, cumtime, _callers) in raw.items():
        groups[_group(filename, func)] += tottime
        short = filename.split("site-packages/")[-1].split("/work/main/")[-1]
        rows.append((f"{short}:{line}({func})", tottime, cumtime, ncalls))
    total = sum(groups.values()) or 1.0
    shares = sorted(((g, t / total) for g, t in groups.items()), key=lambda x: -x[1])
    rows.sort(key=lambda r: -r[1])
    return rows[:top], shares
