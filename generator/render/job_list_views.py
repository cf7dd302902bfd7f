"""The lists of jobs: the job list and its filter pages with their navigation, the cards they
show, and the front page's two lists. A list names its jobs by slug; each card is made once
(`JobViews.job_card` in `job_views.py`) and stored in the engine config.
"""

from __future__ import annotations

from generator.render.base_views import View
from generator.render.job_filters import FilterPage, Selection
from generator.render.job_views import JobViews

# A job closing within this many days is «closing soon» on the home page.
CLOSING_SOON_DAYS = 14


class JobListViews(JobViews):
    """Builds the job list, its filter pages and the front page's lists of jobs."""

    def job_cards(self) -> dict[str, View]:
        """Every open job's card, by slug. Stored once in the engine config; pages list slugs
        (a thousand jobs on a hundred filter pages would otherwise repeat every card)."""
        return {job.slug: self.job_card(job) for job in self.site.open_jobs}

    def job_listing(self, page: FilterPage | None = None) -> View:
        """The job list, whole (`page` None) or filtered, with its filter navigation."""
        language, ui, filters = self.language, self.language.ui, self.filters
        selection: Selection = page.selection if page else ()
        jobs = page.jobs if page else tuple(filters.open_jobs)
        total = len(filters.open_jobs)
        labels = [facet.label_of(value) for facet, value in selection]
        return {
            "title": ui["open_jobs"] + (": " + ", ".join(labels) if labels else ""),
            "list_url": self.url("jobs"),
            "in_place": page is None,
            "jobs": [job.slug for job in jobs],
            "count_text": language.count(len(jobs), "open_jobs_count_one", "open_jobs_count_many"),
            "total": total,
            "selected": [
                {
                    "label": facet.label_of(value),
                    "facet": facet.label,
                    "remove_url": self.selection_url(filters.with_option(selection, facet, value)),
                }
                for facet, value in selection
            ],
            "facets": self.filter_navigation(selection),
            "at_limit": len(selection) >= 2,
            "form": [
                {
                    "segment": facet.segment,
                    "label": facet.label,
                    "options": [
                        {"value": option.value, "label": option.label, "count": count}
                        for option in facet.options
                        if (count := len(filters.pages[((facet, option.value),)].jobs))
                        or (facet, option.value) in selection
                    ],
                    "selected": [value for chosen, value in selection if chosen is facet],
                }
                for facet in filters.facets
            ],
        }

    def filter_navigation(self, selection: Selection) -> list[View]:
        """Per facet, the filter pages one click away: each value added to the selection, or
        swapped for the facet's current value, or (the current value) taken away."""
        filters = self.filters
        navigation = []
        for facet in filters.facets:
            options = []
            for option in facet.options:
                target = filters.with_option(selection, facet, option.value)
                selected = (facet, option.value) in selection
                count = len(filters.pages[target].jobs) if target in filters.pages else 0
                if target == ():
                    count = len(filters.open_jobs)
                if selected or count:
                    options.append(
                        {
                            "label": option.label,
                            "count": count,
                            "url": self.selection_url(target),
                            "selected": selected,
                        }
                    )
            if options:
                navigation.append({"label": facet.label, "options": options})
        return navigation

    def selection_url(self, selection: Selection) -> str:
        return self.filters.url(selection) if selection else self.url("jobs")

    def home(self) -> View:
        """The front page's two job lists: closing soon, and the newest."""
        open_jobs = self.site.open_jobs
        # A standing ad has no deadline to miss (days_left is None): never «closing soon».
        closing_soon = [
            job
            for job in open_jobs
            if (days := job.days_left(on=self.site.today)) is not None and days <= CLOSING_SOON_DAYS
        ][:3]
        newest = sorted(
            (job for job in open_jobs if job not in closing_soon),
            key=lambda job: (job.published, job.slug),
            reverse=True,
        )[:6]
        return {
            "closing_soon": [job.slug for job in closing_soon],
            "newest": [job.slug for job in newest],
        }
