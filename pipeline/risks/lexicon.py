"""Word lists and regex fragments for people, roles, places, times and numbers.

Pure data plus two tiny builders. Special-category and other sensitive attributes live in
:mod:`pipeline.risks.attributes`. Every fragment is meant to be embedded in a larger pattern;
none has capturing groups.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_IRREGULAR = {
    "person": "people",
    "man": "men",
    "woman": "women",
    "child": "children",
    "grandchild": "grandchildren",
    "wife": "wives",
    "midwife": "midwives",
    "member of staff": "members of staff",
    "young person": "young people",
    "staff": "staff",
    "people": "people",
}


def plural(noun: str) -> str:
    """English plural of a (possibly multi-word) noun from these lists."""
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    head, _, last = noun.rpartition(" ")
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def alternation(words: Iterable[str], *, plurals: bool = False) -> str:
    """A non-capturing regex alternation of ``words`` (longest first), optionally with plurals.

    Spaces in a word match any run of spaces or tabs.
    """
    forms = set(words)
    if plurals:
        forms |= {plural(w) for w in forms}
    ordered = sorted(forms, key=lambda w: (-len(w), w))
    escaped = (r"[ \t]+".join(re.escape(part) for part in w.split()) for w in ordered)
    return "(?:" + "|".join(escaped) + ")"


#: Staff nouns: a uniqueness cue on one of these ("our only male carer") also names a role.
STAFF_NOUNS: tuple[str, ...] = (
    "carer", "care worker", "care assistant", "support worker", "key worker", "social worker",
    "youth worker", "worker", "teacher", "teaching assistant", "tutor", "lecturer", "assessor",
    "nurse", "doctor", "therapist", "assistant", "coach", "mentor", "officer", "manager",
    "cook", "chef", "cleaner", "driver", "member of staff", "staff member", "governor",
    "trustee", "leader", "instructor", "practitioner", "midwife", "receptionist", "caretaker",
    "technician", "trainer", "counsellor", "adviser", "advisor", "coordinator", "co-ordinator",
    "director", "volunteer", "employee", "colleague", "apprentice", "trainee",
)

#: Family nouns: superlatives on these ("her eldest son") are ordinary family facts.
FAMILY_NOUNS: tuple[str, ...] = (
    "son", "daughter", "brother", "sister", "sibling", "child", "grandchild", "grandson",
    "granddaughter", "mother", "father", "mum", "dad", "parent", "grandparent", "grandmother",
    "grandfather", "husband", "wife", "partner", "twin", "baby", "niece", "nephew", "cousin",
)

#: Nouns that refer to people (singular; plurals are added).
PERSON_NOUNS: tuple[str, ...] = STAFF_NOUNS + FAMILY_NOUNS + (
    "learner", "student", "pupil", "resident", "client", "patient", "service user", "user",
    "person", "individual", "man", "woman", "boy", "girl", "kid", "young person", "adult",
    "teenager", "youngster", "toddler", "infant", "participant", "attendee", "member", "tenant",
    "family", "household", "couple", "guest", "visitor", "customer", "applicant", "candidate",
    "claimant", "graduate", "speaker", "signer", "national", "survivor", "occupant", "offender",
    "leaver", "refugee", "asylum seeker", "traveller", "citizen", "neighbour", "friend",
    "peer", "classmate", "mum-to-be", "centenarian",
)

PERSON_NOUN = alternation(PERSON_NOUNS, plurals=True) + r"(?![\w-])"
PERSON_NOUN_RE = re.compile(PERSON_NOUN, re.IGNORECASE)
PLURAL_PERSON_NOUN_RE = re.compile(
    alternation({plural(n).split()[-1] for n in PERSON_NOUNS} - {"staff"}), re.IGNORECASE
)
STAFF_NOUN_RE = re.compile(alternation(STAFF_NOUNS, plurals=True) + r"(?![\w-])", re.IGNORECASE)
FAMILY_NOUN_RE = re.compile(alternation(FAMILY_NOUNS, plurals=True) + r"(?![\w-])", re.IGNORECASE)

#: Words allowed between a cue and its person noun ("the only *male* carer").
MODIFIERS: frozenset[str] = frozenset(
    """male female other young younger older elderly new remaining surviving full-time part-time
    adult mature international disabled current existing registered qualified senior junior
    permanent agency night day regular teenage pregnant black white gay lesbian trans deaf
    blind local foreign overseas older-age retired former adopted foster single lone
    non-binary bilingual visiting live-in resident ever""".split()
)

#: Job titles normally held by one person in an organisation or a place.
ROLE_TITLES: tuple[str, ...] = (
    "headteacher", "head teacher", "headmaster", "headmistress", "head of school",
    "executive head", "deputy head", "deputy headteacher", "vice principal",
    "vice-principal", "chair of governors", "chair of the governors", "clerk to the governors",
    "bursar", "SENCo", "SENCO", "SENDCo", "designated safeguarding lead", "safeguarding lead",
    "caretaker", "site manager", "centre manager", "registered manager", "home manager",
    "deputy manager", "practice manager", "ward manager", "ward sister", "matron",
    "chief executive", "managing director", "proprietor", "chairman",
    "chairwoman", "chairperson", "treasurer", "vicar", "rector", "curate", "parish priest",
    "priest", "imam", "rabbi", "chaplain", "churchwarden", "verger", "mayor", "postmaster",
    "postmistress", "publican", "lollipop lady", "lollipop man", "warden", "janitor",
    "groundsman", "head gardener", "head cook", "school nurse",
)

#: Words that may sit between the determiner and the title ("the *village* vicar").
ROLE_QUALIFIERS = alternation(
    ("new", "former", "current", "acting", "interim", "local", "village", "parish", "school",
     "college", "centre", "home", "practice", "retired", "old")
)

ROLE = (
    alternation(ROLE_TITLES)
    + r"|principal(?![ \t]+(?:reason|aim|purpose|concern|cause|source|focus|objective|issue|"
    r"problem|means|way|risk|factor|author|investigator|carer|care|residence|language|method|"
    r"sum|amount|point|role|task|type|area|finding|findings|of)\b)"
    r"|head[ \t]+of[ \t]+(?:the[ \t]+)?(?:year[ \t]+\d+|(?!(?:family|household|queue|table|"
    r"bed|stairs|river|valley|line|list)\b)[a-z]+)"
)

#: Nouns naming a site when preceded by a proper name ("the Ludlow centre").
SITE_NOUNS = alternation(
    ("centre", "center", "site", "campus", "branch", "office", "hub", "base", "depot", "school",
     "academy", "college", "nursery", "surgery", "practice", "clinic", "hospital", "hospice",
     "home", "house", "lodge", "hall", "library", "church", "chapel", "mosque", "synagogue",
     "gurdwara", "temple", "mandir", "village", "estate", "ward", "unit", "court", "manor",
     "grange")
)

#: Street-type words that make a named place when capitalised ("Mill Lane").
STREET_NOUNS = alternation(
    ("Road", "Street", "Lane", "Close", "Avenue", "Drive", "Crescent", "Grove", "Gardens",
     "Terrace", "Mews", "Square", "Way", "Walk", "Row", "Place", "Hill", "Park", "Green")
)

#: Capitalised words that do not make a site name on their own ("the Learning Centre").
GENERIC_NAME_WORDS: frozenset[str] = frozenset(
    """the this that these those our their its his her my your a an each every any some all
    both one two three new old main head day learning health community resource family
    children's childrens training medical care nursing residential sports leisure youth job
    jobcentre business education skills assessment contact call data support advice welcome
    visitor visitors primary secondary infant infants junior nursery high grammar sixth form
    further special independent free private state public local national county city district
    general home office post civic town village parish church sunday faith mental intensive
    dementia respite supported living sheltered extra adult adults early years outreach hub
    regional area study computer it science music art design technology english maths
    mathematics library student students staff open short break play holiday summer winter
    autumn spring breakfast information service services customer innovation enterprise
    conference exam examination test testing vaccination urgent treatment emergency accident
    maternity women's men's wellbeing wellness recovery rehabilitation garden sensory
    client clients learner learners resident residents patient patients unit level room block
    wing floor north south east west central upper lower inner outer monday tuesday wednesday
    thursday friday saturday january february march april may june july august september
    october november december no not if when where while after before at in on to from for
    with by as and or but so we i you he she they it there here what which who
    group groups project projects service club clubs team staff's forest boarding homework lunch
    book language catholic christian islamic jewish muslim methodist anglican welsh scottish
    irish british english""".split()
)

#: Places where few people live ("the village", "a remote hamlet").
SMALL_PLACE = (
    r"(?i:(?:the|our|this|that|their|his|her|a[ \t]+small|a[ \t]+tiny|a[ \t]+remote)[ \t]+"
    r"(?:(?:small|little|tiny|remote|rural|local|same|nearby|neighbouring|isolated)[ \t]+)?"
    r"(?:village|hamlet|parish|island|croft|smallholding|cul-de-sac)(?![\w-])"
    r"(?:[ \t]+(?:church|hall|school|shop|pub|green|post[ \t]+office|surgery|store|chapel))?)"
    r"(?:[ \t]+of[ \t]+[A-Z][a-z]+)?"
)

MONTHS = alternation(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December")
)
MONTHS_SHORT = MONTHS[:-1] + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?"
WEEKDAYS = alternation(
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
)

#: Points in time: context that raises severity but is never flagged on its own.
TIME = "|".join(
    (
        rf"(?:in|last|this|next|since|until|by|during|early|late|mid|from|of)[ \t-]+{MONTHS}\b",
        rf"{MONTHS}[ \t]+(?:19|20)\d\d\b",
        r"(?i:(?:(?:in|during|over|by)[ \t]+the|last|this|next|that)[ \t]+"
        r"(?:spring|summer|autumn|winter)\b)",
        r"(?i:(?:spring|summer|autumn)[ \t]+term\b)",
        r"(?:in|since|during|from|until|by|of|early|late|mid)[ \t-]+(?:19|20)\d\d\b(?!s)",
        rf"(?:on|last|this|next)[ \t]+{WEEKDAYS}\b",
        r"(?i:(?:last|this|next)[ \t]+(?:week|month|year|term)\b)",
        r"(?i:yesterday\b)",
        r"(?:at|over|during|before|after|since)[ \t]+(?:Christmas|Easter|half[ -]term)\b",
    )
)

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

#: Value of every number word used in ages.
NUMBER_WORDS: dict[str, int] = (
    {w: i + 1 for i, w in enumerate(_UNITS)}
    | {w: i + 10 for i, w in enumerate(_TEENS)}
    | {w: (i + 2) * 10 for i, w in enumerate(_TENS)}
    | {"a": 1, "hundred": 100}
)

_UNIT = alternation(_UNITS)
_BELOW_100 = rf"(?:{alternation(_TENS)}(?:[ -]{_UNIT})?|{alternation(_TEENS)}|{_UNIT})"

#: A number 1–199 in words ("ninety-two", "a hundred and two").
NUMBER_WORD = rf"(?:(?:a|one)[ -]hundred(?:(?:[ \t]+and)?[ \t-]+{_BELOW_100})?|{_BELOW_100})"

#: Small counts of people ("two learners").
SMALL_NUMBER = r"(?:two|three|four|five|six|seven|eight|nine|[2-9])"


def words_to_int(words: str) -> int:
    """Value of a number written in digits or words ("ninety-two" → 92, "102" → 102)."""
    if words.isdigit():
        return int(words)
    total = 0
    for part in re.split(r"[\s-]+", words.lower()):
        if part == "and" or not part:
            continue
        if part == "hundred":
            total = max(total, 1) * 100
        else:
            total += NUMBER_WORDS[part]
    return total
