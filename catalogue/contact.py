"""Phone numbers and e-mail addresses people can call or write to, read as agencies type them.

Phone numbers go through libphonenumber (``phonenumberslite``): a French number is read in metropolitan
France or in any overseas territory (``0590 …`` is Guadeloupe), kept as E.164 for ``tel:`` links and
shown in the national format (``05 61 00 00 00``). French short numbers (``3949``, France Travail's)
are kept as they are: they are dialled as written, from France only.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import shortnumberinfo

EMAIL = re.compile(r"^[\w.+\-]+@[\w\-]+(\.[\w\-]+)+$")
# Metropolitan France first, then the overseas territories whose numbers share the French plan.
REGIONS = ("FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF")


def phone(text: str) -> str | None:
    """``+33561000000`` for ``05 61 00 00 00``, ``+33 5 61 00 00 00`` or ``05.61.00.00.00``; None if not one."""
    value = text.strip()
    if not re.fullmatch(r"[+\d][\d .\-()/]{2,22}", value):
        return None
    for region in REGIONS:
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            return None
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    short = phonenumbers.parse(value, "FR")
    if value.isdigit() and shortnumberinfo.is_valid_short_number_for_region(short, "FR"):
        return value
    return None


def shown(e164: str) -> str:
    """``05 61 00 00 00``: how a French reader writes the number (international for other countries)."""
    if not e164.startswith("+"):  # a short number
        return e164
    number = phonenumbers.parse(e164)
    region = phonenumbers.region_code_for_number(number)
    style = (phonenumbers.PhoneNumberFormat.NATIONAL if region in REGIONS
             else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, style)


def is_email(text: str) -> bool:
    return bool(EMAIL.match(text.strip()))
