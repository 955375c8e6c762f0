"""Keep every run offline.

Presidio's e-mail recognizer validates domains with tldextract, whose module-level extractor is
built when ``presidio_analyzer`` is imported and fetches the Public Suffix List over HTTPS unless
told not to. :func:`ensure_offline` must run before ``presidio_analyzer`` is first imported: it
makes tldextract use the snapshot bundled in its wheel, with no network and no cache writes,
and stops Hugging Face/spaCy helpers from trying to download anything.
"""

from __future__ import annotations

import os

_SETTINGS = {
    # An empty URL list means "use the bundled snapshot only"; an empty cache dir disables caching.
    "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "",
    "TLDEXTRACT_CACHE": "",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
}


def ensure_offline() -> None:
    """Configure offline behaviour; idempotent, and re-applied on the already-built extractor."""
    for key, value in _SETTINGS.items():
        os.environ[key] = value
    import tldextract
    import tldextract.tldextract as tx

    # Rebuild the module-level extractor in case tldextract was imported before us.
    tx.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
