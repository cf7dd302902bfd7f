"""The facts of an ad as its page and cards state them, in the site language: sizes in full
or as a span, the number of positions, a simple ad's type and hours, the employer, «sykepleier
eller vernepleier». Plain functions of the ad and the language, used by `views.Views`."""

from __future__ import annotations

from typing import Any

from generator.language import Language
from generator.models import Employer, Job
from generator.models.terms import OPEN_COUNT
from generator.render.job_terms import count_text, hours_text, size_span, weekend_text
from generator.site import Site


def position_size(job: Job, language: Language) -> str:
    """A simple ad's sizes in full: «100 %», «2 stillinger: 100 % og 75 %», «3 stillinger,
    100 %» (an ad with `openings` has a line per opening instead; "" without a size)."""
    sizes = job.sizes
    if not sizes:
        return ""  # on call, or not stated: the count has its own row
    sizes_text = language.join([language.size(size) for size in sizes])
    count = job.total_positions
    if count == 1:
        return sizes_text
    separator = ": " if len(sizes) > 1 else ", "
    return count_text(count, language) + separator + sizes_text


def card_size(job: Job, language: Language) -> str:
    """A card's summary of the sizes: «100 %», «4 stillinger, 28,17–100 %», «Flere
    stillinger, 75–100 %»; the job page has the details."""
    span = size_span(job.sizes, language)
    count = job.total_positions
    if count == 1:
        return span
    return ", ".join(part for part in (count_text(count, language), span) if part)


def positions_count(job: Job, language: Language) -> str:
    """«Antall stillinger»: the sum of the openings, «Flere» when the number is open."""
    count = job.total_positions
    return language.ui["positions_count_open"] if count == OPEN_COUNT else str(count)


def simple_terms(job: Job, language: Language) -> dict[str, str]:
    """A simple ad's type (with its end date) and hours, for the facts box."""
    (opening,) = job.resolved_openings
    kind = ""
    if opening.employment_type:
        kind = language.employment_type(opening.employment_type)
        if opening.until:
            kind += " " + language.ui["until_date"].format(date=language.date(opening.until))
    hours = hours_text(opening, language)
    if opening.weekend_every == 1:  # hours_text leaves it to «Helgestilling» in a line
        hours = ", ".join(part for part in (hours, weekend_text(1, language)) if part)
    return {"employment_type": kind, "hours": hours[:1].upper() + hours[1:]}


def employer_view(employer: Employer, site: Site) -> dict[str, Any] | None:
    """The employer of an ad or a unit, where it is not the site's own organisation: a
    non-profit that runs a nursing home, a neighbour municipality on a regional site."""
    if employer.id == site.own_employer.id:
        return None
    return {"name": employer.name, "url": employer.website or "", "logo": employer.logo or ""}


def either_or(names: list[str], language: Language) -> str:
    """«Sykepleier eller vernepleier», «Sykepleier, helsefagarbeider eller assistent»."""
    return language.join(names[:1] + [lowercase_first(name) for name in names[1:]], "or")


def lowercase_first(name: str) -> str:
    """«Vernepleier» inside a sentence; a name that starts with an acronym («IT-rådgiver»)
    keeps its capitals."""
    if name[1:2].isupper():
        return name
    return name[:1].lower() + name[1:]
