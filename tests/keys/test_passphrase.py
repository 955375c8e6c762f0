from __future__ import annotations

import pytest

from keys import PassphraseRequired, WeakPassphrase, read_passphrase


def _prompt(*answers: str):
    asked: list[str] = []
    queue = list(answers)

    def prompt(text: str) -> str:
        asked.append(text)
        return queue.pop(0)

    return prompt, asked


def test_environment_variable_wins_without_prompting():
    prompt, asked = _prompt()
    env = {"ANONYMISE_PASSPHRASE": "from the environment"}
    assert read_passphrase(env, interactive=True, prompt=prompt) == "from the environment"
    assert asked == []


@pytest.mark.parametrize("env, interactive", [({}, False), ({"CI": "true"}, True),
                                              ({"CI": "1", "ANONYMISE_PASSPHRASE": ""}, True)])
def test_nobody_to_ask_is_a_clear_error(env, interactive):
    prompt, asked = _prompt("never used")
    with pytest.raises(PassphraseRequired, match="ANONYMISE_PASSPHRASE"):
        read_passphrase(env, interactive=interactive, prompt=prompt)
    assert asked == []


def test_prompt_when_interactive():
    prompt, asked = _prompt("typed passphrase")
    assert read_passphrase({"CI": "false"}, interactive=True, prompt=prompt) == "typed passphrase"
    assert len(asked) == 1


def test_new_passphrase_is_confirmed():
    prompt, asked = _prompt("typed passphrase", "typed passphrase")
    assert read_passphrase({}, interactive=True, purpose="new", prompt=prompt) == "typed passphrase"
    assert len(asked) == 2
    prompt, _ = _prompt("typed passphrase", "typo passphrase")
    with pytest.raises(WeakPassphrase):
        read_passphrase({}, interactive=True, purpose="new", prompt=prompt)


@pytest.mark.parametrize("purpose", ["new", "change"])
def test_new_passphrase_must_be_long_enough(purpose):
    var = "ANONYMISE_NEW_PASSPHRASE" if purpose == "change" else "ANONYMISE_PASSPHRASE"
    with pytest.raises(WeakPassphrase):
        read_passphrase({var: "short"}, interactive=False, purpose=purpose)
    assert read_passphrase({var: "long enough"}, interactive=False, purpose=purpose) == \
        "long enough"


def test_change_reads_the_new_variable():
    env = {"ANONYMISE_PASSPHRASE": "old passphrase", "ANONYMISE_NEW_PASSPHRASE": "new passphrase"}
    assert read_passphrase(env, interactive=False, purpose="change") == "new passphrase"
    with pytest.raises(PassphraseRequired, match="ANONYMISE_NEW_PASSPHRASE"):
        read_passphrase({"ANONYMISE_PASSPHRASE": "old passphrase"}, interactive=False,
                        purpose="change")
