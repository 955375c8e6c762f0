"""Tests for the e-mail recognizer (UK public-sector domains included, no network)."""

from __future__ import annotations

import socket

import pytest

from recognizers import email
from recognizers.entities import EMAIL


@pytest.fixture(scope="module")
def recognizer() -> email.UkEmailRecognizer:
    return email.RECOGNIZERS["uk_email.v1"]()


def _found(recognizer: email.UkEmailRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=[EMAIL], nlp_artifacts=None)
    return [text[r.start : r.end] for r in results if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Email m.jones@example.co.uk today", ["m.jones@example.co.uk"]),
        ("head@oakfield.sch.uk", ["head@oakfield.sch.uk"]),  # Presidio rejects this
        ("office@stmarys.lancs.sch.uk.", ["office@stmarys.lancs.sch.uk"]),
        ("s.patel@gov.uk", ["s.patel@gov.uk"]),  # and this
        ("team@example.gov.uk", ["team@example.gov.uk"]),
        ("jo.bloggs1@nhs.net", ["jo.bloggs1@nhs.net"]),
        ("<first_last+care@example.org>", ["first_last+care@example.org"]),
        ("o'brien@example.com, a-b@example.com",
         ["o'brien@example.com", "a-b@example.com"]),
        ("mailto:KEY.WORKER@EXAMPLE.COM", ["KEY.WORKER@EXAMPLE.COM"]),
        ("'jo@example.com' or \"al@example.org\"", ["jo@example.com", "al@example.org"]),
        ("jo@example.com's inbox", ["jo@example.com"]),
    ],
)
def test_email_found(recognizer: email.UkEmailRecognizer, text: str, expected: list[str]) -> None:
    assert _found(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "@oakfield on social media",
        "name@",
        "name@localhost",  # no dot in the domain
        "a@b.c",  # one-letter top-level domain
        "user@example.123",  # numeric top-level domain
        "user@-example.com",  # label starts with a hyphen
        "user@example..com",
        "Level 2 @ 87% in Unit 204",
    ],
)
def test_email_rejects_non_addresses(recognizer: email.UkEmailRecognizer, text: str) -> None:
    assert _found(recognizer, text) == []


def test_email_makes_no_network_calls(
    recognizer: email.UkEmailRecognizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert _found(recognizer, "head@oakfield.sch.uk") == ["head@oakfield.sch.uk"]


@pytest.mark.slow
def test_email_in_analyzer(analyzer, find) -> None:
    text = "Contact the SENCo on senco@oakfield.sch.uk or j.smith@example.gov.uk."
    assert find(analyzer, text, EMAIL) == ["senco@oakfield.sch.uk", "j.smith@example.gov.uk"]
