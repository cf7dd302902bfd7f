"""The parts every page's view is built from: addresses, languages, units, contacts, photos,
and the story and placement cards that unit, placement and job pages all show.

`BaseViews` is the root of the view classes: `JobViews` (`job_views.py`) adds a job's card and
page, `JobListViews` (`job_list_views.py`) the lists of jobs, and `Views` (`views.py`) the unit,
placement and event pages. Templates in ``overrides/`` receive these dicts through the page's
front matter.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from generator.language import Language
from generator.models import Event, Job, Placement, Story, Unit
from generator.models.document import MarkdownDocument
from generator.models.fields import Contact
from generator.models.phone import tel_link
from generator.render.images import ProcessedImage
from generator.site import Site

# How wide a story's photo is shown, for the browser's choice of size (`sizes`).
STORY_PHOTO_SIZES = "(min-width: 60em) 30rem, 100vw"

View = dict[str, Any]


class BaseViews:
    """What the views of one site and its language share: its URLs, units, contacts, photos."""

    def __init__(self, site: Site, photos: dict[str, ProcessedImage] | None = None) -> None:
        self.site = site
        self.photos = photos or {}
        self.language = Language(site.language)
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

    def photo(self, relative: str | None, alt: str | None, sizes: str) -> View | None:
        """The processed photo's view for the `picture` macro (None without photo or alt:
        a photo is only shown with its alt text, and the checker reports a missing one)."""
        processed = self.photos.get(relative or "")
        if processed is None or not (alt or "").strip():
            return None
        return processed.view(alt or "", sizes)

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

    def placement_card(self, placement: Placement) -> View:
        return {
            **self.basics("placements", placement),
            "unit": self.unit(placement.unit),
            "capacity_per_year": placement.capacity_per_year,
            "educations": sorted({program.education for program in placement.programs}),
        }
