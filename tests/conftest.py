"""Shared fixtures: throwaway sites from a {path: text} dict, the CLI, the example site."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_TODAY = "2026-11-23"

# The site settings without an ad footer: the guideline rule tests decide what the ad says.
MINIMAL_CONFIG = """\
name: Jobb i Testvik
organisation: Testvik kommune
base_url: https://karriere.testvik.example/
language: nb
description: Ledige stillinger i helse og omsorg i Testvik.
"""
# The footer every real site has: the diversity statement and the public-records notice, so
# the minimal site has no error-level guideline findings (JA108, JA203).
MINIMAL_AD_FOOTER = """\
ad_footer: >-
  Vi oppfordrer alle kvalifiserte til å søke, uavhengig av alder, kjønn, etnisk bakgrunn og
  funksjonsevne. Etter offentleglova § 25 kan opplysninger om deg bli gjort offentlige, selv om
  du har bedt om å bli unntatt fra den offentlige søkerlisten.
"""

MINIMAL_SITE: dict[str, str] = {
    "site_config.yml": MINIMAL_CONFIG + MINIMAL_AD_FOOTER,
    "data/units.yml": """\
- id: solbakken
  name: Solbakken sykehjem
  type: sykehjem
  district: Sentrum
  address: Bakkeveien 1
  postcode: "0150"
  city: Testvik
  mentor_program: true
  transport: Buss 3 går hele natten.
- id: fjordtun
  name: Fjordtun bofellesskap
  type: bofellesskap
  district: Nord
  address: Fjordgata 2
  postcode: "0151"
  city: Testvik
""",
    "data/professions.yml": """\
- key: sykepleier
  name: Sykepleier
  name_nn: Sjukepleiar
  name_en: Nurse
  education: Bachelor i sykepleie
- key: helsefagarbeider
  name: Helsefagarbeider
""",
    "content/jobs/sykepleier-natt.md": """\
---
title: Sykepleier natt
summary: Bli med i et trygt nattlag.
unit: solbakken
profession: sykepleier
position_percent: 100
employment_type: fast
shifts: [natt]
published: 2026-11-01
deadline: 2026-12-08
contacts:
  - name: Kari Nordmann
    phone: "+47 912 34 567"
apply_url: https://jobb.testvik.example/123
---

Du jobber natt sammen med to helsefagarbeidere. Du får mentor og fagdag hver måned.
""",
}


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_careers(*args: str, cwd: Path | None = None) -> CliResult:
    """Run the real `careers` command in a subprocess, as an author would."""
    environment = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    completed = subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd or REPO,
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """Write the minimal valid site, with files replaced, added (or removed when None)."""

    def make(changes: dict[str, str | bytes | None] | None = None, name: str = "site-src") -> Path:
        files: dict[str, str | bytes] = dict(MINIMAL_SITE)
        for relative, content in (changes or {}).items():
            if content is None:
                files.pop(relative, None)
            else:
                files[relative] = content
        return write_site(tmp_path / name, files)

    return make


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site at the repository root, built once with its pinned date."""
    out = tmp_path_factory.mktemp("example") / "site"
    result = run_careers("build", "--site", str(REPO), "--out", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    return out
