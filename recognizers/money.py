"""Sums of money (strict policy only).

The amount of a fine, an award, a salary, bail or a property price says a good deal about a
case and can single it out, so a publisher of case law replaces it. Ordinary care and education
documents rarely need this, so :class:`MoneyRecognizer` is registered in ``STRICT_RECOGNIZERS``.

A sum is a number with a currency next to it:

* a symbol before the number: ``£250``, ``€ 1,400.50``, ``$3m``;
* an ISO 4217 code (capitals) before or after it: ``EUR 4,000``, ``80 DEM``, ``PLN 552.21``;
* a currency word after it, with up to two capitalised qualifiers between: ``120,000 euros``,
  ``1,500 Austrian schillings``, ``781 New Turkish liras``, ``five hundred pounds``.

The number may carry a scale word (``2 million euros``) and be spelt out (``fifty euros``). A
code or word in brackets just after the sum (``100,000 euros (EUR)``), a converted sum in
brackets (``PLN 200 [approx. EUR 50]``) and a leading ``approximately`` belong to the sum.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from recognizers.results import SpanRecognizer, text_only

if TYPE_CHECKING:
    from collections.abc import Callable

    from presidio_analyzer import EntityRecognizer

MONEY = "MONEY"

#: ISO 4217 codes of current and former currencies likely in European and UK documents.
CURRENCY_CODES: tuple[str, ...] = (
    "GBP", "EUR", "USD", "CHF", "SEK", "NOK", "DKK", "ISK", "PLN", "CZK", "SKK", "HUF", "RON",
    "ROL", "BGN", "HRK", "RSD", "BAM", "MKD", "MDL", "UAH", "BYN", "RUB", "GEL", "AMD",
    "AZN", "TRY", "TRL", "YTL", "CYP", "MTL", "SIT", "EEK", "LVL", "LTL", "ATS", "DEM", "FRF",
    "BEF", "LUF", "NLG", "ITL", "ESP", "PTE", "IEP", "FIM", "GRD", "JPY", "CNY", "INR", "AUD",
    "CAD", "NZD", "ZAR",
)
#: Currency names (singular and plural), matched case-insensitively after a number.
CURRENCY_WORDS: tuple[str, ...] = (
    "pounds? sterling", "pounds?", "pence", "euros?", "cents?", "dollars?", "francs?",
    "liras?", "lire", "kuru[sş]", "z[lł]otys?", "z[lł]oty", "groszy?", "schillings?",
    "(?:deutsche?|german|gdr|d-) ?marks?", "kronor", "kronas?", "kroner", "krone", "koruna", "korun",
    "forints?", "lei", "leu", "levs?", "leva", "roubles?", "rubles?", "hryvnias?", "kunas?",
    "dinars?", "drachmas?", "drachmae", "pesetas?", "escudos?", "guilders?", "yen", "rupees?",
    "yuan", "lats", "litas", "litai", "tolars?",
)
_SYMBOLS = "£€$¥"

_DIGITS = r"\d{1,3}(?:(?:[,.]\d{3})+|(?:[ \u00a0\u202f]\d{3})+)(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?"
_UNITS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
         "fifteen sixteen seventeen eighteen nineteen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_BELOW_100 = rf"(?:(?:{'|'.join(_TENS.split())})(?:[ -](?:{'|'.join(_UNITS.split()[:9])}))?" \
             rf"|{'|'.join(sorted(_UNITS.split(), key=len, reverse=True))})"
#: A number in words up to the thousands ("five hundred", "twenty-two"), lower case.
SPELLED_NUMBER = rf"(?:(?:a|{_BELOW_100})[ -](?:hundred|thousand)(?:(?: and)? {_BELOW_100})?|{_BELOW_100})"
_SCALE = r"(?:[ \u00a0]?(?:million|billion|thousand|m|bn|k)(?![\w]))?"
_NUMBER = rf"(?:(?<![\w.,])(?:{_DIGITS})(?![\d])|(?<![\w-])(?i:{SPELLED_NUMBER})(?![\w-])){_SCALE}"
_CODE = rf"(?:{'|'.join(CURRENCY_CODES)})"
_WORD = rf"(?i:{'|'.join(CURRENCY_WORDS)})"
_QUALIFIER = r"(?:[A-Z][\w'’.-]*[ \u00a0]){0,2}"

_CORE = (
    rf"(?:[{_SYMBOLS}][ \u00a0]?{_NUMBER}"
    rf"|(?<![\w]){_CODE}[ \u00a0]?{_NUMBER}"
    rf"|{_NUMBER}(?:[ \u00a0]?{_CODE}|[ \u00a0]{_QUALIFIER}{_WORD})(?![\w]))"
)
#: ``(EUR)`` or ``(euros)`` naming the currency again, or a converted sum in brackets.
_BRACKETED = (
    rf"(?:[ \u00a0]?[(\[](?:{_CODE}|{_WORD})[)\]]"
    rf"|[ \u00a0]?[(\[](?:{_CODE}[ \u00a0]?[-‑–][ \u00a0]?)?"
    rf"(?i:approx(?:\.|imately)|about|around|some|c\.)?[ \u00a0]?{_CORE}"
    rf"(?:[ \u00a0]?\((?:{_CODE}|{_WORD})\))?[)\]])"
)
_MONEY = re.compile(rf"(?:(?i:approx(?:\.|imately))[ \u00a0])?{_CORE}{_BRACKETED}*")


def find_money(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of every sum of money in ``text``, in text order."""
    return [(m.start(), m.end()) for m in _MONEY.finditer(text)]


STRICT_RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "money.v1": lambda: SpanRecognizer(
        "MoneyRecognizer", MONEY, text_only(find_money), 0.85,
        "a sum of money", rule="money",
    ),
}
