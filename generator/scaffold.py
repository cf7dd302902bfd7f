"""`careers new`: a new, valid, commented content file from a template."""

from __future__ import annotations

import json
import re
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import jinja2
from rich.console import Console
from rich.prompt import Prompt

from generator.diagnostics import UsageError
from generator.language import slugify
from generator.model_errors import did_you_mean
from generator.pipeline import read_site
from generator.site import Site

SCAFFOLDS = Path(__file__).resolve().parent / "scaffolds"
FOLDERS = {"job": "jobs", "story": "stories", "event": "events", "placement": "placements"}


def _ask(
    console: Console, value: str | None, question: str, option: str, choices: list[str]
) -> str:
    """The option's value, or the author's answer in a terminal (asked until it is valid)."""
    if value:
        return value
    if not sys.stdin.isatty():
        raise UsageError(f"mangler {option}; oppgi den, eller kjør kommandoen i et terminalvindu")
    if choices:
        console.print(f"Mulige verdier: {', '.join(choices)}", highlight=False, markup=False)
    while True:
        answer = Prompt.ask(question, console=console).strip()
        if answer and (not choices or answer in choices):
            return answer
        hint = did_you_mean(answer, choices) if choices else ""
        console.print(f"«{answer}» går ikke. {hint}".strip(), highlight=False, markup=False)


def _checked(value: str, known: list[str], option: str, where: str) -> str:
    if value not in known:
        hint = did_you_mean(value, known) or f"kjente verdier: {', '.join(known)}"
        raise UsageError(f"{option} «{value}» finnes ikke i {where}; {hint}")
    return value


def create_file(
    kind: str,
    site_dir: Path,
    title: str | None,
    unit: str | None,
    profession: str | None,
    slug: str | None,
    today: date | None,
    console: Console,
) -> Path:
    site, _diagnostics = read_site(site_dir, today)
    if site is None:
        raise UsageError("site_config.yml mangler eller har feil; kjør `careers check` først")
    title = _ask(console, title, "Tittel", "--title", [])
    units, professions = sorted(site.units), sorted(site.professions)
    if kind != "event":
        unit = _checked(
            _ask(console, unit, "Arbeidssted", "--unit", units), units, "--unit", "data/units.yml"
        )
    if kind != "placement":
        profession = _checked(
            _ask(console, profession, "Yrke", "--profession", professions),
            professions,
            "--profession",
            "data/professions.yml",
        )
    slug = slug or slugify(title)
    if not slug or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        raise UsageError(f"«{slug}» kan ikke brukes som filnavn; bruk a–z, tall og bindestrek")
    path = site_dir / "content" / FOLDERS[kind] / f"{slug}.md"
    if path.exists():
        raise UsageError(f"{path} finnes allerede; velg en annen tittel eller --slug")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_render(kind, site, title, unit, profession, slug), encoding="utf-8")
    return path


def _render(
    kind: str, site: Site, title: str, unit: str | None, profession: str | None, slug: str
) -> str:
    today = site.today
    event_day = today + timedelta(days=14)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(SCAFFOLDS),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.filters["quoted"] = lambda text: json.dumps(text, ensure_ascii=False)
    return environment.get_template(f"{kind}.md").render(
        title=title,
        unit=unit or "",
        profession=profession or "",
        slug=slug,
        today=today.isoformat(),
        deadline=(today + timedelta(days=21)).isoformat(),
        consent_expires=(today + timedelta(days=2 * 365)).isoformat(),
        start=datetime.combine(event_day, time(9, 0)).strftime("%Y-%m-%dT%H:%M"),
        end=datetime.combine(event_day, time(11, 0)).strftime("%Y-%m-%dT%H:%M"),
    )
