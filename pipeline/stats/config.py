"""The ``[stats]`` table of the TOML settings file.

Example::

    [stats]
    profile = "nhs"               # default rule profile for `anonymise stats`
    unrecognised = "group"        # or "fail": refuse records with unknown category spellings
    suppress_totals = false       # allow secondary suppression of margins as a last resort
    min_values = 2                # each hidden cell must be able to take at least this many values
    special = ["Diagnosis"]       # more columns to treat as special category

    [stats.columns]               # code list per column (else guessed from the header)
    "Ethnic group" = "ethnicity"
    "Centre" = "none"

    [stats.profiles.nhs]          # override a built-in profile…
    threshold = 6

    [stats.profiles.board-report] # …or define a new one from a built-in base
    base = "ons-10-5"
    rounding_base = 10
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.config import load_settings
from pipeline.errors import ConfigError
from pipeline.stats.codelists import CODELISTS
from pipeline.stats.profiles import DEFAULT_PROFILE, Profile, resolve_profile

_KEYS = {"profile", "unrecognised", "suppress_totals", "min_values", "special", "columns",
         "profiles"}


@dataclass(frozen=True)
class StatsConfig:
    """Settings for ``anonymise stats`` (defaults, overridden by ``[stats]``)."""

    profile: str = DEFAULT_PROFILE
    profiles: dict[str, dict[str, Any]] = field(default_factory=dict)
    unrecognised: str = "group"
    suppress_totals: bool = False
    min_values: int = 2
    special: tuple[str, ...] = ()
    columns: dict[str, str] = field(default_factory=dict)

    def resolve(self, name: str | None) -> Profile:
        """The profile to use: ``--profile`` if given, else ``[stats] profile``."""
        return resolve_profile(name or self.profile, self.profiles)


def _check(table: dict[str, Any]) -> list[str]:
    problems = [f"unknown setting [stats] {k}" for k in sorted(set(table) - _KEYS)]
    if not isinstance(table.get("profile", ""), str):
        problems.append("[stats] profile must be a profile name")
    if table.get("unrecognised", "group") not in ("group", "fail"):
        problems.append('[stats] unrecognised must be "group" or "fail"')
    if not isinstance(table.get("suppress_totals", False), bool):
        problems.append("[stats] suppress_totals must be true or false")
    mv = table.get("min_values", 2)
    if not isinstance(mv, int) or isinstance(mv, bool) or mv < 2:
        problems.append("[stats] min_values must be a whole number ≥ 2")
    special = table.get("special", [])
    if not isinstance(special, list) or not all(isinstance(s, str) for s in special):
        problems.append("[stats] special must be a list of column names")
    columns = table.get("columns", {})
    allowed = {*CODELISTS, "none"}
    if not isinstance(columns, dict) or not all(v in allowed for v in columns.values()):
        problems.append(f"[stats.columns] values must be one of {', '.join(sorted(allowed))}")
    profiles = table.get("profiles", {})
    if not isinstance(profiles, dict) or not all(isinstance(v, dict) for v in profiles.values()):
        problems.append("[stats.profiles.NAME] must be tables of settings")
    return problems


def load_stats_config(path: Path | None) -> StatsConfig:
    """Read ``[stats]`` from the settings file (defaults when ``path`` is None).

    Raises:
        ConfigError: the file is missing or invalid, or ``[stats]`` has invalid settings.
    """
    table = load_settings(path).extra.get("stats", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [stats] must be a table")
    problems = _check(table)
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    config = StatsConfig(
        profile=table.get("profile", DEFAULT_PROFILE),
        profiles=dict(table.get("profiles", {})),
        unrecognised=table.get("unrecognised", "group"),
        suppress_totals=table.get("suppress_totals", False),
        min_values=table.get("min_values", 2),
        special=tuple(table.get("special", ())),
        columns=dict(table.get("columns", {})),
    )
    for name in config.profiles:
        config.resolve(name)  # validate every configured profile now
    return config
