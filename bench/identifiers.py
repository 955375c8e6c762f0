"""Synthetic UK identifiers, contact details, addresses and dates for the benchmark corpus.

Every value is safe to publish: NHS numbers from the 999 test range (valid mod-11 check digit),
ULNs and UPNs with valid check digits, NINOs of valid format, phone numbers from Ofcom's drama
ranges only, e-mail addresses on example.* domains, and invented house numbers and postcodes
(real towns and postcode areas, invented streets and inward codes).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

from bench.names import Person

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
_NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
_NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
_NINO_BAD_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
#: Some real local-authority numbers (the UPN's positions 2–4).
_LA_CODES = (201, 202, 204, 206, 209, 213, 302, 304, 308, 312, 316, 330, 331, 335, 340, 341,
             350, 352, 353, 370, 373, 380, 383, 390, 392, 800, 801, 812, 815, 821, 825, 830,
             845, 850, 855, 860, 873, 878, 886, 891, 908, 919, 925, 935, 937)

#: Real towns with their real postcode areas.
TOWNS: tuple[tuple[str, str], ...] = (
    ("Leeds", "LS"), ("Bradford", "BD"), ("Manchester", "M"), ("Salford", "M"),
    ("Liverpool", "L"), ("Sheffield", "S"), ("Bristol", "BS"), ("Birmingham", "B"),
    ("Coventry", "CV"), ("Leicester", "LE"), ("Nottingham", "NG"), ("Derby", "DE"),
    ("Norwich", "NR"), ("Cardiff", "CF"), ("Swansea", "SA"), ("Newcastle upon Tyne", "NE"),
    ("Sunderland", "SR"), ("Hull", "HU"), ("York", "YO"), ("Preston", "PR"), ("Bolton", "BL"),
    ("Wigan", "WN"), ("Stockport", "SK"), ("Oldham", "OL"), ("Plymouth", "PL"),
    ("Exeter", "EX"), ("Southampton", "SO"), ("Portsmouth", "PO"), ("Brighton", "BN"),
    ("Reading", "RG"), ("Oxford", "OX"), ("Cambridge", "CB"), ("Luton", "LU"),
    ("Milton Keynes", "MK"), ("Northampton", "NN"), ("Peterborough", "PE"), ("Ipswich", "IP"),
    ("Edinburgh", "EH"), ("Aberdeen", "AB"), ("Dundee", "DD"), ("Belfast", "BT"),
    ("Wolverhampton", "WV"), ("Stoke-on-Trent", "ST"), ("Huddersfield", "HD"),
    ("Halifax", "HX"), ("Doncaster", "DN"), ("Blackburn", "BB"), ("Lancaster", "LA"),
    ("Carlisle", "CA"), ("Taunton", "TA"),
)
STREET_NAMES = (
    "Station", "Church", "Victoria", "Mill", "Oak", "Elm", "Park", "Albert", "Queen's", "Meadow",
    "Orchard", "Willow", "Cedar", "Beech", "Hawthorn", "Primrose", "Springfield", "Manor",
    "Brook", "Chapel", "Castle", "Windsor", "Ashgrove", "Larch", "Rowan", "Heather", "Kingsley",
    "Harbour", "Clifton", "Fernbank", "Moorland", "Highfield", "Cherry Tree", "St Mark's",
    "Wellington", "Holly Bank", "Sycamore", "Bramble", "Foxglove", "Thornhill",
)
STREET_SUFFIXES = (
    "Road", "Road", "Road", "Close", "Close", "Lane", "Lane", "Drive", "Avenue", "Way", "Street",
    "Street", "Court", "Gardens", "Place", "Crescent", "Grove", "Terrace", "Walk", "Mews",
    "Rise", "Row", "View", "Square", "Croft", "Fold", "Parade", "Chase",
)
EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example.com",
                 "college.example.ac.uk", "council.example.gov.uk", "school.example.sch.uk")


def nhs_number(rng: random.Random) -> str:
    """A 999-range NHS number with a valid mod-11 check digit, as ten digits."""
    while True:
        digits = [9, 9, 9] + [rng.randrange(10) for _ in range(6)]
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
        if check == 10:
            continue
        return "".join(map(str, digits + [0 if check == 11 else check]))


def uln(rng: random.Random) -> str:
    """A ten-digit Unique Learner Number with a valid check digit."""
    while True:
        digits = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(8)]
        remainder = sum(d * (10 - i) for i, d in enumerate(digits)) % 11
        if remainder == 0:
            continue
        return "".join(map(str, digits + [10 - remainder]))


def upn(rng: random.Random) -> str:
    """A permanent Unique Pupil Number: check letter, LA code, school, year and serial."""
    body = f"{rng.choice(_LA_CODES)}{rng.randrange(2000, 7000):04d}"
    body += f"{rng.randrange(8, 25):02d}{rng.randrange(1000):03d}"
    total = sum(int(ch) * pos for pos, ch in enumerate(body, start=2))
    return _UPN_LETTERS[total % 23] + body


def nino(rng: random.Random) -> str:
    """A National Insurance number of valid format (prefix rules respected), unspaced."""
    while True:
        prefix = rng.choice(_NINO_FIRST) + rng.choice(_NINO_SECOND)
        if prefix not in _NINO_BAD_PREFIXES:
            break
    return prefix + "".join(str(rng.randrange(10)) for _ in range(6)) + rng.choice("ABCD")


def format_nhs(value: str, rng: random.Random) -> str:
    """Write an NHS number as people do: spaced, dashed or run together."""
    style = rng.choice(("{0} {1} {2}", "{0} {1} {2}", "{0}{1}{2}", "{0}-{1}-{2}"))
    return style.format(value[:3], value[3:6], value[6:])


def format_nino(value: str, rng: random.Random) -> str:
    """Write a NINO spaced in pairs, run together, or in lower case."""
    spaced = f"{value[:2]} {value[2:4]} {value[4:6]} {value[6:8]} {value[8]}"
    return rng.choice((spaced, spaced, value, value.lower()))




def phone(rng: random.Random) -> str:
    """A UK phone number from Ofcom's drama ranges, in one of many written styles."""
    tail = f"{rng.randrange(1000):03d}"
    kind = rng.randrange(8)
    if kind == 0:
        return rng.choice(("07700 900", "07700900", "+44 7700 900", "+44 (0)7700 900")) + tail
    if kind == 1:
        return rng.choice(("020 7946 0", "020-7946-0", "+44 20 7946 0", "(020) 7946 0")) + tail
    if kind == 2:
        return rng.choice(("01632 960", "01632 960")) + tail
    if kind == 3:
        return rng.choice(("028 9018 0", "029 2018 0")) + tail
    area = rng.choice(("113", "114", "115", "116", "117", "118", "121", "131", "141", "151",
                       "161", "191"))
    style = rng.choice(("0{a} 496 0{t}", "(0{a}) 496 0{t}", "0{a}-496-0{t}", "+44 {a} 496 0{t}",
                        "0{a}4960{t}"))
    return style.format(a=area, t=tail)


def _ascii(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum() or ch == "-")


def email(person: Person, rng: random.Random) -> str:
    """An e-mail address for ``person`` on an example.* domain."""
    first, last = (_ascii(part) for part in (person.first, person.last))
    local = rng.choice((f"{first}.{last}", f"{first[0]}.{last}", f"{first}{last[0]}",
                        f"{last}.{first}", f"{first}.{last}{rng.randrange(10, 99)}"))
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


@dataclass(frozen=True)
class Address:
    """An invented address: ``street_line`` ("Flat 2, 14 Station Road"), town and postcode."""

    flat: str
    number: str
    street: str
    town: str
    postcode: str

    @property
    def street_line(self) -> str:
        """House number and street (with any flat prefix)."""
        line = f"{self.number} {self.street}"
        return f"{self.flat}, {line}" if self.flat else line


def address(rng: random.Random) -> Address:
    """An invented address with a British street suffix in a real town and postcode area."""
    town, area = rng.choice(TOWNS)
    district = str(rng.randrange(1, 30)) if len(area) == 1 else str(rng.randrange(1, 20))
    inward = f"{rng.randrange(10)}{rng.choice(_INWARD_LETTERS)}{rng.choice(_INWARD_LETTERS)}"
    flat = rng.choice(("Flat 2", "Flat 14", "Apartment 3", "Flat 1A")) if rng.random() < 0.2 else ""
    number = str(rng.randrange(1, 240)) + ("A" if rng.random() < 0.05 else "")
    street = f"{rng.choice(STREET_NAMES)} {rng.choice(STREET_SUFFIXES)}"
    return Address(flat, number, street, town, f"{area}{district} {inward}")


def date_of_birth(rng: random.Random, adult: bool) -> str:
    """A date of birth written in one of the usual UK styles."""
    year = rng.randrange(1930, 2000) if adult else rng.randrange(2006, 2020)
    month, day = rng.randrange(1, 13), rng.randrange(1, 29)
    style = rng.randrange(6)
    if style == 0:
        return f"{day:02d}/{month:02d}/{year}"
    if style == 1:
        return f"{day}/{month}/{year}"
    if style == 2:
        return f"{day:02d}.{month:02d}.{year}"
    if style == 3:
        return f"{day} {_MONTHS[month - 1]} {year}"
    if style == 4:
        return f"{day:02d}-{month:02d}-{year}"
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix} {_MONTHS[month - 1]} {year}"


def event_date(rng: random.Random) -> str:
    """An ordinary (non-birth) date in 2024–2025, which the default policy keeps."""
    day, month = rng.randrange(1, 29), rng.randrange(1, 13)
    year = rng.choice((2024, 2025))
    if rng.random() < 0.5:
        return f"{day} {_MONTHS[month - 1]} {year}"
    return f"{day:02d}/{month:02d}/{year}"
