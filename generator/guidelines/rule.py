"""What a guideline rule is: its code, name, default severity and documentation, and the
check that yields findings for one ad. Each rule is one decorated function in `rules/`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from generator.diagnostics import Severity
from generator.guidelines.config import GuidelineConfig
from generator.guidelines.prose import Prose
from generator.models import Job, SiteConfig, Unit


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
    """One job ad and everything a rule may look at."""

    job: Job
    unit: Unit | None
    site_config: SiteConfig
    settings: GuidelineConfig
    today_iso: str

    @cached_property
    def prose(self) -> Prose:
        return Prose.from_markdown(self.job.body, self.job.body_line)

    @property
    def footer(self) -> Prose:
        """The site-wide ad footer (site_config.yml), which every ad carries on the site."""
        return footer_prose(self.site_config.ad_footer)

    def words(self, name: str) -> re.Pattern[str]:
        """The compiled word list `name` from data/guidelines.yml."""
        return self.settings.pattern_of(name)

    def threshold(self, name: str) -> float:
        return self.settings.thresholds[name]


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
