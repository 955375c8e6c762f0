"""The systems under test, behind one interface: texts in, replaced spans and output text out.

* ``ours(policy)``: the project's string API (:class:`pipeline.api.Anonymiser`);
* ``presidio()``: vanilla Presidio — ``AnalyzerEngine`` with its default recognizers and
  threshold, on the same spaCy model, then ``AnonymizerEngine`` with its default operator.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bench import MODEL
from bench.metrics import SysSpan


@dataclass(frozen=True)
class SystemOutput:
    """What a system did to one text: replaced spans (input offsets) and the output text."""

    spans: tuple[SysSpan, ...]
    text: str


@dataclass(frozen=True)
class System:
    """A named system: ``run(texts, scopes)`` returns one output per text, in order."""

    name: str
    run: Callable[[Sequence[str], Sequence[str]], list[SystemOutput]]


def ours(policy: str = "default") -> System:
    """Our pipeline through its string API, with labels shared within each scope."""
    from pipeline.api import Anonymiser
    from pipeline.config import Settings

    anonymiser = Anonymiser.load(Settings(policy=policy))

    def run(texts: Sequence[str], scopes: Sequence[str]) -> list[SystemOutput]:
        results: list[SystemOutput | None] = [None] * len(texts)
        order: dict[str, list[int]] = {}
        for i, scope in enumerate(scopes):
            order.setdefault(scope, []).append(i)
        for scope, indices in order.items():
            outs = anonymiser.anonymise_texts([texts[i] for i in indices], scope=scope)
            for i, result in zip(indices, outs, strict=True):
                spans = tuple(
                    SysSpan(r.start, r.end, r.entity,
                            (r.key or r.new_text) if r.entity == "PERSON" else "")
                    for r in result.plan.replacements
                )
                results[i] = SystemOutput(spans, result.text)
        return [r for r in results if r is not None]

    return System(f"anonymise ({policy})", run)


def load_presidio(model: str = MODEL) -> tuple[Any, Any]:
    """Vanilla ``AnalyzerEngine`` (default registry, same spaCy model) and ``AnonymizerEngine``."""
    from pipeline.offline import ensure_offline

    ensure_offline()
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": model}],
    })
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    return analyzer, AnonymizerEngine()


def presidio(model: str = MODEL) -> System:
    """Vanilla Presidio. Replaced spans are read from the anonymizer after its own conflict
    resolution (a length-preserving pass), so they are exactly what the default pass replaces."""
    from presidio_anonymizer.entities import OperatorConfig

    analyzer, anonymizer = load_presidio(model)
    keep = {"DEFAULT": OperatorConfig("custom", {"lambda": lambda value: value})}

    def run(texts: Sequence[str], scopes: Sequence[str]) -> list[SystemOutput]:
        out = []
        for text in texts:
            results = analyzer.analyze(text=text, language="en")
            kept = anonymizer.anonymize(text=text, analyzer_results=results, operators=keep)
            replaced = anonymizer.anonymize(text=text, analyzer_results=results)
            spans = tuple(sorted(
                SysSpan(item.start, item.end, item.entity_type,
                        f"<{item.entity_type}>" if item.entity_type == "PERSON" else "")
                for item in kept.items
            ))
            out.append(SystemOutput(spans, replaced.text))
        return out

    return System("Presidio (vanilla)", run)
