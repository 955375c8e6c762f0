"""Profile one ``anonymise run`` with cProfile and summarise where the time goes."""

from __future__ import annotations

import pstats
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench.speed import run_cli, supports

_SPACY = "spaCy / thinc (NER, tagger, tokenizer)"
_REGEX_RUN = "regex matching (C, any caller)"
_GROUPS = (
    ("spacy", _SPACY), ("thinc", _SPACY),
    ("presidio_analyzer", "Presidio analyzer"), ("presidio_anonymizer", "Presidio anonymizer"),
    ("recognizers/", "our recognizers"), ("pipeline/formats", "our readers/writers"),
    ("pipeline/", "our pipeline core"), ("docx/", "python-docx"), ("pypdf", "pypdf"),
    ("lxml", "lxml"), ("phonenumbers", "phonenumbers"), ("tldextract", "tldextract"),
    ("importlib", "imports"), ("<frozen", "imports"), ("numpy", "numpy"),
    ("/re/_", "regex compiling (re.compile)"), ("/re/__init__", "regex compiling (re.compile)"),
    ("site-packages/regex/", "regex compiling (regex module)"),
    ("of 're.Pattern' objects", _REGEX_RUN), ("of '_regex.Pattern' objects", _REGEX_RUN),
)
#: Our own code: the functions worth listing by cumulative time.
_OURS = ("/pipeline/", "/recognizers/", "/keys/")

Row = tuple[str, float, float, int]


@dataclass(frozen=True)
class Profile:
    """Own time by package, top functions by own time, and our functions by cumulative time."""

    groups: list[tuple[str, float]] = field(default_factory=list)
    top_own: list[Row] = field(default_factory=list)
    top_ours: list[Row] = field(default_factory=list)
    total_s: float = 0.0


def group_of(filename: str, func: str) -> str:
    """The package (or kind of work) a profiled function belongs to."""
    key = f"{filename}:{func}"
    for needle, name in _GROUPS:
        if needle in key:
            return name
    return "other (stdlib, builtins)"


def _short(filename: str, line: int, func: str) -> str:
    name = filename.split("site-packages/")[-1].split("/work/main/")[-1]
    if "/lib/python3" in name:
        name = name.split("/lib/")[-1]
    return f"{name}:{line}({func})" if name != "~" else func


def summarise(path: Path, top: int = 15) -> Profile:
    """Summarise a cProfile output file."""
    raw = pstats.Stats(str(path)).stats  # type: ignore[attr-defined]
    groups: dict[str, float] = defaultdict(float)
    rows: list[tuple[Row, bool]] = []
    for (filename, line, func), (_cc, ncalls, tottime, cumtime, _callers) in raw.items():
        groups[group_of(filename, func)] += tottime
        ours = any(part in filename for part in _OURS) and "site-packages" not in filename
        rows.append(((_short(filename, line, func), tottime, cumtime, ncalls), ours))
    total = sum(groups.values()) or 1.0
    shares = sorted(((g, t / total) for g, t in groups.items()), key=lambda x: -x[1])
    own = sorted((r for r, _ in rows), key=lambda r: -r[1])[:top]
    ours_rows = sorted((r for r, o in rows if o and not r[0].endswith("(<module>)")),
                       key=lambda r: -r[2])[:top]
    return Profile(shares, own, ours_rows, total)


def profile_cli(inputs: Path, out: Path, work: Path, docs: int, words: int) -> Profile:
    """Run the CLI under cProfile in one process and summarise it."""
    prof = work / "profile.out"
    prof.unlink(missing_ok=True)
    extra = ["--workers", "1"] if supports("--workers") else []
    run_cli(inputs, out, docs, words, extra=extra, log=work / "profile.log",
            prefix=[sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "pipeline"])
    return summarise(prof) if prof.exists() else Profile()
