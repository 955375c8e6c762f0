"""``anonymise keys …`` through ``pipeline.cli.main``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from keystore_helpers import FAST, PASSPHRASE, flip, raw

from keys import KeyStore
from pipeline.cli import main
from pipeline.commands import keys as keys_command

NEW = "a new long passphrase"


@pytest.fixture(autouse=True)
def env(monkeypatch):
    monkeypatch.setenv("ANONYMISE_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("ANONYMISE_NEW_PASSPHRASE", raising=False)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(keys_command, "_interactive", lambda: False)


@pytest.fixture
def filled(store_path: Path) -> dict[str, str]:
    """A store with a few entries; returns token → original."""
    with KeyStore.create(store_path, PASSPHRASE, kdf=FAST) as store:
        return {store.pseudonym("PERSON", "margaret o'neill", "Margaret O'Neill", "PERSON"):
                "Margaret O'Neill",
                store.pseudonym("UK_NHS", "9990000018", "999 000 0018", "NHS"): "999 000 0018"}


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["keys", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_error(err: str) -> None:
    assert err.startswith("anonymise: error: ") and err.count("\n") == 1


def _no_originals(filled: dict[str, str], *texts: str) -> None:
    for text in texts:
        for original in filled.values():
            assert original not in text


def test_cli_init_creates_a_store_and_refuses_to_overwrite(capsys, store_path):
    code, out, err = _run(capsys, "init", store_path)
    assert code == 0 and store_path.is_file()
    assert "created key store" in err and out == ""
    code, _, err = _run(capsys, "init", store_path)
    assert code == 2
    _one_line_error(err)


def test_cli_init_refuses_a_short_passphrase(capsys, store_path, monkeypatch):
    monkeypatch.setenv("ANONYMISE_PASSPHRASE", "short")
    code, _, err = _run(capsys, "init", store_path)
    assert code == 2 and not store_path.exists()
    _one_line_error(err)


def test_cli_reveal_prints_the_original_and_audit_lists_it(capsys, store_path, filled):
    token, original = next(iter(filled.items()))
    code, out, err = _run(capsys, "reveal", store_path, token.lower(), "--reason", "SAR 2026/14")
    assert (code, out, err) == (0, original + "\n", "")
    code, out, _ = _run(capsys, "audit", store_path)
    assert code == 0
    assert token in out and "SAR 2026/14" in out and "reveal" in out
    assert "audit log intact: 2 records; 2 entries verified" in out
    _no_originals(filled, out)


def test_cli_reveal_requires_a_reason(capsys, store_path, filled):
    token = next(iter(filled))
    with pytest.raises(SystemExit) as exc:
        main(["keys", "reveal", str(store_path), token])
    assert exc.value.code == 2
    assert "--reason" in capsys.readouterr().err
    code, _, err = _run(capsys, "reveal", store_path, token, "--reason", "  ")
    assert code == 2
    _one_line_error(err)


@pytest.mark.parametrize(
    "setup, argv, expected",
    [
        ("wrong", ["reveal", "{store}", "{token}", "--reason", "x"], 4),
        ("none", ["reveal", "{store}", "{token}", "--reason", "x"], 2),
        ("ci", ["audit", "{store}"], 2),
        ("ok", ["reveal", "{store}", "NHS-0000000000", "--reason", "x"], 4),
        ("ok", ["reveal", "{store}", "Margaret O'Neill", "--reason", "x"], 4),
        ("ok", ["reveal", "{missing}", "{token}", "--reason", "x"], 4),
        ("newer", ["audit", "{store}"], 4),
        ("ok", ["forget", "{store}"], 2),
    ],
)
def test_cli_errors_are_one_line_with_exit_codes(capsys, monkeypatch, store_path, filled, setup,
                                                 argv, expected):
    if setup == "wrong":
        monkeypatch.setenv("ANONYMISE_PASSPHRASE", "not the passphrase")
    elif setup == "none":
        monkeypatch.delenv("ANONYMISE_PASSPHRASE")
    elif setup == "ci":
        monkeypatch.delenv("ANONYMISE_PASSPHRASE")
        monkeypatch.setenv("CI", "true")
        monkeypatch.setattr(keys_command, "_interactive", lambda: True)
    elif setup == "newer":
        raw(store_path).execute("UPDATE header SET version = 9")
    values = {"store": store_path, "token": next(iter(filled)),
              "missing": store_path.with_name("missing.db")}
    code, out, err = _run(capsys, *(a.format(**values) for a in argv))
    assert code == expected
    assert out == ""
    _one_line_error(err)
    _no_originals(filled, err)
    if setup != "newer":
        with KeyStore.open(store_path, PASSPHRASE) as store:  # nothing changed
            assert [e.action for e in store.audit().entries] == ["init"]
            assert store.verify_entries() == 2


def test_cli_tampered_entry_and_audit_exit_4(capsys, store_path, filled):
    token = next(iter(filled))
    db = raw(store_path)
    sealed = db.execute("SELECT sealed FROM entries WHERE token = ?", (token,)).fetchone()[0]
    db.execute("UPDATE entries SET sealed = ? WHERE token = ?", (flip(sealed, 20), token))
    code, out, err = _run(capsys, "reveal", store_path, token, "--reason", "x")
    assert code == 4 and out == "" and token in err
    _one_line_error(err)
    code, out, err = _run(capsys, "audit", store_path)
    assert code == 4 and "init" in out
    _one_line_error(err)
    db.execute("UPDATE entries SET sealed = ? WHERE token = ?", (sealed, token))
    assert _run(capsys, "reveal", store_path, token, "--reason", "x")[0] == 0
    db.execute("UPDATE audit SET reason = 'edited' WHERE seq = 2")
    code, out, err = _run(capsys, "audit", store_path)
    assert code == 4 and "edited" in out and "audit entry 2" in err


def test_cli_forget_with_yes_makes_reveal_impossible(capsys, store_path, filled):
    token = next(iter(filled))
    code, _, err = _run(capsys, "forget", store_path, "--yes", "--reason", "retention ended")
    assert code == 0 and "destroyed" in err
    code, out, err = _run(capsys, "reveal", store_path, token, "--reason", "x")
    assert code == 4 and out == ""
    _one_line_error(err)
    code, out, _ = _run(capsys, "audit", store_path)
    assert code == 0 and "forget" in out and "retention ended" in out and "forgotten" in out


@pytest.mark.parametrize("typed, expected", [("keys.db\n", 0), ("yes\n", 2), ("\n", 2)])
def test_cli_forget_typed_confirmation(capsys, monkeypatch, store_path, filled, typed, expected):
    monkeypatch.setattr(keys_command, "_interactive", lambda: True)
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    code, _, _ = _run(capsys, "forget", store_path)
    assert code == expected
    with KeyStore.open(store_path, PASSPHRASE) as store:
        assert store.forgotten is (expected == 0)


def test_cli_passwd(capsys, monkeypatch, store_path, filled):
    monkeypatch.setenv("ANONYMISE_NEW_PASSPHRASE", NEW)
    code, _, err = _run(capsys, "passwd", store_path, "--reason", "rotation")
    assert code == 0 and "changed" in err
    token, original = next(iter(filled.items()))
    assert _run(capsys, "reveal", store_path, token, "--reason", "x")[0] == 4
    monkeypatch.setenv("ANONYMISE_PASSPHRASE", NEW)
    assert _run(capsys, "reveal", store_path, token, "--reason", "x")[1] == original + "\n"


def test_cli_passwd_without_new_passphrase_changes_nothing(capsys, store_path, filled):
    code, _, err = _run(capsys, "passwd", store_path)
    assert code == 2
    _one_line_error(err)
    with KeyStore.open(store_path, PASSPHRASE) as store:
        assert [e.action for e in store.audit().entries] == ["init"]
