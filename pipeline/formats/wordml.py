"""WordprocessingML paragraphs as text: reading a ``w:p`` into a string, and editing it in place.

A paragraph's text is the concatenation of its own text nodes in document order. Which nodes
count is set by a :class:`TextModel`:

* :data:`TEXT` (the text as it reads with tracked changes accepted): ``w:t``, math ``m:t`` and
  DrawingML ``a:t`` are editable; ``w:tab`` → tab, ``w:br``/``w:cr`` → newline and
  ``w:noBreakHyphen`` → "-" inside runs, and ``a:br`` → newline, are fixed characters.
* :data:`DELETED` (text of a tracked deletion, read per ``w:del`` element so that it is not
  glued to the words around it): ``w:delText``, with the same fixed characters.
* :data:`INSTRUCTION` (field codes): ``w:instrText`` and ``w:delInstrText``.

Nodes that belong to a paragraph nested inside this one (a text box inside a run) are skipped:
the nested paragraph is a segment of its own.

Edits follow the split-run rule: the whole new text goes into the first editable node the edit
overlaps (so it keeps that run's formatting), the covered slice is cut from the other nodes,
fixed characters inside the span are removed, and every touched node gets
``xml:space="preserve"``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

from pipeline.model import Edit

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

P = f"{W}p"
R = f"{W}r"
T = f"{W}t"
DEL_TEXT = f"{W}delText"
INSTR_TEXT = f"{W}instrText"
DEL_INSTR_TEXT = f"{W}delInstrText"
A_P = f"{A}p"
#: Elements that are paragraphs: each is read on its own, never as part of an enclosing one.
PARAGRAPHS = frozenset({P, A_P})


@dataclass(frozen=True)
class TextModel:
    """Which nodes of a paragraph make up its text.

    Attributes:
        editable: tags of nodes whose ``.text`` is part of the text and can be edited.
        fixed: tag → (character, tags of the parents it counts under) for nodes that stand for
            one fixed character (a tab, a break).
    """

    editable: frozenset[str]
    fixed: Mapping[str, tuple[str, frozenset[str]]]


DEL = f"{W}del"
_IN_RUN = frozenset({R})
_RUN_FIXED = {
    f"{W}tab": ("\t", _IN_RUN),
    f"{W}br": ("\n", _IN_RUN),
    f"{W}cr": ("\n", _IN_RUN),
    f"{W}noBreakHyphen": ("-", _IN_RUN),
}
TEXT = TextModel(
    frozenset({T, f"{M}t", f"{A}t"}),
    {**_RUN_FIXED, f"{A}br": ("\n", frozenset({A_P}))},
)
DELETED = TextModel(frozenset({DEL_TEXT}), _RUN_FIXED)
INSTRUCTION = TextModel(frozenset({INSTR_TEXT, DEL_INSTR_TEXT}), {})


@dataclass(frozen=True, slots=True)
class Token:
    """One text-bearing node of a paragraph and its span in the paragraph's text."""

    node: etree._Element
    start: int
    end: int
    editable: bool
    char: str = ""


def _own_nodes(paragraph: etree._Element) -> Iterator[etree._Element]:
    """Yield the paragraph's descendants in document order, skipping nested paragraphs."""
    stack = list(reversed(paragraph))
    while stack:
        node = stack.pop()
        if node.tag in PARAGRAPHS:
            continue
        yield node
        stack.extend(reversed(node))


def own_elements(paragraph: etree._Element, tag: str) -> list[etree._Element]:
    """The paragraph's own descendants with this tag (not those of nested paragraphs)."""
    return [node for node in _own_nodes(paragraph) if node.tag == tag]


def _in_deletion(node: etree._Element, container: etree._Element) -> bool:
    for ancestor in node.iterancestors():
        if ancestor.tag == DEL:
            return True
        if ancestor is container:
            return False
    return False


def tokens(paragraph: etree._Element, model: TextModel = TEXT) -> list[Token]:
    """Return the paragraph's text tokens with their offsets, in document order.

    ``paragraph`` may also be a ``w:del`` element (with :data:`DELETED`). Under :data:`TEXT`,
    fixed characters inside tracked deletions are left out, as the deleted text is.
    """
    result: list[Token] = []
    offset = 0
    for node in _own_nodes(paragraph):
        tag = node.tag
        if tag in model.editable:
            length = len(node.text or "")
            result.append(Token(node, offset, offset + length, True))
            offset += length
        elif tag in model.fixed:
            char, parents = model.fixed[tag]
            parent = node.getparent()
            deleted = _in_deletion(node, paragraph)
            if parent is not None and parent.tag in parents and deleted == (model is DELETED):
                result.append(Token(node, offset, offset + 1, False, char))
                offset += 1
    return result


def token_text(token: Token) -> str:
    """The characters a token contributes to its paragraph's text."""
    if token.editable:
        return token.node.text or ""
    return token.char


def paragraph_text(paragraph: etree._Element, model: TextModel = TEXT) -> str:
    """The paragraph's own text (see the module docstring)."""
    return "".join(token_text(tok) for tok in tokens(paragraph, model))


def _set_text(node: etree._Element, text: str) -> None:
    node.text = text
    node.set(XML_SPACE, "preserve")


def _replace_fixed(node: etree._Element, text: str) -> None:
    """Swap a fixed-character node inside a ``w:r`` for a ``w:t`` holding ``text``, in place."""
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
    covered = [tok for tok in toks if tok.start < edit.end and tok.end > edit.start]
    holder = next((tok for tok in covered if tok.editable), None)
    if holder is None and edit.new_text:
        first = covered[0]
        if first.node.getparent() is None or first.node.getparent().tag != R:
            raise EditPlacementError("no text node to hold the new text")
        _replace_fixed(first.node, edit.new_text)
        covered = covered[1:]
    for tok in covered:
        if tok.editable:
            text = tok.node.text or ""
            lo = max(edit.start, tok.start) - tok.start
            hi = min(edit.end, tok.end) - tok.start
            _set_text(tok.node, text[:lo] + (edit.new_text if tok is holder else "") + text[hi:])
        else:
            _remove(tok.node)


def apply_edits_in_place(
    paragraph: etree._Element, edits: Sequence[Edit], model: TextModel = TEXT
) -> None:
    """Apply segment-local ``edits`` to ``paragraph``'s XML.

    Edits are applied right to left so the token offsets of the unedited paragraph stay valid.

    Raises:
        EditPlacementError: an edit is out of range or overlaps another.
    """
    toks = tokens(paragraph, model)
    length = toks[-1].end if toks else 0
    ordered = sorted(edits)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.start < before.end:
            raise EditPlacementError("overlapping edits")
    for edit in reversed(ordered):
        if not 0 <= edit.start <= edit.end <= length:
            raise EditPlacementError("edit outside the paragraph")
        _apply_one(toks, edit)
