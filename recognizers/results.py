"""One way to build a Presidio result, shared by our custom recognizers."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult


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
