"""A small in-process API for anonymising strings (used by benchmarks and other programs).

For files use the ``anonymise run`` command or :func:`pipeline.batch.run_batch`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import Settings
from pipeline.detect import Detector
from pipeline.model import Document, ReplacementPlan
from pipeline.people import PeopleBook
from pipeline.plan import make_plan
from pipeline.resolve import resolve
from pipeline.strategy import LabelStrategy, Strategy


@dataclass(frozen=True)
class TextResult:
    """The anonymised text and the plan that produced it (spans index the input text)."""

    text: str
    plan: ReplacementPlan


class Anonymiser:
    """Anonymise strings with one detector and one strategy, so labels agree across calls."""

    def __init__(self, detector: Detector, settings: Settings, strategy: Strategy) -> None:
        self._detector = detector
        self._settings = settings
        self._strategy = strategy
        self._people = PeopleBook()

    @classmethod
    def load(cls, settings: Settings | None = None, strategy: Strategy | None = None) -> Anonymiser:
        """Load the detector for ``settings`` (defaults) with label mode unless told otherwise."""
        settings = settings or Settings()
        return cls(Detector.load(settings), settings, strategy or LabelStrategy(settings.label_word))

    def anonymise_texts(self, texts: Iterable[str], scope: str = "") -> Iterator[TextResult]:
        """Anonymise each text in order; ``scope`` groups texts of one portfolio."""
        items = list(texts)
        for text, analysis in zip(items, self._detector.analyse_many(items), strict=True):
            document = Document.from_parts(Path("<text>"), "text", [("text", "text", text)])
            resolved = resolve(text, analysis.detections, analysis.tokens, self._settings,
                               self._people.known(scope))
            plan = make_plan(document, resolved, self._strategy,
                             lambda p: self._people.key_for(p, scope))
            yield TextResult(plan.apply(text), plan)

    def anonymise_text(self, text: str) -> TextResult:
        """Anonymise one text."""
        return next(self.anonymise_texts([text]))
