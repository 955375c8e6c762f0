"""Re-identification risk flags for anonymised text: what could still single a person out.

``find_risks(text)`` lists quasi-identifiers (uniqueness wording, exact ages, sensitive
attributes, small places, unique roles, small counts) with a severity, a plain-English reason
and a suggestion; ``generalise(text, flags)`` applies the safe rewrites (ages to bands, birth
years to decades). Both are pure and need no NLP model.
"""

from __future__ import annotations

from pipeline.risks.detect import find_risks, prepare
from pipeline.risks.generalise import generalise
from pipeline.risks.model import HIGH, KINDS, LOW, MEDIUM, SEVERITIES, RiskFlag

__all__ = ["HIGH", "KINDS", "LOW", "MEDIUM", "SEVERITIES", "RiskFlag", "find_risks", "generalise", "prepare"]
