"""A job's views: its card in lists, and the job's own page (`JobViews.job_page`: facts,
openings, share links, JSON-LD, and what else to read at the unit or, once closed, similar
jobs). The lists of cards are in `job_list_views.py`.

`Views` (`views.py`) inherits these, so callers use `views.job_page(job)` like any other view.
"""

from __future__ import annotations

from datetime import date
from itertools import islice
from urllib.parse import quote, urlencode

from generator.models import Job
from generator.render.base_views import BaseViews, View
from generator.render.images import ProcessedImage
from generator.render.job_facts import (
    card_size,
    either_or,
    employer_view,
    position_size,
    positions_count,
    simple_terms,
)
from generator.render.job_filters import JobFilters
from generator.render.job_terms import opening_lines
from generator.render.structured_data import job_posting
from generator.site import Site

# How wide a job's photo is shown, for the browser's choice of size (`sizes`).
JOB_IMAGE_SIZES = "(min-width: 76em) 48rem, 100vw"
# How many jobs a job page suggests: the unit's other jobs, or similar ones once it is closed.
RELATED_JOBS = 4


class JobViews(BaseViews):
    """Builds a job's card (in every list) and its page."""

    def __init__(self, site: Site, photos: dict[str, ProcessedImage] | None = None) -> None:
        super().__init__(site, photos)
        self.filters = JobFilters(site)

    def professions_text(self, job: Job) -> str:
        """«Sykepleier eller vernepleier»: an ad open to any of its professions."""
        return either_or([self.profession_name(key) for key in job.profession_keys], self.language)

    def units_line(self, job: Job) -> View:
        """A card's workplace: the first unit, «+ 2 til» for the others, every district."""
        units = [self.unit(unit_id) for unit_id in job.unit_ids] or [self.unit(None)]
        others = len(units) - 1
        districts = dict.fromkeys(unit.get("district", "") for unit in units)
        return {
            "name": units[0]["name"],
            "url": units[0]["url"],
            "more": self.language.ui["units_more"].format(n=others) if others else "",
            "district": ", ".join(district for district in districts if district),
        }

    def deadline(self, job: Job) -> View:
        language = self.language
        deadline, days = job.deadline_date, job.days_left(on=self.site.today)
        if deadline is None or days is None:
            # A standing ad («fortløpende») has no countdown: it is open until it is filled.
            return {
                "date": "",
                "text": language.ui["no_deadline"],
                "days_left": None,
                "is_standing": job.is_standing,
            }
        return {
            "date": deadline.isoformat(),
            "text": language.date(deadline),
            "days_left": days,
            "days_left_text": language.days_left(days) if days >= 0 else "",
            "is_soon": 0 <= days <= 7,
        }

    def job_card(self, job: Job) -> View:
        """A job in lists; `filter_values` and the dates let the list script filter and sort
        (`opening_filter_values`, for an ad whose openings differ, lets it match a pair of
        filters opening by opening, as the filter pages do)."""
        language = self.language
        kinds = [language.employment_type(kind) for kind in job.employment_types]
        return {
            **self.basics("jobs", job),
            # Cards show little of the units; a thousand cards are stored in the engine config.
            "unit": self.units_line(job),
            "profession": {"key": job.first_profession or "", "name": self.professions_text(job)},
            "position_size": card_size(job, language),
            "offers_full_time": job.offers_full_time,
            "employment_types": kinds,
            "employment_type": ", ".join(kinds),
            "shifts": [language.shift(shift) for shift in job.all_shifts],
            "deadline": self.deadline(job),
            "published_date": job.published.isoformat(),
            "filter_values": {
                facet.segment: " ".join(sorted(facet.values_of(job)))
                for facet in self.filters.facets
            },
            "opening_filter_values": self.filters.opening_values(job)
            if len(job.resolved_openings) > 1
            else [],
        }

    def job_page(self, job: Job) -> View:
        language, site = self.language, self.site
        card = self.job_card(job)
        start = job.start
        is_open = job.is_open(on=site.today)
        units = [self.unit(unit_id) for unit_id in job.unit_ids]
        # An ad with `openings` has a line per opening, each with its size, type, end date and
        # hours; a simple ad keeps one row for each.
        no_rows = {"employment_type": "", "hours": ""}
        simple = no_rows if job.openings else simple_terms(job, language)
        card.update(
            {
                "unit": units[0] if units else self.unit(None),
                "units": units,
                "units_label": language.ui["units_many" if len(units) > 1 else "unit"],
                "districts": list(dict.fromkeys(u["district"] for u in units if u.get("district"))),
                "employer": employer_view(site.employer_of(job), site),
                "openings": opening_lines(job, language, self.site) if job.openings else [],
                "position_size": "" if job.openings else position_size(job, language),
                **simple,
                "is_open": is_open,
                "list_url": self.url("jobs"),
                "positions": positions_count(job, language),
                "standing_note": language.ui["standing_deadline_note"] if job.is_standing else "",
                "start": language.date(start) if isinstance(start, date) else (start or ""),
                # A start written as text («by agreement») is the ad's words, in its language.
                "start_is_text": isinstance(start, str),
                "salary": job.salary or "",
                "reference": job.reference or "",
                "apply_url": job.apply_url or "",
                "apply_email": job.apply_email or "",
                "contacts": [self.contact(contact) for contact in job.contacts],
                "image": self.photo(job.image, job.image_alt, JOB_IMAGE_SIZES),
                "published": language.date(job.published),
                # A standing ad had no deadline to pass: it was listed until a day.
                "closed_text": language.ui[
                    "job_closed_standing_text" if job.is_standing else "job_closed_text"
                ].format(date=language.date(job.last_listed_day))
                if job.last_listed_day
                else "",
                "share": self.share_links(card["url"], job.title),
                "more_from_unit": self.more_from_unit(job),
                "similar_jobs": [] if is_open else self.similar_jobs(job),
                "json_ld": self.job_posting(job) if is_open else None,
            }
        )
        return card

    def job_posting(self, job: Job) -> View:
        site = self.site
        return job_posting(
            job,
            config=site.config,
            employer=site.employer_of(job),
            units=site.units_of(job),
            language=site.language_of(job),
            url=self.absolute_url(self.url("jobs", job.slug)),
        )

    def share_links(self, relative_url: str, title: str) -> list[View]:
        """Plain links to each network's share page: no third-party script on our pages."""
        url = self.absolute_url(relative_url)
        body = self.language.ui["share_email_body"].format(title=title, url=url)
        return [
            {
                "network": "facebook",
                "label": "Facebook",
                "url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
            },
            {
                "network": "linkedin",
                "label": "LinkedIn",
                "url": "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
            },
            {
                "network": "x",
                "label": "X",
                "url": "https://x.com/intent/post?" + urlencode({"text": title, "url": url}),
            },
            {
                "network": "email",
                "label": self.language.ui["share_email"],
                # mailto: wants %20 for spaces, not «+» (RFC 6068).
                "url": f"mailto:?subject={quote(title)}&body={quote(body)}",
            },
        ]

    def more_from_unit(self, job: Job) -> View:
        """«Mer fra denne arbeidsplassen»: the other open jobs, stories and placements of the
        unit the ad names first."""
        site, unit_id = self.site, job.first_unit
        return {
            "unit": self.unit(unit_id),
            "jobs": [
                other.slug
                for other in islice(
                    (o for o in self.unit_jobs(unit_id or "") if o is not job), RELATED_JOBS
                )
            ],
            "stories": [
                self.story_card(story)
                for story in site.published_stories
                if unit_id and story.person.unit == unit_id
            ][:3],
            "placements": [
                self.placement_card(placement)
                for placement in site.placements
                if unit_id and placement.unit == unit_id
            ],
        }

    def similar_jobs(self, job: Job) -> list[str]:
        """Open jobs for someone who followed an old link: same profession first, then the
        same unit, then the same district (any of the ad's professions, units, districts)."""
        site = self.site
        professions, units = set(job.profession_keys), set(job.unit_ids)
        districts = {unit.district for unit in site.units_of(job)}

        def closeness(other: Job) -> int:
            other_districts = {unit.district for unit in site.units_of(other)}
            return (
                bool(professions.intersection(other.profession_keys)) * 4
                + bool(units.intersection(other.unit_ids)) * 2
                + bool(districts & other_districts)
            )

        candidates = [other for other in site.open_jobs if other is not job]
        ranked = sorted(
            (other for other in candidates if closeness(other)),
            key=lambda other: -closeness(other),
        )
        return [other.slug for other in ranked[:RELATED_JOBS]]
