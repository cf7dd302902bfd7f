"""The terms of a position as real ads state them: sizes with decimals and ranges, an open
number of positions, a standing deadline, weekend frequency.

Each type reads what authors write («73,68», «75–100», «flere», «fortløpende», «3») and
reports anything else with a Norwegian message; ``HINTS`` in `fields.py` says how to write it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.models.fields import DATE_INPUT, looks_like_date, parse_date, shown

MIN_PERCENT, MAX_PERCENT = 1, 100
# «73,68», «73.68», «73,68 %», «75–100», «75 - 100 %», «10–16».
_NUMBER = r"\d+(?:[.,]\d+)?"
_SIZE = re.compile(rf"^(?P<low>{_NUMBER})\s*%?\s*(?:[-–—]\s*(?P<high>{_NUMBER})\s*%?)?$")

STANDING: Literal["fortløpende"] = "fortløpende"
# What authors write for a standing ad, all read as «fortløpende».
STANDING_WORDS = frozenset({"fortløpende", "fortlopende", "løpende", "lopende", "snarest"})
OPEN_COUNT: Literal["flere"] = "flere"


@dataclass(frozen=True)
class PositionSize:
    """A position size in percent: one figure (`low == high`), or a range agreed with the
    applicant («75–100»)."""

    low: float
    high: float

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    @property
    def reaches_full_time(self) -> bool:
        return self.high >= MAX_PERCENT

    @property
    def includes_part_time(self) -> bool:
        return self.low < MAX_PERCENT

    def __str__(self) -> str:
        """The plain form a JSON Schema and a YAML file take: «73.68», «75-100»."""
        low, high = _plain(self.low), _plain(self.high)
        return f"{low}-{high}" if self.is_range else low


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def _size_error(value: Any, message: str = "«{value}» er ikke et tall mellom 1 og 100") -> Any:
    return PydanticCustomError("percent", message, {"value": shown(value)})


def _figure(text: str, original: Any) -> float:
    decimals = text.replace(",", ".").partition(".")[2]
    if len(decimals) > 2:
        raise _size_error(original, "«{value}» har flere enn to desimaler")
    number = float(text.replace(",", "."))
    if not MIN_PERCENT <= number <= MAX_PERCENT:
        raise _size_error(original)
    return int(number) if number.is_integer() else number


def parse_position_size(value: Any) -> PositionSize:
    if isinstance(value, PositionSize):
        return value
    if isinstance(value, list):  # an opening has one size; the ad's field takes a list
        raise PydanticCustomError(
            "one_percent", "en stilling i openings har én størrelse, ikke en liste", {}
        )
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = _figure(f"{value:g}" if isinstance(value, float) else str(value), value)
        return PositionSize(number, number)
    found = _SIZE.match(value.strip()) if isinstance(value, str) else None
    if found is None:
        raise _size_error(value)
    low = _figure(found["low"], value)
    high = _figure(found["high"], value) if found["high"] else low
    if high <= low and found["high"]:
        raise _size_error(value, "i «{value}» må det første tallet være minst av de to")
    return PositionSize(low, high)


def _count(value: Any) -> int | Literal["flere"]:
    if isinstance(value, str) and value.strip().lower() in {OPEN_COUNT, "flere stillinger"}:
        return OPEN_COUNT
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    raise PydanticCustomError(
        "count", "«{value}» er ikke et antall stillinger", {"value": shown(value)}
    )


def _deadline(value: Any) -> date | Literal["fortløpende"]:
    if isinstance(value, str) and value.strip().lower() in STANDING_WORDS:
        return STANDING
    if isinstance(value, date) or (isinstance(value, str) and looks_like_date(value)):
        return parse_date(value)  # «2026-02-30» is a date that does not exist
    try:
        parsed: date = parse_date(value)
    except PydanticCustomError:
        raise PydanticCustomError(
            "deadline", "«{value}» er ikke en dato eller «fortløpende»", {"value": shown(value)}
        ) from None
    return parsed


# «hver 3. helg», «kvar 3. helg», «annenhver helg», «hver helg»: as ads say it.
_WEEKEND_WORDS = re.compile(r"^(?:hver|kvar)\s+(?P<n>\d)\.?\s*helg$")
_EVERY_OTHER = frozenset({"annenhver", "annenhver helg", "annakvar", "annakvar helg"})
_EVERY = frozenset({"hver helg", "kvar helg"})


def _weekend_words(text: str) -> int | str:
    """«annenhver helg» → 2, «hver helg» → 1, «hver 3. helg» → 3; anything else as written."""
    if text in _EVERY_OTHER:
        return 2
    if text in _EVERY:
        return 1
    words = _WEEKEND_WORDS.match(text)
    return int(words["n"]) if words else text.rstrip(".")


def _weekend_every(value: Any) -> int:
    if isinstance(value, str):
        value = _weekend_words(" ".join(value.strip().lower().split()))
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 6:
        return value
    raise PydanticCustomError(
        "weekend_every", "«{value}» er ikke et helt tall fra 1 til 6", {"value": shown(value)}
    )


_SIZE_INPUT = {
    "anyOf": [
        {"type": "number", "minimum": MIN_PERCENT, "maximum": MAX_PERCENT},
        # The same as _SIZE, without Python's named groups (JSON Schema patterns are ECMA-262).
        {"type": "string", "pattern": _SIZE.pattern.replace("?P<low>", "").replace("?P<high>", "")},
    ]
}

PositionSizeField = Annotated[
    PositionSize,
    PlainValidator(parse_position_size),
    PlainSerializer(str),
    WithJsonSchema(_SIZE_INPUT),
]
# One size or a list; each item is validated on its own, so a message names its place.
PositionSizes = Annotated[
    list[PositionSizeField],
    BeforeValidator(lambda value: value if isinstance(value, list) else [value]),
    WithJsonSchema({"anyOf": [_SIZE_INPUT, {"type": "array", "items": _SIZE_INPUT}]}),
]
PositionCount = Annotated[
    int | Literal["flere"],
    BeforeValidator(_count),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1}, {"const": OPEN_COUNT}]}),
]
Deadline = Annotated[
    date | Literal["fortløpende"],
    PlainValidator(_deadline),
    PlainSerializer(lambda deadline: str(deadline)),
    WithJsonSchema({"anyOf": [*DATE_INPUT["anyOf"], {"enum": sorted(STANDING_WORDS)}]}),
]
WeekendEvery = Annotated[
    int,
    BeforeValidator(_weekend_every),
    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 6}),
]
