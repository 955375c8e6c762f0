"""Run many regexes over a text in one pass, trying each only at words where it could start.

Scanning a 5,000-word document with some twenty patterns of hundreds of alternatives each
is slow in Python's regex engine, because every alternative is tried at every word boundary.
A :class:`Scanner` works out once, from each pattern's parse tree, which words a match can
start with (:func:`first_words`). While scanning it splits the text into words and, at each
word, tries only the patterns that can start there, combined into one regex per family and
word. A pattern whose first word is open-ended (a capitalised name, say) is either tried at
every word starting with a suitable character or, when it declares ``anchors``, only up to
``back`` words before one of its anchor words ("the Ludlow *centre*").

Patterns are only tried where a word starts (as if preceded by ``\\b``). Named groups are
dropped in the combined regexes; each hit is matched again with its own regex, so callers
still get them. Matches may overlap; the same tag never matches twice at one position.
"""

from __future__ import annotations

import re
import re._constants as sre  # the parser API is stable across Python 3.11–3.13
import re._parser as sre_parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

#: Key standing for any word that starts with a digit.
DIGITS = "#"

_WORDS = re.compile(r"\w+")
_NONE: list[tuple[int, _Lazy]] = []
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_FLAG_LETTERS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"))
_MAX_WORDS = 4000
_MAX_CLASS = 16
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


@dataclass(frozen=True, slots=True)
class Entry:
    """One pattern to scan for.

    Attributes:
        tag: what a match means; several patterns may share a tag.
        pattern: the regex source.
        flags: regex flags.
        anchors: for patterns whose first word is open-ended, lower-case words (or
            :data:`DIGITS`) one of which every match contains.
        back: how many words before an anchor a match may start.
    """

    tag: str
    pattern: str
    flags: int = 0
    anchors: frozenset[str] = frozenset()
    back: int = 0


class _Lazy:
    """A regex compiled on its first use: most word keys never occur in a given batch, and
    compiling every combined pattern up front delayed the first output by about a second."""

    __slots__ = ("_source", "_flags", "_pattern")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags = source, flags
        self._pattern: re.Pattern[str] | None = None

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        if self._pattern is None:
            self._pattern = re.compile(self._source, self._flags)
        return self._pattern.match(text, pos)


class _Open(Exception):
    """The first word of a pattern cannot be listed."""


def _key(char: str) -> str:
    return DIGITS if char.isdigit() else char.lower()


def _class_chars(items: Sequence[tuple[object, object]]) -> set[str]:
    chars: set[str] = set()
    for kind, value in items:
        if kind is sre.LITERAL:
            chars.add(chr(value))  # type: ignore[arg-type]
        elif kind is sre.RANGE and value[1] - value[0] < 128:  # type: ignore[index]
            chars.update(chr(c) for c in range(value[0], value[1] + 1))  # type: ignore[index]
        elif kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
            chars.update("0123456789")
        else:
            raise _Open
    return chars


def _extend(prefixes: set[str], chars: set[str], rest: list, done: set[str]) -> set[str]:
    words = {c for c in chars if c.isalnum() or c == "_"}
    if len(words) < len(chars):
        done |= prefixes  # a non-word character ends the first word
    digits = {c for c in words if c.isdigit()}
    if digits:
        if prefixes != {""}:
            raise _Open
        done.add(DIGITS)
        words -= digits
    if len(words) > _MAX_CLASS:
        raise _Open
    if words:
        done |= _expand(rest, {p + c.lower() for p in prefixes for c in words})
    return done


def _expand(items: list, prefixes: set[str]) -> set[str]:
    """Complete first words of ``items`` preceded by any of ``prefixes``."""
    if len(prefixes) > _MAX_WORDS:
        raise _Open
    if not items:
        return set(prefixes)
    (op, av), rest = items[0], items[1:]
    if op is sre.LITERAL:
        return _extend(prefixes, {chr(av)}, rest, set())
    if op is sre.IN:
        return _extend(prefixes, _class_chars(av), rest, set())
    if op is sre.SUBPATTERN:
        return _expand(list(av[3]) + rest, prefixes)
    if op is sre.ATOMIC_GROUP:
        return _expand(list(av) + rest, prefixes)
    if op is sre.BRANCH:
        result: set[str] = set()
        for branch in av[1]:
            result |= _expand(list(branch) + rest, prefixes)
        return result
    if op in _REPEATS:
        low, high, sub = av
        result = _expand(rest, prefixes) if low == 0 else set()
        if high == 1:
            return result | _expand(list(sub) + rest, prefixes)
        ends = _expand(list(sub), {""})
        if ends == {""}:
            return result | set(prefixes)  # repeated separators end the word
        if ends == {DIGITS} and prefixes == {""}:
            return result | {DIGITS}
        raise _Open  # a repeated word character: the first word is open-ended
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return _expand(rest, prefixes)
    raise _Open


def first_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case words a match can start with (:data:`DIGITS` for any number), or ``None``.

    ``None`` means the first word is open-ended or the pattern was too complex to expand.
    """
    try:
        parsed = sre_parse.parse(pattern, flags)
        words = _expand(list(parsed.data), {""})
    except (_Open, RecursionError):
        return None
    return None if "" in words else frozenset(words)


def _first_chars(pattern: str, flags: int) -> frozenset[str] | None:
    """First characters (as keys) of a pattern, or ``None`` if any character can start it."""
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:
        return None
    chars: set[str] = set()

    def visit(items: list) -> bool:  # returns whether ``items`` can match empty
        for op, av in items:
            if op is sre.LITERAL:
                chars.add(_key(chr(av)))
                return False
            if op is sre.IN:
                chars.update(_key(c) for c in _class_chars(av))
                return False
            if op is sre.SUBPATTERN:
                empty = visit(list(av[3]))
            elif op is sre.ATOMIC_GROUP:
                empty = visit(list(av))
            elif op is sre.BRANCH:
                empty = any([visit(list(b)) for b in av[1]])
            elif op in _REPEATS:
                empty = visit(list(av[2])) or av[0] == 0
            elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
                empty = True
            else:
                raise _Open
            if not empty:
                return False
        return True

    try:
        return None if visit(list(parsed.data)) else frozenset(chars)
    except _Open:
        return None


class Scanner:
    """Families of tagged patterns, tried only where they can start (see the module docstring)."""

    def __init__(self, families: Mapping[str, Sequence[Entry]]) -> None:
        """Index every entry by the words (or first characters) it can start with.

        Args:
            families: family name → entries in priority order. Within a family and at one
                word, the first entry that matches wins.
        """
        self._entries: list[Entry] = []
        self._own: list[_Lazy] = []
        self._groups: dict[str, int] = {}
        plan: dict[tuple[str, str, str, int], list[str]] = {}  # (family, where, key, back)
        for family, entries in families.items():
            for entry in entries:
                index = len(self._entries)
                self._entries.append(entry)
                self._own.append(_Lazy(entry.pattern, entry.flags))
                letters = "".join(letter for flag, letter in _FLAG_LETTERS if entry.flags & flag)
                bare = _NAMED_GROUP.sub("(?:", entry.pattern)
                scoped = f"(?{letters}:{bare})" if letters else f"(?:{bare})"
                if entry.anchors:
                    keys, where, back = entry.anchors, "word", entry.back
                else:
                    words = first_words(entry.pattern, entry.flags)
                    chars = None if words else _first_chars(entry.pattern, entry.flags)
                    if words:
                        keys, where, back = words, "word", 0
                    elif chars:
                        keys, where, back = chars, "char", 0
                    else:
                        keys, where, back = frozenset({"*"}), "char", 0
                # One group name per entry, so keys sharing the same entries share one regex.
                group = f"g{index}"
                self._groups[group] = index
                for key in keys:
                    plan.setdefault((family, where, key, back), []).append(f"(?P<{group}>{scoped})")
        self._by_word: dict[str, list[tuple[int, _Lazy]]] = {}
        self._by_char: dict[str, list[tuple[int, _Lazy]]] = {}
        compiled: dict[str, _Lazy] = {}
        for (_, where, key, back), sources in plan.items():
            table = self._by_word if where == "word" else self._by_char
            source = "|".join(sources)
            if source not in compiled:
                compiled[source] = _Lazy(source)
            table.setdefault(key, []).append((back, compiled[source]))
        self._anywhere = self._by_char.pop("*", [])

    def scan(self, text: str) -> dict[str, list[re.Match[str]]]:
        """Every match in ``text``, by tag, in order of position."""
        by_word, by_char, anywhere = self._by_word, self._by_char, self._anywhere
        starts: list[int] = []
        seen: set[tuple[int, int]] = set()
        found: dict[str, list[re.Match[str]]] = {}
        for word in _WORDS.finditer(text):
            position = word.start()
            starts.append(position)
            first = text[position]
            if first.isdigit():
                candidates = by_word.get(DIGITS, _NONE) + by_char.get(DIGITS, _NONE)
            else:
                candidates = by_word.get(word.group().lower(), _NONE) + by_char.get(
                    first.lower(), _NONE
                )
            if anywhere:
                candidates = candidates + anywhere
            if not candidates:
                continue
            last = len(starts) - 1
            for back, combined in candidates:
                for index in range(max(0, last - back), last + 1):
                    start = starts[index]
                    hit = combined.match(text, start)
                    if hit is None or hit.end() <= position:
                        continue  # no match, or one that does not reach this word
                    entry = self._groups[hit.lastgroup]  # type: ignore[index]
                    if (entry, start) not in seen:
                        seen.add((entry, start))
                        own = self._own[entry].match(text, start)
                        if own:
                            found.setdefault(self._entries[entry].tag, []).append(own)
                    break
        for matches in found.values():
            matches.sort(key=lambda m: (m.start(), m.end()))
        return found
