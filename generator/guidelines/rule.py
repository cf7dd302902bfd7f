"""What a guideline rule is: its code, name, default severity and documentation, and the
check that yields findings for one ad. Each rule is one decorated function in `rules/`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from generator.diagnostics import Severity
from generator.guidelines.config import GuidelineConfig, TextPattern
from generator.guidelines.prose import Prose
from generator.language import Language
from generator.models import Employer, Job, SiteConfig, Unit
from generator.models.job import ResolvedOpening

# Messages are for comms staff and always in bokmål, whatever the ad's language.
BOKMAL = Language("nb")


@dataclass(frozen=True)
class RuleDoc:
    """The rule's page for comms staff, in Norwegian bokmål (Markdown allowed)."""

    title: str  # «Søknadsfrist mangler»
    what: str  # what the rule checks
    why: str  # why it matters, with the source (T18, JV, O22, LDO, …)
    fix: str  # how to fix it
    bad: str  # an example that fires
    good: str  # the same, written so it passes


@dataclass(frozen=True)
class Finding:
    """One problem in one ad. `field` names the front-matter field (its line is looked up);
    `line` is a line in the body, for text rules. `severity` lets a rule grade its own findings
    (JA301: info for a medium LIX, warning for a high one); None means the rule's severity, and
    a severity set for the rule in data/guidelines.yml always wins."""

    message: str
    hint: str = ""
    field: str = ""
    line: int | None = None
    severity: Severity | None = None


@dataclass(frozen=True)
class Ad:
    """One job ad and everything a rule may look at: what the ad really offers (all its
    units, its employer and the footer printed under it), and the language it is written in.
    Text rules read the word lists of `language`; the footer is in the site's language."""

    job: Job
    units: tuple[Unit, ...]
    employer: Employer
    ad_footer: str
    language: str
    site_config: SiteConfig
    settings: GuidelineConfig
    today_iso: str

    @property
    def unit(self) -> Unit | None:
        """The workplace named first."""
        return self.units[0] if self.units else None

    @cached_property
    def prose(self) -> Prose:
        return Prose.from_markdown(self.job.body, self.job.body_line)

    @property
    def footer(self) -> Prose:
        """The footer printed under the ad: its employer's `ad_footer`, else the site's."""
        return footer_prose(self.ad_footer)

    @property
    def footer_language(self) -> str:
        return self.site_config.language

    @property
    def footer_place(self) -> str:
        """Where comms staff change the footer, for messages."""
        if self.employer.ad_footer is not None:
            return f"ad_footer for {self.employer.name} i data/employers.yml"
        return "ad_footer i site_config.yml"

    def words(self, name: str, language: str | None = None) -> re.Pattern[str]:
        """The compiled word list `name` from data/guidelines.yml, in the ad's language
        (or `language`, for text in another one, such as the footer)."""
        return self.settings.pattern_of(name, language or self.language)

    def word_lists(self, language: str | None = None) -> dict[str, list[str]]:
        return self.settings.word_lists(language or self.language)

    def patterns(self, name: str) -> list[TextPattern]:
        """The regular expressions `name` from data/guidelines.yml, in the ad's language."""
        return self.settings.patterns_of(name, self.language)

    @property
    def abbreviations(self) -> dict[str, str]:
        return self.settings.abbreviations_of(self.language)

    def threshold(self, name: str) -> float:
        return self.settings.thresholds[name]


def opening_label(opening: ResolvedOpening) -> str:
    """An opening as a message names it: «stilling 2 (70,42 % vikariat)»."""
    number = (opening.index or 0) + 1
    terms = [BOKMAL.size(size) for size in opening.sizes]
    if opening.employment_type:
        terms.append(BOKMAL.employment_type(opening.employment_type).lower())
    return f"stilling {number}" + (f" ({' '.join(terms)})" if terms else "")


Check = Callable[[Ad], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: RuleDoc
    check: Check


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity, doc: RuleDoc) -> Callable[[Check], Check]:
    """Register a rule: `@rule("JA101", "missing-deadline", Severity.ERROR, RuleDoc(...))`."""

    def register(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"rule {code} is registered twice")
        RULES[code] = Rule(code, name, severity, doc, check)
        return check

    return register


@cache
def footer_prose(ad_footer: str) -> Prose:
    """The footer is the same for every ad: read it once."""
    return Prose.from_markdown(ad_footer)
