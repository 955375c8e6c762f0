"""Whether a capitalised word reads as a proper noun, judged from the text alone.

This replaces spaCy's part-of-speech tagger, which the name rules used only to tell a name
that is also a word ("Will", "Grace", "Hope") from the word. The tagger (with the embedding
layer it needs) took about a third of detection time, and on our synthetic corpus every
capitalised name it did not tag as a proper noun was in fact a name ("Will Tucker" read as
a modal verb, "gave Cathal time"). The rule here:

* a word must start with a capital letter;
* in mid-sentence, a capitalised word is a proper noun;
* at the start of a sentence, line or list item, where every word is capitalised, a name
  that is also an everyday word ("Will", or the surname "Young") counts only when a
  surname-like capitalised word, a possessive or a verb that people do ("said", "was", any
  "-ed" form) follows it ("Will Tucker", "Hope said", "Faith's review", "Holly suggested", but
  not "Will you", "Hope this helps", "May I",
  "Young people"); a function word ("Then", "After") does not count; any other word does.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from recognizers.names import WORD_NAMES

#: After a name, verbs that show it is someone's name ("Will said", "noticed may is tired").
FINITE_AFTER = frozenset(
    "is was has had does did said says seems seemed likes liked wants wanted needs needed "
    "asked told felt feels went goes came comes ate eats slept sleeps".split()
)
#: Capitalised words that follow a sentence-initial word without making it a name.
_NOT_SURNAMES = frozenset("i i'm i've i'll i'd".split())
_OPENERS = " \t\"'“‘([{"
_ENDS = ".!?:;…"
_CLOSERS = "\"'”’)]}"
_BULLETS = "•*-–—·▪"
_NEXT_WORD = re.compile(r"[ \t]*\n?[ \t]*([\w'’]+)")
_WORD_BEFORE = re.compile(r"\w+$")
#: Abbreviations written with a period that ends no sentence.
_ABBREVIATIONS = frozenset("mr mrs ms mx dr prof rev st cllr sgt".split())


def at_sentence_start(text: str, start: int) -> bool:
    """Whether ``text[start:]`` begins a sentence, line or list item."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i < 0:
        return True
    if text[i] in "\n\r":
        # A line wrapped inside a sentence (PDF text, narrow columns) goes on after a lower-case
        # letter or a comma; any other line break starts something new.
        j = i - 1
        while j >= 0 and text[j] in " \t\r":
            j -= 1
        return j < 0 or not (text[j].islower() or text[j] == ",")
    if text[i] in _BULLETS:
        j = i - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        return j < 0 or text[j] in "\n\r"
    while i >= 0 and text[i] in _CLOSERS:
        i -= 1
    if i < 0 or text[i] not in _ENDS:
        return False
    if text[i] == ".":
        # "E. Young", "Dr. Shah": a period after an initial or a title ends no sentence.
        word = _WORD_BEFORE.search(text, 0, i)
        if word and (len(word.group()) == 1 and word.group().isupper()
                     or word.group().casefold() in _ABBREVIATIONS):
            return False
    return True


def looks_proper(text: str, start: int, end: int, everyday: bool | None = None) -> bool:
    """Whether the word ``text[start:end]`` reads as a proper noun (see the module docstring).

    ``everyday`` says whether the word is also an everyday word; by default, whether it is
    one of the names that are (:data:`recognizers.names.WORD_NAMES`).
    """
    word = text[start:end]
    if not word[:1].isupper():
        return False
    if not at_sentence_start(text, start):
        return True
    folded = word.casefold()
    if everyday is None:
        everyday = folded in WORD_NAMES
    if not everyday:
        return folded not in STOP_WORDS
    after = _NEXT_WORD.match(text, end)
    if after is None:
        return False
    following = after.group(1)
    lowered = following.casefold()
    # A possessive or a verb in the past tense follows a name: "Faith's review",
    # "Holly suggested".
    if lowered in FINITE_AFTER or lowered in ("'s", "’s") or (
            following.islower() and len(following) > 3 and following.endswith("ed")):
        return True
    return following[:1].isupper() and following.casefold() not in _NOT_SURNAMES
