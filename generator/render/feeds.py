"""RSS 2.0 and Atom feeds: every open job, the jobs per profession and per district, the
published stories and the upcoming events.

`site_feeds` turns the complete site model into plain `Feed` data; `rss` and `atom` write one
feed as bytes. Two builds on the same build date give byte-identical files: every date comes
from the content or from the caller's `updated`, items keep the site's order, and the
generator tag carries no version.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from generator.language import slugify, sort_key
from generator.models import Event, Job, SiteConfig, Story
from generator.models.fields import OSLO
from generator.render.job_filters import Facet
from generator.render.markdown_html import markdown_html
from generator.render.views import Views, venue_address
from generator.site import Site

# The software named in each feed's generator tag: no version, so an upgrade alone does not
# change every feed.
GENERATOR = "careers-site"
# The name feedgen knows the image extension by (each entry has it as an attribute).
ENCLOSURE = "careers_enclosure"


@dataclass(frozen=True)
class FeedItem:
    guid: str  # the canonical absolute URL of the item's page
    title: str
    url: str
    summary: str  # plain text
    content_html: str  # the whole item as HTML, every link absolute
    published: date | datetime  # a date is midnight in Oslo
    categories: tuple[str, ...]
    deadline: date | None = None
    image_url: str | None = None
    image_type: str = "image/jpeg"
    image_length: int = 0  # 0 when unknown, as RSS allows


@dataclass(frozen=True)
class Feed:
    slug: str  # the file name without extension: «stillinger», «stillinger-yrke-sykepleier»
    title: str
    description: str
    page_url: str  # absolute URL of the HTML page the feed follows
    items: tuple[FeedItem, ...]


def site_feeds(
    site: Site, views: Views, job_markdown: Callable[[Job], str] | None = None
) -> list[Feed]:
    """All open jobs, then one feed per profession and one per district in the data, even
    without open jobs now (a subscriber's feed must not disappear between two ads), the
    stories with valid consent, and the upcoming events.

    `job_markdown` gives an ad's whole Markdown as its page shows it (the stage renders the
    job.md template); by default the ad's body followed by the site's ad footer."""
    language, config = views.language, site.config
    ui, jobs_path = language.ui, language.path("jobs")
    job_markdown = job_markdown or (lambda job: f"{job.body}\n\n{config.ad_footer}")
    job_items = {job.slug: job_item(job, views, job_markdown(job)) for job in site.open_jobs}

    def job_feed(slug: str, title: str, page: str, jobs: Iterable[Job]) -> Feed:
        return Feed(
            slug=slug,
            title=f"{title} – {config.organisation}",
            description=config.description or title,
            page_url=views.absolute_url(page),
            items=tuple(job_items[job.slug] for job in jobs),
        )

    feeds = [job_feed(jobs_path, ui["open_jobs"], views.url("jobs"), site.open_jobs)]

    profession_facet = facet(views, "profession")
    keys = list(site.professions)
    for key in keys:
        name = views.profession_name(key)
        feeds.append(
            job_feed(
                f"{jobs_path}-{profession_facet.segment}-{key}",
                ui["feed_for_profession"].format(name=name[:1].lower() + name[1:]),
                views.filters.url(((profession_facet, key),)),
                (job for job in site.open_jobs if job.profession == key),
            )
        )

    district_facet = facet(views, "district")
    district_of = {unit.id: unit.district for unit in site.units.values()}
    districts = set(district_of.values())
    for district in sorted(districts, key=sort_key):
        value = slugify(district)
        feeds.append(
            job_feed(
                f"{jobs_path}-{district_facet.segment}-{value}",
                ui["feed_for_district"].format(name=district),
                views.filters.url(((district_facet, value),)),
                (job for job in site.open_jobs if district_of.get(job.unit) == district),
            )
        )

    for section, title, items in (
        ("stories", ui["stories"], [story_item(story, views) for story in site.published_stories]),
        ("events", ui["events"], [event_item(event, views) for event in site.upcoming_events]),
    ):
        feeds.append(
            Feed(
                slug=language.path(section),
                title=f"{title} – {config.organisation}",
                description=config.description or title,
                page_url=views.absolute_url(views.url(section)),
                items=tuple(items),
            )
        )
    return feeds


def facet(views: Views, key: str) -> Facet:
    return next(facet for facet in views.filters.facets if facet.key == key)


def job_item(job: Job, views: Views, body: str) -> FeedItem:
    """Categories: profession, unit and district. The summary ends with the deadline."""
    ui, language = views.language.ui, views.language
    url = views.absolute_url(views.url("jobs", job.slug))
    unit = views.unit(job.unit)
    deadline = language.date(job.deadline) if job.deadline else ui["no_deadline"].lower()
    summary = " ".join(part for part in (job.summary, f"{ui['deadline']} {deadline}.") if part)
    return FeedItem(
        guid=url,
        title=job.title,
        url=url,
        summary=summary,
        content_html=markdown_html(body, base_url=url),
        published=job.published,
        categories=categories(
            views.profession_name(job.profession), unit["name"], unit.get("district")
        ),
        deadline=job.deadline,
        image_url=photo_url(views, job.image),
    )


def story_item(story: Story, views: Views) -> FeedItem:
    """Categories: the storyteller's profession and unit."""
    url = views.absolute_url(views.url("stories", story.slug))
    return FeedItem(
        guid=url,
        title=story.title,
        url=url,
        summary=story.summary or story.quote,
        content_html=markdown_html(story.body, base_url=url),
        published=story.published,
        categories=categories(
            views.profession_name(story.person.profession), views.unit(story.person.unit)["name"]
        ),
        image_url=photo_url(views, story.photo),
    )


def event_item(event: Event, views: Views) -> FeedItem:
    """Dated by its start, so readers sort the feed as the calendar does. The summary says
    when and where, and whether the event is closed to the public."""
    ui = views.language.ui
    url = views.absolute_url(views.url("events", event.slug))
    when = views.event_card(event)["when"]
    closed = "" if event.public else f"{ui['event_closed']}."
    summary = " ".join(
        part for part in (event.summary, f"{when}, {venue_address(event)}.", closed) if part
    )
    return FeedItem(
        guid=url,
        title=event.title,
        url=url,
        summary=summary,
        content_html=markdown_html(event.body, base_url=url),
        published=event.start,
        categories=categories(views.language.event_type(event.type)),
    )


def categories(*names: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for name in names if name))


def photo_url(views: Views, relative: str | None) -> str | None:
    """The processed JPEG of a photo, the one every feed reader shows (None unprocessed)."""
    processed = views.photos.get(relative or "")
    return views.absolute_url(processed.fallback.path) if processed else None


def rss(feed: Feed, *, config: SiteConfig, feed_url: str, updated: datetime) -> bytes:
    """RSS 2.0 with the whole item in content:encoded and the guid as permalink."""
    writer = generator(feed, config, feed_url, "application/rss+xml", updated)
    rss_bytes: bytes = writer.rss_str(pretty=True)
    return rss_bytes


def atom(feed: Feed, *, config: SiteConfig, feed_url: str, updated: datetime) -> bytes:
    """Atom with the whole item as content of type html."""
    writer = generator(feed, config, feed_url, "application/atom+xml", updated)
    atom_bytes: bytes = writer.atom_str(pretty=True)
    return atom_bytes


def generator(
    feed: Feed, config: SiteConfig, feed_url: str, feed_type: str, updated: datetime
) -> FeedGenerator:
    """One feedgen feed for both formats; every field that feedgen would fill with the current
    time is set from the content or from `updated`."""
    build_time = in_oslo(updated)
    writer = FeedGenerator()
    writer.id(feed_url)
    writer.title(feed.title)
    writer.description(feed.description)
    writer.author(name=config.organisation)
    # RSS takes the channel's <link> from the last link given: the page, after the feed itself.
    writer.link(href=feed_url, rel="self", type=feed_type)
    writer.link(href=feed.page_url, rel="alternate", type="text/html")
    writer.language(config.language)
    writer.generator(GENERATOR)
    writer.updated(build_time)
    writer.lastBuildDate(build_time)
    writer.register_extension(ENCLOSURE, BaseExtension, Enclosure)
    for item in feed.items:
        entry = writer.add_entry(order="append")
        entry.id(item.guid)
        entry.guid(item.guid, permalink=True)
        entry.title(item.title)
        entry.link(href=item.url, rel="alternate", type="text/html")
        if item.summary:
            entry.summary(item.summary)
        if item.content_html:
            entry.content(item.content_html, type="html")
        published = in_oslo(item.published)
        entry.published(published)
        entry.updated(published)
        for category in item.categories:
            entry.category(term=category)
        if item.image_url:
            getattr(entry, ENCLOSURE).set(item.image_url, item.image_length, item.image_type)
    return writer


class Enclosure(BaseEntryExtension):
    """The item's image: RSS <enclosure>, Atom <link rel="enclosure">. (feedgen 1.0 drops the
    attributes of an Atom entry's links, so its own enclosure() gives a plain link there.)"""

    def __init__(self) -> None:
        self.attributes: dict[str, str] = {}

    def set(self, url: str, length: int, media_type: str) -> None:
        self.attributes = {"url": url, "length": str(length), "type": media_type}

    def extend_rss(self, item: Any) -> Any:
        if self.attributes:
            xml_elem("enclosure", item, **self.attributes)
        return item

    def extend_atom(self, entry: Any) -> Any:
        if self.attributes:
            attributes = self.attributes
            xml_elem(
                "link",
                entry,
                href=attributes["url"],
                rel="enclosure",
                type=attributes["type"],
                length=attributes["length"],
            )
        return entry


def in_oslo(value: date | datetime) -> datetime:
    """A date as midnight in Oslo; a date-time without an offset as Oslo time."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(0), tzinfo=OSLO)
    return value if value.tzinfo else value.replace(tzinfo=OSLO)
