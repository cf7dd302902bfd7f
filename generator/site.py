"""The site model: everything loaded and validated, with the cross-references pages need.

Built once in phase one; rendering only reads it (so the derived lists are computed once).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from generator.guidelines.config import GuidelineConfig
from generator.guidelines.results import AdResult
from generator.language import slugify
from generator.models import (
    Employer,
    Event,
    Job,
    Page,
    Placement,
    Profession,
    SiteConfig,
    Story,
    Unit,
)
from generator.models.document import MarkdownDocument


@dataclass
class Site:
    site_dir: Path
    config: SiteConfig
    today: date
    units: dict[str, Unit] = field(default_factory=dict)
    professions: dict[str, Profession] = field(default_factory=dict)
    # data/employers.yml; units without an employer belong to the site's own organisation.
    employers: dict[str, Employer] = field(default_factory=dict)
    jobs: list[Job] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    guidelines: GuidelineConfig = field(default_factory=GuidelineConfig)
    # Filled by the check stage: every ad's guideline findings.
    ad_results: list[AdResult] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.config.language

    def language_of(self, item: MarkdownDocument) -> str:
        """The language an item is written in: its own `language`, else the site's."""
        return item.language or self.language

    # --- Employers -------------------------------------------------------------------------

    @cached_property
    def own_employer(self) -> Employer:
        """The site's own organisation as an employer (site_config.yml): a municipality."""
        config = self.config
        number = (config.organisation_number or "").replace(" ", "")
        return Employer.model_construct(
            id=slugify(config.organisation),
            name=config.organisation,
            organisation_number=number or None,
            sector="kommune",
            website=None,
            logo=config.brand.logo,
            ad_footer=None,
            public_applicant_list=None,
        )

    def employer_of_unit(self, unit_id: str | None) -> Employer:
        unit = self.units.get(unit_id or "")
        if unit is not None and unit.employer in self.employers:
            return self.employers[unit.employer]
        return self.own_employer

    def employer_of(self, job: Job) -> Employer:
        """The ad's employer: its units' (validation makes sure they share one)."""
        return self.employer_of_unit(job.first_unit)

    @cached_property
    def employers_in_use(self) -> list[Employer]:
        """Every employer some unit belongs to, the site's own first: more than one makes a
        regional site, with an employer filter."""
        employers = (self.employer_of_unit(unit_id) for unit_id in self.units)
        found = {employer.id: employer for employer in employers}
        own = found.pop(self.own_employer.id, None)
        return ([own] if own else []) + sorted(found.values(), key=lambda e: e.name)

    def ad_footer_of(self, job: Job) -> str:
        """The text under the ad: its employer's `ad_footer`, else the site's."""
        employer = self.employer_of(job)
        return employer.ad_footer if employer.ad_footer is not None else self.config.ad_footer

    def units_of(self, job: Job) -> list[Unit]:
        return [self.units[unit_id] for unit_id in job.unit_ids if unit_id in self.units]

    @cached_property
    def open_jobs(self) -> list[Job]:
        """Open ads, the soonest deadline first. A standing ad («fortløpende») counts by the
        last day it is listed and comes after dated ads of the same day; ads listed without
        end come last."""
        return sorted(
            (job for job in self.jobs if job.is_open(on=self.today)),
            key=lambda job: (job.last_listed_day or date.max, job.is_standing, job.title, job.slug),
        )

    @cached_property
    def published_stories(self) -> list[Story]:
        """Stories with valid consent on the build date, newest first."""
        stories = [story for story in self.stories if story.has_consent(on=self.today)]
        return sorted(stories, key=lambda story: (story.published, story.slug), reverse=True)

    @cached_property
    def upcoming_events(self) -> list[Event]:
        events = [event for event in self.events if event.is_upcoming(on=self.today)]
        return sorted(events, key=lambda event: (event.start, event.slug))

    @cached_property
    def past_events(self) -> list[Event]:
        events = [event for event in self.events if not event.is_upcoming(on=self.today)]
        return sorted(events, key=lambda event: (event.start, event.slug), reverse=True)

    @property
    def menu_pages(self) -> list[Page]:
        pages = [page for page in self.pages if page.nav_order is not None]
        return sorted(pages, key=lambda page: (page.nav_order or 0, page.title))

    @property
    def footer_pages(self) -> list[Page]:
        """Pages linked from every page's footer, such as the accessibility statement."""
        return sorted((page for page in self.pages if page.footer), key=lambda page: page.title)
