"""Phone numbers as people write them in Norwegian ads, read with libphonenumber.

«+47 912 40 118», «0047 912 40 118», «91240118», «912 40 118» and a switchboard with an
extension, «12 34 56 78, tast 3», are all one number. Norway is the default country, and a
number only has to be possible (the right length for its country): a made-up example such as
12 34 56 78 must not be refused. The author's own spelling is what the page shows; `tel_link`
gives the dialable form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

DEFAULT_REGION = "NO"
# «, tast 3», «tast 3», «(tast 3)», «ext. 12», «linje 2»: dialled after the number answers.
EXTENSION = re.compile(
    r"[\s,;(]*(?:tast|trykk|ext\.?|extension|linje|lokal|lok\.?)\s*(?P<extension>\d{1,6})\)?\s*$",
    re.IGNORECASE,
)
# Runs of digits long enough to be a number on their own, to tell «two numbers in one field».
PHONE_NUMBER_RUN = re.compile(r"(?:\+|00)?\d(?:[\d \-().]*\d){7,}")


@dataclass(frozen=True)
class PhoneNumber:
    e164: str  # +4791240118
    extension: str = ""

    @property
    def tel_link(self) -> str:
        """`tel:+4712345678,3`: a comma makes phones pause, then dial the extension."""
        return f"tel:{self.e164}" + (f",{self.extension}" if self.extension else "")


def parse_phone(text: str) -> PhoneNumber | None:
    """The number in `text`, or None when it is not one possible phone number."""
    text = text.strip()
    extension = ""
    found = EXTENSION.search(text)
    if found:
        extension, text = found["extension"], text[: found.start()]
    if not re.fullmatch(r"[+\d][\d \-().]*", text) or sum(c.isdigit() for c in text) < 5:
        return None
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return PhoneNumber(e164, extension)


def tel_link(text: str | None) -> str:
    """The `tel:` link of a validated phone field ("" without one)."""
    number = parse_phone(text) if text else None
    return number.tel_link if number else ""
