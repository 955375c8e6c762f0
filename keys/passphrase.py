"""Where the passphrase comes from: an environment variable or a prompt (restic/borg style).

``ANONYMISE_PASSPHRASE`` opens (and, for ``init``, creates) a store; ``passwd`` reads the new
passphrase from ``ANONYMISE_NEW_PASSPHRASE``. Without the variable, the user is asked on the
terminal (a new passphrase twice). In CI (``CI=true``) or without a terminal there is nobody
to ask, so a missing variable is an error rather than a hang.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Mapping
from typing import Literal

from keys.errors import PassphraseRequired, WeakPassphrase

ENV_VAR = "ANONYMISE_PASSPHRASE"
NEW_ENV_VAR = "ANONYMISE_NEW_PASSPHRASE"
#: Shortest passphrase accepted for a new store or a passphrase change.
MIN_LENGTH = 8

Purpose = Literal["open", "new", "change"]


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to protect a key store.

    Raises:
        WeakPassphrase: fewer than :data:`MIN_LENGTH` characters (after trimming spaces).
    """
    if len(passphrase.strip()) < MIN_LENGTH:
        raise WeakPassphrase(f"the passphrase must have at least {MIN_LENGTH} characters")


def read_passphrase(
    env: Mapping[str, str],
    *,
    interactive: bool,
    purpose: Purpose = "open",
    prompt: Callable[[str], str] = getpass.getpass,
) -> str:
    """Return the passphrase from the environment, or ask for it on the terminal.

    Args:
        env: the environment (``os.environ``).
        interactive: whether a person can answer a prompt (stdin is a terminal).
        purpose: ``"open"`` an existing store, ``"new"`` store (``init``), or ``"change"``
            to a new passphrase (``passwd``, read from ``ANONYMISE_NEW_PASSPHRASE``).
        prompt: asks without echo (``getpass.getpass``); injectable for tests.

    Raises:
        PassphraseRequired: no variable set and nobody to ask (no terminal, or ``CI=true``).
        WeakPassphrase: a new passphrase is too short or its two entries differ.
    """
    var = NEW_ENV_VAR if purpose == "change" else ENV_VAR
    fresh = purpose != "open"
    value = env.get(var, "")
    if not value:
        in_ci = env.get("CI", "").strip().lower() in {"1", "true", "yes"}
        if not interactive or in_ci:
            raise PassphraseRequired(f"no passphrase: set {var} or run in a terminal")
        label = "New passphrase" if fresh else "Key store passphrase"
        value = prompt(f"{label}: ")
        if fresh and prompt("Repeat the passphrase: ") != value:
            raise WeakPassphrase("the two passphrases differ")
    if fresh:
        check_new_passphrase(value)
    return value
