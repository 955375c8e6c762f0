"""Names after a title that the always-on title rule cannot read (strict policy only).

The title rule of :mod:`recognizers.names` reads names written in Latin-1 letters of up to three
words ("Mrs Patel", "Dr K. Thompson"). Case law names people from every country: "Mr Oğuz
Köseoğlu", "Ms Czesława Nowak", "Mr C.-H. Lindqvist", "Mr Ahmet Ali Kaya Demir".
:class:`TitledNameRecognizer` reports a title followed by up to two initials and one to four
capitalised words in any alphabet, but only when the rule of :mod:`recognizers.names` could not
have read it whole: a letter outside Latin-1, a hyphenated initial, or four words.

It is registered in ``STRICT_RECOGNIZERS`` and reports its own type, :data:`STRICT_PERSON`, which
only the strict policy reads (as a ``PERSON``), so that the default policy's output does not
change even when ``keep_dates = false`` turns the strict recognizers on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from recognizers.results import SpanRecognizer, text_only

if TYPE_CHECKING:
    from collections.abc import Callable

    from presidio_analyzer import EntityRecognizer

STRICT_PERSON = "STRICT_PERSON"

_TITLE = r"(?:Professor|Prof|Dame|Miss|Mrs|Sir|Mr|Ms|Mx|Dr)"
_PART = r"\p{Lu}[\p{Ll}\p{M}]+(?:['’]\p{Lu}?[\p{Ll}\p{M}]+)?"
_WORD = rf"{_PART}(?:-{_PART})*"
_INITIAL = r"\p{Lu}\.(?:-\p{Lu}\.)?"
_TITLED = re.compile(
    rf"(?<![\w'’]){_TITLE}\.?[ \t]+(?P<name>(?:{_INITIAL}[ \t]*){{0,2}}{_WORD}(?:[ \t]+{_WORD}){{0,3}})"
    r"(?![\w-])"
)
_HYPHENATED_INITIAL = re.compile(r"\p{Lu}\.-\p{Lu}\.")
_MAX_LATIN_1 = 0xFF
_MANY_WORDS = 4


def _unreadable_by_default_rule(name: str) -> bool:
    words = [w for w in name.split() if not w.endswith(".")]
    return (any(ord(ch) > _MAX_LATIN_1 for ch in name) or bool(_HYPHENATED_INITIAL.search(name))
            or len(words) >= _MANY_WORDS)


def find_titled_names(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of titled names (title included) the default rule misses."""
    return [(m.start(), m.end()) for m in _TITLED.finditer(text)
            if _unreadable_by_default_rule(m.group("name"))]


STRICT_RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "titled_name.v1": lambda: SpanRecognizer(
        "TitledNameRecognizer", STRICT_PERSON, text_only(find_titled_names), 0.9,
        "a name after a title", rule="title",
    ),
}
