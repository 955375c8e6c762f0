"""Exit codes the CLI returns; scripts may rely on them (documented in the README)."""

from __future__ import annotations

OK = 0
#: ``check`` found personal data.
FINDINGS = 1
#: Bad command line or configuration; nothing was processed.
USAGE = 2
#: The batch finished, but at least one file was refused or failed (no output for it).
INCOMPLETE = 3
#: A fatal error stopped the run (e.g. the spaCy pipeline is not installed, a key store error).
FATAL = 4
