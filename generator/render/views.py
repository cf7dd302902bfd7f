"""Plain data for the templates: every value formatted for the site language, every link a URL.

Templates in ``overrides/`` receive these dicts through the page's front matter, so they need
no Python objects and no logic beyond loops and conditions (portable to other engines).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from generator.language import Language
from generator.models import Event, Job, Placement, Story, Unit
from generator.models.fields import Contact
from generator.site import Site

View = dict[str, Any]


class Views:
    """Builds the view of each item for one site and its language."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.language = Language(site.language)

    def url(self, section: str, slug: str = "") -> str:
        base = self.language.path(section) + "/"
        return base + (slug + "/" if slug else "")

    def basics(self, section: str, item: Job | Story | Placement | Event) -> View:
        """What every card has: address, title and summary."""
        return {
            "slug": item.slug,
            "url": self.url(section, item.slug),
            "title": item.title,
            "summary": item.summary or "",
        }

    def unit(self, unit_id: str) -> View:
        unit: Unit | None = self.site.units.get(unit_id)
        if unit is None:
            return {"id": unit_id, "name": unit_id}
        return {
            "id": unit.id,
            "name": unit.name,
            "type": unit.type,
            "district": unit.district,
            "address": f"{unit.address}, {unit.postcode} {unit.city}",
            "transport": unit.transport,
            "parking": unit.parking,
            "mentor_program": unit.mentor_program,
            "intro_program": unit.intro_program,
        }

    def contact(self, contact: Contact) -> View:
        digits = "".join(c for c in contact.phone or "" if c.isdigit() or c == "+")
        return {
            "name": contact.name or "",
            "title": contact.title or "",
            "phone": contact.phone or "",
            "phone_link": f"tel:{digits}" if digits else "",
            "email": contact.email or "",
        }

    def profession_name(self, key: str) -> str:
        profession = self.site.professions.get(key)
        return profession.name_in(self.language.code) if profession else key

    def position_size(self, job: Job) -> str:
        """«100 %», «2 stillinger: 100 % og 75 %», «3 stillinger, 100 %»."""
        percentages = job.position_percent or []
        language = self.language
        sizes = language.join([language.percent(percent) for percent in percentages])
        count = max(job.positions, len(percentages))
        if count > 1 and sizes:
            separator = ": " if len(percentages) > 1 else ", "
            return language.ui["positions_many"].format(n=count) + separator + sizes
        if count > 1:
            return language.ui["positions_many"].format(n=count)
        return sizes

    def deadline(self, job: Job) -> View:
        language = self.language
        deadline, days = job.deadline, job.days_left(on=self.site.today)
        if deadline is None or days is None:
            return {"date": "", "text": language.ui["no_deadline"], "days_left": None}
        return {
            "date": deadline.isoformat(),
            "text": language.date(deadline),
            "days_left": days,
            "days_left_text": language.days_left(days) if days >= 0 else "",
            "is_soon": 0 <= days <= 7,
        }

    def job_card(self, job: Job) -> View:
        language = self.language
        return {
            **self.basics("jobs", job),
            "unit": self.unit(job.unit),
            "profession": {"key": job.profession, "name": self.profession_name(job.profession)},
            "position_size": self.position_size(job),
            "is_full_time": job.is_full_time,
            "employment_type": language.employment_type(job.employment_type)
            if job.employment_type
            else "",
            "shifts": [language.shift(shift) for shift in job.shifts],
            "deadline": self.deadline(job),
        }

    def job_page(self, job: Job) -> View:
        language = self.language
        card = self.job_card(job)
        start = job.start
        card.update(
            {
                "is_open": job.is_open(on=self.site.today),
                "list_url": self.url("jobs"),
                "positions": job.positions,
                "start": language.date(start) if isinstance(start, date) else (start or ""),
                "salary": job.salary or "",
                "reference": job.reference or "",
                "apply_url": job.apply_url or "",
                "apply_email": job.apply_email or "",
                "contacts": [self.contact(contact) for contact in job.contacts],
                "image": job.image if job.image else "",
                "image_alt": job.image_alt or "",
                "published": language.date(job.published),
                "closed_text": language.ui["job_closed_text"].format(
                    date=language.date(job.deadline)
                )
                if job.deadline
                else "",
            }
        )
        return card

    def story_card(self, story: Story) -> View:
        return {
            **self.basics("stories", story),
            "quote": story.quote,
            "name": story.person.name,
            "profession": self.profession_name(story.person.profession),
            "unit": self.unit(story.person.unit),
            "photo": story.photo if story.photo else "",
            "photo_alt": story.photo_alt or "",
            "published": self.language.date(story.published),
        }

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
        view.update(
            {
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
            }
        )
        return view
