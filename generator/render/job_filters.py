"""Filters for the job list: the facets applicants filter by, and the filter pages.

Filtering must work without JavaScript, so every filter an applicant can pick is a page of its
own: one per value of each facet (`stillinger/yrke/sykepleier/`), and one per combination of
two values from different facets that has jobs (`stillinger/yrke/sykepleier/bydel/sentrum/`).
An ad appears under every value it names: each of its units, districts and professions, each
employment type and shift of its openings. A regional site (several employers) adds a facet
for the employer (`stillinger/arbeidsgiver/orkdal-kommune/`).
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
from generator.models.job import EmploymentType, Shift
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
    values_of: Callable[[Job], frozenset[str]]

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

        def district_of(job: Job) -> frozenset[str]:
            return frozenset(slugify(unit.district) for unit in site.units_of(job))

        def extent_of(job: Job) -> frozenset[str]:
            extents = {"heltid": job.offers_full_time, "deltid": job.offers_part_time}
            return frozenset(value for value, offered in extents.items() if offered)

        districts = {slugify(unit.district): unit.district for unit in units.values()}
        options: dict[str, tuple[tuple[Option, ...], Callable[[Job], frozenset[str]]]] = {
            "employer": (
                tuple(Option(employer.id, employer.name) for employer in site.employers_in_use),
                lambda job: frozenset({site.employer_of(job).id}),
            ),
            "profession": (
                tuple(
                    Option(key, profession.name_in(language.code))
                    for key, profession in site.professions.items()
                ),
                lambda job: frozenset(job.profession_keys),
            ),
            "district": (
                _sorted_options(Option(value, name) for value, name in districts.items()),
                district_of,
            ),
            "unit": (
                _sorted_options(Option(unit.id, unit.name) for unit in units.values()),
                lambda job: frozenset(job.unit_ids),
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
                lambda job: frozenset(job.employment_types),
            ),
            "shift": (
                tuple(Option(key, strings["shifts"][key]) for key in get_args(Shift)),
                lambda job: frozenset(job.all_shifts),
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
                values_of=options[key][1],
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
            filters = [(facet, value) for facet in self.facets for value in facet.values_of(job)]
            for size in range(1, MAX_FILTERS_PER_PAGE + 1):
                for selection in combinations(filters, size):
                    if len({facet.key for facet, _ in selection}) == size:
                        jobs_by_selection.setdefault(selection, []).append(job)
        return {
            selection: FilterPage(selection, tuple(jobs))
            for selection, jobs in sorted(
                jobs_by_selection.items(), key=lambda item: self.url(item[0])
            )
        }

    def matching(self, selection: Selection) -> tuple[Job, ...]:
        return tuple(
            job
            for job in self.open_jobs
            if all(value in facet.values_of(job) for facet, value in selection)
        )

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
