"""End-to-end speed and memory of the ``anonymise run`` CLI, measured from outside.

The CLI runs in a subprocess. A monitor thread polls ``/proc`` every 0.25 s for the memory of
the whole process tree (the CLI and any workers it starts: current RSS and PSS, and each
process's own high-water mark ``VmHWM``) and the output folder for the first file written.
(``getrusage``/``wait4`` peak RSS is not used: it includes the parent's memory at fork time.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_OUTPUT_SUFFIXES = (".txt", ".docx", ".pdf", ".md")


@dataclass(frozen=True)
class CliRun:
    """One CLI run: timings in seconds, memory in MB (10^6 bytes); PSS shares pages fairly."""

    docs: int
    words: int
    seconds: float
    first_output: float | None
    peak_tree_rss_mb: float
    peak_tree_pss_mb: float
    max_process_rss_mb: float
    returncode: int
    outputs: int

    @property
    def peak_rss_mb(self) -> float:
        """The larger of the sampled process-tree RSS and any one process's own peak RSS."""
        return max(self.peak_tree_rss_mb, self.max_process_rss_mb)

    @property
    def words_per_s(self) -> float:
        """Words per second, start-up included."""
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def docs_per_s(self) -> float:
        """Documents per second, start-up included."""
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def steady_words_per_s(self) -> float:
        """Words per second after the first output (start-up and first chunk excluded)."""
        if self.first_output is None or self.seconds <= self.first_output:
            return 0.0
        share = (self.outputs - 1) / self.outputs if self.outputs > 1 else 0.0
        return self.words * share / (self.seconds - self.first_output)


def cli_command() -> list[str]:
    """The command that starts the CLI: the ``anonymise`` script, else ``python -m pipeline``."""
    script = Path(sys.executable).parent / "anonymise"
    return [str(script)] if script.exists() else [sys.executable, "-m", "pipeline"]


def supports(option: str) -> bool:
    """Whether ``anonymise run --help`` mentions ``option`` (e.g. ``--workers``)."""
    done = subprocess.run([*cli_command(), "run", "--help"], capture_output=True, text=True,
                          check=False, timeout=120)
    return option in done.stdout


def _children(pid: int) -> list[int]:
    tree, parents = [pid], {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    stat = f.read()
            except OSError:
                continue
            parents.setdefault(int(stat[stat.rfind(b")") + 2 :].split()[1]), []).append(
                int(entry.name))
    i = 0
    while i < len(tree):
        tree.extend(parents.get(tree[i], []))
        i += 1
    return tree


def _memory_kb(pid: int) -> tuple[int, int, int]:
    """Current RSS, PSS and peak RSS (VmHWM) of one process, in KiB (0 once it has gone)."""
    values = {"Rss:": 0, "Pss:": 0, "VmHWM:": 0}
    for name in ("smaps_rollup", "status"):
        try:
            with open(f"/proc/{pid}/{name}") as f:
                for line in f:
                    key = line.split(maxsplit=1)[0] if line.strip() else ""
                    if key in values:
                        values[key] = int(line.split()[1])
        except (OSError, ValueError, IndexError):
            pass
    return values["Rss:"], values["Pss:"], values["VmHWM:"]


def _has_output(folder: Path) -> bool:
    for _root, _dirs, files in os.walk(folder):
        if any(f.endswith(_OUTPUT_SUFFIXES) and not f.startswith(".") for f in files):
            return True
    return False


def _count_outputs(folder: Path) -> int:
    return sum(1 for _r, _d, files in os.walk(folder) for f in files
               if f.endswith(_OUTPUT_SUFFIXES) and not f.startswith("."))


class _Monitor(threading.Thread):
    def __init__(self, pid: int, out: Path, started: float) -> None:
        super().__init__(daemon=True)
        self.pid, self.out, self.started = pid, out, started
        self.stop = threading.Event()
        self.first_output: float | None = None
        self.peak_rss = self.peak_pss = self.peak_hwm = 0

    def run(self) -> None:
        ticks = 0
        while not self.stop.is_set():
            if self.first_output is None and _has_output(self.out):
                self.first_output = time.perf_counter() - self.started
            if ticks % 5 == 0:  # memory every 0.25 s (a scan costs ~5 ms of CPU)
                totals = [_memory_kb(p) for p in _children(self.pid)]
                self.peak_rss = max(self.peak_rss, sum(t[0] for t in totals))
                self.peak_pss = max(self.peak_pss, sum(t[1] for t in totals))
                self.peak_hwm = max([self.peak_hwm, *(t[2] for t in totals)])
            ticks += 1
            self.stop.wait(0.05)


def run_cli(inputs: Path, out: Path, docs: int, words: int, extra: Sequence[str] = (),
            report: Path | None = None, log: Path | None = None,
            prefix: Sequence[str] = ()) -> CliRun:
    """Run ``anonymise run INPUTS --out OUT [extra]`` and measure it.

    Args:
        inputs: folder of documents. out: output folder (must not exist yet or be empty).
        docs, words: size of the input, for the rates.
        extra: further CLI options (``--policy strict``, ``--workers 2``…).
        report: where the CLI writes its JSON report. log: file for the CLI's stderr.
        prefix: a command that replaces the CLI launcher (e.g. cProfile); default the CLI.
    """
    out.mkdir(parents=True, exist_ok=True)
    cmd = [*(prefix or cli_command()), "run", str(inputs), "--out", str(out), *extra]
    if report is not None:
        cmd += ["--report", str(report)]
    err = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115
    env = {**os.environ, "TQDM_DISABLE": "1"}
    try:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        monitor = _Monitor(proc.pid, out, started)
        monitor.start()
        proc.wait()
        seconds = time.perf_counter() - started
        monitor.stop.set()
        monitor.join()
    finally:
        if log:
            err.close()  # type: ignore[union-attr]
    mb = 1024 / 1e6  # /proc reports KiB
    return CliRun(docs, words, seconds, monitor.first_output, monitor.peak_rss * mb,
                  monitor.peak_pss * mb, monitor.peak_hwm * mb, proc.returncode,
                  _count_outputs(out))
