"""Plain data for the templates: every value formatted for the site language, every link a URL.

Templates in ``overrides/`` receive these dicts through the page's front matter, so they need
no Python objects and no logic beyond loops and conditions (portable to other engines).

`Views` is the one object the render stage uses. It is built in layers:

- `base_views.py` (`BaseViews`): addresses, languages, units, contacts, photos, story and
  placement cards;
- `job_views.py` (`JobViews`): a job's card and its page (`job_page`);
- `job_list_views.py` (`JobListViews`): the job list and its filter pages, and the front
  page's job lists;
- this module (`Views`): unit, placement and event pages, and free pages' front matter.
"""

from __future__ import annotations

from urllib.parse import urlencode

from generator.models import Event, Page, Placement, Unit
from generator.render.base_views import View
from generator.render.job_facts import employer_view
from generator.render.job_list_views import JobListViews
from generator.render.structured_data import event_data


class Views(JobListViews):
    """Builds the view of each item for one site and its language."""

    def page_meta(self, page: Page) -> View:
        """Front matter a free page adds for main.html: its `lang` where it differs."""
        lang = self.lang_of(page)
        return {"lang": lang} if lang else {}

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
            # Run by another employer (a foundation, a neighbour municipality): say who.
            "employer": employer_view(site.employer_of_unit(unit.id), site),
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
