"""Plain data for the templates: every value formatted for the site language, every link a URL.

Templates in ``overrides/`` receive these dicts through the page's front matter, so they need
no Python objects and no logic beyond loops and conditions (portable to other engines).
"""

from __future__ import annotations

from datetime import date
from itertools import islice
from typing import Any
from urllib.parse import quote, urlencode, urljoin

from generator.language import Language
from generator.models import Event, Job, Page, Placement, Story, Unit
from generator.models.document import MarkdownDocument
from generator.models.fields import Contact
from generator.models.phone import tel_link
from generator.render.images import ProcessedImage
from generator.render.job_facts import (
    card_size,
    either_or,
    employer_view,
    position_size,
    positions_count,
    simple_terms,
)
from generator.render.job_filters import FilterPage, JobFilters, Selection
from generator.render.job_terms import opening_lines
from generator.render.structured_data import event_data, job_posting
from generator.site import Site

# How wide a photo is shown, for the browser's choice of size (`sizes`).
STORY_PHOTO_SIZES = "(min-width: 60em) 30rem, 100vw"
JOB_IMAGE_SIZES = "(min-width: 76em) 48rem, 100vw"
# How many jobs a job page suggests: the unit's other jobs, or similar ones once it is closed.
RELATED_JOBS = 4
# A job closing within this many days is «closing soon» on the home page.
CLOSING_SOON_DAYS = 14

View = dict[str, Any]


class Views:
    """Builds the view of each item for one site and its language."""

    def __init__(self, site: Site, photos: dict[str, ProcessedImage] | None = None) -> None:
        self.site = site
        self.photos = photos or {}
        self.language = Language(site.language)
        self.filters = JobFilters(site)
        self.jobs_by_unit: dict[str, list[Job]] = {}
        for job in site.open_jobs:  # an ad for several workplaces is open at each of them
            for unit_id in job.unit_ids:
                self.jobs_by_unit.setdefault(unit_id, []).append(job)

    def url(self, section: str, slug: str = "") -> str:
        base = self.language.path(section) + "/"
        return base + (slug + "/" if slug else "")

    def absolute_url(self, relative: str) -> str:
        return urljoin(self.site.config.base_url, relative)

    def basics(self, section: str, item: Job | Story | Placement | Event) -> View:
        """What every card has: address, title, summary, and the language they are in."""
        return {
            "slug": item.slug,
            "url": self.url(section, item.slug),
            "title": item.title,
            "summary": item.summary or "",
            "lang": self.lang_of(item),
        }

    def lang_of(self, item: MarkdownDocument) -> str:
        """The `lang` attribute of an item's own text: its language where it differs from the
        site's ("" otherwise, as the page's <html lang> says it already). Screen readers then
        read a nynorsk ad on a bokmål site with nynorsk pronunciation."""
        language = self.site.language_of(item)
        return "" if language == self.site.language else language

    def page_meta(self, page: Page) -> View:
        """Front matter a free page adds for main.html: its `lang` where it differs."""
        lang = self.lang_of(page)
        return {"lang": lang} if lang else {}

    def unit(self, unit_id: str | None) -> View:
        """What cards and fact boxes show of a unit, with the link to its page."""
        unit: Unit | None = self.site.units.get(unit_id or "")
        if unit is None:
            return {"id": unit_id or "", "name": unit_id or "", "url": ""}
        return {
            "id": unit.id,
            "name": unit.name,
            "url": self.url("units", unit.id),
            "type": unit.type,
            "district": unit.district,
            "address": f"{unit.address}, {unit.postcode} {unit.city}",
            "mentor_program": unit.mentor_program,
            "intro_program": unit.intro_program,
        }

    def unit_card(self, unit: Unit) -> View:
        open_jobs = self.unit_jobs(unit.id)
        return {
            **self.unit(unit.id),
            "title": unit.name,
            "jobs_count_text": self.language.count(
                len(open_jobs), "open_jobs_count_one", "open_jobs_count_many"
            )
            if open_jobs
            else self.language.ui["unit_jobs_count_none"],
        }

    def unit_page(self, unit: Unit) -> View:
        ui = self.language.ui
        site = self.site
        return {
            **self.unit_card(unit),
            "description": paragraphs(unit.description),
            "highlights": list(unit.highlights),
            "employees": ui["employees"].format(n=unit.employees) if unit.employees else "",
            "transport": paragraphs(unit.transport),
            "parking": unit.parking,
            "map_url": map_url(unit),
            "contact": self.contact(unit.contact) if unit.contact else None,
            "jobs": [job.slug for job in self.unit_jobs(unit.id)],
            "stories": [
                self.story_card(story)
                for story in site.published_stories
                if story.person.unit == unit.id
            ],
            "placements": [
                self.placement_card(placement)
                for placement in site.placements
                if placement.unit == unit.id
            ],
            "list_url": self.url("jobs"),
        }

    def unit_jobs(self, unit_id: str) -> list[Job]:
        return self.jobs_by_unit.get(unit_id, [])

    def contact(self, contact: Contact) -> View:
        """Numbers as the author wrote them, with `tel:` links a phone dials (+47 added, an
        extension after a pause)."""
        return {
            "name": contact.name or "",
            "title": contact.title or "",
            "phone": contact.phone or "",
            "phone_link": tel_link(contact.phone),
            "mobile": contact.mobile or "",
            "mobile_link": tel_link(contact.mobile),
            "email": contact.email or "",
        }

    def profession_name(self, key: str | None) -> str:
        if key is None:
            return ""
        profession = self.site.professions.get(key)
        return profession.name_in(self.language.code) if profession else key

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
        """A job in lists; `filter_values` and the dates let the list script filter and sort."""
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
        }

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
                "employer": employer_view(job, site),
                "openings": opening_lines(job, language) if job.openings else [],
                "position_size": "" if job.openings else position_size(job, language),
                **simple,
                "is_open": is_open,
                "list_url": self.url("jobs"),
                "positions": positions_count(job, language),
                "standing_note": language.ui["standing_deadline_note"] if job.is_standing else "",
                "start": language.date(start) if isinstance(start, date) else (start or ""),
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

    def story_card(self, story: Story) -> View:
        return {
            **self.basics("stories", story),
            "quote": story.quote,
            "name": story.person.name,
            "profession": self.profession_name(story.person.profession),
            "unit": self.unit(story.person.unit),
            "image": self.photo(story.photo, story.photo_alt, STORY_PHOTO_SIZES),
            "published": self.language.date(story.published),
        }

    def photo(self, relative: str | None, alt: str | None, sizes: str) -> View | None:
        """The processed photo's view for the `picture` macro (None without photo or alt:
        a photo is only shown with its alt text, and the checker reports a missing one)."""
        processed = self.photos.get(relative or "")
        if processed is None or not (alt or "").strip():
            return None
        return processed.view(alt or "", sizes)

    def placement_card(self, placement: Placement) -> View:
        return {
            **self.basics("placements", placement),
            "unit": self.unit(placement.unit),
            "capacity_per_year": placement.capacity_per_year,
            "educations": sorted({program.education for program in placement.programs}),
        }

    def placement_page(self, placement: Placement) -> View:
        view = self.placement_card(placement)
        published = {story.slug: story for story in self.site.published_stories}
        unit_jobs = self.unit_jobs(placement.unit)
        view.update(
            {
                "jobs": [job.slug for job in unit_jobs],
                # Positions that pay an employee through an education, anywhere in the
                # municipality: the natural next step after a placement.
                "recruitment_positions": [
                    job.slug
                    for job in self.site.open_jobs
                    if "rekrutteringsstilling" in job.employment_types and job not in unit_jobs
                ],
                "programs": [program.model_dump() for program in placement.programs],
                "supervision": placement.supervision,
                "first_day": placement.first_day,
                "contact": self.contact(placement.contact) if placement.contact else None,
                "binder": placement.binder if placement.binder else "",
                "stories": [
                    self.story_card(published[slug])
                    for slug in placement.stories
                    if slug in published
                ],
            }
        )
        return view

    def event_card(self, event: Event) -> View:
        language = self.language
        return {
            **self.basics("events", event),
            "type": language.event_type(event.type),
            "start": event.start.isoformat(),
            "end": event.end.isoformat(),
            "when": language.date_time(event.start) + "–" + language.time(event.end)
            if event.start.date() == event.end.date()
            else language.date_time(event.start) + " – " + language.date_time(event.end),
            "venue": event.venue.model_dump(),
            "is_public": event.public,
        }

    def event_page(self, event: Event) -> View:
        view = self.event_card(event)
        published = {story.slug: story for story in self.site.published_stories}
        view.update(
            {
                "audience": event.audience,
                "patrol": [
                    {
                        "name": member.name,
                        "profession": self.profession_name(member.profession)
                        if member.profession
                        else "",
                        "story_url": self.url("stories", member.story)
                        if member.story in published
                        else "",
                    }
                    for member in event.patrol
                ],
                "talking_points": list(event.talking_points),
                "bring": list(event.bring),
                "registration_url": event.registration_url or "",
                "contact": self.contact(event.contact) if event.contact else None,
                "map_url": "https://www.openstreetmap.org/search?"
                + urlencode({"query": venue_address(event)}),
                "address": venue_address(event),
                "calendar_url": self.event_calendar_url(event),
                "print_url": self.url("events", event.slug) + self.language.path("print") + "/",
                "is_upcoming": event.is_upcoming(on=self.site.today),
            }
        )
        return view

    def event_calendar_url(self, event: Event) -> str:
        return self.url("events") + f"ics/{event.slug}.ics"

    def calendar_feed_url(self) -> str:
        return self.url("events") + "kalender.ics"

    def event_data(self, event: Event) -> View | None:
        """schema.org Event for public upcoming events only."""
        if not event.public or not event.is_upcoming(on=self.site.today):
            return None
        url = self.absolute_url(self.url("events", event.slug))
        return event_data(event, config=self.site.config, url=url)

    def placement_capacity(self) -> list[View]:
        """Places per year by education, the largest first, with a total."""
        totals: dict[str, int] = {}
        for placement in self.site.placements:
            for program in placement.programs:
                totals[program.education] = totals.get(program.education, 0) + (
                    program.capacity_per_year
                )
        rows = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
        return [{"education": education, "capacity": capacity} for education, capacity in rows]


def paragraphs(text: str) -> list[str]:
    """Plain text from YAML as paragraphs: blank lines separate them, line breaks do not."""
    blocks = [" ".join(block.split()) for block in text.split("\n\n")]
    return [block for block in blocks if block]


def venue_address(event: Event) -> str:
    venue = event.venue
    place = " ".join(part for part in [venue.postcode, venue.city] if part)
    return ", ".join(part for part in [venue.name, venue.address, place] if part)


def map_url(unit: Unit) -> str:
    """A link to the unit on OpenStreetMap (a link only: the page loads no map)."""
    if unit.geo:
        lat, lon = unit.geo.lat, unit.geo.lon
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
    query = f"{unit.address}, {unit.postcode} {unit.city}"
    return "https://www.openstreetmap.org/search?" + urlencode({"query": query})
