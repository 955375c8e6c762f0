"""Apply the safe rewrites attached to risk flags (``anonymise run --generalise``).

Only flags that carry a ``replacement`` are applied: exact ages become age bands ("aged 102"
→ "aged 100 or over", "a 19-year-old" → "an 18- to 24-year-old") and years or dates of birth
become decades ("born in 1941" → "born in the 1940s"). Everything else needs a person's
judgement, so it is reported but left alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.model import Edit, apply_edits
from pipeline.risks.model import RiskFlag


def generalise(text: str, flags: Iterable[RiskFlag]) -> tuple[str, tuple[Edit, ...]]:
    """Rewrite ``text`` with the safe replacements of ``flags``.

    Args:
        text: the text the flags were found in (offsets index it).
        flags: flags from :func:`pipeline.risks.detect.find_risks` on ``text``.

    Returns:
        The rewritten text and the edits applied, sorted, in ``text`` coordinates.

    Raises:
        ValueError: a flag does not match ``text`` (it came from another text).
    """
    edits: list[Edit] = []
    cursor = 0
    for flag in sorted(flags, key=lambda f: (f.start, f.end)):
        if text[flag.start : flag.end] != flag.quote:
            raise ValueError(f"risk flag at {flag.start}..{flag.end} does not match the text")
        if flag.replacement is None or flag.start < cursor:
            continue
        edits.append(Edit(flag.start, flag.end, flag.replacement))
        cursor = flag.end
    return apply_edits(text, edits), tuple(edits)
