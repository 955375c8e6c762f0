"""Replacement strategies backed by the encrypted key store (``keys``).

``PseudonymStrategy`` (``--mode pseudonym``) replaces every value with a typed keyed
pseudonym, ``<TYPE>-<CODE>``: the code is 10 Crockford base32 characters (50 bits) of
HMAC-SHA256 under a key held only in the store, computed over the entity type and the value's
normalised form (``pipeline.strategy.normalise_value``: identifiers ignore case, spaces,
dashes, dots and brackets; text is case-folded with whitespace collapsed). Equal values get
equal pseudonyms in every document and run that uses the same store; another store gives
unrelated ones. A collision is refused (``TokenCollision``), never reused.

Types in pseudonyms:

================== ======== ================== ========
entity             type     entity             type
================== ======== ================== ========
PERSON             PERSON   UK_PASSPORT        PASSPORT
ADDRESS            ADDRESS  UK_DRIVING_LICENCE LICENCE
UK_POSTCODE        POSTCODE DATE_OF_BIRTH      DOB
PHONE_NUMBER       PHONE    UK_BANK_ACCOUNT    BANK
EMAIL_ADDRESS      EMAIL    IBAN_CODE          IBAN
UK_NHS             NHS      CREDIT_CARD        CARD
UK_CHI             CHI      REFERENCE          REF
UK_HC              HC       IP_ADDRESS         IP
UK_NINO            NINO     URL                URL
UK_ULN             ULN      DATE_TIME          DATE
UK_UPN             UPN      LOCATION           PLACE
UK_UTR             UTR      ORGANIZATION       ORG
NRP                GROUP    AGE                AGE
================== ======== ================== ========

Any other entity uses its name without ``UK_`` and underscores (at most 16 characters).

``StoredLabelStrategy`` (label mode with ``--keystore``) gives people persistent labels: the
same person key gets the same "Client C" in next month's batch, and new people get the next
unused letter. Other entities get the usual placeholders.

What is revealed (``anonymise keys reveal``) is the value as first seen; for a person that is
the run's canonical person key (lower-case name), since strategies receive no other form.

Both strategies have ``batch()``: a context manager to wrap around planning one document, so
that its new pseudonyms are committed in one transaction before the output is written (the
default is one commit per new value, which is safe but slower). Both also convert key store
failures into :class:`KeyStoreFailure` (or :class:`~pipeline.errors.UsageError`), so a run
stops with a one-line error instead of marking documents as failed one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from keys import KeyStore, KeyStoreError, check_store_location, read_passphrase
from pipeline.errors import AnonymiseError, UsageError
from pipeline.strategy import LabelStrategy, label_suffix, normalise_value
from recognizers import entities as e

#: Readable type names used in pseudonyms.
TYPE_NAMES: dict[str, str] = {
    e.PERSON: "PERSON", e.ADDRESS: "ADDRESS", e.POSTCODE: "POSTCODE", e.PHONE: "PHONE",
    e.EMAIL: "EMAIL", e.NHS: "NHS", e.CHI: "CHI", e.HC: "HC", e.NINO: "NINO", e.ULN: "ULN",
    e.UPN: "UPN", e.UTR: "UTR", e.PASSPORT: "PASSPORT", e.DRIVING_LICENCE: "LICENCE",
    e.DATE_OF_BIRTH: "DOB", e.BANK_ACCOUNT: "BANK", e.REFERENCE: "REF", e.IBAN: "IBAN",
    e.CREDIT_CARD: "CARD", e.IP_ADDRESS: "IP", e.URL: "URL", "DATE_TIME": "DATE",
    "LOCATION": "PLACE", "ORGANIZATION": "ORG", "NRP": "GROUP", "AGE": "AGE",
}


class KeyStoreFailure(AnonymiseError):
    """The key store could not be used (wrong passphrase, damaged store, collision…)."""

    code = "keystore"


def type_name(entity: str) -> str:
    """The readable type used in an entity's pseudonyms (see the table above)."""
    known = TYPE_NAMES.get(entity)
    if known is not None:
        return known
    name = re.sub(r"[^A-Z0-9]", "", entity.upper().removeprefix("UK_"))[:16]
    return name if name[:1].isalpha() else "VALUE"


@contextmanager
def keystore_errors() -> Iterator[None]:
    """Convert ``keys`` errors into pipeline errors (usage problems → ``UsageError``)."""
    try:
        yield
    except KeyStoreError as exc:
        kind = UsageError if exc.usage else KeyStoreFailure
        raise kind(str(exc)) from exc


def open_for_run(store: Path, inputs: Sequence[Path], output: Path | None, *,
                 env: Mapping[str, str], interactive: bool) -> KeyStore:
    """Check where the store is, get the passphrase and open the store for a run.

    Raises:
        UsageError: the store is inside an input or the output folder, or no passphrase.
        KeyStoreFailure: missing store, wrong passphrase, damaged or newer store.
    """
    with keystore_errors():
        check_store_location(store, inputs, output)
        return KeyStore.open(store, read_passphrase(env, interactive=interactive))


class PseudonymStrategy:
    """Every value becomes its keyed pseudonym, e.g. ``PERSON-7K2QF9XM3A``, ``NHS-…``."""

    def __init__(self, store: KeyStore) -> None:
        """Use ``store`` (open; the caller closes it)."""
        self._store = store
        self._produced: dict[str, None] = {}

    def person(self, person_key: str) -> str:
        """Pseudonym of a person, from its canonical key (which is also what reveal shows)."""
        return self._token(e.PERSON, person_key)

    def entity(self, entity: str, value: str) -> str:
        """Pseudonym of any other value."""
        return self._token(entity, value)

    def produced(self) -> list[str]:
        """Pseudonyms produced so far by this instance, in order of first use (no originals)."""
        return list(self._produced)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Commit the block's new pseudonyms together when it ends (``KeyStore.batch``).

        Wrap the planning of one document in it and write the output after the block.
        """
        with keystore_errors(), self._store.batch():
            yield

    def _token(self, entity: str, value: str) -> str:
        with keystore_errors():
            token = self._store.pseudonym(entity, normalise_value(entity, value), value,
                                          type_name(entity))
        self._produced.setdefault(token)
        return token


class StoredLabelStrategy:
    """People get labels that persist in the store ("Client A" stays Client A); others
    get the same placeholders as :class:`~pipeline.strategy.LabelStrategy`."""

    def __init__(self, store: KeyStore, word: str = "Client") -> None:
        """Use ``store`` (open; the caller closes it) and the label ``word``."""
        self._store = store
        self._word = word
        self._placeholders = LabelStrategy(word)
        self._produced: dict[str, None] = {}

    def person(self, person_key: str) -> str:
        """The person's stored label, or the next unused one for a new person."""
        with keystore_errors():
            label = self._store.label(self._word, e.PERSON, normalise_value(e.PERSON, person_key),
                                      person_key, self._make_label)
        self._produced.setdefault(label)
        return label

    def entity(self, entity: str, value: str) -> str:
        """The entity's placeholder, e.g. ``[POSTCODE]``."""
        return self._placeholders.entity(entity, value)

    def produced(self) -> list[str]:
        """Labels produced so far by this instance, in order of first use."""
        return list(self._produced)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Same interface as :meth:`PseudonymStrategy.batch` (labels commit one by one)."""
        with keystore_errors(), self._store.batch():
            yield

    def _make_label(self, index: int) -> str:
        return f"{self._word} {label_suffix(index)}"
