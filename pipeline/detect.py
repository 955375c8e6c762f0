"""Detection: the only module that talks to spaCy and Presidio.

:class:`Detector` loads the spaCy pipeline once, builds a Presidio ``AnalyzerEngine`` whose
registry holds only recognizers that suit UK documents, and turns Presidio's mutable results
into our frozen :class:`~pipeline.model.Detection` values straight away.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pipeline.config import Settings
from pipeline.errors import SetupError
from pipeline.model import Detection
from pipeline.offline import ensure_offline

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, EntityRecognizer

log = logging.getLogger(__name__)

#: spaCy labels used under each policy, and the entity type each becomes.
_SPACY_ENTITIES = {
    "default": {"PERSON": "PERSON"},
    "strict": {
        "PERSON": "PERSON",
        "GPE": "LOCATION",
        "LOC": "LOCATION",
        "FAC": "LOCATION",
        "ORG": "ORGANIZATION",
        "NORP": "NRP",
        "DATE": "DATE_TIME",
    },
}
#: spaCy components detection does not need: only the entity recogniser (which has its own
#: embedding layer) is kept. The parser is the slowest part of the small model; the tagger and
#: the shared embedding layer it needs took about a third of the remaining time and served one
#: purpose, telling names that are also words from the words, which
#: :mod:`recognizers.proper` now does from capitalisation and context; lemmas and sentences are
#: not used.
_EXCLUDE = ("parser", "tok2vec", "tagger", "attribute_ruler", "lemmatizer", "senter")


@dataclass(frozen=True, slots=True)
class Analysis:
    """What detection found in one text."""

    detections: tuple[Detection, ...]


def _require_model(name: str) -> None:
    if importlib.util.find_spec(name) is None:
        raise SetupError(
            f"spaCy pipeline '{name}' is not installed; install it as a package "
            "(see README) or set [model] spacy in the config"
        )


def _load_spacy(name: str) -> Any:
    import spacy

    _require_model(name)
    try:
        nlp = spacy.load(name, exclude=list(_EXCLUDE))
    except (OSError, ValueError) as exc:
        raise SetupError(f"cannot load spaCy pipeline '{name}': {type(exc).__name__}") from None
    return nlp


def _build_recognizers(settings: Settings) -> list[EntityRecognizer]:
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        IbanRecognizer,
        IpRecognizer,
        SpacyRecognizer,
    )

    import recognizers

    spacy_map = _SPACY_ENTITIES[settings.policy]
    found: list[EntityRecognizer] = [
        SpacyRecognizer(supported_entities=sorted(set(spacy_map.values()))),
        IbanRecognizer(),
        CreditCardRecognizer(),
        IpRecognizer(),
        *recognizers.build_all(),
    ]
    if settings.policy == "strict":
        found.extend(recognizers.build_strict())
    elif not settings.keep_dates:
        found.extend(recognizers.build_dates())
    return found


def _without_context_boost() -> Any:
    """A Presidio context enhancer that changes nothing.

    Presidio's default raises scores when lemmas of context words sit near a finding; the
    pipeline computes no lemmas (see ``_EXCLUDE``), and our recognizers weigh their own context.
    """
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

    class _Unchanged(ContextAwareEnhancer):
        def enhance_using_context(self, text: str, raw_results: Any, nlp_artifacts: Any,
                                  recognizers: Any, context: Any = None) -> Any:
            return raw_results

    return _Unchanged(0.0, 0.0, 0, 0)


class Detector:
    """Finds personal data in texts. Construct with :meth:`load`."""

    def __init__(self, analyzer: AnalyzerEngine, settings: Settings) -> None:
        self._analyzer = analyzer
        self._settings = settings

    @classmethod
    def load(cls, settings: Settings) -> Detector:
        """Load the spaCy pipeline and build the analyzer (no network, ever).

        Raises:
            SetupError: the configured spaCy pipeline is not installed or cannot load.
        """
        ensure_offline()
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

        spacy_map = _SPACY_ENTITIES[settings.policy]
        nlp = _load_spacy(settings.model)
        ner_labels = nlp.get_pipe("ner").labels if "ner" in nlp.pipe_names else ()
        ner_config = NerModelConfiguration(
            model_to_presidio_entity_mapping=dict(spacy_map),
            labels_to_ignore=[label for label in ner_labels if label not in spacy_map],
            low_score_entity_names=[],
        )
        engine = SpacyNlpEngine(
            models=[{"lang_code": "en", "model_name": settings.model}],
            ner_model_configuration=ner_config,
        )
        engine.nlp = {"en": nlp}
        registry = RecognizerRegistry(supported_languages=["en"])
        for recognizer in _build_recognizers(settings):
            registry.add_recognizer(recognizer)
        analyzer = AnalyzerEngine(
            registry=registry,
            nlp_engine=engine,
            supported_languages=["en"],
            default_score_threshold=settings.threshold,
            context_aware_enhancer=_without_context_boost(),
        )
        log.info("loaded spaCy pipeline %s with %d recognizers", settings.model,
                 len(registry.recognizers))
        return cls(analyzer, settings)

    def analyse_many(self, texts: Iterable[str], batch_size: int = 8) -> Iterator[Analysis]:
        """Analyse texts in order, batching the spaCy step; yields one :class:`Analysis` each."""
        engine = self._analyzer.nlp_engine
        for text, artifacts in engine.process_batch(
            list(texts), language="en", batch_size=batch_size
        ):
            results = self._analyzer.analyze(
                text=text, language="en", nlp_artifacts=artifacts
            )
            detections = tuple(
                sorted(
                    Detection(
                        r.start,
                        r.end,
                        r.entity_type,
                        round(float(r.score), 4),
                        _recognizer_name(r),
                    )
                    for r in results
                    if r.end > r.start
                )
            )
            yield Analysis(detections)

    def analyse(self, text: str) -> Analysis:
        """Analyse one text."""
        return next(self.analyse_many([text]))


def _recognizer_name(result: Any) -> str:
    meta = getattr(result, "recognition_metadata", None) or {}
    return str(meta.get("recognizer_name", ""))
