"""Domain vocabulary that anonymisation must never replace.

Care and education documents are full of capitalised phrases that recognizers (spaCy above all)
mistake for people, places or dates: "Level 3 Diploma in Adult Care", "Mental Capacity Act 2005",
"Waterlow score", "Parkinson's disease", "Ofsted". :func:`protected_spans` returns where such
phrases are; the pipeline drops every detection that lies fully inside one.

The lists below are plain data: extend them here, in one place. Words in capitals (``CQC``,
``MUST``) match case-sensitively, other words case-insensitively, all on word boundaries.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Fixed phrases: awarding, regulatory and statutory bodies, frameworks and plans.
BODIES_AND_FRAMEWORKS: tuple[str, ...] = (
    "Care Quality Commission", "CQC", "Ofsted", "Ofqual", "NHS", "NHS England", "NHS Trust",
    "NHS Foundation Trust", "Skills for Care", "Skills for Health", "Care Certificate", "DBS",
    "Disclosure and Barring Service", "SEND", "SEN", "SENCO", "SENDCo", "EHCP",
    "Education, Health and Care Plan", "Education Health and Care Plan", "Local Authority",
    "Social Services", "Department for Education", "DfE", "Department of Health and Social Care",
    "DHSC", "NICE", "National Institute for Health and Care Excellence", "City & Guilds",
    "City and Guilds", "NCFE", "CACHE", "Pearson BTEC", "Pearson Edexcel", "BTEC", "ESFA",
    "Education and Skills Funding Agency", "Health and Care Professions Council", "HCPC", "NMC",
    "Nursing and Midwifery Council", "Social Work England", "Social Care Wales",
    "Care Inspectorate",
    "Care Inspectorate Wales", "RQIA", "Healthwatch", "Social Care Institute for Excellence",
    "SCIE", "MASH", "LADO", "CAMHS", "IAPT", "Early Help", "Team Around the Child",
    "Team Around the Family", "Child Protection", "Child in Need", "Children in Need",
    "Looked After Child", "Looked After Children", "Personal Education Plan", "Care Plan",
    "Person-Centred Plan", "Common Induction Standards", "Prevent", "British Values",
    "Makaton", "PECS", "Mencap", "Age UK", "Alzheimer's Society", "Parkinson's UK", "Mind",
    "Samaritans", "Citizens Advice", "Ofsted Inspection Framework", "GDPR", "UK GDPR", "DoLS",
    "Deprivation of Liberty Safeguards", "Liberty Protection Safeguards", "RIDDOR", "COSHH",
    "HASAWA", "MCA", "Best Interests", "Lasting Power of Attorney", "Court of Protection",
    "Office of the Public Guardian", "Independent Mental Capacity Advocate", "IMCA",
    "Designated Safeguarding Lead", "Deputy Designated Safeguarding Lead",
    "Multi-Agency Safeguarding Hub", "Safeguarding Adults Board",
    "Local Safeguarding Children Partnership", "Local Safeguarding Children Board",
    "Child Protection Conference", "Child Protection Plan", "Strategy Meeting",
    "Section 17 assessment", "Section 47 enquiry", "Section 47 enquiries", "Early Help Assessment",
    "Speech and Language Therapy", "Speech and Language Therapist", "Occupational Therapy",
    "Occupational Therapist", "Oliver McGowan Mandatory Training", "Positive Behaviour Support",
    "Basic Life Support", "Moving and Handling",
    "Functional Skills", "GCSE", "GCSEs", "A Level", "A Levels", "T Level", "T Levels", "NVQ",
    "SVQ", "QCF", "RQF", "ILR", "ULN", "UPN", "End-Point Assessment", "EPA", "Gateway",
)
#: Charts, scales and screening tools, several named after people.
CHARTS_AND_TOOLS: tuple[str, ...] = (
    "Bristol Stool Chart", "Bristol Stool Form Scale", "Bristol Stool Scale", "Waterlow",
    "Waterlow score", "Waterlow scale", "Waterlow assessment", "MUST score", "MUST tool",
    "Malnutrition Universal Screening Tool", "Braden scale", "Braden score", "Norton scale",
    "Glasgow Coma Scale", "GCS", "Abbey Pain Scale", "PAINAD", "PEWS", "NEWS", "NEWS2", "MEWS",
    "SBAR", "Barthel Index", "Mini-Mental State Examination", "MMSE",
    "Rockwood Clinical Frailty Scale",
    "Clinical Frailty Scale", "Morse Fall Scale", "Tinetti", "Zarit Burden Interview", "Apgar",
    "Apgar score", "Epworth Sleepiness Scale", "Edinburgh Postnatal Depression Scale", "PHQ-9",
    "GAD-7", "Heimlich manoeuvre", "Boardmaker", "Widgit", "TEACCH", "ABC chart", "STAR chart",
    "Maslow's hierarchy of needs", "Maslow's hierarchy", "Gibbs' reflective cycle",
    "Gibbs reflective cycle", "Kolb's learning cycle", "Kolb's cycle", "Bloom's taxonomy",
    "Johns' model", "Driscoll's model", "Schön", "Egan's model", "Tuckman's stages",
)
#: Eponymous conditions distinctive enough to protect on their own ("has Alzheimer's").
CONDITION_EPONYMS: tuple[str, ...] = (
    "Parkinson", "Alzheimer", "Crohn", "Huntington", "Asperger", "Tourette", "Hodgkin",
    "Raynaud", "Meniere", "Ménière", "Korsakoff", "Wernicke", "Hashimoto", "Sjögren", "Sjogren",
    "Dupuytren", "Creutzfeldt-Jakob", "Guillain-Barré", "Guillain-Barre", "Ehlers-Danlos",
    "Prader-Willi", "Tay-Sachs", "Duchenne", "Munchausen", "Osgood-Schlatter", "Stevens-Johnson",
    "Legionnaires", "Charcot-Marie-Tooth", "Angelman", "Klinefelter", "Marfan", "Kawasaki",
)
#: Eponyms that are also common surnames: protected only with the condition word after them.
CONDITION_SURNAMES: tuple[str, ...] = (
    "Down", "Addison", "Cushing", "Graves", "Bell", "Paget", "Wilson", "Turner", "Williams",
    "Edwards", "Patau", "Rett", "Pick", "Lewy", "Baker", "Barrett", "Perthes", "Lyme",
    "Still", "Bright", "Cheyne-Stokes", "Stokes-Adams", "Usher", "Fragile",
)
#: Words that follow an eponym to name a condition.
CONDITION_WORDS: tuple[str, ...] = (
    "disease", "syndrome", "palsy", "dementia", "disorder", "lymphoma", "oesophagus", "esophagus",
    "cyst", "body", "bodies", "phenomenon", "contracture", "thyroiditis", "dystrophy",
    "breathing", "respiration", "encephalopathy", "chorea", "X",
)
#: Acts and regulations commonly cited without a year ("under the Care Act").
LEGISLATION: tuple[str, ...] = (
    "Mental Capacity Act", "Care Act", "Equality Act", "Children Act", "Children and Families Act",
    "Human Rights Act", "Data Protection Act", "Mental Health Act", "Health and Social Care Act",
    "Health and Safety at Work Act", "Health and Safety at Work etc. Act",
    "Safeguarding Vulnerable Groups Act", "Autism Act", "Freedom of Information Act",
    "Public Interest Disclosure Act", "Care Standards Act", "Education Act",
    "Children and Social Work Act",
    "Modern Slavery Act", "Counter-Terrorism and Security Act", "Domestic Abuse Act",
    "Social Services and Well-being (Wales) Act", "Adult Support and Protection (Scotland) Act",
    "Reporting of Injuries, Diseases and Dangerous Occurrences Regulations",
    "Control of Substances Hazardous to Health Regulations",
)

_CAPWORD = r"[A-Z][A-Za-z'’-]*+"
_LINK = r"(?:and|of|for|at|to|on|in|with|the|&)"
_TITLE_WORDS = rf"{_CAPWORD}(?:[ \t]+(?:{_LINK}[ \t]+)?{_CAPWORD}){{0,11}}"

#: Qualification, unit and education-structure patterns (regular expressions).
PATTERNS: tuple[str, ...] = (
    # "Level 3 Diploma in Adult Care", "Level 2 Certificate in Understanding Autism", "Level 2"
    rf"\b(?:Entry[ \t]+)?Level[ \t]+\d{{1,2}}(?:[ \t]+(?:Extended[ \t]+)?(?:Certificate|Diploma|"
    rf"Award|NVQ|SVQ|Apprenticeship|Qualification|Course|Programme|Standard)s?"
    rf"(?:[ \t]+(?:in|of|for)[ \t]+{_TITLE_WORDS})?)?",
    # "Unit 204", "Unit 4.2: Principles of Safeguarding", "Unit 204 Principles of Safeguarding…"
    rf"\bUnit[ \t]+\d{{1,3}}(?:\.\d{{1,2}})?(?:[ \t]*[:–—-][ \t]*{_TITLE_WORDS}"
    rf"|[ \t]+(?={_CAPWORD}[ \t]+(?:{_CAPWORD}[ \t]+)?{_LINK}\b){_TITLE_WORDS})?",
    r"\b(?:Learning[ \t]+Outcome|Assessment[ \t]+Criteri(?:on|a)|LO|AC|Key[ \t]+Stage|KS|Year"
    r"|Entry)[ \t]*\d{1,2}(?:\.\d{1,2})*\b",
    # "Mental Capacity Act 2005", "the Care Act 2014", "Equality Act 2010 (Amendment)"
    rf"(?<![\w'’-]){_TITLE_WORDS}(?:[ \t]+etc\.)?(?:[ \t]+\([A-Z][a-z]+\))?"
    r"[ \t]+Act[ \t]+(?:1[89]|20)\d\d\b",
    # "The Reporting of Injuries … Regulations 2013", "Care Planning Regulations 2010"
    rf"(?<![\w'’-]){_TITLE_WORDS}(?:[ \t]+\([A-Z][a-z]+\))?"
    r"[ \t]+Regulations[ \t]+(?:1[89]|20)\d\d\b",
)


_GAP = r"(?:[ \t]+\n?|\n)[ \t]*"


def _word_pattern(word: str) -> str:
    return rf"(?-i:{re.escape(word)})" if word.isupper() else re.escape(word)


def _phrase_index() -> dict[str, re.Pattern[str]]:
    """One pattern per first word (case-folded) of the fixed phrases, longest phrase first."""
    by_first: dict[str, list[str]] = {}
    for phrase in sorted(
        set(BODIES_AND_FRAMEWORKS + CHARTS_AND_TOOLS + LEGISLATION), key=len, reverse=True
    ):
        first = _FIRST_WORD.match(phrase)
        if first is None:
            raise ValueError("a protected phrase must start with a letter")
        # Words may be separated by one line break: PDF text and narrow columns wrap phrases.
        body = _GAP.join(_word_pattern(part) for part in phrase.split())
        by_first.setdefault(first.group().casefold(), []).append(rf"{body}(?![\w-])")
    return {
        key: re.compile("|".join(f"(?:{b})" for b in bodies), re.IGNORECASE)
        for key, bodies in by_first.items()
    }


def _build() -> tuple[re.Pattern[str], ...]:
    possessive = r"(?:['’]s?|s)"
    eponyms = "|".join(re.escape(e) for e in CONDITION_EPONYMS)
    surnames = "|".join(re.escape(e) for e in CONDITION_SURNAMES)
    conditions = rf"[ \t]+(?:{'|'.join(re.escape(w) for w in CONDITION_WORDS)})(?![\w-])"
    return (
        re.compile(
            rf"(?<![\w-])(?:{eponyms})(?:{possessive}(?:{conditions})?|{conditions})(?![\w'’-])",
            re.IGNORECASE,
        ),
        re.compile(rf"(?<![\w-])(?:{surnames}){possessive}?{conditions}", re.IGNORECASE),
        *(re.compile(p) for p in PATTERNS),
    )


_FIRST_WORD = re.compile(r"(?<![\w-])[^\W\d_]\w*")
_PHRASES = _phrase_index()
_PROTECTED = _build()


@lru_cache(maxsize=256)
def protected_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return sorted, merged (start, end) spans of ``text`` that must never be replaced
    (cached: a document is resolved twice, see ``pipeline.portfolio``)."""
    found = [
        (m.start(), m.end()) for pattern in _PROTECTED for m in pattern.finditer(text)
    ]
    for word in _FIRST_WORD.finditer(text):
        pattern = _PHRASES.get(word.group().casefold())
        if pattern is not None and (m := pattern.match(text, word.start())):
            found.append((m.start(), m.end()))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in found if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)
