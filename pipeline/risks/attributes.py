"""Sensitive and uncommon personal attributes: what to look for and how rare each one is.

Each :class:`AttributeSet` is one category (ethnicity, disability…) with regex fragments.
Where two patterns match at the same word, the set listed first wins, so more specific sets
(languages: "Polish speaking") come before broader ones (ethnicity: "Polish").
``rare`` marks attributes uncommon enough to single a person out in a typical service or
class (a Deaf learner, a Roma family); common ones (dementia in a care home, dyslexia in a
college) still count as sensitive but weigh less. The lists favour precision: ambiguous words
("black", "blind", "trans", nationalities) only count next to a person noun.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.risks.lexicon import PERSON_NOUN, alternation
from pipeline.risks.model import RARE_ATTRIBUTE, SPECIAL_CATEGORY


@dataclass(frozen=True, slots=True)
class AttributeSet:
    """One category of attribute and the patterns that find it."""

    kind: str
    category: str
    rare: bool
    patterns: tuple[str, ...]
    case_sensitive: bool = False


_PERSON_AHEAD = rf"(?=[ \t]+(?:[A-Za-z-]+[ \t]+)?{PERSON_NOUN})"

_NATIONALITIES = alternation(
    """Afghan Albanian Algerian Angolan Arab Bangladeshi Brazilian Bulgarian Caribbean Chinese
    Congolese Czech Eritrean Ethiopian Filipina Filipino Ghanaian Hungarian Indian Iranian
    Iraqi Irish Jamaican Japanese Kenyan Korean Kosovan Kurdish Latvian Libyan Lithuanian
    Malaysian Moroccan Nepalese Nepali Nigerian Pakistani Palestinian Polish Portuguese
    Romanian Russian Rwandan Slovak Somali Sudanese Syrian Tamil Thai Turkish Ugandan
    Ukrainian Vietnamese Yemeni Zimbabwean African Asian Italian Spanish French German Greek
    Kashmiri Punjabi Gujarati Bengali Sikh-Punjabi""".split()
    + ["Sri Lankan", "Sierra Leonean", "Hong Kong", "South Asian", "East Asian", "British Asian",
       "Black British", "Black African", "Black Caribbean"]
)

_LANGUAGES = alternation(
    """Arabic Albanian Amharic Bengali Cantonese Dari Farsi Gujarati Hindi Kurdish Kurmanji
    Sorani Lithuanian Mandarin Nepali Pashto Polish Portuguese Punjabi Romanian Romani Russian
    Slovak Somali Spanish Sylheti Tamil Tigrinya Turkish Twi Ukrainian Urdu Vietnamese Yoruba
    Igbo Shona Swahili Welsh Gaelic Cornish Tagalog Malayalam Telugu Czech Hungarian Latvian
    Bulgarian French Italian German Chinese Lingala Oromo Tigre Kinyarwanda""".split()
)

ATTRIBUTE_SETS: tuple[AttributeSet, ...] = (
    AttributeSet(RARE_ATTRIBUTE, "language", False, (
        rf"(?:speaks?|speaking)[ \t]+(?:only[ \t]+|mainly[ \t]+|fluent[ \t]+)?{_LANGUAGES}",
        rf"(?:first|home|main|preferred)[ \t]+language[ \t]+(?:is[ \t]+)?{_LANGUAGES}",
        rf"{_LANGUAGES}[ \t-](?:speakers?|speaking|interpreters?|translators?)",
        r"EAL", r"English[ \t]+as[ \t]+an?[ \t]+(?:additional|second)[ \t]+language",
    ), case_sensitive=True),
    AttributeSet(SPECIAL_CATEGORY, "ethnicity", True, (
        r"Gypsy(?:,?[ \t]+Roma,?[ \t]+(?:and|&|or)[ \t]+Travell?ers?)",
        r"Gypsy[ \t]*/[ \t]*Roma[ \t]*/[ \t]*Travell?ers?",
        r"GRT", r"Gypsies", r"Gypsy", r"Roma(?:ni|ny)?", r"(?:Irish[ \t]+|New[ \t]+)?Travell?ers?",
        r"[Bb]lack[ \t]+(?:British|African|Caribbean|Welsh)",
        rf"[Bb]lack{_PERSON_AHEAD}",
        r"White[ \t]+and[ \t]+(?:Black[ \t]+(?:Caribbean|African)|Asian)",
        r"(?:[Mm]ixed|[Dd]ual)[ -](?:race|heritage|ethnicity)",
        r"(?:[Ee]thnic|[Ee]thnically)[ \t]+minorit(?:y|ies)", r"[Mm]inority[ \t]+ethnic",
        r"BAME", r"BME", r"[Gg]lobal[ \t]+majority",
        rf"(?:of[ \t]+|from[ \t]+an?[ \t]+)?{_NATIONALITIES}[ \t]+"
        r"(?:heritage|origin|descent|background)",
        rf"{_NATIONALITIES}{_PERSON_AHEAD}",
    ), case_sensitive=True),
    AttributeSet(SPECIAL_CATEGORY, "ethnicity", False, (
        r"White[ \t]+(?:British|English|Welsh|Scottish|Irish|Other|European)",
    ), case_sensitive=True),
    AttributeSet(SPECIAL_CATEGORY, "religion or belief", True, (
        r"Muslims?", r"Islam(?:ic)?", r"Jewish", r"Jews?", r"Judaism", r"Sikhs?", r"Sikhism",
        r"Hindus?", r"Hinduism", r"Buddhists?", r"Buddhism", r"Rastafari(?:ans?)?",
        r"Jehovah['’]?s[ \t]+Witness(?:es)?", r"Mormons?", r"Latter[- ]day[ \t]+Saints?",
        r"Quakers?", r"Pagans?", r"Wiccans?", r"Jains?", r"Zoroastrians?", r"Baha['’]i",
        r"Hasidic", r"Haredi", r"Charedi", r"[Mm]osques?", r"[Ss]ynagogues?", r"[Gg]urdwaras?",
        r"[Mm]andirs?", r"Kingdom[ \t]+Hall", r"[Hh]ijabs?", r"[Nn]iqabs?", r"[Bb]ur[qk]as?",
        r"[Kk]ippahs?", r"[Yy]armulkes?", r"[Kk]irpans?",
    ), case_sensitive=True),
    AttributeSet(SPECIAL_CATEGORY, "religion or belief", False, (
        r"Christians?(?![ \t]+[A-Z])", r"Catholics?(?![ \t]+(?:school|college|academy|church|"
        r"primary|high|diocese|charity|[A-Z]))", r"Anglicans?", r"Methodists?", r"Baptists?",
        r"Pentecostal",
    ), case_sensitive=True),
    AttributeSet(SPECIAL_CATEGORY, "sexual orientation", True, (
        r"gay", r"lesbians?", r"bisexual(?:s|ity)?", r"pansexual", r"asexual", r"queer",
        r"homosexual(?:s|ity)?", rf"LGBTQ?I?A?\+?{_PERSON_AHEAD}",
        r"same[- ]sex[ \t]+(?:partner|couple|relationship|marriage|parents|wife|husband)s?",
    )),
    AttributeSet(SPECIAL_CATEGORY, "gender identity", True, (
        r"transgender", r"trans(?=[ \t-]+(?:woman|man|women|men|person|people|learner|"
        r"student|pupil|boy|girl|child|children|young|teen|identity|resident|colleague|"
        r"and[ \t]+non-binary))",
        r"(?<=is |as )trans(?![\w-])", r"non[- ]?binary", r"genderqueer", r"gender[- ]fluid",
        r"agender", r"intersex", r"gender[ \t]+reassignment", r"gender[ \t]+dysphoria",
        r"gender[ \t]+identity[ \t]+(?:clinic|service)", r"dead[- ]?named?",
    )),
    AttributeSet(SPECIAL_CATEGORY, "disability", True, (
        r"[Dd]eaf(?:blind|ness)?(?![ \t]+ears?\b)(?![\w-])", r"hard[ \t]+of[ \t]+hearing",
        r"hearing[- ]impair(?:ed|ment|ments)", r"hearing[ \t]+loss", r"hearing[ \t]+aids?",
        r"cochlear[ \t]+implants?", r"(?-i:BSL)", r"British[ \t]+Sign[ \t]+Language",
        r"sign[ \t]+language", r"blindness",
        r"(?:registered|partially|severely|totally|is|was|became|went)[ \t]+blind",
        rf"blind{_PERSON_AHEAD}", r"partially[ \t]+sighted", r"visually[ \t]+impaired",
        r"visual[ \t]+impairments?", r"sight[ \t]+(?:impaired|impairment|loss)",
        r"(?:guide|hearing|assistance)[ \t]+dogs?", r"[Bb]raille",
        r"wheelchair[- ]users?", r"uses?[ \t]+a[ \t]+wheelchair", r"in[ \t]+a[ \t]+wheelchair",
        r"wheelchair[- ]bound", r"(?:electric|powered|motori[sz]ed)[ \t]+wheelchairs?",
        r"mobility[ \t]+scooter", r"amputees?", r"amputation",
        r"prosthetic[ \t]+(?:leg|arm|limb|hand|foot)", r"cerebral[ \t]+palsy",
        r"spina[ \t]+bifida", r"muscular[ \t]+dystrophy", r"Down['’]?s?[ \t]+syndrome",
        r"selective[ \t]+mutism", r"tracheostomy", r"feeding[ \t]+tube", r"(?-i:PEG[- ]fed)",
    )),
    AttributeSet(SPECIAL_CATEGORY, "disability", False, (
        r"autism", r"autistic", r"(?-i:ASD)", r"(?-i:ADHD)", r"Asperger['’]?s?", r"dyslexi[ac]",
        r"dyspraxi[ac]", r"dyscalculia", r"learning[ \t]+disabilit(?:y|ies)",
        r"learning[ \t]+difficult(?:y|ies)", r"special[ \t]+educational[ \t]+needs",
        r"(?-i:SEND)", r"(?-i:SEN[ \t]+support)", r"(?-i:EHCPs?)", r"(?-i:EHC[ \t]+plans?)",
        r"Makaton", r"non-verbal", r"physical[ \t]+disabilit(?:y|ies)",
        r"(?:has|have|with)[ \t]+(?:a[ \t]+)?disabilit(?:y|ies)",
        rf"disabled{_PERSON_AHEAD}", r"(?:is|are|was|were)[ \t]+disabled",
    ), case_sensitive=False),
    AttributeSet(SPECIAL_CATEGORY, "health", True, (
        r"motor[ \t]+neuron(?:e)?[ \t]+disease", r"(?-i:MND)",
        r"Huntington['’]?s(?:[ \t]+disease)?",
        r"multiple[ \t]+sclerosis", r"cystic[ \t]+fibrosis", r"sickle[- ]cell",
        r"thalassaemia", r"haemophilia", r"(?-i:HIV)", r"(?-i:AIDS)", r"hepatitis[ \t]+[BC]",
        r"tuberculosis", r"leukaemia", r"brain[ \t]+tumou?r", r"Parkinson['’]?s",
        r"epilepsy", r"epileptic", r"schizophreni[ac]", r"bipolar(?:[ \t]+disorder)?",
        r"psychosis", r"personality[ \t]+disorder", r"eating[ \t]+disorder", r"anorexia",
        r"bulimia", r"Tourette['’]?s", r"dialysis", r"stoma", r"colostomy", r"ileostomy",
        r"life[- ]limiting[ \t]+(?:condition|illness)", r"terminal(?:ly)?[ \t]+ill(?:ness)?",
        r"rare[ \t]+(?:genetic[ \t]+)?(?:condition|disease|disorder|syndrome)",
        r"(?-i:(?!(?:Heart|Kidney|Liver|Lung|Motor|Imposter|Impostor|Stockholm|The|This|A|Her|"
        r"His|Their|Down)\b)[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:['’]s)?[ \t]+(?:syndrome|disease))",
    ), case_sensitive=False),
    AttributeSet(SPECIAL_CATEGORY, "health", False, (
        r"dementia", r"Alzheimer['’]?s", r"diabetes", r"diabetic", r"asthma(?:tic)?",
        r"heart[ \t]+(?:disease|condition|failure|attack)",
        r"(?:had|suffered|has[ \t]+had|after)[ \t]+a[ \t]+stroke", r"stroke[ \t]+survivor",
        r"cancer", r"chemotherapy", r"(?-i:COPD)", r"arthritis", r"depression",
        r"anxiety[ \t]+disorder", r"panic[ \t]+attacks", r"(?-i:OCD)", r"(?-i:PTSD)",
        r"post-traumatic[ \t]+stress", r"self[- ]harm(?:ing|ed)?",
        r"suicidal", r"overdosed?", r"alcohol[ \t]+(?:dependency|dependence|misuse|addiction)",
        r"alcoholism", r"substance[ \t]+misuse", r"drug[ \t]+(?:addiction|misuse|dependency)",
        r"methadone", r"heroin", r"long[ \t]+Covid", r"fibromyalgia", r"incontinen(?:t|ce)",
        r"sectioned",
    ), case_sensitive=False),
    AttributeSet(SPECIAL_CATEGORY, "pregnancy or maternity", True, (
        r"pregnant", r"pregnanc(?:y|ies)", r"expecting[ \t]+(?:a[ \t]+baby|twins|her[ \t]+first)",
        r"maternity[ \t]+leave", r"miscarri(?:age|ed)", r"stillb(?:irth|orn)",
        r"g(?:ave|iving)[ \t]+birth", r"teenage[ \t]+(?:mother|mum|parent|pregnancy)",
        r"abortion", r"termination[ \t]+of[ \t]+(?:her[ \t]+)?pregnancy", r"antenatal",
    )),
    AttributeSet(RARE_ATTRIBUTE, "immigration status", True, (
        r"refugees?(?![ \t]+(?-i:Council|Week|Action))", r"asylum[- ]seek(?:er|ers|ing)",
        r"seeking[ \t]+asylum",
        r"claimed[ \t]+asylum",
        r"asylum[ \t]+(?:claim|application|status|support|hotel|accommodation|interview)s?",
        r"(?-i:UASC)", r"unaccompanied[ \t]+(?:asylum[- ]seeking[ \t]+)?(?:child|children|minors?)",
        r"leave[ \t]+to[ \t]+remain", r"indefinite[ \t]+leave", r"no[ \t]+recourse[ \t]+to"
        r"[ \t]+public[ \t]+funds", r"(?-i:NRPF)", r"undocumented", r"stateless",
        r"(?:was|were|been)[ \t]+trafficked", r"modern[ \t]+slavery", r"resettlement[ \t]+scheme",
        r"Homes[ \t]+for[ \t]+Ukraine", r"(?:pre-)?settled[ \t]+status",
        r"immigration[ \t]+(?:status|detention|removal)",
    )),
    AttributeSet(RARE_ATTRIBUTE, "care experience", True, (
        r"care[- ]leavers?", r"care[- ]experienced",
        r"looked[- ]after[ \t]+(?:child|children|young[ \t]+(?:people|person))",
        r"child(?:ren)?[ \t]+looked[ \t]+after",
        r"in[ \t]+(?:local[ \t]+authority|foster|residential)[ \t]+care",
        r"foster[ \t]+(?:care|placement|carers?|family|parents?|home|mum|dad)", r"fostered",
        r"adopted[ \t]+(?:son|daughter|child|children)",
        r"adoptive[ \t]+(?:parents?|mother|father|mum|dad)",
        r"kinship[ \t]+carers?", r"kinship[ \t]+care", r"special[ \t]+guardianship",
        r"young[ \t]+(?:adult[ \t]+)?carers?", r"child[ \t]+protection[ \t]+plan",
        r"child[ \t]+in[ \t]+need[ \t]+plan", r"care[ \t]+order",
    )),
    AttributeSet(RARE_ATTRIBUTE, "criminal record", True, (
        r"ex[- ]offenders?", r"on[ \t]+probation", r"released[ \t]+from[ \t]+(?:prison|custody)",
        r"(?:prison|custodial)[ \t]+sentence", r"criminal[ \t]+(?:record|conviction)s?",
        r"youth[ \t]+offending", r"(?:served|serving)[ \t]+(?:time|a[ \t]+sentence)",
        r"electronic[ \t]+tag", r"in[ \t]+prison", r"young[ \t]+offenders?",
        r"(?:un)?spent[ \t]+convictions?",
    )),
    AttributeSet(RARE_ATTRIBUTE, "family circumstance", True, (
        r"twin[ \t]+(?:sister|brother|boys|girls|daughters|sons)s?", r"(?<=her |his )twins?",
        r"(?<=their )twins", r"is[ \t]+a[ \t]+twin", r"triplets", r"quadruplets",
    )),
    AttributeSet(RARE_ATTRIBUTE, "armed forces", False, (
        r"(?:armed[ \t]+forces|army|(?-i:RAF)|navy|military|Falklands|Gulf[ \t]+War)"
        r"[ \t]+veterans?",
        r"ex-(?:forces|army|military|serviceman|servicewoman|soldier)",
    )),
)
