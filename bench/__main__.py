"""``python -m bench [--smoke]``: run the benchmarks and write the results page.

Full run (``make bench``): synthetic corpus accuracy, TAB dev and train, end-to-end speed
against Presidio and spaCy, memory at 100 / 1,000 / 5,000 documents, and a profile; writes
``bench/results.md``. ``--smoke`` runs every part on a few documents in well under a minute and
writes to ``bench/work/smoke/results.md`` unless ``--results`` says otherwise.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from bench import CORPUS_DIR, RESULTS_FILE, TAB_DIR, WORK_DIR, accuracy, corpus, speed, tab
from bench.gold import GoldDoc
from bench.report import render
from bench.systems import System
from bench.targets import Results

log = logging.getLogger("bench")
PARTS = ("accuracy", "tab", "speed", "memory", "profile")


@dataclasses.dataclass(frozen=True)
class Plan:
    """Sizes of one benchmark mode."""

    accuracy_docs: int
    tab_docs: int | None  # None: all documents
    tab_train: bool
    speed_docs: int
    speed_paragraphs: int
    memory_sizes: tuple[int, ...]
    profile_docs: int
    stage_docs: int
    quick: bool


FULL = Plan(150, None, True, 420, 10, (100, 1000, 5000), 60, 120, quick=False)
SMOKE = Plan(6, 2, False, 8, 2, (10,), 0, 4, quick=True)


def _args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    p.add_argument("--smoke", action="store_true", help="a few documents, for CI (< 60 s)")
    p.add_argument("--work", type=Path, help="scratch folder (default bench/work[/smoke])")
    p.add_argument("--corpus", type=Path, help="corpus folder (default bench/corpus[/smoke])")
    p.add_argument("--results", type=Path, help="results page (default bench/results.md)")
    p.add_argument("--skip", nargs="*", default=[], choices=PARTS, help="parts to leave out")
    p.add_argument("--repeat", type=int,
                   help="run the speed part this many times, keep the fastest (default 2; smoke 1)")
    p.add_argument("--tab-dir", type=Path, default=Path(os.environ.get("BENCH_TAB_DIR", TAB_DIR)))
    return p.parse_args(argv)


def _corpus_summary(docs: Sequence[GoldDoc], seed: int) -> dict[str, object]:
    formats: dict[str, int] = {}
    for d in docs:
        formats[d.format] = formats.get(d.format, 0) + 1
    return {"docs": len(docs), "words": sum(d.words for d in docs), "seed": seed,
            "formats": ", ".join(f"{n} .{f}" for f, n in sorted(formats.items())),
            "cases": len({d.scope for d in docs}),
            "persons": len({(d.scope, s.person) for d in docs for s in d.spans if s.person}),
            "spans": sum(len(d.spans) for d in docs),
            "phrases": sum(len(d.phrases) for d in docs)}


def _fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def _accuracy(r: Results, plan: Plan, corpus_dir: Path, work: Path,
              systems: dict[str, System]) -> None:
    seed = 2026
    docs = corpus.build(corpus_dir / "accuracy", seed, plan.accuracy_docs)
    r.corpus = _corpus_summary(docs, seed)
    log.info("accuracy: %d documents; running systems on text", len(docs))
    ours_out = accuracy.run_system(systems["ours"], docs)
    r.ours = accuracy.span_accuracy(systems["ours"].name, docs, ours_out)
    (work / "synthetic_misses.txt").write_text(accuracy.misses_report(docs, ours_out))
    (work / "synthetic_false_positives.txt").write_text(accuracy.false_positives(docs, ours_out))
    (work / "synthetic_labels.txt").write_text(accuracy.label_report(docs, ours_out))
    pres_out = accuracy.run_system(systems["presidio"], docs)
    r.presidio = accuracy.span_accuracy(systems["presidio"].name, docs, pres_out)
    log.info("accuracy: running the CLI on the files")
    out = _fresh(work / "accuracy_out")
    run = speed.run_cli(corpus_dir / "accuracy" / "docs", out, len(docs),
                        sum(d.words for d in docs), log=work / "accuracy_cli.log",
                        report=work / "accuracy_report.json")
    if run.returncode != 0:
        r.notes.append(f"`anonymise run` on the accuracy corpus exited with {run.returncode} "
                       "(see bench/work/accuracy_cli.log).")
    r.files = accuracy.file_accuracy(docs, out)
    if r.files.missing_outputs:
        n = r.files.missing_outputs
        r.notes.append(f"{n} accuracy document{'s' if n > 1 else ''} had no output file (the CLI "
                       "failed or refused it); left out of the file leak rate.")


def _tab(r: Results, plan: Plan, tab_dir: Path, work: Path, systems: dict[str, System]) -> None:
    splits = [("dev", tab_dir / "tab_dev_subset.json")]
    if plan.tab_train:
        splits.append(("train", tab_dir / "tab_train_subset.json"))
    for split, path in splits:
        if not path.exists():
            r.notes.append(f"TAB {split} file not found; TAB {split} skipped.")
            continue
        docs = tab.load(path)[: plan.tab_docs]
        log.info("TAB %s: %d documents", split, len(docs))
        r.tab[split] = {}
        for key in ("strict", "ours", "presidio"):
            system = systems[key]
            outs = system.run([d.text for d in docs], [d.doc_id for d in docs])
            masks = {d.doc_id: [(s.start, s.end) for s in o.spans]
                     for d, o in zip(docs, outs, strict=True)}
            r.tab[split][system.name] = tab.score(docs, masks)
            if split == "dev" or key == "strict":
                lines = [f"{d.doc_id} {t} {kind} [[{d.text[s:e]}]]" for d in docs
                         for t, kind, s, e in tab.missed_mentions(d, masks[d.doc_id])]
                (work / f"tab_{split}_misses_{key}.txt").write_text("\n".join(lines) + "\n")


def _speed(r: Results, plan: Plan, corpus_dir: Path, work: Path, repeat: int) -> None:
    from bench import baselines
    from bench.profiling import profile_cli
    from bench.systems import load_presidio

    seed = 7
    docs = corpus.build(corpus_dir / "speed", seed, plan.speed_docs, ("txt", "docx"),
                        plan.speed_paragraphs)
    r.speed_corpus = _corpus_summary(docs, seed)
    words = sum(d.words for d in docs)
    texts = [d.text for d in docs]
    analyzer, _ = load_presidio()
    best: dict[str, baselines.Throughput] = {}
    for attempt in range(repeat):
        log.info("speed: end-to-end run %d/%d (%d docs, %d words)", attempt + 1, repeat,
                 len(docs), words)
        run = speed.run_cli(corpus_dir / "speed" / "docs", _fresh(work / "speed_out"),
                            len(docs), words, log=work / "speed_cli.log")
        if run.outputs < len(docs):
            r.notes.append(f"End-to-end run {attempt + 1}: exit code {run.returncode}, only "
                           f"{run.outputs} of {len(docs)} outputs (see bench/work/speed_cli.log);"
                           " its speed is not a valid measurement.")
        elif r.e2e is None or run.seconds < r.e2e.seconds:
            r.e2e = run
        log.info("speed: baselines")
        for row in baselines.run_all(texts, analyzer, quick=plan.quick):
            if row.name not in best or row.seconds < best[row.name].seconds:
                best[row.name] = row
    r.baselines = list(best.values())
    if plan.stage_docs:
        from bench import stages

        log.info("speed: CPU per stage (%d documents)", plan.stage_docs)
        chosen = [corpus_dir / "speed" / "docs" / d.relative for d in docs[: plan.stage_docs]]
        r.stages = stages.measure(chosen)
    if plan.profile_docs:
        log.info("speed: profile")
        sub = _subset(corpus_dir / "speed", docs, plan.profile_docs)
        subset_words = sum(d.words for d in docs[: plan.profile_docs])
        r.profile = profile_cli(sub, _fresh(work / "profile_out"), work, plan.profile_docs,
                                subset_words)
        r.profile_docs = plan.profile_docs


def _subset(folder: Path, docs: Sequence[GoldDoc], n: int) -> Path:
    """A folder with hard links to the first ``n`` documents (built once)."""
    target = folder / f"first{n}"
    if target.exists() and sum(1 for p in target.rglob("*") if p.is_file()) == n:
        return target
    _fresh(target)
    for doc in docs[:n]:
        link = target / doc.relative
        link.parent.mkdir(parents=True, exist_ok=True)
        os.link(folder / "docs" / doc.relative, link)
    return target


def _memory(r: Results, plan: Plan, corpus_dir: Path, work: Path) -> None:
    biggest = max(plan.memory_sizes)
    docs = corpus.build(corpus_dir / "memory", 11, biggest, ("txt", "txt", "txt", "txt", "docx"),
                        paragraphs=1)
    for n in plan.memory_sizes:
        log.info("memory: %d documents", n)
        run = speed.run_cli(_subset(corpus_dir / "memory", docs, n), _fresh(work / "memory_out"),
                            n, sum(d.words for d in docs[:n]), log=work / f"memory_{n}.log")
        if run.outputs < n:
            r.notes.append(f"Memory run at {n} documents: exit code {run.returncode}, only "
                           f"{run.outputs} outputs (see bench/work/memory_{n}.log).")
        r.memory.append((n, run))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return 0 (results written) or 1."""
    args = _args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("bench %(asctime)s %(message)s", "%H:%M:%S"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    plan = SMOKE if args.smoke else FULL
    sub = "smoke" if args.smoke else ""
    work = (args.work or WORK_DIR / sub).resolve()
    corpus_dir = (args.corpus or CORPUS_DIR / sub).resolve()
    results_path = args.results or (work / "results.md" if args.smoke else RESULTS_FILE)
    work.mkdir(parents=True, exist_ok=True)
    started, t0 = datetime.now(UTC), time.perf_counter()
    r = Results("smoke" if args.smoke else "full")
    r.load.append(os.getloadavg())
    if {"accuracy", "tab"} - set(args.skip):
        from bench.systems import ours, presidio

        systems = {"ours": ours("default"), "strict": ours("strict"), "presidio": presidio()}
        if "accuracy" not in args.skip:
            _accuracy(r, plan, corpus_dir, work, systems)
        if "tab" not in args.skip:
            _tab(r, plan, args.tab_dir, work, systems)
        del systems
    if "speed" not in args.skip:
        _speed(r, plan, corpus_dir, work, max(1, args.repeat or (1 if args.smoke else 2)))
    if "memory" not in args.skip:
        _memory(r, plan, corpus_dir, work)
    r.load.append(os.getloadavg())
    seconds = time.perf_counter() - t0
    results_path.parent.mkdir(parents=True, exist_ok=True)
    results_path.write_text(render(r, started, seconds), encoding="utf-8")
    (work / "results.json").write_text(
        json.dumps(dataclasses.asdict(r), indent=1, default=str), encoding="utf-8")
    log.info("wrote %s in %.0f s", results_path, seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
