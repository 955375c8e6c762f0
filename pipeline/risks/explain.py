"""Plain-English reasons and suggestions for risk flags. Never quotes document text."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.risks.cue import TIME, Cue
from pipeline.risks.model import (
    AGE,
    BIRTH_YEAR,
    HIGH,
    MEDIUM,
    PLACE,
    RARE_ATTRIBUTE,
    ROLE,
    SMALL_COUNT,
    SPECIAL_CATEGORY,
    UNIQUENESS,
)

_ATTRIBUTE_ADVICE = {
    "ethnicity": "Leave out the ethnic group unless the document needs it; if it does, use a "
    "broad group (e.g. 'from a minority ethnic background') and keep it away from places and "
    "dates.",
    "religion or belief": "Leave out the religion unless the document needs it.",
    "sexual orientation": "Leave out the sexual orientation unless the document needs it.",
    "gender identity": "Leave out the gender identity unless the document needs it.",
    "disability": "Describe the support needed rather than the impairment, or use a broad term "
    "such as 'has a disability'.",
    "health": "Use a broad term such as 'a long-term health condition', or leave it out.",
    "pregnancy or maternity": "Leave out the pregnancy unless the document needs it.",
    "immigration status": "Leave out immigration or asylum status unless the document needs it.",
    "care experience": "Leave out care history unless the document needs it.",
    "criminal record": "Leave out offending history unless the document needs it.",
    "family circumstance": "Leave out the family detail unless the document needs it.",
    "armed forces": "Leave out service history unless the document needs it.",
    "language": "Leave out the language, or say 'speaks English as an additional language'.",
}


_MENTIONS = {
    "health": "a health condition",
    "disability": "a disability",
    "family circumstance": "a family circumstance",
    "language": "a language spoken",
    "armed forces": "armed forces service",
}


def _what(cue: Cue) -> str:
    return _MENTIONS.get(cue.category, cue.category)


def describe(cue: Cue) -> str:
    """A short noun phrase for the kind of detail a cue is."""
    if cue.kind == UNIQUENESS:
        return "wording that points at one person"
    if cue.kind == SPECIAL_CATEGORY:
        return f"a sensitive characteristic ({cue.category})"
    if cue.kind == RARE_ATTRIBUTE:
        return f"an uncommon personal circumstance ({cue.category})"
    if cue.kind == AGE:
        return "an exact age"
    if cue.kind == BIRTH_YEAR:
        return "a date of birth" if cue.singling else "a year of birth"
    if cue.kind == SMALL_COUNT:
        return "a small number of people"
    if cue.kind == ROLE:
        return "a job title held by one person"
    if cue.kind == PLACE:
        return "a small place" if cue.category == "small place" else "a named site or place"
    if cue.kind == TIME:
        return "a point in time"
    raise ValueError(f"unknown cue kind {cue.kind!r}")


def _base_reason(cue: Cue) -> str:
    if cue.kind == UNIQUENESS:
        staff = " Here it picks out one member of staff." if ROLE in cue.also else ""
        return ("Wording such as 'the only', 'sole', 'first … to' or 'one of two' points at one "
                f"person or a very small group.{staff}")
    if cue.kind == SPECIAL_CATEGORY:
        rare = ", and an uncommon one, so it can help single someone out" if cue.singling else ""
        return f"Mentions {_what(cue)}, a sensitive characteristic{rare}."
    if cue.kind == RARE_ATTRIBUTE:
        if cue.singling:
            return (f"Mentions {_what(cue)}, an uncommon personal circumstance that can help "
                    "single someone out.")
        return f"Mentions {_what(cue)}, a personal detail that narrows down who is meant."
    if cue.kind == AGE:
        if cue.singling:
            return "An exact age this high is rare, so it narrows down who this is a great deal."
        return "An exact age narrows down who this is."
    if cue.kind == BIRTH_YEAR:
        if cue.singling:
            return "A full date of birth is close to a direct identifier."
        return "A year of birth gives an almost exact age."
    if cue.kind == SMALL_COUNT:
        return ("A small number of people is mentioned; people who know the setting may work out "
                "who they are.")
    if cue.kind == ROLE:
        return "A job title usually held by one person, so it can identify whoever holds it."
    if cue.category == "small place":
        return "Refers to a small place, where few people live or work."
    return "Names a specific site or place; with other details it narrows down who is meant."


def _join(phrases: Sequence[str]) -> str:
    if len(phrases) == 1:
        return phrases[0]
    return ", ".join(phrases[:-1]) + " and " + phrases[-1]


def _unique(phrases: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(phrases))


def reason(group: Sequence[Cue], others: Sequence[Cue], severity: str) -> str:
    """Why a flag matters: its main cue, what else it contains, and what shares its sentence.

    Args:
        group: the overlapping cues that make up the flag, main cue first.
        others: the other cues in the same sentence, times included.
        severity: the severity already decided for the flag.
    """
    primary = group[0]
    parts = [_base_reason(primary)]
    inner = [p for p in _unique([describe(c) for c in group[1:]]) if p != describe(primary)]
    if inner:
        parts.append(f"It also contains {_join(inner)}.")
    outer = [p for p in _unique([describe(c) for c in others]) if p not in inner]
    if severity == HIGH:
        if outer:
            parts.append(
                f"With {_join(outer)} in the same sentence, this could single out one person."
            )
        else:
            parts.append("Together these details could single out one person.")
    elif severity == MEDIUM and outer:
        parts.append(f"With {_join(outer)} in the same sentence, it narrows down who is meant.")
    return " ".join(parts)


def suggestion(cue: Cue) -> str:
    """A concrete, safer alternative for the flag whose main cue is ``cue``."""
    if cue.kind == UNIQUENESS:
        return ("Drop the uniqueness wording ('only', 'sole', 'first', 'one of two') and describe "
                "the person as one of a wider group, or remove the detail.")
    if cue.kind in (SPECIAL_CATEGORY, RARE_ATTRIBUTE):
        return _ATTRIBUTE_ADVICE[cue.category]
    if cue.kind == AGE:
        if cue.replacement:
            return f"Use an age band: '{cue.replacement}'."
        return "Use an age band (e.g. '90 to 99', 'in later life') or leave the age out."
    if cue.kind == BIRTH_YEAR:
        return f"Use the decade ('{cue.replacement}') or an age band, or leave it out."
    if cue.kind == SMALL_COUNT:
        return "Use a vaguer quantity such as 'a few' or 'some', or leave the number out."
    if cue.kind == ROLE:
        return "Use a general description such as 'a member of staff' or 'a senior leader'."
    if cue.category == "small place":
        return "Use a wider area, e.g. 'a rural area' or the county."
    return "Use a wider area or a generic description, e.g. 'one of our sites' or 'a rural area'."
