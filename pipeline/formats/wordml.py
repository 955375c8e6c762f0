"""WordprocessingML paragraphs as text: reading a ``w:p`` into a string, and editing it in place.

A paragraph's text is the concatenation of its own text nodes in document order: ``w:t`` and
``w:delText`` (editable), and the fixed characters ``w:tab`` → tab, ``w:br``/``w:cr`` → newline
and ``w:noBreakHyphen`` → "-" inside runs. Nodes that belong to a paragraph nested inside this
one (a text box inside a run) are skipped: the nested paragraph is a segment of its own.

Edits follow the split-run rule: the whole new text goes into the first text node the edit
overlaps (so it keeps that run's formatting), the covered slice is cut from the later nodes,
fixed characters inside the span are removed, and every touched node gets
``xml:space="preserve"``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lxml import etree

from pipeline.model import Edit

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

P = f"{W}p"
R = f"{W}r"
T = f"{W}t"
DEL_TEXT = f"{W}delText"
_EDITABLE = frozenset({T, DEL_TEXT})
_FIXED = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}


@dataclass(frozen=True, slots=True)
class Token:
    """One text-bearing node of a paragraph and its span in the paragraph's text."""

    node: etree._Element
    start: int
    end: int
    editable: bool


def _own_nodes(paragraph: etree._Element) -> Iterator[etree._Element]:
    """Yield the paragraph's descendants in document order, skipping nested paragraphs."""
    stack = list(reversed(paragraph))
    while stack:
        node = stack.pop()
        if node.tag == P:
            continue
        yield node
        stack.extend(reversed(node))


def tokens(paragraph: etree._Element) -> list[Token]:
    """Return the paragraph's text tokens with their offsets, in document order."""
    result: list[Token] = []
    offset = 0
    for node in _own_nodes(paragraph):
        tag = node.tag
        if tag in _EDITABLE:
            length = len(node.text or "")
            result.append(Token(node, offset, offset + length, True))
            offset += length
        elif tag in _FIXED and node.getparent() is not None and node.getparent().tag == R:
            result.append(Token(node, offset, offset + 1, False))
            offset += 1
    return result


def token_text(token: Token) -> str:
    """The characters a token contributes to its paragraph's text."""
    if token.editable:
        return token.node.text or ""
    return _FIXED[token.node.tag]


def paragraph_text(paragraph: etree._Element) -> str:
    """The paragraph's own text (see the module docstring)."""
    return "".join(token_text(tok) for tok in tokens(paragraph))


def _set_text(node: etree._Element, text: str) -> None:
    node.text = text
    node.set(XML_SPACE, "preserve")


def _replace_fixed(node: etree._Element, text: str) -> None:
    """Swap a fixed-character node (tab, break) for a ``w:t`` holding ``text``, in place."""
    deleted = any(a.tag == f"{W}del" for a in node.iterancestors())
    new = etree.Element(DEL_TEXT if deleted else T)
    _set_text(new, text)
    new.tail = node.tail
    parent = node.getparent()
    parent.replace(node, new)


def _remove(node: etree._Element) -> None:
    parent = node.getparent()
    if parent is not None:
        parent.remove(node)


class EditPlacementError(ValueError):
    """An edit cannot be placed in the paragraph (e.g. an insertion in an empty paragraph)."""


def _insert(toks: Sequence[Token], position: int, new_text: str) -> None:
    for tok in toks:
        if tok.editable and tok.start <= position <= tok.end:
            text = tok.node.text or ""
            local = position - tok.start
            _set_text(tok.node, text[:local] + new_text + text[local:])
            return
    raise EditPlacementError("no text node to hold an insertion")


def _apply_one(toks: Sequence[Token], edit: Edit) -> None:
    if edit.start == edit.end:
        if edit.new_text:
            _insert(toks, edit.start, edit.new_text)
        return
    placed = False
    for tok in toks:
        if tok.end <= edit.start or tok.start >= edit.end:
            continue
        if tok.editable:
            text = tok.node.text or ""
            lo = max(edit.start, tok.start) - tok.start
            hi = min(edit.end, tok.end) - tok.start
            _set_text(tok.node, text[:lo] + ("" if placed else edit.new_text) + text[hi:])
        elif placed or not edit.new_text:
            _remove(tok.node)
        else:
            _replace_fixed(tok.node, edit.new_text)
        placed = True


def apply_edits_in_place(paragraph: etree._Element, edits: Sequence[Edit]) -> None:
    """Apply segment-local ``edits`` to ``paragraph``'s XML.

    Edits are applied right to left so the token offsets of the unedited paragraph stay valid.

    Raises:
        EditPlacementError: an edit is out of range or overlaps another.
    """
    toks = tokens(paragraph)
    length = toks[-1].end if toks else 0
    ordered = sorted(edits)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.start < before.end:
            raise EditPlacementError("overlapping edits")
    for edit in reversed(ordered):
        if not 0 <= edit.start <= edit.end <= length:
            raise EditPlacementError("edit outside the paragraph")
        _apply_one(toks, edit)
