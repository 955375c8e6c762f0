"""Fixtures for the key store tests: cheap scrypt parameters (explicit, tests only)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keystore_helpers import FAST, PASSPHRASE

from keys import KeyStore


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """Where a test's store lives (in its own folder)."""
    folder = tmp_path / "vault"
    folder.mkdir()
    return folder / "keys.db"


@pytest.fixture
def store(store_path: Path) -> Iterator[KeyStore]:
    """A new, open store with cheap KDF parameters."""
    with KeyStore.create(store_path, PASSPHRASE, kdf=FAST) as s:
        yield s
