"""E-mail addresses, including UK public-sector domains.

Presidio's ``EmailRecognizer`` asks tldextract for the registrable domain and drops addresses
whose whole domain is a public suffix: ``head@oakfield.sch.uk`` (the list has ``*.sch.uk``),
``someone@gov.uk``. Those are exactly the addresses that schools and councils use. Here the
address is checked structurally instead — a sensible local part, dot-separated host labels,
an alphabetic top-level domain — so no suffix list, no network and no cache are involved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer

from recognizers.entities import EMAIL

if TYPE_CHECKING:
    from collections.abc import Callable

    from presidio_analyzer import EntityRecognizer

_LOCAL_CHAR = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]"
#: Starts with a letter, digit or underscore, so a quote before the address stays outside it.
_LOCAL = rf"[A-Za-z0-9_]{_LOCAL_CHAR}*(?:\.{_LOCAL_CHAR}+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
#: Starts only where a run of address characters starts, which keeps matching linear.
_EMAIL = (
    r"(?<![A-Za-z0-9!#$%&*+/=?^_`{|}~.@-])"
    rf"{_LOCAL}@(?:{_LABEL}\.)+[A-Za-z]{{2,24}}(?![\w@-]|\.[A-Za-z0-9])"
)
_SCORE = 1.0


class UkEmailRecognizer(PatternRecognizer):
    """Finds e-mail addresses without consulting the Public Suffix List."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity=EMAIL,
            name="UkEmailRecognizer",
            patterns=[Pattern("email", _EMAIL, _SCORE)],
            global_regex_flags=re.MULTILINE,
            version="1",
        )

    def invalidate_result(self, pattern_text: str) -> bool:
        """Whether the match is too long to be an address (RFC 5321 limits)."""
        local, _, domain = pattern_text.rpartition("@")
        return len(local) > 64 or len(domain) > 253


RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "uk_email.v1": UkEmailRecognizer,
}
