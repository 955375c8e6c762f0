"""One way to build a Presidio result, shared by our custom recognizers."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from presidio_analyzer import (
    AnalysisExplanation,
    EntityRecognizer,
    LocalRecognizer,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts


def make_result(
    recognizer: EntityRecognizer,
    entity: str,
    span: tuple[int, int],
    score: float,
    *,
    rule: str | None = None,
    explanation: str | None = None,
) -> RecognizerResult:
    """A result for ``span`` tagged with the recognizer's name and id (Presidio's metadata keys).

    Args:
        recognizer: the recognizer reporting it.
        entity: the entity type.
        span: ``(start, end)`` offsets in the analysed text.
        score: the confidence.
        rule: the name of the rule or pattern that matched, if any.
        explanation: a short human-readable reason (never the matched text).
    """
    return RecognizerResult(
        entity_type=entity,
        start=span[0],
        end=span[1],
        score=score,
        analysis_explanation=AnalysisExplanation(
            recognizer=recognizer.name,
            original_score=score,
            pattern_name=rule,
            textual_explanation=explanation,
        ),
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )


def rescored(
    results: Iterable[RecognizerResult], score_of: Callable[[RecognizerResult], float | None]
) -> list[RecognizerResult]:
    """Give each pattern result the score ``score_of`` decides; drop those it scores None.

    Used by pattern recognizers whose score depends on nearby words or the value's range.
    """
    kept = []
    for result in results:
        score = score_of(result)
        if score is None:
            continue
        result.score = score
        if result.analysis_explanation is not None:
            result.analysis_explanation.score = score
        kept.append(result)
    return kept


Finder = Callable[[str, "NlpArtifacts | None"], Iterable[tuple[int, int]]]


class SpanRecognizer(LocalRecognizer):
    """A recognizer made of a function that finds ``(start, end)`` spans of one entity type.

    Most of our rule-based recognizers are exactly that; this class holds the Presidio
    plumbing once, so a module only writes its finder and registers a factory such as
    ``lambda: SpanRecognizer("MoneyRecognizer", MONEY, find_money, 0.85, "a sum of money")``.
    """

    def __init__(self, name: str, entity: str, find: Finder, score: float, what: str,
                 rule: str | None = None) -> None:
        """Args: ``find(text, nlp_artifacts)`` returns spans; ``what`` says what a span is
        ("a sum of money"), for the explanation; ``rule`` names the rule (default: entity)."""
        super().__init__(supported_entities=[entity], name=name, version="1")
        self._entity, self._find, self._score = entity, find, score
        self._rule, self._what = rule or entity.lower(), what

    def load(self) -> None:  # noqa: D102 - nothing to load
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Every span the finder returns, as a result of this recognizer's entity type."""
        return [
            make_result(self, self._entity, span, self._score, rule=self._rule,
                        explanation=f"Detected by `{self.name}` as {self._what}")
            for span in self._find(text, nlp_artifacts)
        ]


def text_only(find: Callable[[str], Iterable[tuple[int, int]]]) -> Finder:
    """Adapt a finder that needs only the text."""
    return lambda text, _artifacts: find(text)
