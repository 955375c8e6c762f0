"""The key store's own exception tree (``keys`` imports nothing from ``pipeline``).

Every message is one line that names the store file or the token, never an original value
or a passphrase. ``pipeline.keyed.keystore_errors`` converts these into the pipeline's errors
at the boundary.
"""

from __future__ import annotations


class KeyStoreError(Exception):
    """Root of every error the key store raises deliberately."""

    #: A short machine-readable reason code.
    code = "keystore"
    #: True when the user can fix the problem by changing the command (exit code 2, not 4).
    usage = False


class WrongPassphrase(KeyStoreError):
    """The passphrase does not open this store."""

    code = "wrong-passphrase"


class StoreCorrupt(KeyStoreError):
    """The store file is damaged or was edited (a header, entry or audit check failed)."""

    code = "store-corrupt"


class StoreMissing(KeyStoreError):
    """The store file does not exist."""

    code = "store-missing"


class StoreExists(KeyStoreError):
    """``init`` was asked to create a store where a file already exists."""

    code = "store-exists"
    usage = True


class StoreForgotten(KeyStoreError):
    """The store's data key was destroyed by ``forget``; nothing can be revealed or added."""

    code = "store-forgotten"


class UnknownToken(KeyStoreError):
    """No entry in the store has this pseudonym or label."""

    code = "unknown-token"


class UnsupportedVersion(KeyStoreError):
    """The store was written by a newer version of anonymise."""

    code = "unsupported-version"


class TokenCollision(KeyStoreError):
    """Two different values produced the same pseudonym or label; nothing was reused."""

    code = "token-collision"


class StoreLocationRefused(KeyStoreError):
    """The store lies inside an input or output folder, next to the data it protects."""

    code = "store-location"
    usage = True


class PassphraseRequired(KeyStoreError):
    """No passphrase was given and none can be asked for (no terminal, or CI)."""

    code = "passphrase-required"
    usage = True


class WeakPassphrase(KeyStoreError):
    """A new passphrase is too short, or its confirmation did not match."""

    code = "weak-passphrase"
    usage = True
