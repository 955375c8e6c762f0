"""PERSON names found by rules that spaCy's small model misses, plus name helpers.

:class:`PersonRuleRecognizer` runs case-sensitive rules (Presidio's default flags are
IGNORECASE, which would turn every "miss" into a title):

* **title** + 1–3 capitalised tokens, initials allowed: "Mrs Patel", "Dr K. Thompson",
  "Mr O'Brien-McDonald". The span includes the title, so a label replaces "Mrs Patel" whole.
* **form label** at the start of a line or cell: "Client: margaret o'neill", "Learner name:
  SIOBHAN O'BRIEN (Year 2)" — the name runs to a comma, bracket, line end or next label.
* **relational cue**: "her son Daniel", "my client Margaret", "Dear Margaret,", "Aisha said".

Spans never include a possessive "'s". The helpers (:data:`TITLES`, :func:`strip_title`,
:func:`is_role_word`, :data:`WORD_NAMES`) are pure and used by the pipeline's person linking.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from presidio_analyzer import EntityRecognizer, RecognizerResult

from recognizers.entities import PERSON
from recognizers.results import make_result

#: Personal titles, lower case without the full stop (match them case-insensitively).
TITLES: frozenset[str] = frozenset(
    "mr mrs ms miss mx dr prof professor rev revd reverend sir dame".split()
)

#: First names that are also everyday English words: lower-case uses need care.
WORD_NAMES: frozenset[str] = frozenset(
    """may bill will grace hope rose faith joy mark frank amber ruby jack sue pat rob dawn summer
    violet iris holly ivy daisy lily heather olive poppy robin carol ray guy drew chase hunter
    miles grant dean eve art don max sky june april august autumn angel bob cliff crystal
    destiny dolly ginger glen hazel herb honey jade jasmine pearl penny rusty sandy sunny stone
    storm wade harry peg patience prudence charity honour harmony melody precious river rain
    reed rocky sage saffron scarlet willow rowan ash forest brook bliss candy cherry coral ebony
    gem ivory jet liberty lucky marina meadow opal primrose raven star trinity unity wren chance
    clay dash duke earl hank jay kit ken lance mercy misty nick piper rod sterling victor warren
    win wolf woody roger chuck carl""".split()
)

#: Role, form and calendar words spaCy tags as PERSON ("Learner", "Key Worker", "Monday").
ROLE_WORDS: frozenset[str] = frozenset(
    """learner learners student students pupil pupils candidate apprentice apprentices trainee
    client clients service user users resident residents patient patients individual person
    people carer carers assessor assessors iqa eqa verifier tutor tutors teacher teachers trainer
    mentor manager managers supervisor key worker workers keyworker support social care staff
    team leader lead head deputy senco dsl nurse nurses doctor doctors gp consultant therapist
    physio practitioner practitioners parent parents guardian guardians mum mom mother dad father
    son daughter brother sister husband wife partner grandma grandmother nan nana gran granny
    grandad grandpa grandfather family friend friends neighbour neighbours colleague colleagues
    child children baby advocate referrer witness employer employee contact emergency next kin
    attendance signature signed sign date name names comments comment feedback evidence portfolio
    unit level diploma certificate award assessment observation reflection reflective account
    statement learning outcome outcomes criteria criterion plan review summary notes note section
    page total hello hi dear thanks thank regards kind best wishes yes no ok none unknown tbc na
    all everyone madam sir mr mrs ms miss mx dr prof rev monday tuesday wednesday thursday friday
    saturday sunday weekend today tomorrow yesterday morning afternoon evening night january
    february march july september october november december christmas easter manager's
    safeguarding dementia autism mental capacity health wellbeing record records log report
    form forms meeting session induction training supervision appraisal policy procedure
    achieved achievement pass merit distinction referral competent satisfactory""".split()
)

#: Everyday words that never form a name on a form line ("Client: not known").
_COMMON = frozenset(
    """a an the and or but if then so as at by for from in into of on onto to with without
    i me my we us our you your he him his she her hers they them their it its this that these
    those there here who whom whose what which when where why how is are was were be been being
    am do does did done has have had having can could shall should will would may might must
    not no nor yes none nil nobody nothing someone somebody everyone everybody anyone self
    see seen above below attached overleaf same as per tbc tba n/a unknown known present absent
    declined refused unavailable pending awaiting to be confirmed signed sent given taken
    happy sad well unwell good bad fine ok okay very much more most less many some any each
    every other another new old first last next previous current former full part time today
    attend attended attending said told asked visit visited visiting came went going gone
    both several few others families research data government council police nhs cqc dbs
    ofsted send ehcp please ensure refer check incident incidents fall falls concern concerns
    observations medication meds food lunch breakfast dinner tea supper fluids drink drinks pain
    mood behaviour sleep shift handover ambulance paramedics hospital school college office
    reception relatives visitors agency authority chart charts documentation reports survey
    guidance legislation""".split()
)
#: Lower-case particles inside surnames ("Ayla de Souza", "Jan van Dijk").
_PARTICLES = frozenset("de da di du del della der den van von la le al el bin ibn ap st".split())

_TITLE_ALT = (
    r"(?:Professor|Reverend|Revd|Prof|Dame|Miss|Mrs|Sir|Rev|Mr|Ms|Mx|Dr|MRS|MISS|MR|MS|DR)"
)
_UP = r"[A-ZÀ-ÖØ-Þ]"
_LO = r"[a-zß-öø-ÿ]"
_CAP_PART = rf"(?:O['’]|Ma?c|D['’]|Fitz)?{_UP}{_LO}+"
_CAP = rf"{_CAP_PART}(?:-{_CAP_PART})*(?!{_LO}|\w)"
_UPPER = rf"{_UP}(?:['’]{_UP})?{_UP}+(?:-{_UP}+)*(?![\w])"
_LOWER = rf"{_LO}(?:['’]{_LO})?{_LO}+(?:-{_LO}+)*(?![\w])"
_INITIAL = rf"{_UP}(?:\.|(?=[ \t]))"
_NAME_SEQ = rf"(?:{_INITIAL}[ \t]*){{0,2}}{_CAP}(?:[ \t]+{_CAP}){{0,2}}"

_TITLE_RULE = re.compile(
    rf"(?<![\w'’])(?P<title>{_TITLE_ALT})\.?[ \t]+"
    rf"(?P<name>(?:{_INITIAL}[ \t]*){{0,2}}(?:{_CAP}|{_UPPER})(?:[ \t]+(?:{_CAP}|{_UPPER})){{0,2}})"
)

_LABEL_WORDS = (
    "client", "learner", "student", "pupil", "candidate", "apprentice", "trainee",
    "service user", "resident", "patient", "person supported", "individual", "child",
    "young person", "carer", "parent/carer", "parent", "guardian", "foster carer", "assessor",
    "iqa", "internal quality assurer", "verifier", "key worker", "keyworker", "tutor", "teacher",
    "trainer", "mentor", "supervisor", "line manager", "registered manager", "manager",
    "next of kin", "nok", "witness", "mother", "father", "mum", "dad", "son", "daughter",
    "husband", "wife", "partner", "gp", "doctor", "social worker", "support worker",
    "care worker", "nurse", "advocate", "emergency contact", "contact", "referrer",
    "referred by", "completed by", "signed by", "observed by", "assessed by", "reviewed by",
    "prepared by", "author", "practitioner", "staff member", "employee", "head teacher",
    "headteacher", "senco", "dsl", "designated safeguarding lead", "signature",
)
_LABEL_ALT = "|".join(
    re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(_LABEL_WORDS, key=len, reverse=True)
)
_NAME_LABEL = (
    r"(?:full[ \t]+|first[ \t]+|last[ \t]+|family[ \t]+|preferred[ \t]+|sur|fore)?names?"
    r"|known[ \t]+as|name[ \t]+of[ \t]+(?:the[ \t]+)?(?:" + _LABEL_ALT + ")"
)
_LABEL_TOKEN = rf"(?:{_TITLE_ALT}\.?|{_INITIAL}|{_CAP}|{_UPPER}|{_LOWER})"
_LABEL_RULE = re.compile(
    r"(?:^|(?<=[|;])|(?<![ \t])(?=\t|[ \t]{2}))[ \t]*(?:[-*•·>]+[ \t]*)?(?:\*\*|__)?"
    rf"(?i:(?:{_LABEL_ALT})(?:['’]s)?(?:[ \t]+(?:full[ \t]+)?name)?|{_NAME_LABEL})"
    r"(?:\*\*|__)?[ \t]*:[ \t]*(?:(?:\*\*|__)[ \t]*)?"
    rf"(?P<name>{_LABEL_TOKEN}(?:[ \t]+{_LABEL_TOKEN}){{0,4}})"
    r"(?=(?:\*\*|__)?(?:[ \t]*(?:\r?$|[,(;|/\t.])|[ \t]{2}|[ \t][-–—][ \t]"
    r"|[ \t](?i:aged?|dob|d\.o\.b\.?|born)\b|[ \t][A-Za-z][A-Za-z ]{0,25}:))",
    re.MULTILINE,
)

_RELATIONS = (
    "son", "daughter", "mum", "mom", "mother", "dad", "father", "husband", "wife", "partner",
    "brother", "sister", "client", "carer", "learner", "friend", "grandson", "granddaughter",
    "nephew", "niece", "key worker", "keyworker", "support worker", "social worker",
    "care worker", "boyfriend", "girlfriend", "fiancé", "fiancée", "fiance", "fiancee", "aunt",
    "auntie", "uncle", "cousin", "neighbour", "colleague", "manager", "assessor", "tutor",
    "mentor", "student", "pupil", "resident", "patient", "service user", "child", "baby",
    "grandmother", "grandfather", "nan", "nana", "gran", "granny", "grandma", "grandad",
    "grandpa", "stepson", "stepdaughter", "stepmother", "stepfather", "stepdad", "stepmum",
    "sibling", "twin", "advocate", "teacher", "gp", "doctor", "nurse", "therapist",
    "apprentice", "trainee", "foster carer", "supervisor",
)
_REL_ALT = "|".join(
    re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(_RELATIONS, key=len, reverse=True)
)
_RELATIONAL_RULE = re.compile(
    r"(?<![\w'’])(?:[Mm]y|[Hh]er|[Hh]is|[Tt]heir|[Oo]ur|[Tt]he|[Yy]our)[ \t]+"
    r"(?:(?:eldest|youngest|older|younger|elder|late|new|former|little|baby|twin)[ \t]+)?"
    rf"(?i:{_REL_ALT})s?(?:[ \t]*,)?[ \t]+"
    rf"(?P<name>(?:{_TITLE_ALT}\.?[ \t]+)?{_NAME_SEQ})"
)
_DEAR_RULE = re.compile(
    rf"(?<![\w'’])Dear[ \t]+(?P<name>(?:{_TITLE_ALT}\.?[ \t]+)?{_NAME_SEQ})[ \t]*(?=[,!:\r\n]|$)",
    re.MULTILINE,
)
_SPEECH_VERBS = (
    "said", "says", "told", "tells", "reported", "explained", "asked", "stated", "replied",
    "mentioned", "disclosed", "shouted", "whispered", "complained", "responded", "commented",
    "answered", "insisted",
)
_SPEECH_RULE = re.compile(
    rf"(?<![\w'’-])(?P<name>{_CAP}(?:[ \t]+{_CAP})?)[ \t]+(?:{'|'.join(_SPEECH_VERBS)})\b"
)
_STREET_BEFORE = re.compile(r"\d+[A-Za-z]?[ \t]+(?:[A-Z][a-z]+[ \t]+){1,3}$")
_LEADING_TITLES = re.compile(rf"^\s*(?:(?:{_TITLE_ALT})\b\.?(?:\s+|$))+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_STRIP = " \t\r\n,.;:!?()[]{}\"“”*_-"

SCORE_TITLE = 0.9
SCORE_LABEL = 0.9
SCORE_DEAR = 0.75
SCORE_RELATIONAL = 0.7
SCORE_SPEECH = 0.65


def strip_title(name: str) -> str:
    """Remove leading titles ("Mrs", "Dr.", "Prof Dr") from a name; may return ""."""
    return _LEADING_TITLES.sub("", name).strip()


def _key(word: str) -> str:
    return _POSSESSIVE.sub("", word.strip(_STRIP)).casefold()


def is_role_word(text: str) -> bool:
    """Whether ``text`` is made only of role, form or calendar words ("Key Worker", "Monday").

    Text with no words at all also counts (it cannot be a name); any digit makes it False.
    """
    words = [_key(w) for w in text.split()]
    return all(w in ROLE_WORDS for w in words if w)


def _tokens(text: str, start: int) -> list[tuple[int, int, str]]:
    return [(start + m.start(), start + m.end(), m.group()) for m in re.finditer(r"\S+", text)]


def _is_title(token: str) -> bool:
    return token.rstrip(".").casefold() in TITLES


def _is_initial(token: str) -> bool:
    return len(token.rstrip(".")) == 1


def _not_name(token: str) -> bool:
    """Role words always; everyday words unless capitalised and also a first name ("May")."""
    key = _key(token)
    if key in ROLE_WORDS:
        return True
    return key in _COMMON and (token.islower() or key not in WORD_NAMES)


def _trim(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop common/role words from both ends (titles stay at the front)."""
    while tokens and not _is_title(tokens[0][2]) and _not_name(tokens[0][2]):
        tokens = tokens[1:]
    while tokens and _not_name(tokens[-1][2]):
        tokens = tokens[:-1]
    return tokens


def _has_name(tokens: list[tuple[int, int, str]]) -> bool:
    return any(not _is_title(t) and not _is_initial(t) for _, _, t in tokens)


def _label_ok(tokens: list[tuple[int, int, str]]) -> bool:
    """A form value is a name if it has no everyday words and is not cased like a sentence."""
    names = [t for _, _, t in tokens if not _is_title(t) and not _is_initial(t)]
    if not names or any(_not_name(t) for t in names):
        return False
    lower = [t.islower() and t not in _PARTICLES for t in names]
    if all(lower) and all(_key(t) in WORD_NAMES for t in names):
        return False  # "Client: will"
    pairs = zip(lower, names, strict=True)
    if not lower[0] and any(low and "'" not in t and "’" not in t for low, t in pairs):
        return False  # "Manager: Please ensure cleaning"
    return True


def find_names(text: str) -> Iterator[tuple[int, int, float, str]]:
    """Yield (start, end, score, rule) for every rule-based name in ``text`` (may overlap)."""
    for m in _TITLE_RULE.finditer(text):
        if m.group("title") in ("Dr", "DR") and _STREET_BEFORE.search(text[: m.start()][-60:]):
            continue  # "12 Oak Dr Leeds": Drive, not Doctor
        tokens = _trim(_tokens(m.group(), m.start()))
        if tokens and _is_title(tokens[0][2]) and _has_name(tokens):
            yield tokens[0][0], tokens[-1][1], SCORE_TITLE, "title"
    for m in _LABEL_RULE.finditer(text):
        tokens = _tokens(m.group("name"), m.start("name"))
        if _label_ok(tokens):
            yield tokens[0][0], tokens[-1][1], SCORE_LABEL, "form label"
    rules = ((_RELATIONAL_RULE, SCORE_RELATIONAL, "relational cue"),
             (_DEAR_RULE, SCORE_DEAR, "salutation"), (_SPEECH_RULE, SCORE_SPEECH, "speech verb"))
    for pattern, score, rule in rules:
        for m in pattern.finditer(text):
            tokens = _trim(_tokens(m.group("name"), m.start("name")))
            if tokens and _has_name(tokens) and not _is_initial(tokens[-1][2]):
                yield tokens[0][0], tokens[-1][1], score, rule


class PersonRuleRecognizer(EntityRecognizer):
    """Presidio recognizer for names after titles, form labels and relational cues."""

    def __init__(self, name: str = "person_rules.v1") -> None:
        super().__init__(supported_entities=[PERSON], name=name, version="1")

    def load(self) -> None:
        """Nothing to load: the recognizer is pure regex."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: object = None
    ) -> list[RecognizerResult]:
        """Return one result per name span (best rule wins; spans inside a stronger one go)."""
        if entities and PERSON not in entities:
            return []
        best: dict[tuple[int, int], tuple[float, str]] = {}
        for start, end, score, rule in find_names(text):
            if (start, end) not in best or score > best[(start, end)][0]:
                best[(start, end)] = (score, rule)
        kept = {
            span: found
            for span, found in best.items()
            if not any(
                other != span and other[0] <= span[0] and span[1] <= other[1]
                and best[other][0] >= found[0]
                for other in best
            )
        }
        results = []
        for (start, end), (score, rule) in sorted(kept.items()):
            results.append(make_result(
                self, PERSON, (start, end), score, rule=rule, explanation=f"name rule: {rule}",
            ))
        return results


RECOGNIZERS: dict[str, Callable[[], EntityRecognizer]] = {
    "person_rules.v1": PersonRuleRecognizer,
}
