"""Built-in UK code lists for equality-monitoring columns (data only, plus spelling recognition).

Each list has canonical categories in the published order, accepted spellings (aliases) and a
coarser generalisation used by the k-anonymity suggestions. Sources:

* Ethnicity: GSS harmonised standard / Census 2021 England and Wales, 5 groups and 19 categories
  (analysisfunction.civilservice.gov.uk ethnicity harmonised standard; gov.uk "List of ethnic
  groups", Annex C, 18 Mar 2025). Census 2021 output group labels are used as canonical names.
* Sex: Census 2021 ("Female", "Male").
* Religion: Census 2021 question 16 tick boxes (census.gov.uk; ONS TS030/TS031).
* Sexual orientation: Census 2021 output categories (ons.gov.uk census2021dictionary,
  sexual_orientation); grouping to "LGB+" follows ONS summary outputs.
* Disability: GSS harmonised disability standard (18 Jun 2020, = Census 2021 E&W outputs), plus
  HESA disability types (codes 51–59, 95, 96; DFE-Digital/dfe-reference-data disabilities list).
* Age: Census 2021 "Age (6 categories)" bands.

Every list also accepts "Prefer not to say" and "Not known" (kept as their own categories).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

PREFER_NOT = "Prefer not to say"
NOT_KNOWN = "Not known"
_MISSING_ALIASES = {
    "prefer not to say": PREFER_NOT, "refused": PREFER_NOT, "information refused": PREFER_NOT,
    "not known": NOT_KNOWN, "unknown": NOT_KNOWN, "not stated": NOT_KNOWN,
    "not answered": NOT_KNOWN, "not provided": NOT_KNOWN, "not available": NOT_KNOWN,
    "": NOT_KNOWN,
}


def normalise(text: str) -> str:
    """Spelling key: case-folded, '&' read as 'and', punctuation and spacing collapsed."""
    text = text.casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


@dataclass(frozen=True)
class CodeList:
    """A standard category set for one kind of column.

    Attributes:
        name: Identifier used in config (``[stats.columns]``) and reports.
        title: Human-readable name with its source.
        special: UK GDPR Article 9 special category (stricter thresholds may apply).
        categories: Canonical labels in published order (missing-value categories last).
        aliases: Normalised spelling → canonical label (canonical labels are added too).
        generalise_to: Canonical label → coarser label (empty when there is no hierarchy).
        generalisation: Plain-English description of ``generalise_to``.
        numeric: For age: maps an exact whole number to its band.
    """

    name: str
    title: str
    special: bool
    categories: tuple[str, ...]
    aliases: Mapping[str, str] = field(default_factory=dict)
    generalise_to: Mapping[str, str] = field(default_factory=dict)
    generalisation: str = ""
    numeric: Callable[[int], str] | None = None

    def __post_init__(self) -> None:
        # Canonical labels are always accepted, and win over any alias with the same spelling.
        merged = {**self.aliases, **{normalise(c): c for c in self.categories}}
        object.__setattr__(self, "aliases", merged)

    def recognise(self, raw: str, *, exact_numbers: bool = False) -> str | None:
        """Canonical label for a spelling, or None when it is not recognised.

        With ``numeric`` set, whole numbers are banded (or kept as exact numbers when
        ``exact_numbers`` is true, for k-anonymity measurement).
        """
        key = normalise(raw)
        if self.numeric is not None and raw.strip().isdigit():
            value = int(raw.strip())
            if value > 120:
                return None
            return str(value) if exact_numbers else self.numeric(value)
        return self.aliases.get(key) or _MISSING_ALIASES.get(key)

    def generalise(self, label: str) -> str:
        """The coarser category for a canonical label (or the label itself)."""
        if self.numeric is not None and label.isdigit():
            return self.numeric(int(label))
        return self.generalise_to.get(label, label)


def _keyed(pairs: Mapping[str, str]) -> dict[str, str]:
    return {normalise(k): v for k, v in pairs.items()}


# --- Ethnicity: Census 2021 England & Wales, 5 groups / 19 categories -----------------------
WHITE = "White"
MIXED = "Mixed or Multiple ethnic groups"
ASIAN = "Asian, Asian British or Asian Welsh"
BLACK = "Black, Black British, Black Welsh, Caribbean or African"
OTHER = "Other ethnic group"
_ETHNIC_DETAIL: tuple[tuple[str, tuple[str, ...], str], ...] = (
    # (group, detail categories, short word used in common spellings such as "White Irish")
    (WHITE, ("English, Welsh, Scottish, Northern Irish or British", "Irish",
             "Gypsy or Irish Traveller", "Roma", "Any other White background"), "white"),
    (MIXED, ("White and Black Caribbean", "White and Black African", "White and Asian",
             "Any other Mixed or Multiple ethnic background"), "mixed"),
    (ASIAN, ("Indian", "Pakistani", "Bangladeshi", "Chinese", "Any other Asian background"),
     "asian"),
    (BLACK, ("Caribbean", "African", "Any other Black, Black British, or Caribbean background"),
     "black"),
    (OTHER, ("Arab", "Any other ethnic group"), "other"),
)
# GSS harmonised group names (differ from Census 2021 E&W output names).
_GSS_GROUPS = {
    WHITE: "White", MIXED: "Mixed or Multiple ethnic groups", ASIAN: "Asian or Asian British",
    BLACK: "Black, Black British, Caribbean or African", OTHER: "Other ethnic group",
}


def _ethnicity() -> CodeList:
    categories: list[str] = []
    aliases: dict[str, str] = {}
    to_group: dict[str, str] = {}
    for group, details, word in _ETHNIC_DETAIL:
        categories.append(group)  # group-level answers are accepted too
        for detail in details:
            label = f"{group}: {detail}"
            categories.append(label)
            to_group[label] = group
            for prefix in (group, _GSS_GROUPS[group], word, ""):
                aliases[normalise(f"{prefix} {detail}")] = label
        aliases[normalise(group)] = group
        aliases[normalise(_GSS_GROUPS[group])] = group
        to_group[group] = group
    extra = {
        "White British": f"{WHITE}: English, Welsh, Scottish, Northern Irish or British",
        "British": f"{WHITE}: English, Welsh, Scottish, Northern Irish or British",
        "Gypsy/Irish Traveller": f"{WHITE}: Gypsy or Irish Traveller",
        "Other White": f"{WHITE}: Any other White background",
        "Other Mixed": f"{MIXED}: Any other Mixed or Multiple ethnic background",
        "Other Mixed or Multiple ethnic groups": f"{MIXED}: Any other Mixed or Multiple ethnic "
                                                "background",
        "Other Asian": f"{ASIAN}: Any other Asian background",
        "Other Black": f"{BLACK}: Any other Black, Black British, or Caribbean background",
        "Black African": f"{BLACK}: African",
        "Black Caribbean": f"{BLACK}: Caribbean",
    }
    aliases.update(_keyed(extra))  # "Other" alone stays unrecognised: it could be any group
    for missing in (PREFER_NOT, NOT_KNOWN):
        categories.append(missing)
    return CodeList(
        name="ethnicity", title="Ethnic group (Census 2021 England and Wales, 19 categories)",
        special=True, categories=tuple(categories), aliases=aliases, generalise_to=to_group,
        generalisation="19 Census 2021 ethnic categories → 5 ethnic groups",
    )


# --- Sex, religion, sexual orientation --------------------------------------------------------
def _sex() -> CodeList:
    return CodeList(
        name="sex", title="Sex (Census 2021)", special=False,
        categories=("Female", "Male", PREFER_NOT, NOT_KNOWN),
        aliases=_keyed({"F": "Female", "M": "Male"}),
    )


def _religion() -> CodeList:
    cats = ("No religion", "Christian", "Buddhist", "Hindu", "Jewish", "Muslim", "Sikh",
            "Any other religion")
    aliases = _keyed({
        "None": "No religion", "Christianity": "Christian", "Buddhism": "Buddhist",
        "Hinduism": "Hindu", "Judaism": "Jewish", "Islam": "Muslim", "Sikhism": "Sikh",
        "Other religion": "Any other religion", "Other": "Any other religion",
    })
    to_broad = {c: ("No religion" if c == "No religion" else "Has a religion") for c in cats}
    return CodeList(
        name="religion", title="Religion (Census 2021)", special=True,
        categories=(*cats, PREFER_NOT, NOT_KNOWN), aliases=aliases, generalise_to=to_broad,
        generalisation="religion → has a religion / no religion",
    )


LGB_PLUS = "Gay, Lesbian, Bisexual or other (LGB+)"


def _sexual_orientation() -> CodeList:
    lgb = ("Gay or Lesbian", "Bisexual", "Pansexual", "Asexual", "Queer",
           "All other sexual orientations")
    cats = ("Straight or Heterosexual", *lgb, "Does not apply")
    aliases = _keyed({
        "Straight": "Straight or Heterosexual", "Heterosexual": "Straight or Heterosexual",
        "Heterosexual or Straight": "Straight or Heterosexual", "Gay": "Gay or Lesbian",
        "Lesbian": "Gay or Lesbian", "Gay/Lesbian": "Gay or Lesbian",
        "Other": "All other sexual orientations", "Other sexual orientation":
        "All other sexual orientations", "LGB+": LGB_PLUS,
    })
    to_broad = {c: LGB_PLUS for c in lgb} | {LGB_PLUS: LGB_PLUS}
    return CodeList(
        name="sexual_orientation", title="Sexual orientation (Census 2021 outputs)", special=True,
        categories=(*cats, LGB_PLUS, PREFER_NOT, NOT_KNOWN), aliases=aliases,
        generalise_to=to_broad, generalisation="sexual orientation → Straight / LGB+",
    )


# --- Disability: GSS harmonised standard + HESA types ------------------------------------------
DISABLED = "Disabled"
NOT_DISABLED = "Not disabled"


def _disability() -> CodeList:
    gss = {
        "Disabled under the Equality Act: limited a lot": DISABLED,
        "Disabled under the Equality Act: limited a little": DISABLED,
        "Not disabled: long-term condition but not limited": NOT_DISABLED,
        "Not disabled: no long-term condition": NOT_DISABLED,
    }
    hesa = {  # short label: (HESA code, official label)
        "Learning difference": ("51", "Learning difference such as dyslexia, dyspraxia or AD(H)D"),
        "Social or communication condition": ("53", "Social/communication conditions such as a "
                                              "speech and language impairment or an autistic "
                                              "spectrum condition"),
        "Long-term illness or health condition": ("54", "Long-term illness or health condition "
                                                  "such as cancer, HIV, diabetes, chronic heart "
                                                  "disease, or epilepsy"),
        "Mental health condition": ("55", "Mental health condition, challenge or disorder, such "
                                    "as depression, schizophrenia or anxiety"),
        "Physical impairment": ("56", "Physical impairment"),
        "D/deaf or hearing impairment": ("57", "D/deaf or have a hearing impairment"),
        "Blind or visual impairment": ("58", "Blind or have a visual impairment uncorrected by "
                                       "glasses"),
        "Development condition": ("59", "Development condition that you have had since "
                                  "childhood which affects motor, cognitive, social and "
                                  "emotional skills, and speech and language"),
        "Condition not listed": ("96", "An impairment, health condition or learning difference "
                                 "not listed above"),
        "No known impairment": ("95", "No known impairment, health condition or learning "
                                "difference"),
    }
    to_broad = dict(gss) | {DISABLED: DISABLED, NOT_DISABLED: NOT_DISABLED}
    aliases: dict[str, str] = {}
    for short, (code, official) in hesa.items():
        to_broad[short] = NOT_DISABLED if code == "95" else DISABLED
        aliases[normalise(official)] = short
        aliases[normalise(f"{code} {official}")] = short
    aliases.update(_keyed({
        "Yes": DISABLED, "No": NOT_DISABLED, "No known disability": "No known impairment",
        "Deaf": "D/deaf or hearing impairment", "Hearing impairment":
        "D/deaf or hearing impairment", "Blind": "Blind or visual impairment",
        "Visual impairment": "Blind or visual impairment",
        "Limited a lot": "Disabled under the Equality Act: limited a lot",
        "Limited a little": "Disabled under the Equality Act: limited a little",
    }))
    cats = (*gss, *hesa, DISABLED, NOT_DISABLED, PREFER_NOT, NOT_KNOWN)
    return CodeList(
        name="disability", title="Disability (GSS harmonised standard; HESA disability types)",
        special=True, categories=cats, aliases=aliases, generalise_to=to_broad,
        generalisation="disability type → disabled yes/no",
    )


# --- Age: Census 2021 "Age (6 categories)" -------------------------------------------------
AGE_BANDS: tuple[tuple[int, int | None, str], ...] = (
    (0, 15, "15 and under"), (16, 24, "16 to 24"), (25, 34, "25 to 34"), (35, 49, "35 to 49"),
    (50, 64, "50 to 64"), (65, None, "65 and over"),
)


def age_band(age: int) -> str:
    """The Census 2021 six-category band for an age in whole years."""
    for low, high, label in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return label
    raise ValueError("age must be a non-negative whole number")


def _age() -> CodeList:
    aliases: dict[str, str] = {}
    for low, high, label in AGE_BANDS:
        if high is None:
            spellings = [f"{low}+", f"{low} and over", f"aged {low} years and over", f"{low} plus"]
        elif low == 0:
            spellings = ["under 16", f"{high} and under", f"aged {high} years and under", "0-15"]
        else:
            spellings = [f"{low}-{high}", f"{low} to {high}", f"aged {low} to {high} years",
                         f"aged {low} to {high}"]
        aliases.update({normalise(s): label for s in spellings})
    return CodeList(
        name="age", title="Age (Census 2021, 6 bands)", special=False,
        categories=(*(label for _, _, label in AGE_BANDS), PREFER_NOT, NOT_KNOWN),
        aliases=aliases, generalisation="exact ages → Census 2021 age bands", numeric=age_band,
    )


CODELISTS: dict[str, CodeList] = {
    c.name: c for c in (_ethnicity(), _sex(), _religion(), _sexual_orientation(),
                        _disability(), _age())
}

_HEADER_RULES: tuple[tuple[Callable[[str], bool], str], ...] = (
    (lambda h: "ethnic" in h, "ethnicity"),
    (lambda h: "sexualorientation" in h or h == "sexuality", "sexual_orientation"),
    (lambda h: h in {"sex", "gender", "sexatbirth", "legalsex"}, "sex"),
    (lambda h: "religion" in h or h == "belief", "religion"),
    (lambda h: "disab" in h or "lldd" in h, "disability"),
    (lambda h: h in {"age", "ageband", "agegroup", "ageyears", "agerange", "ageatstart"}, "age"),
)


def codelist_for_header(header: str) -> CodeList | None:
    """Guess the code list of a column from its header ("Ethnic group" → ethnicity)."""
    key = normalise(header).replace(" ", "")
    for rule, name in _HEADER_RULES:
        if rule(key):
            return CODELISTS[name]
    return None
