"""What an ad offers, in words: position sizes, counts, and one line per opening, in the
site language. Pages, cards, feeds and social texts all say it with these functions, so the
same ad never reads two ways.

«73,68 % fast, dag og kveld», «70,42 % vikariat til 31. august 2027, kveld og natt»,
«Flere helgestillinger 10–16 %».
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.language import Language
from generator.models import Job
from generator.models.job import ResolvedOpening
from generator.models.terms import OPEN_COUNT, PositionSize
from generator.site import Site


def size_span(sizes: Sequence[PositionSize], language: Language) -> str:
    """All sizes as one span for a card: «28,17–73,68 %», «100 %» ("" without sizes)."""
    if not sizes:
        return ""
    low, high = min(size.low for size in sizes), max(size.high for size in sizes)
    return language.size(PositionSize(low, high))


def count_text(count: int | str, language: Language, weekends_only: bool = False) -> str:
    """«1 stilling», «4 stillinger», «Flere stillinger»; «Helgestilling» and so on for
    positions that are all weekends (`weekend_every: 1`)."""
    ui = language.ui
    prefix = "weekend_positions" if weekends_only else "positions"
    if count == OPEN_COUNT:
        return ui[f"{prefix}_open"]
    if count == 1:
        return ui["weekend_positions_one"] if weekends_only else ui["positions_one"]
    return ui[f"{prefix}_many"].format(n=count)


def weekend_text(weekend_every: int, language: Language) -> str:
    """«hver 3. helg», «annenhver helg», «every third weekend»."""
    phrases: list[str] = language.strings["weekend_every"]
    return phrases[weekend_every - 1]


def hours_text(opening: ResolvedOpening, language: Language) -> str:
    """«dag og kveld, hver 3. helg»: the shifts in words, the weekends as often as they come."""
    shifts = list(opening.shifts)
    weekend = ""
    if opening.weekend_every:
        shifts = [shift for shift in shifts if shift != "helg"]
        if opening.weekend_every > 1:
            weekend = weekend_text(opening.weekend_every, language)
    words = language.join([language.shift(shift).lower() for shift in shifts])
    return ", ".join(part for part in (words, weekend) if part)


def on_call_text(count: int | str, language: Language) -> str:
    """«Tilkallingsvikar», «Tilkallingsvikarer»: on-call work is people, not positions."""
    return language.ui["on_call_one" if count == 1 else "on_call_many"]


def opening_line(opening: ResolvedOpening, language: Language) -> str:
    """One opening in a line: count, size, type (and end date), then the hours."""
    weekends_only = opening.weekend_every == 1
    head = []
    if opening.is_on_call:
        head.append(on_call_text(opening.count, language))
    elif opening.count != 1 or weekends_only:
        head.append(count_text(opening.count, language, weekends_only))
    if opening.sizes:
        head.append(language.join([language.size(size) for size in opening.sizes]))
    if opening.employment_type and not opening.is_on_call:
        kind = language.employment_type(opening.employment_type).lower()
        if opening.until:
            kind += " " + language.ui["until_date"].format(date=language.date(opening.until))
        head.append(kind)
    line = ", ".join(part for part in (" ".join(head), hours_text(opening, language)) if part)
    return line[:1].upper() + line[1:]


def opening_lines(job: Job, language: Language, site: Site | None = None) -> list[str]:
    """A line per opening; with the site, an opening that is for one of the ad's several
    professions or workplaces says which: «Vernepleier: 34,33 % vikariat …»."""
    return [
        ": ".join(part for part in (own_place(job, opening, language, site), line) if part)
        for opening, line in (
            (opening, opening_line(opening, language)) for opening in job.resolved_openings
        )
    ]


def own_place(job: Job, opening: ResolvedOpening, language: Language, site: Site | None) -> str:
    """«Vernepleier, Fjordtun sykehjem»: what the opening narrows the ad down to ("" when it
    is open to all the ad names)."""
    if site is None:
        return ""
    parts = []
    if opening.profession and len(job.profession_keys) > 1:
        profession = site.professions.get(opening.profession)
        parts.append(profession.name_in(language.code) if profession else opening.profession)
    if opening.unit and len(job.unit_ids) > 1:
        unit = site.units.get(opening.unit)
        parts.append(unit.name if unit else opening.unit)
    return ", ".join(parts)


def has_several_kinds(job: Job) -> bool:
    """The ad lists openings that differ: show a line for each."""
    return len(job.openings) > 0
