"""The reference for comms staff in docs/ is made from the code and kept up to date, and no
file in the repository points to documents a clone does not have."""

from __future__ import annotations

import subprocess

import pytest

from generator.models import Job
from generator.reference import REFERENCES
from tests.conftest import REPO


@pytest.mark.parametrize("name", REFERENCES)
def test_docs_are_what_the_code_says(name: str) -> None:
    committed = (REPO / "docs" / name).read_text(encoding="utf-8")
    assert committed == REFERENCES[name](), f"docs/{name} is out of date: run `careers docs`"


def test_every_job_field_is_in_the_field_reference() -> None:
    reference = (REPO / "docs" / "felt.md").read_text(encoding="utf-8")
    for field in Job.model_fields:
        assert f"| `{field}` |" in reference, field


def test_every_rule_has_its_section() -> None:
    from generator.guidelines import RULES

    reference = (REPO / "docs" / "retningslinjer.md").read_text(encoding="utf-8")
    for code, rule in RULES.items():
        assert f"## {code}" in reference and rule.doc.why.split()[0] in reference, code


def test_no_tracked_file_points_outside_the_repository() -> None:
    """Users clone the repository alone: the team's shared notes are not there."""
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    pointing = []
    for relative in tracked:
        path = REPO / relative
        if path.suffix not in {".py", ".md", ".yml", ".html", ".toml", ".txt", ".js", ".css"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if relative != "tests/test_reference_docs.py" and (
            "../shared" in text or "CONTENT-MODEL.md" in text or "GUIDELINES.md" in text
        ):
            pointing.append(relative)
    assert pointing == []
