"""The example site's source files read independently of the generator (plain YAML), and the
built pages read as HTML: tests compare what was written with what was published.

The readers are cached: treat what they return as read-only."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tests.conftest import EXAMPLE_TODAY, REPO

TODAY = date.fromisoformat(EXAMPLE_TODAY)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


@cache
def example_jobs() -> dict[str, dict]:
    return {path.stem: front_matter(path) for path in sorted((REPO / "content/jobs").glob("*.md"))}


@cache
def example_units() -> dict[str, dict]:
    units = yaml.safe_load((REPO / "data/units.yml").read_text(encoding="utf-8"))
    return {unit["id"]: unit for unit in units}


@cache
def open_example_jobs() -> dict[str, dict]:
    """Open on the example's build date, in list order: soonest deadline first."""
    jobs = {
        slug: meta
        for slug, meta in example_jobs().items()
        if "deadline" not in meta or date.fromisoformat(str(meta["deadline"])) >= TODAY
    }
    return dict(
        sorted(
            jobs.items(), key=lambda item: (str(item[1].get("deadline", "9999")), item[1]["title"])
        )
    )


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def listed_job_slugs(page: Path) -> list[str]:
    """The job slugs a list page shows, in order."""
    return [
        a["href"].rstrip("/").split("/")[-1]
        for a in soup(page).select("[data-careers-jobs] .careers-card__title a")
    ]
