"""RSS 2.0 and Atom feeds: every open job, the jobs per profession, per district and (on a
site with several employers) per employer, the published stories and the upcoming events.

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

from generator.language import Language, slugify, sort_key
from generator.models import Event, Job, SiteConfig, Story
from generator.models.document import MarkdownDocument
from generator.models.fields import OSLO
from generator.render.job_filters import Facet
from generator.render.markdown_html import markdown_html
from generator.render.views import Views, venue_address
from generator.site import Site

# The software named in each feed's generator tag: no version, so an upgrade alone does not
# change every feed.
GENERATOR = "careers-site"
# The names feedgen knows our extensions by (each entry has them as attributes).
ENCLOSURE = "careers_enclosure"
DUBLIN_CORE = "careers_dublin_core"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Employers a feed calls «Stillinger i Orkdal kommune»; the others «Stillinger hos …».
MUNICIPAL = frozenset({"kommune", "fylkeskommune"})


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
    language: str | None = None  # only when the item is not in the site language
    author: str | None = None  # the employer, only when it is not the site's organisation


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
    """All open jobs, then one feed per profession, one per district and, when the site has
    more than one employer, one per employer: for every value in the data, even without open
    jobs now (a subscriber's feed must not disappear between two ads). Then the stories with
    valid consent, and the upcoming events. An ad is in the feed of every profession, district
    and employer it names.

    `job_markdown` gives an ad's whole Markdown as its page shows it (the stage renders the
    job.md template); by default the ad's body followed by its employer's or the site's ad
    footer."""
    language, config = views.language, site.config
    ui, jobs_path = language.ui, language.path("jobs")
    job_markdown = job_markdown or (lambda job: f"{job.body}\n\n{site.ad_footer_of(job)}")
    job_items = {job.slug: job_item(job, site, views, job_markdown(job)) for job in site.open_jobs}

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
    for key in site.professions:
        name = views.profession_name(key)
        feeds.append(
            job_feed(
                f"{jobs_path}-{profession_facet.segment}-{key}",
                ui["feed_for_profession"].format(name=name[:1].lower() + name[1:]),
                views.filters.url(((profession_facet, key),)),
                (job for job in site.open_jobs if key in job.profession_keys),
            )
        )

    district_facet = facet(views, "district")
    districts = {unit.district for unit in site.units.values()}
    for district in sorted(districts, key=sort_key):
        value = slugify(district)
        feeds.append(
            job_feed(
                f"{jobs_path}-{district_facet.segment}-{value}",
                ui["feed_for_district"].format(name=district),
                views.filters.url(((district_facet, value),)),
                (job for job in site.open_jobs if district in districts_of(site, job)),
            )
        )

    feeds += employer_feeds(site, views, job_feed)

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


def employer_feeds(
    site: Site, views: Views, job_feed: Callable[[str, str, str, Iterable[Job]], Feed]
) -> list[Feed]:
    """A feed per employer on a site where several recruit together («Stillinger i Orkdal
    kommune»); none on a site with one. The feed follows the employer's filter page, or the
    whole list where the filters have no employer facet."""
    employers = site.employers_in_use
    if len(employers) <= 1:
        return []
    language = views.language
    segment = language.strings["filter_paths"]["employer"]
    employer_facet = next((f for f in views.filters.facets if f.key == "employer"), None)
    feeds = []
    for employer in employers:
        page = (
            views.filters.url(((employer_facet, employer.id),))
            if employer_facet is not None
            else views.url("jobs")
        )
        title = "feed_for_municipality" if employer.sector in MUNICIPAL else "feed_for_employer"
        feeds.append(
            job_feed(
                f"{language.path('jobs')}-{segment}-{employer.id}",
                language.ui[title].format(name=employer.name),
                page,
                (job for job in site.open_jobs if site.employer_of(job).id == employer.id),
            )
        )
    return feeds


def districts_of(site: Site, job: Job) -> list[str]:
    return list(dict.fromkeys(unit.district for unit in site.units_of(job)))


def facet(views: Views, key: str) -> Facet:
    return next(facet for facet in views.filters.facets if facet.key == key)


def job_item(job: Job, site: Site, views: Views, body: str) -> FeedItem:
    """Categories: every profession, unit and district the ad names. The summary ends with
    the deadline, in the ad's language («fortløpende» for a standing ad); an ad in another
    language than the site's says which, and one from another employer names it."""
    language = Language(site.language_of(job))
    ui = language.ui
    url = views.absolute_url(views.url("jobs", job.slug))
    deadline = language.date(job.deadline_date) if job.deadline_date else ui["no_deadline"].lower()
    summary = " ".join(part for part in (job.summary, f"{ui['deadline']} {deadline}.") if part)
    units = site.units_of(job)
    employer = site.employer_of(job)
    return FeedItem(
        guid=url,
        title=job.title,
        url=url,
        summary=summary,
        content_html=markdown_html(body, base_url=url),
        published=job.published,
        categories=categories(
            *(views.profession_name(key) for key in job.profession_keys),
            *(unit.name for unit in units),
            *(unit.district for unit in units),
        ),
        deadline=job.deadline_date,
        image_url=photo_url(views, job.image),
        language=other_language(site, job),
        author=employer.name if employer.id != site.own_employer.id else None,
    )


def other_language(site: Site, item: MarkdownDocument) -> str | None:
    language = site.language_of(item)
    return language if language != site.language else None


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
        language=other_language(views.site, story),
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
        language=other_language(views.site, event),
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
    # Only feeds that need it declare the Dublin Core namespace: the others keep their bytes.
    if any(item.language or item.author for item in feed.items):
        writer.register_extension(DUBLIN_CORE, DublinCoreNamespace, ItemLanguageAndCreator)
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
        if item.author:
            entry.author(name=item.author)  # Atom only: RSS's <author> must be an address
        if item.language or item.author:
            getattr(entry, DUBLIN_CORE).set(item.language, item.author)
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


class DublinCoreNamespace(BaseExtension):
    def extend_ns(self) -> dict[str, str]:
        return {"dc": DC_NAMESPACE}


class ItemLanguageAndCreator(BaseEntryExtension):
    """An item in another language than the feed's, and an item from another employer than
    the site's organisation: RSS <dc:language> and <dc:creator>; Atom xml:lang on the entry
    (its author is feedgen's own <author>)."""

    def __init__(self) -> None:
        self.language: str | None = None
        self.creator: str | None = None

    def set(self, language: str | None, creator: str | None) -> None:
        self.language, self.creator = language, creator

    def extend_rss(self, item: Any) -> Any:
        if self.creator:
            xml_elem(f"{{{DC_NAMESPACE}}}creator", item).text = self.creator
        if self.language:
            xml_elem(f"{{{DC_NAMESPACE}}}language", item).text = self.language
        return item

    def extend_atom(self, entry: Any) -> Any:
        if self.language:
            entry.attrib[XML_LANG] = self.language
        return entry


def in_oslo(value: date | datetime) -> datetime:
    """A date as midnight in Oslo; a date-time without an offset as Oslo time."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(0), tzinfo=OSLO)
    return value if value.tzinfo else value.replace(tzinfo=OSLO)
