"""Equality-monitoring tables with statistical disclosure control (``anonymise stats``).

records (read CSV, check code lists) → tabulate (counts and margins from the records) →
suppress (profile rule, secondary suppression) ⇄ audit (exact attacker intervals) → report;
kanon measures k-anonymity of the records on chosen quasi-identifiers. ``build`` ties them
together without file I/O; ``pipeline.commands.stats`` does the I/O.
"""
