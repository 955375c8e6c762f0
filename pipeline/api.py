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
from pipeline.portfolio import learn_names, plan_one
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
        """Anonymise texts of one portfolio (``scope``) together, as ``anonymise run`` does
        with the files of one folder (see :mod:`pipeline.portfolio`); results in order."""
        items = list(texts)
        documents = [Document.from_parts(Path("<text>"), "text", [("text", "text", text)])
                     for text in items]
        analysed = list(zip(documents, self._detector.analyse_many(items), strict=True))
        if len(analysed) > 1:
            learn_names(analysed, scope, self._settings, self._people)
        for document, analysis in analysed:
            plan = plan_one(document, analysis, scope, self._settings, self._strategy,
                            self._people).plan
            yield TextResult(plan.apply(document.text), plan)

    def anonymise_text(self, text: str) -> TextResult:
        """Anonymise one text."""
        return next(self.anonymise_texts([text]))
