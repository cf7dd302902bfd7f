"""Field types shared by the content models, each with a Norwegian message when a value is wrong.

Every custom error type here has a hint in ``HINTS``, so the validator can tell the author
what was expected and how to write it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.models.phone import PHONE_NUMBER_RUN, parse_phone

OSLO = ZoneInfo("Europe/Oslo")

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL_PATTERN = re.compile(
    r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
)
COLOR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Dates as Norwegians write them: 8.12.2026, 08.12.2026.
NORWEGIAN_DATE_PATTERN = re.compile(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})$")

# ISO 3166-1 alpha-2, officially assigned codes.
ISO_COUNTRY_CODES = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
    GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW
    """.split()  # noqa: SIM905 - a block of codes reads better than a list
)

HINTS = {
    "slug": "bruk små bokstaver a–z, tall og bindestrek, for eksempel solbakken-sykehjem",
    "percent": "skriv et tall fra 1 til 100 (med høyst to desimaler, som 73,68), et spenn som "
    '"75–100", eller en liste som [100, 75]',
    "one_percent": 'lag én opening per størrelse, eller skriv et spenn som "50–60"',
    "count": "skriv et helt tall, for eksempel 2, eller flere når antallet er åpent",
    "deadline": "skriv datoen som ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ, eller fortløpende når dere "
    "ansetter etter hvert som søknadene kommer",
    "weekend_every": "«hver 3. helg» skrives weekend_every: 3; 1 betyr hver helg (helgestilling)",
    "date": "skriv datoen som ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ, for eksempel 2026-12-08 eller "
    "08.12.2026",
    "datetime": "skriv tidspunktet som ÅÅÅÅ-MM-DDTtt:mm, for eksempel 2026-12-08T09:30",
    "https_url": "lenken må begynne med https://, for eksempel https://example.no/stilling/123",
    "email": "skriv en e-postadresse som navn@kommune.no",
    "phone": "skriv ett telefonnummer, for eksempel +47 912 34 567 eller «12 34 56 78, tast 3»",
    "phone_two": "skriv det første nummeret i phone og det andre i mobile",
    "country": "bruk landkoder med to bokstaver etter ISO 3166-1, for eksempel SE, DK, PH",
    "color": 'skriv fargen som en heksadesimal kode, for eksempel "#0b5a73" (i anførselstegn)',
    "site_path": "oppgi stien fra nettstedets rotmappe, for eksempel assets/bilder/solbakken.jpg",
    "title": "skriv det med ord, for eksempel «under 50 %» i stedet for «<50 %»",
    "text": "skriv teksten rett etter kolonet; sett den i anførselstegn om den inneholder «: »",
    "postcode": 'et postnummer har fire sifre, for eksempel "0150" (i anførselstegn)',
    "organisation_number": "sjekk nummeret i Enhetsregisteret (brreg.no), og skriv de ni "
    'sifrene i anførselstegn, for eksempel "974760673"',
}


class ContentModel(BaseModel):
    """Base for every model: unknown fields are errors, text is trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def shown(value: Any) -> str:
    """A value as an author would recognise it in a message."""
    if value is None:
        return "tom verdi"
    if isinstance(value, dict):
        return "felt med underfelt"
    if isinstance(value, list):
        return "en liste"
    return str(value)


def _text(value: Any) -> Any:
    """Accept numbers as text (a reference such as 2026/14 or 1412 is text to us)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str) and not value.strip():
        raise PydanticCustomError("text", "kan ikke være tomt")
    return value


def _title(value: Any) -> Any:
    """Titles reach page heads and menus as they are, so they may not hold markup."""
    value = _text(value)
    if isinstance(value, str) and ("<" in value or ">" in value):
        raise PydanticCustomError("title", "tegnene < og > kan ikke brukes i en tittel")
    return value


def _slug(value: Any) -> Any:
    if not isinstance(value, str) or not SLUG_PATTERN.match(value):
        raise PydanticCustomError("slug", "«{value}» er ikke en gyldig id", {"value": shown(value)})
    return value


def _percent(value: Any) -> float | int:
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip().rstrip("%").strip().replace(",", "."))
        except ValueError:
            number = None
    if number is None or not 1 <= number <= 100:
        raise PydanticCustomError(
            "percent", "«{value}» er ikke et tall mellom 1 og 100", {"value": shown(value)}
        )
    return int(number) if number.is_integer() else round(number, 2)


def _one_or_many(value: Any) -> Any:
    return value if isinstance(value, list) else [value]


def looks_like_date(text: str) -> bool:
    return bool(DATE_PATTERN.match(text.strip()) or NORWEGIAN_DATE_PATTERN.match(text.strip()))


def parse_date(value: Any) -> Any:
    """2026-12-08, or as Norwegians write it: 8.12.2026 or 08.12.2026."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        text = value.strip()
        norwegian = NORWEGIAN_DATE_PATTERN.match(text)
        try:
            if norwegian:
                return date(int(norwegian["year"]), int(norwegian["month"]), int(norwegian["day"]))
            if DATE_PATTERN.match(text):
                return date.fromisoformat(text)
        except ValueError:
            pass
    raise PydanticCustomError("date", "«{value}» er ikke en gyldig dato", {"value": shown(value)})


def _date_or_text(value: Any) -> Any:
    """A date when it looks like one (and then it must be a real date), otherwise text."""
    if isinstance(value, str) and looks_like_date(value):
        return parse_date(value)
    return _text(value)


def _local_datetime(value: Any) -> datetime:
    """A date-time; without an offset it is local time in Europe/Oslo."""
    parsed: datetime | None = None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            parsed = None
        if parsed is not None and DATE_PATTERN.match(value.strip()):
            parsed = None  # a bare date has no time of day
    if parsed is None:
        raise PydanticCustomError(
            "datetime", "«{value}» er ikke et gyldig tidspunkt", {"value": shown(value)}
        )
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=OSLO)


def _https_url(value: Any) -> Any:
    if isinstance(value, str) and re.match(r"^https://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", value):
        return value
    raise PydanticCustomError(
        "https_url", "«{value}» er ikke en https-lenke", {"value": shown(value)}
    )


def _email(value: Any) -> Any:
    if isinstance(value, str) and EMAIL_PATTERN.match(value.strip()):
        return value.strip()
    raise PydanticCustomError(
        "email", "«{value}» er ikke en gyldig e-postadresse", {"value": shown(value)}
    )


def _phone(value: Any) -> Any:
    """One phone number as people write it (see `phone.py`); kept as written for the page."""
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if isinstance(text, str) and parse_phone(text) is not None:
        return text.strip()
    if isinstance(text, str) and len(PHONE_NUMBER_RUN.findall(text)) > 1:
        raise PydanticCustomError(
            "phone_two", "«{value}» ser ut som to telefonnumre i ett felt", {"value": text}
        )
    raise PydanticCustomError(
        "phone", "«{value}» er ikke et gyldig telefonnummer", {"value": shown(value)}
    )


def _organisation_number(value: Any) -> Any:
    """Nine digits (spaces allowed) whose last is the business register's mod-11 check digit."""
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    digits = re.sub(r"\s", "", text) if isinstance(text, str) else ""
    if not re.fullmatch(r"\d{9}", digits):
        raise PydanticCustomError(
            "organisation_number",
            "«{value}» er ikke et organisasjonsnummer på ni sifre",
            {"value": shown(value)},
        )
    if not has_valid_check_digit(digits):
        raise PydanticCustomError(
            "organisation_number",
            "«{value}» er ikke et gyldig organisasjonsnummer: kontrollsifferet stemmer ikke",
            {"value": digits},
        )
    return digits


# The business register's weights for the first eight digits (modulus 11).
ORGANISATION_NUMBER_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def has_valid_check_digit(digits: str) -> bool:
    total = sum(
        int(digit) * weight
        for digit, weight in zip(digits[:8], ORGANISATION_NUMBER_WEIGHTS, strict=True)
    )
    check = (11 - total % 11) % 11
    return check != 10 and check == int(digits[8])


def _country(value: Any) -> Any:
    if isinstance(value, str) and value.strip().upper() in ISO_COUNTRY_CODES:
        return value.strip().upper()
    raise PydanticCustomError(
        "country", "«{value}» er ikke en landkode etter ISO 3166-1", {"value": shown(value)}
    )


def _color(value: Any) -> Any:
    if isinstance(value, str) and COLOR_PATTERN.match(value.strip()):
        return value.strip().lower()
    raise PydanticCustomError("color", "«{value}» er ikke en fargekode", {"value": shown(value)})


def _site_path(value: Any) -> Any:
    """A relative path inside the site; existence is checked when the whole site is known."""
    if not isinstance(value, str) or not value.strip():
        raise PydanticCustomError(
            "site_path", "«{value}» er ikke en filsti", {"value": shown(value)}
        )
    return value.strip()


def _postcode(value: Any) -> Any:
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if isinstance(text, str) and re.fullmatch(r"\d{4}", text.strip()):
        return text.strip()
    raise PydanticCustomError(
        "postcode", "«{value}» er ikke et postnummer", {"value": shown(value)}
    )


# Each type also tells editors (through the JSON Schema) what an author may write.
_TEXT_INPUT = {"type": ["string", "number"]}
_PERCENT_INPUT = {"type": "number", "minimum": 1, "maximum": 100}

Text = Annotated[str, BeforeValidator(_text), WithJsonSchema(_TEXT_INPUT)]
Title = Annotated[
    str, BeforeValidator(_title), WithJsonSchema({"type": "string", "pattern": "^[^<>]+$"})
]
Slug = Annotated[
    str, BeforeValidator(_slug), WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN.pattern})
]
Percent = Annotated[float | int, BeforeValidator(_percent), WithJsonSchema(_PERCENT_INPUT)]
Percentages = Annotated[
    list[Percent],
    BeforeValidator(_one_or_many),
    WithJsonSchema({"anyOf": [_PERCENT_INPUT, {"type": "array", "items": _PERCENT_INPUT}]}),
]
# Editors are told both forms an author may write: 2026-12-08 and 08.12.2026.
DATE_INPUT = {
    "anyOf": [
        {"type": "string", "format": "date"},
        {"type": "string", "pattern": r"^\d{1,2}\.\d{1,2}\.\d{4}$"},
    ]
}
IsoDate = Annotated[date, BeforeValidator(parse_date), WithJsonSchema(DATE_INPUT)]
DateOrText = Annotated[date | str, BeforeValidator(_date_or_text), WithJsonSchema(_TEXT_INPUT)]
LocalDateTime = Annotated[
    datetime,
    BeforeValidator(_local_datetime),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}"}),
]
HttpsUrl = Annotated[
    str, BeforeValidator(_https_url), WithJsonSchema({"type": "string", "pattern": "^https://"})
]
Email = Annotated[
    str, BeforeValidator(_email), WithJsonSchema({"type": "string", "format": "email"})
]
Phone = Annotated[str, BeforeValidator(_phone), WithJsonSchema({"type": ["string", "integer"]})]
OrganisationNumber = Annotated[
    str,
    BeforeValidator(_organisation_number),
    WithJsonSchema(
        {"anyOf": [{"type": "string", "pattern": r"^\d{3} ?\d{3} ?\d{3}$"}, {"type": "integer"}]}
    ),
]
CountryCode = Annotated[
    str, BeforeValidator(_country), WithJsonSchema({"enum": sorted(ISO_COUNTRY_CODES)})
]
HexColor = Annotated[
    str,
    BeforeValidator(_color),
    WithJsonSchema({"type": "string", "pattern": COLOR_PATTERN.pattern}),
]
SitePath = Annotated[str, BeforeValidator(_site_path), WithJsonSchema({"type": "string"})]
PostCode = Annotated[
    str,
    BeforeValidator(_postcode),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^\d{4}$"}, {"type": "integer"}]}),
]
PositiveInt = Annotated[int, Field(ge=1)]


class Contact(ContentModel):
    """A person applicants can call or write to. Every part is optional to the validator;
    the guideline checker reports a contact without a name or a way to reach them."""

    name: Text | None = Field(None, description="Fullt navn")
    title: Text | None = Field(None, description="Stillingstittel, for eksempel avdelingsleder")
    phone: Phone | None = Field(
        None, description="Telefonnummer, for eksempel +47 912 34 567 eller «12 34 56 78, tast 3»"
    )
    mobile: Phone | None = Field(None, description="Et nummer til, for eksempel mobilnummeret")
    email: Email | None = Field(None, description="E-postadresse")
