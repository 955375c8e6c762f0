"""Our own Presidio recognizers for UK care and education documents.

Each module defines its recognizers and exposes ``RECOGNIZERS``: a dict from a versioned
registry name (``"uk_nhs.v1"``) to a zero-argument factory returning a Presidio
``EntityRecognizer``. To add a recognizer, write one module and list it in ``_MODULES``.

Recognizers for the strict policy only go in ``STRICT_RECOGNIZERS`` instead, and must report
entity types that only the strict policy reads (``pipeline.resolve._STRICT_ONLY``; a test checks
this). The recognizer of every calendar date is in ``DATE_RECOGNIZERS``: the strict policy runs
it, and so does the default policy when ``keep_dates = false``.

This package imports nothing from ``pipeline`` or ``keys``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from presidio_analyzer import EntityRecognizer

Factory = Callable[[], EntityRecognizer]

_MODULES = (
    # identifiers
    "recognizers.nhs",
    "recognizers.nino",
    "recognizers.education",
    "recognizers.tax",
    "recognizers.phone",
    "recognizers.email",
    "recognizers.dates",
    "recognizers.bank",
    "recognizers.reference",
    # strict policy only: quantities, attributes, local bodies, listed numbers, names
    "recognizers.money",
    "recognizers.percentages",
    "recognizers.ages",
    "recognizers.occupations",
    "recognizers.institutions",
    "recognizers.case_numbers",
    "recognizers.titled_names",
    # names and places
    "recognizers.postcode",
    "recognizers.address",
    "recognizers.names",
    "recognizers.gazetteer",
)


def registry(attribute: str = "RECOGNIZERS") -> dict[str, Factory]:
    """Return every registered recognizer factory by registry name.

    Modules list their always-on recognizers in ``RECOGNIZERS`` and those used only under the
    strict policy (e.g. every calendar date) in ``STRICT_RECOGNIZERS``.
    """
    table: dict[str, Factory] = {}
    for module_name in _MODULES:
        module = importlib.import_module(module_name)
        for name, factory in getattr(module, attribute, {}).items():
            if name in table:
                raise ValueError(f"recognizer {name!r} registered twice")
            table[name] = factory
    return table


def build_all() -> list[EntityRecognizer]:
    """Instantiate every registered recognizer."""
    return [factory() for factory in registry().values()]


def build_strict() -> list[EntityRecognizer]:
    """Instantiate the recognizers that only the strict policy enables (dates included)."""
    tables = (registry("STRICT_RECOGNIZERS"), registry("DATE_RECOGNIZERS"))
    return [factory() for table in tables for factory in table.values()]


def build_dates() -> list[EntityRecognizer]:
    """Instantiate the recognizers of every calendar date (``keep_dates = false``)."""
    return [factory() for factory in registry("DATE_RECOGNIZERS").values()]
