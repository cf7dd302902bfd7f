"""data/guidelines.yml: the checker's severities, thresholds and word lists, for comms staff.

The product ships a complete, commented default (the example site's `data/guidelines.yml` and
the files it includes). A site's own file is laid over it: a mapping merges key by key, any
other value (a list, a number) replaces the default, so a site may change one threshold or one
word list without copying the rest. `include:` names more files (relative to `data/`) merged
in the same way, so long word lists can live in files of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, PrivateAttr, field_validator

from generator.guidelines.prose import terms_pattern
from generator.models.fields import ContentModel, CountryCode, Text

GUIDELINES = "data/guidelines.yml"
# The default: in a wheel, copied into the package (setup.py); in a checkout, the example site.
PACKAGED_DEFAULT = Path(__file__).resolve().parents[1] / "embedded" / "data" / "guidelines.yml"
CHECKOUT_DEFAULT = Path(__file__).resolve().parents[2] / "data" / "guidelines.yml"
DEFAULT_FILE = PACKAGED_DEFAULT if PACKAGED_DEFAULT.is_file() else CHECKOUT_DEFAULT

SeverityOrOff = Literal["error", "warning", "info", "off"]


class TextPattern(ContentModel):
    """A regular expression for a rule, with the message and the fix it gives."""

    pattern: Text = Field(description="Regulært uttrykk (Python), skiller ikke store/små bokstaver")
    message: Text = Field(description="Meldingen til den som skriver annonsen")
    hint: Text = Field("", description="Forslag til hvordan det kan skrives i stedet")
    unless: list[Text] = Field(
        default_factory=list, description="Ord i samme setning som gjør treffet uskyldig"
    )

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"ugyldig regulært uttrykk: {error}") from None
        return pattern

    @property
    def compiled(self) -> re.Pattern[str]:
        return _compile(self.pattern)


class WhoSafeguards(ContentModel):
    year: int = Field(description="Utgaven av listen, for eksempel 2023")
    source: Text = Field("", description="Hvor listen kommer fra")
    countries: list[CountryCode] = Field(description="Landene, som ISO 3166-1 alfa-2-koder")
    names: dict[str, Text] = Field(
        default_factory=dict, description="Landenes navn på norsk, for meldingene"
    )


class GuidelineConfig(ContentModel):
    """The merged configuration the rules read."""

    include: list[Text] = Field(
        default_factory=list, description="Flere filer (under data/) som slås sammen med denne"
    )
    rules: dict[str, SeverityOrOff] = Field(
        default_factory=dict, description="Alvorlighet per regel: error, warning, info eller off"
    )
    thresholds: dict[str, float] = Field(default_factory=dict, description="Terskler")
    words: dict[str, list[Text]] = Field(
        default_factory=dict,
        description="Ordlister; * på slutten av et ord betyr «hvilken som helst endelse»",
    )
    abbreviations: dict[str, Text] = Field(
        default_factory=dict, description="Forkortelser og hva de står for"
    )
    patterns: dict[str, list[TextPattern]] = Field(
        default_factory=dict, description="Regulære uttrykk for lovreglene, med melding og tips"
    )
    who_safeguards: WhoSafeguards | None = Field(
        None, description="WHOs liste over land det ikke skal rekrutteres aktivt fra"
    )
    _patterns: dict[str, re.Pattern[str]] = PrivateAttr(default_factory=dict)

    def pattern_of(self, name: str) -> re.Pattern[str]:
        if name not in self._patterns:
            self._patterns[name] = terms_pattern(self.words[name])
        return self._patterns[name]


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def any_of(patterns: Sequence[TextPattern]) -> re.Pattern[str] | None:
    """One pattern that matches wherever one of `patterns` might: a cheap first test per
    sentence before they run one by one (None if they cannot be joined, for example with
    back-references)."""
    return _joined(tuple(entry.pattern for entry in patterns))


@cache
def _joined(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    try:
        return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)
    except re.error:
        return None


def merge(base: Any, override: Any) -> Any:
    """`override` laid over `base`: mappings merge key by key, anything else replaces."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = merge(base[key], value) if key in base else value
        return merged
    return override
