"""Rule profiles: HESA rounding, each built-in profile's settings and display, config overrides."""

from __future__ import annotations

from fractions import Fraction

import pytest

from pipeline.errors import ConfigError
from pipeline.stats.profiles import (
    BUILTIN,
    DEFAULT_PROFILE,
    Profile,
    Status,
    resolve_profile,
    round_half_up,
)


@pytest.mark.parametrize(
    "value, expected",
    [(3, 5), (22, 20), (2, 0), ("2.5", 5), (2.5, 5), (Fraction(5, 2), 5), (0, 0), (3286, 3285),
     (7.5, 10), (7.4, 5), (12, 10), (13, 15), (1, 0), (17.5, 20)],
)
def test_round_half_up_hesa_examples(value, expected):
    assert round_half_up(value, 5) == expected


@pytest.mark.parametrize("value, base, expected", [(4, 10, 0), (5, 10, 10), (14, 10, 10),
                                                    (15, 10, 20), (7, 1, 7)])
def test_round_half_up_other_bases(value, base, expected):
    assert round_half_up(value, base) == expected


def test_round_half_up_rejects_base_zero():
    with pytest.raises(ValueError):
        round_half_up(3, 0)


def test_default_profile_is_ons_10_5():
    assert DEFAULT_PROFILE == "ons-10-5"


@pytest.mark.parametrize(
    "name, threshold, special, base, zeros, low, k",
    [("ons-10-5", 10, 10, 5, "keep", 0, 10), ("nhs", 8, 8, 5, "keep", 0, 8),
     ("hesa", 0, 0, 5, "keep", 0, 5), ("ofqual", 0, 0, 5, "keep", 5, 5),
     ("dfe-fe", 0, 0, 10, "keep", 5, 5), ("tre-10", 10, 10, 1, "disclosive", 0, 10),
     ("gss-min", 3, 5, 1, "keep", 0, 5)],
)
def test_profile_settings(name, threshold, special, base, zeros, low, k):
    p = BUILTIN[name]
    assert (p.threshold, p.special_threshold, p.rounding_base, p.zero_policy, p.low_below,
            p.k) == (threshold, special, base, zeros, low, k)
    assert p.suppressed_marker == "[c]" and p.low_marker == "[low]"
    assert "anonymous" not in p.summary.casefold()


def test_hesa_percentage_threshold():
    assert BUILTIN["hesa"].percent_min_denominator == 22.5


def _shown(profile: str, count: int, special: bool = False) -> tuple[str, str]:
    d = BUILTIN[profile].display(count, special)
    return d.token, d.reason


@pytest.mark.parametrize(
    "count, token, reason",
    [(0, "0", ""), (1, "[c]", "primary"), (9, "[c]", "primary"), (10, "10", "rounded"),
     (12, "10", "rounded"), (13, "15", "rounded"), (22, "20", "rounded"),
     (23, "25", "rounded"), (1003, "1005", "rounded")],
)
def test_ons_10_5_display(count, token, reason):
    assert _shown("ons-10-5", count) == (token, reason)


@pytest.mark.parametrize(
    "profile, count, token",
    [("nhs", 0, "0"), ("nhs", 7, "[c]"), ("nhs", 8, "10"), ("nhs", 1, "[c]"),
     ("hesa", 0, "0"), ("hesa", 2, "0"), ("hesa", 3, "5"), ("hesa", 22, "20"),
     ("ofqual", 0, "0"), ("ofqual", 1, "[low]"), ("ofqual", 4, "[low]"), ("ofqual", 5, "5"),
     ("dfe-fe", 0, "0"), ("dfe-fe", 4, "[low]"), ("dfe-fe", 5, "10"), ("dfe-fe", 14, "10"),
     ("dfe-fe", 15, "20"), ("tre-10", 0, "[c]"), ("tre-10", 9, "[c]"), ("tre-10", 10, "10"),
     ("tre-10", 11, "11"), ("gss-min", 2, "[c]"), ("gss-min", 3, "3"), ("gss-min", 0, "0")],
)
def test_profile_display(profile, count, token):
    assert _shown(profile, count)[0] == token


def test_special_category_threshold_is_stricter():
    assert _shown("gss-min", 4, special=False) == ("4", "")
    assert _shown("gss-min", 4, special=True) == ("[c]", "primary")


def test_hesa_zero_reason_does_not_tell_true_zero_from_rounded():
    # If a true 0 said "" and a rounded 1 said "rounded", the reason column would leak.
    assert _shown("hesa", 0) == _shown("hesa", 1) == _shown("hesa", 2) == ("0", "rounded")


def test_true_zero_reason_is_blank_when_only_zero_shows_as_zero():
    assert BUILTIN["ons-10-5"].display(0).status == Status.EXACT


def test_low_marker_status():
    assert BUILTIN["ofqual"].display(3).status == Status.LOW


@pytest.mark.parametrize(
    "changes, fragment",
    [({"threshold": -1}, "threshold"), ({"rounding_base": 0}, "rounding_base"),
     ({"zero_policy": "hide"}, "zero_policy"), ({"threshold": 10, "special_threshold": 5},
                                                "special_threshold"),
     ({"suppressed_marker": " "}, "suppressed_marker"), ({"threshold": 2.5}, "threshold")],
)
def test_profile_validation(changes, fragment):
    with pytest.raises(ConfigError, match=fragment):
        Profile("x", "test", **changes)


def test_resolve_builtin_without_overrides():
    assert resolve_profile("nhs") == BUILTIN["nhs"]


def test_resolve_override_changes_setting_and_summary():
    p = resolve_profile("nhs", {"nhs": {"threshold": 6}})
    assert p.threshold == 6 and p.special_threshold == 6 and p.rounding_base == 5
    assert "customised" in p.summary and "threshold = 6" in p.summary


def test_resolve_new_profile_from_base():
    p = resolve_profile("board", {"board": {"base": "ons-10-5", "rounding_base": 10}})
    assert p.name == "board" and p.threshold == 10 and p.rounding_base == 10


@pytest.mark.parametrize(
    "name, overrides, fragment",
    [("nope", {}, "unknown stats profile"), ("nhs", {"nhs": {"treshold": 3}}, "unknown setting"),
     ("x", {"x": {"base": "nope"}}, "base must be"), ("nhs", {"nhs": {"threshold": "7"}},
                                                      "threshold")],
)
def test_resolve_errors(name, overrides, fragment):
    with pytest.raises(ConfigError, match=fragment):
        resolve_profile(name, overrides)
