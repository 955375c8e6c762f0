"""The [stats] table of the settings file."""

from __future__ import annotations

import pytest

from pipeline.errors import ConfigError
from pipeline.stats.config import StatsConfig, load_stats_config


def _config(tmp_path, body: str):
    p = tmp_path / "a.toml"
    p.write_text(body, encoding="utf-8")
    return load_stats_config(p)


def test_defaults():
    c = load_stats_config(None)
    assert c == StatsConfig() and c.resolve(None).name == "ons-10-5"


def test_full_table(tmp_path):
    c = _config(tmp_path, '[stats]\nprofile = "nhs"\nunrecognised = "fail"\n'
                          'suppress_totals = true\nmin_values = 3\nspecial = ["Diagnosis"]\n'
                          '[stats.columns]\n"Ethnic group" = "ethnicity"\nCentre = "none"\n'
                          '[stats.profiles.nhs]\nthreshold = 6\n'
                          '[stats.profiles.board]\nbase = "hesa"\nrounding_base = 10\n')
    assert c.resolve(None).threshold == 6
    assert c.resolve("board").rounding_base == 10 and c.resolve("board").threshold == 0
    assert c.unrecognised == "fail" and c.suppress_totals and c.min_values == 3
    assert c.special == ("Diagnosis",) and c.columns["Centre"] == "none"


@pytest.mark.parametrize(
    "body, fragment",
    [("[stats]\nprofil = 'nhs'\n", "unknown setting"),
     ("[stats]\nunrecognised = 'drop'\n", "unrecognised"),
     ("[stats]\nmin_values = 1\n", "min_values"),
     ("[stats]\nsuppress_totals = 'yes'\n", "suppress_totals"),
     ("[stats.columns]\nx = 'ethnic'\n", "stats.columns"),
     ("[stats.profiles.nhs]\nthreshold = -2\n", "threshold"),
     ("[stats.profiles.nhs]\nrounding = 5\n", "unknown setting"),
     ("[stats]\nprofile = 'nope'\n", None)],
)
def test_bad_config(tmp_path, body, fragment):
    if fragment is None:  # an unknown default profile is reported when it is used
        with pytest.raises(ConfigError, match="unknown stats profile"):
            _config(tmp_path, body).resolve(None)
        return
    with pytest.raises(ConfigError, match=fragment):
        _config(tmp_path, body)
