"""Every built page is valid HTML by the Nu Html Checker (vnu, W3C's validator), run on Java
from the npm package `vnu-jar` that `./dev test` installs."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import VNU_JAR, require_tool


def validate(files: list[Path]) -> list[dict[str, Any]]:
    """vnu's error messages for the files (warnings and info are left out)."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing: `./dev test` installs Debian's default-jre-headless")
    completed = subprocess.run(
        [java, "-jar", str(require_tool(VNU_JAR)), "--errors-only", "--format", "json"]
        + [str(file) for file in files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # vnu writes its report to stderr and exits 1 when it found errors.
    report = json.loads(completed.stderr)
    messages: list[dict[str, Any]] = report["messages"]
    return messages


def describe(messages: list[dict[str, Any]], root: Path) -> str:
    lines = []
    for message in messages[:30]:
        where = message.get("url", "").removeprefix("file:").removeprefix(str(root) + "/")
        lines.append(f"{where}:{message.get('lastLine', '?')}: {message['message']}")
    return "\n".join(lines) + (f"\n… and {len(messages) - 30} more" if len(messages) > 30 else "")


def test_every_built_page_has_no_html_errors(example_site: Path) -> None:
    pages = sorted(example_site.rglob("*.html"))
    assert len(pages) > 300, "every page of the example site, filter pages included"
    messages = validate(pages)
    print(f"vnu: {len(pages)} pages, {len(messages)} errors")
    assert messages == [], describe(messages, example_site)


def test_the_validator_finds_errors(tmp_path: Path) -> None:
    """The check is not blind: a page with faults made on purpose fails it."""
    page = tmp_path / "broken.html"
    page.write_text(
        '<!doctype html><html lang="nb"><head><title>x</title></head><body>'
        '<input type="checkbox" autocomplete="off"><label for="nothing">x</label>'
        "<p><div>block in paragraph</div></body></html>",
        encoding="utf-8",
    )
    messages = validate([page])
    assert len(messages) >= 2
    assert any("autocomplete" in message["message"] for message in messages)
