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
from generator.models import Event, Job, Page, Placement, Profession, SiteConfig, Story, Unit


@dataclass
class Site:
    site_dir: Path
    config: SiteConfig
    today: date
    units: dict[str, Unit] = field(default_factory=dict)
    professions: dict[str, Profession] = field(default_factory=dict)
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

    @cached_property
    def open_jobs(self) -> list[Job]:
        """Open ads, the soonest deadline first (ads without a deadline last)."""
        return sorted(
            (job for job in self.jobs if job.is_open(on=self.today)),
            key=lambda job: (job.deadline or date.max, job.title, job.slug),
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
