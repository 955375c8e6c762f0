"""Shared fixtures. The spaCy model is loaded once per session, and only by tests that need it."""

from __future__ import annotations

import pytest

from pipeline.offline import ensure_offline

ensure_offline()


@pytest.fixture(scope="session")
def detector():
    """A Detector on the default settings (loads the spaCy model once)."""
    from pipeline.config import Settings
    from pipeline.detect import Detector

    return Detector.load(Settings())
