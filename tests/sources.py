"""The example site's source files read independently of the generator (plain YAML), and the
built pages read as HTML: tests compare what was written with what was published.

The readers are cached: treat what they return as read-only."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tests.conftest import EXAMPLE_TODAY, REPO

TODAY = date.fromisoformat(EXAMPLE_TODAY)
# What authors write for a standing deadline (docs/felt.md).
STANDING_WORDS = {"fortløpende", "fortlopende", "løpende", "lopende", "snarest"}


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


def read_date(value: object) -> date:
    """A date as YAML gives it, or as Norwegians write it («08.12.2026»)."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if found := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):
        day, month, year = (int(part) for part in found.groups())
        return date(year, month, day)
    return date.fromisoformat(text)


def is_standing(meta: dict) -> bool:
    return str(meta.get("deadline", "")).strip().lower() in STANDING_WORDS


def deadline_of(meta: dict) -> date | None:
    """The ad's deadline as a date; None for a standing ad or one without a deadline."""
    if is_standing(meta) or "deadline" not in meta:
        return None
    return read_date(meta["deadline"])


def last_listed_day(meta: dict) -> date | None:
    """The deadline, or a standing ad's visible_until (None: listed without end)."""
    if is_standing(meta):
        return read_date(meta["visible_until"]) if "visible_until" in meta else None
    return deadline_of(meta)


def units_of(meta: dict) -> list[str]:
    """The units an ad names: `unit` or `units`."""
    return [meta["unit"]] if meta.get("unit") else list(meta.get("units", []))


def professions_of(meta: dict) -> list[str]:
    return [meta["profession"]] if meta.get("profession") else list(meta.get("professions", []))


def shifts_of(meta: dict) -> list[str]:
    """Every shift an ad offers: its own, or each opening's (an opening's `shifts` replaces the
    ad's), and «helg» when it names how often the weekends come."""
    openings = meta.get("openings") or [{}]
    shifts: set[str] = set()
    for opening in openings:
        shifts.update(opening.get("shifts", meta.get("shifts") or []))
        if opening.get("weekend_every", meta.get("weekend_every")):
            shifts.add("helg")
    return sorted(shifts)


@cache
def open_example_jobs() -> dict[str, dict]:
    """Open on the example's build date, in list order: soonest last listed day first, a
    standing ad after dated ones of the same day, ads without an end last."""
    jobs = {
        slug: meta
        for slug, meta in example_jobs().items()
        if (last := last_listed_day(meta)) is None or last >= TODAY
    }
    return dict(
        sorted(
            jobs.items(),
            key=lambda item: (
                last_listed_day(item[1]) or date.max,
                is_standing(item[1]),
                item[1]["title"],
                item[0],
            ),
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
