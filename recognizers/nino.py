"""Placeholder: recognizers for this module are being written."""

from __future__ import annotations

RECOGNIZERS: dict = {}
