"""Throughput baselines on in-memory texts: Presidio and bare spaCy, in this process.

Model loading is excluded from every timing here (it is included in the end-to-end CLI run,
which is the conservative side of every ratio).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bench import MODEL

#: Components of the shipped pipeline that NER does not need (its tok2vec is internal).
_NOT_NER = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


@dataclass(frozen=True)
class Throughput:
    """Docs and words processed in ``seconds``."""

    name: str
    docs: int
    words: int
    seconds: float

    @property
    def words_per_s(self) -> float:
        """Words per second."""
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def docs_per_s(self) -> float:
        """Documents per second."""
        return self.docs / self.seconds if self.seconds else 0.0


def _timed(name: str, texts: Sequence[str], work: Callable[[], object]) -> Throughput:
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    work()
    return Throughput(name, len(texts), words, time.perf_counter() - start)


def presidio_loop(analyzer: object, texts: Sequence[str]) -> Throughput:
    """``AnalyzerEngine.analyze`` called once per text."""

    def work() -> None:
        for text in texts:
            analyzer.analyze(text=text, language="en")  # type: ignore[attr-defined]

    return _timed("Presidio AnalyzerEngine loop", texts, work)


def presidio_batch(analyzer: object, texts: Sequence[str], n_process: int,
                   batch_size: int = 32) -> Throughput:
    """``BatchAnalyzerEngine.analyze_iterator`` (spaCy ``nlp.pipe`` underneath)."""
    from presidio_analyzer import BatchAnalyzerEngine

    batch = BatchAnalyzerEngine(analyzer_engine=analyzer)  # type: ignore[arg-type]

    def work() -> None:
        list(batch.analyze_iterator(list(texts), language="en", batch_size=batch_size,
                                    n_process=n_process))

    return _timed(f"Presidio BatchAnalyzerEngine, n_process={n_process}", texts, work)


def load_spacy(ner_only: bool, model: str = MODEL) -> object:
    """The spaCy model with its shipped components, or with NER alone."""
    import spacy

    return spacy.load(model, exclude=list(_NOT_NER)) if ner_only else spacy.load(model)


def spacy_pipe(nlp: object, texts: Sequence[str], n_process: int, label: str,
               batch_size: int = 32) -> Throughput:
    """``nlp.pipe`` over all texts."""

    pipe = nlp.pipe  # type: ignore[attr-defined]

    def work() -> None:
        for _ in pipe(texts, batch_size=batch_size, n_process=n_process):
            pass

    return _timed(f"spaCy nlp.pipe ({label}), n_process={n_process}", texts, work)


def run_all(texts: Sequence[str], analyzer: object, quick: bool = False) -> list[Throughput]:
    """Every throughput baseline on ``texts`` (``quick``: skip the slowest duplicates)."""
    rows = [presidio_loop(analyzer, texts), presidio_batch(analyzer, texts, 1)]
    if not quick:
        rows.append(presidio_batch(analyzer, texts, 2))
    full = load_spacy(ner_only=False)
    rows += [spacy_pipe(full, texts, 1, "shipped components"),
             spacy_pipe(full, texts, 2, "shipped components")]
    del full
    ner = load_spacy(ner_only=True)
    rows += [spacy_pipe(ner, texts, 1, "NER only"), spacy_pipe(ner, texts, 2, "NER only")]
    return rows
