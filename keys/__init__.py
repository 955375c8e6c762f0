"""Encrypted key store for keyed pseudonyms and persistent labels (our "recipes" layer).

This package imports nothing from ``pipeline`` or ``recognizers``; only ``keys.crypto``
imports ``cryptography``. The public API is what this module exports::

    from keys import KeyStore, check_store_location, read_passphrase

    check_store_location(store_path, inputs, out_dir)          # StoreLocationRefused
    passphrase = read_passphrase(os.environ, interactive=sys.stdin.isatty())
    with KeyStore.open(store_path, passphrase) as store:      # or KeyStore.create(...)
        token = store.pseudonym("UK_NHS", "9990000018", "999 000 0018", prefix="NHS")
        label = store.label("Client", "PERSON", "margaret smith", "margaret smith",
                            make_label=lambda i: f"Client {i}")
        store.reveal(token, reason="case review 2026-11").original   # logged in the audit

Guarantees: pseudonyms are deterministic per store (HMAC under a key only the store holds)
and unrelated between stores; originals are stored only sealed with AES-256-GCM, bound to
their token; lookups use keyed hashes; the data key is wrapped under a scrypt-derived key;
every new mapping is committed before its token is returned; reveals, passphrase changes and
``forget`` are recorded in a hash-chained audit log. Failures raise the
:class:`KeyStoreError` tree with one-line messages that never contain an original value.
"""

from __future__ import annotations

from keys.audit import AuditEntry, AuditReport
from keys.crypto import KdfParams
from keys.errors import (
                         KeyStoreError,
                         PassphraseRequired,
                         StoreCorrupt,
                         StoreExists,
                         StoreForgotten,
                         StoreLocationRefused,
                         StoreMissing,
                         TokenCollision,
                         UnknownToken,
                         UnsupportedVersion,
                         WeakPassphrase,
                         WrongPassphrase,
)
from keys.location import check_store_location
from keys.passphrase import ENV_VAR, NEW_ENV_VAR, read_passphrase
from keys.store import KeyStore, Revealed

__all__ = [
    "ENV_VAR", "NEW_ENV_VAR", "AuditEntry", "AuditReport", "KdfParams", "KeyStore",
    "KeyStoreError", "PassphraseRequired", "Revealed", "StoreCorrupt", "StoreExists",
    "StoreForgotten", "StoreLocationRefused", "StoreMissing", "TokenCollision", "UnknownToken",
    "UnsupportedVersion", "WeakPassphrase", "WrongPassphrase", "check_store_location",
    "read_passphrase",
]
