"""data/guidelines.yml: the checker's severities, thresholds and word lists, for comms staff.

The product ships a complete, commented default (the example site's `data/guidelines.yml` and
the files it includes). A site's own file is laid over it: a mapping merges key by key, any
other value (a list, a number) replaces the default, so a site may change one threshold or one
word list without copying the rest. `include:` names more files (relative to `data/`) merged
in the same way, so long word lists can live in files of their own.

`words`, `patterns` and `abbreviations` are the Norwegian ones (bokmål, with the nynorsk forms
where they differ), for ads in bokmål and nynorsk. `languages.<code>` gives lists of the same
names for ads in that language (English ads need English words): a list named there replaces
the Norwegian one for those ads, and a list not named there stays the Norwegian one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, PrivateAttr, field_validator

from generator.guidelines.prose import terms_pattern
from generator.models.document import ContentLanguage
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


class LanguageLists(ContentModel):
    """The word lists, patterns and abbreviations for ads in one language, each replacing the
    Norwegian one of the same name."""

    words: dict[str, list[Text]] = Field(
        default_factory=dict,
        description="Ordlister for annonser på dette språket; erstatter listen med samme navn",
    )
    patterns: dict[str, list[TextPattern]] = Field(
        default_factory=dict,
        description="Regulære uttrykk for annonser på dette språket; erstatter listen med "
        "samme navn",
    )
    abbreviations: dict[str, Text] = Field(
        default_factory=dict,
        description="Forkortelser og hva de står for, på dette språket",
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
    languages: dict[ContentLanguage, LanguageLists] = Field(
        default_factory=dict,
        description="Lister for annonser på et annet språk (nn, en): en liste her erstatter "
        "den norske med samme navn for annonser på det språket",
    )
    _patterns: dict[tuple[str | None, str], re.Pattern[str]] = PrivateAttr(default_factory=dict)

    def _own(self, language: str | None) -> LanguageLists | None:
        return next((own for code, own in self.languages.items() if code == language), None)

    def words_of(self, name: str, language: str | None = None) -> list[str]:
        """Word list `name` for ads in `language` (the Norwegian list unless the language has
        its own)."""
        own = self._own(language)
        if own is not None and name in own.words:
            return own.words[name]
        return self.words[name]

    def word_lists(self, language: str | None = None) -> dict[str, list[str]]:
        """Every word list for ads in `language`, by name."""
        own = self._own(language)
        return {**self.words, **own.words} if own is not None else dict(self.words)

    def pattern_of(self, name: str, language: str | None = None) -> re.Pattern[str]:
        """Word list `name` for ads in `language`, compiled (once)."""
        own = self._own(language)
        key = (language if own is not None and name in own.words else None, name)
        if key not in self._patterns:
            self._patterns[key] = terms_pattern(self.words_of(name, language))
        return self._patterns[key]

    def patterns_of(self, name: str, language: str | None = None) -> list[TextPattern]:
        """The regular expressions `name` for ads in `language` (none if there are none)."""
        own = self._own(language)
        if own is not None and name in own.patterns:
            return own.patterns[name]
        return self.patterns.get(name, [])

    def abbreviations_of(self, language: str | None = None) -> dict[str, str]:
        """The abbreviations and their long forms for ads in `language`."""
        own = self._own(language)
        extra = own.abbreviations if own is not None else {}
        return {**self.abbreviations, **extra}


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
