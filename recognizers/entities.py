"""Entity type names shared by the recognizers and the pipeline (Presidio's UPPER_SNAKE style)."""

from __future__ import annotations

PERSON = "PERSON"
ADDRESS = "ADDRESS"
POSTCODE = "UK_POSTCODE"
PHONE = "PHONE_NUMBER"
EMAIL = "EMAIL_ADDRESS"
NHS = "UK_NHS"
CHI = "UK_CHI"
HC = "UK_HC"
NINO = "UK_NINO"
ULN = "UK_ULN"
UPN = "UK_UPN"
UTR = "UK_UTR"
PASSPORT = "UK_PASSPORT"
DRIVING_LICENCE = "UK_DRIVING_LICENCE"
DATE_OF_BIRTH = "DATE_OF_BIRTH"
BANK_ACCOUNT = "UK_BANK_ACCOUNT"
REFERENCE = "REFERENCE"
IBAN = "IBAN_CODE"
CREDIT_CARD = "CREDIT_CARD"
IP_ADDRESS = "IP_ADDRESS"
URL = "URL"

#: Readable placeholder for each entity type in label mode. PERSON gets a label instead.
PLACEHOLDERS: dict[str, str] = {
    ADDRESS: "[ADDRESS]",
    POSTCODE: "[POSTCODE]",
    PHONE: "[PHONE]",
    EMAIL: "[EMAIL]",
    NHS: "[NHS NUMBER]",
    CHI: "[CHI NUMBER]",
    HC: "[H&C NUMBER]",
    NINO: "[NI NUMBER]",
    ULN: "[ULN]",
    UPN: "[UPN]",
    UTR: "[UTR]",
    PASSPORT: "[PASSPORT NUMBER]",
    DRIVING_LICENCE: "[DRIVING LICENCE]",
    DATE_OF_BIRTH: "[DATE OF BIRTH]",
    BANK_ACCOUNT: "[BANK DETAILS]",
    REFERENCE: "[REFERENCE]",
    IBAN: "[BANK DETAILS]",
    CREDIT_CARD: "[CARD NUMBER]",
    IP_ADDRESS: "[IP ADDRESS]",
    URL: "[URL]",
}
