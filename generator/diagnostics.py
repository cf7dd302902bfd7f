"""Diagnostics: every problem the generator finds, collected and reported, never swallowed.

A diagnostic names the file (relative to the site folder), the line of the offending field,
the field, what was expected and, where it helps, a hint. Validation errors have the code
``SITE`` and are always errors; guideline rules bring their own codes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_LABELS = {Severity.ERROR: "feil", Severity.WARNING: "advarsel", Severity.INFO: "info"}


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str
    line: int
    field: str
    message: str
    hint: str = ""
    code: str = "SITE"
    severity: Severity = Severity.ERROR
    column: int = 0

    def format(self) -> str:
        """One line in the classic `file:line: field: message` form, hint indented below."""
        location = f"{self.file}:{self.line}" if self.line else self.file
        subject = f"{self.field}: " if self.field else ""
        text = f"{location}: {subject}{self.message}"
        if self.hint:
            text += f"\n    tips: {self.hint}"
        return text

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data


@dataclass
class Diagnostics:
    """An ordered, de-duplicated collection of diagnostics."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(
        self,
        file: str,
        line: int,
        field_name: str,
        message: str,
        hint: str = "",
        severity: Severity = Severity.ERROR,
    ) -> None:
        diagnostic = Diagnostic(file, line, field_name, message, hint, severity=severity)
        if diagnostic not in self.items:
            self.items.append(diagnostic)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(sorted(self.items, key=lambda d: (d.file, d.line, d.field, d.message)))

    def __len__(self) -> int:
        return len(self.items)

    @property
    def has_errors(self) -> bool:
        return any(d.severity == Severity.ERROR for d in self.items)

    def summary(self) -> str:
        counts = {severity: 0 for severity in Severity}
        for diagnostic in self.items:
            counts[diagnostic.severity] += 1
        if not self.items:
            return "Ingen feil funnet."
        parts = [
            f"{counts[Severity.ERROR]} feil",
            f"{counts[Severity.WARNING]} advarsler",
            f"{counts[Severity.INFO]} merknader",
        ]
        return ", ".join(parts) + "."

    def to_json(self) -> str:
        return json.dumps([d.to_json() for d in self], ensure_ascii=False, indent=2)


class SiteError(Exception):
    """Raised to stop a command with diagnostics to show; the CLI turns it into an exit code."""

    def __init__(self, diagnostics: Diagnostics) -> None:
        super().__init__(diagnostics.summary())
        self.diagnostics = diagnostics


class UsageError(Exception):
    """Wrong use of the command line (exit code 2), with a Norwegian message."""
