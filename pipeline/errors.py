"""One exception hierarchy for everything anonymise raises on purpose.

Every message is a single line a user can act on. Messages name files, parts, page numbers
and entity types, but never document text, detected values or passphrases.
"""

from __future__ import annotations


class AnonymiseError(Exception):
    """Root of every error anonymise raises deliberately."""

    #: A short machine-readable reason code used in the JSON report.
    code = "error"


class UsageError(AnonymiseError):
    """The command line or configuration is wrong; nothing was processed (exit code 2)."""

    code = "usage"


class ConfigError(UsageError):
    """The TOML configuration file is missing, malformed or has invalid settings."""

    code = "config"


class SetupError(AnonymiseError):
    """The installation is incomplete, e.g. the configured spaCy pipeline is not installed."""

    code = "setup"


class InputError(AnonymiseError):
    """One input file cannot be anonymised; it is refused and the batch goes on."""

    code = "refused"


class UnsupportedFormat(InputError):
    """The file's extension is not one anonymise reads."""

    code = "unsupported-format"


class UnreadableFile(InputError):
    """The file is corrupt, truncated or not what its extension says."""

    code = "unreadable"


class EncryptedFile(InputError):
    """The file is encrypted or password-protected."""

    code = "encrypted"


class NoTextLayer(InputError):
    """A PDF page has no extractable text (a scan or vector drawing); it would need OCR."""

    code = "no-text-layer"


class UnsupportedContent(InputError):
    """The file holds content anonymise cannot read fully (e.g. an embedded object)."""

    code = "unsupported-content"


class OutputError(AnonymiseError):
    """Writing an output failed; no output is left behind for that file."""

    code = "output-failed"


class ResidualDataError(OutputError):
    """An original value was found in a written output, which was then deleted."""

    code = "residual-data"
