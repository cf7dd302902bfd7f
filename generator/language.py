"""The site language: UI strings, section paths and Norwegian/English formatting of values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel.numbers import format_decimal

from generator.models.terms import PositionSize

I18N_DIR = Path(__file__).resolve().parent / "i18n"
MATERIAL_LANGUAGE = {"nb": "nb", "nn": "nn", "en": "en"}
# The locale Babel formats numbers in, per site language.
BABEL_LOCALE = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}
# The locale Babel formats numbers in, per site language.
BABEL_LOCALE = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}
TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e", "ü": "u", "ö": "o"})
# Norwegian alphabetical order puts æ, ø, å after z, in that order (Unicode has å before æ).
NORWEGIAN_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})  # the three after «z»


def slugify(text: str) -> str:
    """A URL-safe name: «Øyane» → «oyane», «Fjordvik helsehus» → «fjordvik-helsehus»."""
    ascii_text = text.lower().translate(TRANSLITERATION)
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80].strip("-")


def sort_key(text: str) -> str:
    """Sorts names the Norwegian way: Vestsida, Øyane, Åsen."""
    return text.lower().translate(NORWEGIAN_ORDER)


@cache
def load_strings(language: str) -> dict[str, Any]:
    with (I18N_DIR / f"{language}.yml").open(encoding="utf-8") as file:
        strings: dict[str, Any] = yaml.safe_load(file)
    return strings


@dataclass(frozen=True)
class Language:
    code: str

    @property
    def strings(self) -> dict[str, Any]:
        return load_strings(self.code)

    @property
    def ui(self) -> dict[str, str]:
        ui: dict[str, str] = self.strings["ui"]
        return ui

    def path(self, section: str) -> str:
        """The URL folder of a section (jobs → «stillinger» in bokmål)."""
        path: str = self.strings["paths"][section]
        return path

    def date(self, value: date) -> str:
        """«8. desember 2026» / «8 December 2026»."""
        month = self.strings["months"][value.month - 1]
        return (
            f"{value.day}. {month} {value.year}"
            if self.code != "en"
            else (f"{value.day} {month} {value.year}")
        )

    def date_time(self, value: datetime) -> str:
        """«tirsdag 8. desember 2026 kl. 09.30» / «Tuesday 8 December 2026, 09:30»."""
        weekday = self.strings["weekdays"][value.weekday()]
        if self.code == "en":
            return f"{weekday} {self.date(value.date())}, {value:%H:%M}"
        return f"{weekday} {self.date(value.date())} kl. {value:%H.%M}"

    def time(self, value: datetime) -> str:
        return f"{value:%H:%M}" if self.code == "en" else f"{value:%H.%M}"

    def number(self, value: float | int) -> str:
        """«73,68» in Norwegian, «73.68» in English; no grouping (sizes, not amounts)."""
        return format_decimal(value, format="0.##", locale=BABEL_LOCALE[self.code])

    def percent(self, value: float | int) -> str:
        return self.number(value) + self.ui["percent_suffix"]

    def size(self, size: PositionSize) -> str:
        """A position size: «73,68 %», or a range agreed with the applicant, «75–100 %»."""
        if size.is_range:
            return f"{self.number(size.low)}–{self.number(size.high)}{self.ui['percent_suffix']}"
        return self.percent(size.low)

    def join(self, items: list[str], conjunction: str = "and") -> str:
        """«a, b og c»; with `conjunction="or"` «a, b eller c»."""
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.ui[conjunction]} {items[-1]}"

    def count(self, n: int, one_key: str, many_key: str) -> str:
        return self.ui[one_key] if n == 1 else self.ui[many_key].format(n=n)

    def days_left(self, days: int) -> str:
        if days == 0:
            return self.ui["last_day_today"]
        return self.count(days, "days_left_one", "days_left_many")

    def employment_type(self, key: str) -> str:
        label: str = self.strings["employment_types"][key]
        return label

    def shift(self, key: str) -> str:
        label: str = self.strings["shifts"][key]
        return label

    def event_type(self, key: str) -> str:
        label: str = self.strings["event_types"][key]
        return label
