"""What the checker found in one ad: the report page and `careers check` read these."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.diagnostics import Diagnostic, Severity
from generator.models import Job

# A score starts at 100; each finding takes off by its severity.
PENALTY = {Severity.ERROR: 20, Severity.WARNING: 5, Severity.INFO: 1}


@dataclass
class AdResult:
    """One ad's findings, what it suppressed and why, and its readability (LIX)."""

    job: Job
    findings: list[Diagnostic] = field(default_factory=list)
    suppressed: list[tuple[Diagnostic, str]] = field(default_factory=list)
    lix: float = 0.0

    @property
    def score(self) -> int:
        return max(0, 100 - sum(PENALTY[finding.severity] for finding in self.findings))
