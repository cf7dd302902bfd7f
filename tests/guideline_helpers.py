"""Run the real checker on one ad in a small real site folder (no mocks): write the files,
load, validate and check them with the pipeline, return the guideline findings."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostic
from generator.pipeline import read_site
from tests.conftest import MINIMAL_CONFIG, MINIMAL_SITE, write_site

TODAY = date(2026, 11, 20)
JOB = "content/jobs/annonse.md"
# A complete, compliant ad's front matter; tests change the fields they are about.
BASE_AD: dict[str, Any] = {
    "title": "Sykepleier natt – Solbakken sykehjem",
    "summary": "Fast 100 % stilling som sykepleier på natt, med mentor det første året.",
    "unit": "solbakken",
    "profession": "sykepleier",
    "position_percent": 100,
    "employment_type": "fast",
    "shifts": ["natt"],
    "published": "2026-11-01",
    "deadline": "2026-12-08",
    "salary": "Fra kr 575 000 i året etter tariff.",
    "contacts": [{"name": "Kari Nordmann", "title": "Avdelingsleder", "phone": "+47 912 34 567"}],
    "apply_url": "https://jobb.testvik.example/123",
}


def employer_files(
    sector: str,
    *,
    public_applicant_list: bool | None = None,
    ad_footer: str | None = None,
    name: str = "Stiftelsen Lysheim",
) -> dict[str, str | bytes]:
    """Site files that make Solbakken, the ad's unit, belong to another employer than the
    site's municipality: data/employers.yml, and data/units.yml with `employer:`."""
    employer: dict[str, Any] = {"id": "lysheim", "name": name, "sector": sector}
    if public_applicant_list is not None:
        employer["public_applicant_list"] = public_applicant_list
    if ad_footer is not None:
        employer["ad_footer"] = ad_footer
    units = MINIMAL_SITE["data/units.yml"].replace(
        "  mentor_program: true\n", "  mentor_program: true\n  employer: lysheim\n", 1
    )
    return {
        "data/employers.yml": yaml.safe_dump([employer], allow_unicode=True, sort_keys=False),
        "data/units.yml": units,
    }


def ad_file(front_matter: dict[str, Any], body: str) -> str:
    """An ad file; the body starts on line len(front matter lines) + 3."""
    dumped = yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False)
    return f"---\n{dumped}---\n{body}"


def body_line(front_matter: dict[str, Any], body: str, snippet: str) -> int:
    """The file line of the body line that contains `snippet`."""
    text = ad_file(front_matter, body)
    for number, line in enumerate(text.splitlines(), start=1):
        if number > 1 and snippet in line and not line.startswith(("title:", "summary:")):
            return number
    raise AssertionError(f"{snippet!r} is not in the ad")


def field_line(front_matter: dict[str, Any], body: str, dotted: str) -> int:
    """The file line of a front-matter field as the checker reports it: «deadline»,
    «units.1», «openings.2.percent». A field an opening does not write is the opening's
    first line (as the checker looks it up)."""
    lines = ad_file(front_matter, body).splitlines()
    key, *rest = dotted.split(".")
    start = next(n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:"))
    if not rest:
        return start
    # yaml.safe_dump writes list items unindented, «- » at the start of the line.
    block = []
    for number, text in enumerate(lines[start:], start + 1):
        if text and not text.startswith(("- ", "  ")):
            break
        block.append((number, text))
    items = [number for number, text in block if text.startswith("- ")]
    item = items[int(rest[0])]
    if len(rest) == 1:
        return item
    for number, text in block:
        if number < item:
            continue
        if number > item and text.startswith("- "):
            break
        if text[2:].startswith(f"{rest[1]}:"):
            return number
    return item


def check_ad(
    tmp_path: Path,
    body: str,
    *,
    select: tuple[str, ...],
    changes: dict[str, Any] | None = None,
    remove: tuple[str, ...] = (),
    files: dict[str, str | bytes] | None = None,
    today: date = TODAY,
) -> list[Diagnostic]:
    """The findings of the rules in `select` for one ad: BASE_AD with `changes` and without
    `remove`, and `body`. `files` adds or replaces site files (units, site_config.yml, …)."""
    front_matter = {key: value for key, value in BASE_AD.items() if key not in remove}
    front_matter.update(changes or {})
    site_files: dict[str, str | bytes] = {
        name: text for name, text in MINIMAL_SITE.items() if not name.startswith("content/jobs/")
    }
    site_files["site_config.yml"] = MINIMAL_CONFIG  # no ad footer: the ad speaks for itself
    site_files[JOB] = ad_file(front_matter, body)
    site_files.update(files or {})
    site_dir = write_site(tmp_path / "site", site_files)
    site, diagnostics = read_site(site_dir, today, select=select)
    problems = [d for d in diagnostics if d.code == "SITE" and d.severity == "error"]
    assert site is not None and not problems, [d.format() for d in problems]
    return [d for d in diagnostics if d.code != "SITE"]


def codes(findings: list[Diagnostic]) -> list[str]:
    return [finding.code for finding in findings]
