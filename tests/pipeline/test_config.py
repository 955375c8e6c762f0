from __future__ import annotations

import pytest

from pipeline.config import Settings, load_settings
from pipeline.errors import ConfigError


def test_defaults_without_file():
    s = load_settings(None)
    assert s.label_word == "Client" and s.policy == "default" and s.keep_dates


def test_loads_toml(tmp_path):
    p = tmp_path / "a.toml"
    p.write_text('[labels]\nword = "Person"\n[names]\nallow = ["Oakfield College"]\n'
                 '[detection]\npolicy = "strict"\n[stats]\nprofile = "nhs"\n')
    s = load_settings(p)
    assert s.label_word == "Person" and s.allow == ("Oakfield College",) and s.policy == "strict"
    assert s.extra == {"stats": {"profile": "nhs"}}


@pytest.mark.parametrize(
    "body, fragment",
    [("[detection]\npolicy = 'lax'\n", "policy"), ("[detection]\nthreshold = 3\n", "threshold"),
     ("[labels]\nwrod = 'x'\n", "unknown setting"), ("not toml = = 1", "not valid TOML")],
)
def test_bad_config_is_one_clear_error(tmp_path, body, fragment):
    p = tmp_path / "bad.toml"
    p.write_text(body)
    with pytest.raises(ConfigError, match=fragment):
        load_settings(p)


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml")


def test_override_ignores_none():
    assert Settings().with_overrides(policy=None, label_word="Learner").label_word == "Learner"
