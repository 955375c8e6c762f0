"""Invented people for the synthetic corpus: UK names of many origins, titles and name forms.

Faker's en_GB lists supply the common British names; the lists below add names of South
Asian, African, Caribbean, Eastern European, Irish, Chinese, Arabic, Welsh and Scottish
origin, and first names that are also ordinary English words. Every name is written in
Latin-1 so that the PDF fonts can render it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from faker.providers.person.en_GB import Provider as _FakerGB

#: origin → (female first names, male first names, surnames)
ORIGINS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "south_asian": (
        ("Priya", "Harpreet", "Aisha", "Nadia", "Sunita", "Anjali", "Farzana", "Simran",
         "Rukhsana"),
        ("Arjun", "Sanjay", "Imran", "Gurpreet", "Rajesh", "Mohammed", "Vikram", "Tariq", "Kamal"),
        ("Patel", "Sharma", "Singh", "Kaur", "Begum", "Hussain", "Khan", "Chowdhury", "Sandhu",
         "Gill", "Mistry", "Rahman", "Iqbal", "Bhatti"),
    ),
    "african": (
        ("Ngozi", "Ama", "Abena", "Chipo", "Amara", "Folasade", "Nkechi", "Zodwa", "Efua"),
        ("Chidi", "Oluwaseun", "Adebayo", "Kwame", "Tendai", "Emeka", "Kofi", "Tunde", "Jabari"),
        ("Okafor", "Adeyemi", "Mensah", "Boateng", "Okonkwo", "Mwangi", "Osei", "Nwosu", "Eze",
         "Balogun", "Asante", "Oyelaran"),
    ),
    "caribbean": (
        ("Marcia", "Shanice", "Beverley", "Paulette", "Janelle", "Sonia"),
        ("Delroy", "Winston", "Jermaine", "Tyrone", "Leroy", "Clive"),
        ("Campbell", "Clarke", "Francis", "Grant", "McKenzie", "Robinson", "Thompson", "Reid"),
    ),
    "eastern_european": (
        ("Agnieszka", "Katarzyna", "Elena", "Oksana", "Jana", "Ioana", "Zuzana", "Magdalena"),
        ("Piotr", "Tomasz", "Marek", "Andrei", "Ionut", "Dmytro", "Lukas", "Bogdan"),
        ("Kowalski", "Nowak", "Wisniewska", "Popescu", "Ionescu", "Kovalenko", "Horváth",
         "Novák", "Petrova", "Zielinski", "Dvorák", "Lewandowska"),
    ),
    "irish": (
        ("Siobhan", "Niamh", "Aoife", "Sinead", "Grainne", "Roisin", "Orla", "Caoimhe"),
        ("Ciaran", "Padraig", "Eoin", "Cathal", "Donal", "Fionn", "Seamus", "Oisin"),
        ("O'Brien", "O'Sullivan", "McCarthy", "Murphy", "Byrne", "MacNamara", "Fitzgerald",
         "O'Neill", "Ni Bhriain", "Doherty"),
    ),
    "chinese": (
        ("Mei", "Xiu Ying", "Li Na", "Hui", "Yan", "Jing"),
        ("Wei", "Jun", "Hao", "Ming", "Zhi Hao", "Chen Yu"),
        ("Chen", "Wang", "Zhang", "Liu", "Huang", "Wong", "Cheung", "Lam", "Ng"),
    ),
    "arabic": (
        ("Fatima", "Layla", "Zainab", "Mariam", "Noor", "Huda"),
        ("Omar", "Yusuf", "Khalid", "Hassan", "Karim", "Samir"),
        ("Al-Sayed", "Haddad", "Nasser", "El-Amin", "Mansour", "Hamdan", "Abdullah", "Saleh"),
    ),
    "welsh_scottish": (
        ("Cerys", "Eilidh", "Seren", "Morag", "Catriona", "Ffion"),
        ("Rhys", "Dafydd", "Hamish", "Iwan", "Callum", "Gethin"),
        ("Jones", "Davies", "MacLeod", "Llewellyn", "Fraser", "Pritchard", "MacDonald", "Evans"),
    ),
}

#: First names and surnames that are also ordinary English words.
WORD_FIRST_FEMALE = ("Rose", "Grace", "Hope", "Faith", "Joy", "Dawn", "Amber", "Ruby", "Holly",
                     "Iris", "Daisy", "May")
WORD_FIRST_MALE = ("Will", "Mark", "Bill", "Frank", "Jack", "Rich", "Guy", "Sonny")
WORD_SURNAMES = ("Baker", "Brown", "White", "Green", "Hill", "Wood", "Young", "King", "Bird",
                 "Moss", "Best", "Cook", "Hope", "Rich")

#: Tokens that must not appear in a person's name (they are parts of protected domain phrases
#: or place names used elsewhere in the corpus).
RESERVED = frozenset({
    "Gibbs", "Oliver", "McGowan", "Maslow", "Kolb", "Driscoll", "Down", "Alzheimer", "Parkinson",
    "Glasgow", "Waterlow", "Braden", "Gillick", "Fraser", "Makaton", "Rolfe", "Johns", "Tuckman",
    "Barthel", "Lewin", "Level", "Unit", "Care", "Ofsted", "Section", "Year", "Stage",
})

FEMALE_TITLES = ("Mrs", "Ms", "Miss", "Dr")
MALE_TITLES = ("Mr", "Mr", "Mr", "Dr")
ALL_TITLES = frozenset(FEMALE_TITLES + MALE_TITLES + ("Mx",))


@dataclass(frozen=True)
class Person:
    """An invented person. ``pid`` is the gold identity shared by all of their mentions."""

    pid: str
    first: str
    last: str
    title: str
    female: bool
    origin: str

    @property
    def full(self) -> str:
        """First name and surname."""
        return f"{self.first} {self.last}"

    @property
    def initial(self) -> str:
        """First initial with a full stop, e.g. ``"S."``."""
        return self.first[0] + "."

    @property
    def tokens(self) -> tuple[str, ...]:
        """The name's word tokens (first names may have two parts)."""
        return tuple(self.first.split()) + tuple(self.last.split())


def _faker_surnames() -> tuple[str, ...]:
    return tuple(_FakerGB.last_names)


_FAKER = {
    "faker_gb": (tuple(_FakerGB.first_names_female), tuple(_FakerGB.first_names_male),
                 _faker_surnames()),
}


def _origin_weights() -> list[tuple[str, float]]:
    weights = [("faker_gb", 0.40)]
    share = 0.52 / len(ORIGINS)
    weights += [(origin, share) for origin in ORIGINS]
    weights.append(("word_names", 0.08))
    return weights


def _pools(origin: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    if origin == "word_names":
        return WORD_FIRST_FEMALE, WORD_FIRST_MALE, WORD_SURNAMES + _FAKER["faker_gb"][2][:60]
    if origin == "faker_gb":
        return _FAKER["faker_gb"]
    return ORIGINS[origin]


def _clean(name: str) -> bool:
    return not any(part in RESERVED for part in name.replace("-", " ").split())


def make_person(rng: random.Random, pid: str, used: set[str]) -> Person:
    """Draw a new person whose full name is not in ``used`` (and add it there).

    Args:
        rng: the corpus's random generator (the only source of randomness).
        pid: the gold person id to give them.
        used: full names already in use in the corpus; updated in place.
    """
    origins, weights = zip(*_origin_weights(), strict=True)
    while True:
        origin = rng.choices(origins, weights)[0]
        female_names, male_names, surnames = _pools(origin)
        female = rng.random() < 0.6
        first = rng.choice(female_names if female else male_names)
        last = rng.choice(surnames)
        if rng.random() < 0.12:  # mixed heritage: surname from another origin
            last = rng.choice(_pools(rng.choice(origins))[2])
        full = f"{first} {last}"
        if full in used or first == last or not (_clean(first) and _clean(last)):
            continue
        used.add(full)
        title = rng.choice(FEMALE_TITLES if female else MALE_TITLES)
        return Person(pid, first, last, title, female, origin)


def is_word_name(token: str) -> bool:
    """Whether a name token is also an everyday English word (Rose, Will, Baker…)."""
    return token in WORD_FIRST_FEMALE or token in WORD_FIRST_MALE or token in WORD_SURNAMES
