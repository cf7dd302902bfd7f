"""Filters for the job list: the facets applicants filter by, and the filter pages.

Filtering must work without JavaScript, so every filter an applicant can pick is a page of its
own: one per value of each facet (`stillinger/yrke/sykepleier/`), and one per combination of
two values from different facets that has jobs (`stillinger/yrke/sykepleier/bydel/sentrum/`).
An ad appears under every value it names: each of its units, districts and professions, each
employment type and shift of its openings. A pair of filters is read opening by opening: an ad
whose vikariat is for a vernepleier is not on «sykepleier + vikariat». A regional site
(several employers) adds a facet for the employer (`stillinger/arbeidsgiver/orkdal-kommune/`).
The script on the full list filters in place instead and keeps its state in the query string,
with the same names as the paths (`?yrke=sykepleier&bydel=sentrum`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import get_args

from generator.language import Language, slugify, sort_key
from generator.models import Job
from generator.models.job import EmploymentType, ResolvedOpening, Shift
from generator.site import Site

FACET_KEYS = ("employer", "profession", "district", "unit", "extent", "employment_type", "shift")
EXTENTS = ("heltid", "deltid")
# Without JavaScript an applicant can combine this many filters (one page per combination).
MAX_FILTERS_PER_PAGE = 2


@dataclass(frozen=True)
class Option:
    value: str  # the URL-safe value: «sykepleier», «oyane»
    label: str  # what applicants read: «Sykepleier», «Øyane»


@dataclass(frozen=True)
class Facet:
    key: str
    segment: str  # the URL segment and query name in the site language: «yrke»
    label: str
    options: tuple[Option, ...]
    # The values one opening of an ad has (its own unit, profession, type, shifts, …).
    values_of_opening: Callable[[Job, ResolvedOpening], frozenset[str]]

    def values_of(self, job: Job) -> frozenset[str]:
        """Every value any opening of the ad has: the pages of single filters."""
        return frozenset().union(
            *(self.values_of_opening(job, opening) for opening in job.resolved_openings)
        )

    def label_of(self, value: str) -> str:
        return next((option.label for option in self.options if option.value == value), value)


# A filter is a facet and one of its values; a selection is a few of them in facet order.
Filter = tuple[Facet, str]
Selection = tuple[Filter, ...]


@dataclass(frozen=True)
class FilterPage:
    selection: Selection
    jobs: tuple[Job, ...]

    @property
    def is_empty(self) -> bool:
        return not self.jobs


class JobFilters:
    """The facets of one site's open jobs, and every filter page they give."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.language = Language(site.language)
        self.open_jobs = site.open_jobs
        self.facets = self._facets()
        self.pages = self._pages()

    def _facets(self) -> tuple[Facet, ...]:
        site, language = self.site, self.language
        strings, ui = language.strings, language.ui
        units = site.units

        def units_of(job: Job, opening: ResolvedOpening) -> frozenset[str]:
            return frozenset([opening.unit] if opening.unit else job.unit_ids)

        def district_of(job: Job, opening: ResolvedOpening) -> frozenset[str]:
            named = (units[unit_id] for unit_id in units_of(job, opening) if unit_id in units)
            return frozenset(slugify(unit.district) for unit in named)

        def extent_of(job: Job, opening: ResolvedOpening) -> frozenset[str]:
            full = any(size.reaches_full_time for size in opening.sizes)
            part = any(size.includes_part_time for size in opening.sizes)
            extents = {"heltid": full, "deltid": part}
            return frozenset(value for value, offered in extents.items() if offered)

        def shifts_of(job: Job, opening: ResolvedOpening) -> frozenset[str]:
            return frozenset(opening.shifts) | ({"helg"} if opening.works_weekends else set())

        districts = {slugify(unit.district): unit.district for unit in units.values()}
        options: dict[
            str, tuple[tuple[Option, ...], Callable[[Job, ResolvedOpening], frozenset[str]]]
        ] = {
            "employer": (
                tuple(Option(employer.id, employer.name) for employer in site.employers_in_use),
                lambda job, _: frozenset({site.employer_of(job).id}),
            ),
            "profession": (
                tuple(
                    Option(key, profession.name_in(language.code))
                    for key, profession in site.professions.items()
                ),
                lambda job, opening: frozenset(
                    [opening.profession] if opening.profession else job.profession_keys
                ),
            ),
            "district": (
                _sorted_options(Option(value, name) for value, name in districts.items()),
                district_of,
            ),
            "unit": (
                _sorted_options(Option(unit.id, unit.name) for unit in units.values()),
                units_of,
            ),
            "extent": (
                tuple(Option(value, ui[f"extent_{value}"]) for value in EXTENTS),
                extent_of,
            ),
            "employment_type": (
                tuple(
                    Option(key, strings["employment_types"][key])
                    for key in get_args(EmploymentType)
                ),
                lambda _, opening: frozenset(
                    [opening.employment_type] if opening.employment_type else []
                ),
            ),
            "shift": (
                tuple(Option(key, strings["shifts"][key]) for key in get_args(Shift)),
                shifts_of,
            ),
        }
        # One employer has nothing to filter: the facet is for regional sites.
        keys = [key for key in FACET_KEYS if key != "employer" or len(site.employers_in_use) > 1]
        return tuple(
            Facet(
                key=key,
                segment=strings["filter_paths"][key],
                label=ui[f"filter_{key}"],
                options=options[key][0],
                values_of_opening=options[key][1],
            )
            for key in keys
        )

    def _pages(self) -> dict[Selection, FilterPage]:
        """Every value of every facet, even without jobs now (its address stays valid), and
        every pair of values from two facets that has jobs."""
        jobs_by_selection: dict[Selection, list[Job]] = {
            ((facet, option.value),): [] for facet in self.facets for option in facet.options
        }
        for job in self.open_jobs:  # in list order, so every page is sorted as the list is
            selections: dict[Selection, None] = {}  # in order, each once per ad
            for opening in job.resolved_openings:
                filters = [
                    (facet, value)
                    for facet in self.facets
                    for value in sorted(facet.values_of_opening(job, opening))
                ]
                for size in range(1, MAX_FILTERS_PER_PAGE + 1):
                    for selection in combinations(filters, size):
                        if len({facet.key for facet, _ in selection}) == size:
                            selections[selection] = None
            for selection in selections:
                jobs_by_selection.setdefault(selection, []).append(job)
        return {
            selection: FilterPage(selection, tuple(jobs))
            for selection, jobs in sorted(
                jobs_by_selection.items(), key=lambda item: self.url(item[0])
            )
        }

    def opening_values(self, job: Job) -> list[dict[str, str]]:
        """Each opening's values by URL segment, for the list script to filter in place as the
        pages do (only ads whose openings differ need it)."""
        return [
            {
                facet.segment: " ".join(sorted(facet.values_of_opening(job, opening)))
                for facet in self.facets
            }
            for opening in job.resolved_openings
        ]

    def url(self, selection: Selection) -> str:
        """The page's folder under the site root, ending in «/»."""
        parts = [self.language.path("jobs")]
        for facet, value in self.ordered(selection):
            parts += [facet.segment, value]
        return "/".join(parts) + "/"

    def ordered(self, selection: Iterable[Filter]) -> Selection:
        """One canonical order (the facets' order), so yrke+bydel and bydel+yrke are one page."""
        rank = {facet.key: index for index, facet in enumerate(self.facets)}
        return tuple(sorted(selection, key=lambda item: rank[item[0].key]))

    def with_option(self, selection: Selection, facet: Facet, value: str) -> Selection:
        """The selection with `value` picked in `facet`: added, swapped in, or (if picked
        already) taken away again."""
        others = tuple(item for item in selection if item[0] is not facet)
        if (facet, value) in selection:
            return others
        return self.ordered((*others, (facet, value)))


def _sorted_options(options: Iterable[Option]) -> tuple[Option, ...]:
    return tuple(sorted(options, key=lambda option: sort_key(option.label)))
