"""The ad-writing guideline checker: every rule in `rules/`, one decorated function each,
registered in RULES by importing the modules below. `careers docs` writes their documentation
to docs/retningslinjer.md."""

from generator.guidelines.rule import RULES, Ad, Finding, Rule, RuleDoc
from generator.guidelines.rules import attraction, facts, language, law, presentation, suppression

__all__ = ["RULES", "Ad", "Finding", "Rule", "RuleDoc"]
# The modules register their rules on import.
del attraction, facts, language, law, presentation, suppression
