"""Diagnostics: every problem the generator finds, collected and reported, never swallowed.

A diagnostic names the file (relative to the site folder), the line of the offending field,
the field, what was expected and, where it helps, a hint. Validation errors have the code
``SITE`` and are always errors; guideline rules bring their own codes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_LABELS = {Severity.ERROR: "feil", Severity.WARNING: "advarsel", Severity.INFO: "info"}
GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _github_data(text: str) -> str:
    """Escaping of a workflow command's message (GitHub's toolkit: %, CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


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
    name: str = "validation"  # the rule's name for guideline findings

    def format(self) -> str:
        """One line in the classic `file:line: field: message` form, hint indented below."""
        location = f"{self.file}:{self.line}" if self.line else self.file
        subject = f"{self.field}: " if self.field else ""
        text = f"{location}: {subject}{self.message}"
        if self.hint:
            text += f"\n    tips: {self.hint}"
        return text

    def to_json(self) -> dict[str, object]:
        """The stable interface of `careers check --format json`, one object per finding."""
        return {
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "hint": self.hint,
        }

    def to_github(self, site_dir: Path) -> str:
        """A GitHub Actions workflow command, which GitHub shows as an annotation."""
        path = os.path.relpath(site_dir / self.file)
        properties = [f"file={_github_property(path)}"]
        if self.line:
            properties.append(f"line={self.line}")
        title = "innhold" if self.code == "SITE" else f"{self.code} {self.name}"
        properties.append(f"title={_github_property(title)}")
        message = self.message + (f" (tips: {self.hint})" if self.hint else "")
        if self.field:
            message = f"{self.field}: {message}"
        return f"::{GITHUB_LEVELS[self.severity]} {','.join(properties)}::{_github_data(message)}"


@dataclass
class Diagnostics:
    """An ordered, de-duplicated collection of diagnostics."""

    items: list[Diagnostic] = field(default_factory=list)
    _seen: set[Diagnostic] = field(default_factory=set, repr=False)

    def add(
        self,
        file: str,
        line: int,
        field_name: str,
        message: str,
        hint: str = "",
        severity: Severity = Severity.ERROR,
    ) -> None:
        """A validation problem (code SITE)."""
        self.report(Diagnostic(file, line, field_name, message, hint, severity=severity))

    def report(self, diagnostic: Diagnostic) -> None:
        if diagnostic not in self._seen:
            self._seen.add(diagnostic)
            self.items.append(diagnostic)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(sorted(self.items, key=lambda d: (d.file, d.line, d.field, d.message)))

    def __len__(self) -> int:
        return len(self.items)

    @property
    def has_errors(self) -> bool:
        return any(d.severity == Severity.ERROR for d in self.items)

    @property
    def has_validation_errors(self) -> bool:
        """Errors that make the content unusable (guideline errors only block --strict)."""
        return any(d.severity == Severity.ERROR and d.code == "SITE" for d in self.items)

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

    def to_github(self, site_dir: Path) -> str:
        lines = [diagnostic.to_github(site_dir) for diagnostic in self]
        return "".join(line + "\n" for line in [*lines, self.summary()])


class SiteError(Exception):
    """Raised to stop a command with diagnostics to show; the CLI turns it into an exit code."""

    def __init__(self, diagnostics: Diagnostics) -> None:
        super().__init__(diagnostics.summary())
        self.diagnostics = diagnostics


class UsageError(Exception):
    """Wrong use of the command line (exit code 2), with a Norwegian message."""
