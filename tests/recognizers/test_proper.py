"""Proper nouns judged from capitalisation and context (no part-of-speech tagger runs)."""

from __future__ import annotations

import pytest

from recognizers.proper import at_sentence_start, looks_proper


def _judge(text: str, word: str, everyday: bool | None = None) -> bool:
    start = text.index(word)
    return looks_proper(text, start, start + len(word), everyday)


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("I gave Nicola time.", "Nicola", True),
        ("Nicola said no.", "Nicola", True),
        ("We met Grace today.", "Grace", True),  # mid-sentence: a name
        ("Will Tucker came in.", "Will", True),  # surname follows
        ("Hope said she was fine.", "Hope", True),  # a verb people do follows
        ("Will you call me?", "Will", False),
        ("Hope this helps.", "Hope", False),
        ("Thanks. May I ask?", "May", False),  # "I" is not a surname
        ("- Grace was late", "Grace", True),
        ("Then District Court judges met.", "Then", False),  # function word
        ("hope", "hope", False),  # lower case is never proper here
        ("Faith's review is due.", "Faith", True),  # a possessive follows
        ("Holly suggested a log.", "Holly", True),  # a past-tense verb follows
        ("new to me.\nJune\nsuggested a log", "June", True),  # across a wrapped line
        ("Hope is needed.", "Hope", True),
    ],
)
def test_looks_proper(text, word, expected):
    assert _judge(text, word) is expected


def test_surname_words_follow_the_everyday_rule_when_told():
    assert _judge("Young people met.", "Young", everyday=True) is False
    assert _judge("Young said no.", "Young", everyday=True) is True
    assert _judge("Young people met.", "Young") is True  # not a word-name: capitalised counts


@pytest.mark.parametrize(
    "text, position, expected",
    [
        ("Grace", 0, True),
        ("Notes:\nGrace", 7, True),
        ("She said. \"Grace", 11, True),
        ("  • Grace", 4, True),
        ("pay - Grace", 6, False),  # a dash in mid-line is not a bullet
        ("to Grace", 3, False),
        ("(see Grace", 5, False),
        ("visits with E. Young", 16, False),  # a period after an initial
        ("seen by Dr. Young", 12, False),  # or after a title
        ("in Block B. Young", 12, False),
        ("the end. Young", 9, True),
        ("when helping\nWILL", 13, False),  # a line wrapped inside a sentence
        ("Notes\n\nGrace", 7, True),
        ("Notes\nGrace", 6, False),  # reads like a wrapped line: "Grace" then counts as a name
    ],
)
def test_at_sentence_start(text, position, expected):
    assert at_sentence_start(text, position) is expected
