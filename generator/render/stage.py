"""Stage 4a, render: write the staging folder the static-site engine builds from.

The staging folder holds plain Markdown pages whose front matter carries the data their
template needs, a merged theme folder (our templates plus the site's own overrides) and a
generated ``mkdocs.yml``. Nothing here depends on a custom MkDocs plugin, so any engine that
reads ``mkdocs.yml`` and Jinja-style templates can build it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import jinja2
import yaml

from generator.guidelines import RULES
from generator.language import Language, sort_key
from generator.models import Job, Placement, Story, Unit
from generator.models.document import MarkdownDocument
from generator.models.fields import OSLO
from generator.render.calendar import (
    SequenceLedger,
    content_fingerprint,
    event_calendar,
    event_uid,
    events_calendar,
)
from generator.render.engine_config import PythonCall, engine_config
from generator.render.feeds import atom, rss, site_feeds
from generator.render.guideline_views import GuidelineViews
from generator.render.images import PHOTO_CACHE, ImageProcessor, ProcessedImage
from generator.render.list_filters import ListFacet, list_filter_navigation, list_filter_pages
from generator.render.nav_export import export_files, nav_export
from generator.render.qr import event_qr_url, qr_svg
from generator.render.social_images import CardContent, SocialImageRenderer
from generator.render.social_texts import (
    event_texts,
    job_card_detail,
    job_texts,
    story_texts,
    text_language,
)
from generator.render.views import Views
from generator.site import Site

# Under the site folder, beside the photo cache: the social-media cards by content hash.
SOCIAL_CACHE = Path(".careers-cache") / "social"
# Lists and generated pages use the whole width: no navigation sidebar, no table of contents.
FULL_WIDTH = ["navigation", "toc"]

# The product's own templates: the embedded default site's overrides/ folder, copied into the
# package when it is built as a wheel (see setup.py), read in place in a checkout.
PACKAGED_OVERRIDES = Path(__file__).resolve().parents[1] / "embedded" / "overrides"
CHECKOUT_OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"
EMBEDDED_OVERRIDES = PACKAGED_OVERRIDES if PACKAGED_OVERRIDES.is_dir() else CHECKOUT_OVERRIDES


def stage_site(
    site: Site,
    staging: Path,
    ledger: SequenceLedger | None = None,
    photos: dict[str, ProcessedImage] | None = None,
    reporter_done: Callable[[str], None] | None = None,
) -> Path:
    """Write docs/, theme/ and mkdocs.yml under ``staging``; return the config file.
    `ledger` holds the calendar sequences the previous build published (updated here);
    `photos` are the processed photos by their source path."""
    docs_dir = staging / "docs"
    theme_dir = staging / "theme"
    _merge_theme(site.site_dir / "overrides", theme_dir)
    stager = _Stager(site, docs_dir, theme_dir, ledger or SequenceLedger(), photos or {})
    stager.stage_all()
    if reporter_done is not None:
        reporter_done(
            f"Delingsbilder: {stager.social_cards_rendered} tegnet, "
            f"{stager.social_cards_reused} hentet fra hurtiglageret"
        )
    config_file = staging / "mkdocs.yml"
    config = engine_config(site, docs_dir, theme_dir, stager.nav, stager.views.job_cards())
    config_file.write_text(_dump_yaml(config), encoding="utf-8")
    return config_file


def _merge_theme(site_overrides: Path, theme_dir: Path) -> None:
    """Our templates first, then the site's own overrides on top of them."""
    shutil.copytree(EMBEDDED_OVERRIDES, theme_dir)
    if site_overrides.is_dir() and site_overrides.resolve() != EMBEDDED_OVERRIDES:
        shutil.copytree(site_overrides, theme_dir, dirs_exist_ok=True)


class _Dumper(yaml.SafeDumper):
    """Safe YAML plus the one Python call the engine config needs (see PythonCall)."""


_Dumper.add_representer(
    PythonCall,
    lambda dumper, call: dumper.represent_mapping(
        f"tag:yaml.org,2002:python/object/apply:{call.function}", {"kwds": call.keywords}
    ),
)


def _dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


# Front matter is plain data: libyaml's dumper writes it several times faster when present.
_PlainDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _dump_front_matter(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=100)


class _Stager:
    def __init__(
        self,
        site: Site,
        docs_dir: Path,
        theme_dir: Path,
        ledger: SequenceLedger,
        photos: dict[str, ProcessedImage],
    ) -> None:
        self.site = site
        self.ledger = ledger
        self.photos = photos
        # The feeds of each list page, by the page's folder («stillinger/yrke/sykepleier/»).
        self.feed_links: dict[str, list[dict[str, str]]] = {}
        self.follow_feeds: list[dict[str, str]] = []
        # Each item page's 1200×630 share card (og:image) and its alt text, by page folder.
        self.share_cards: dict[str, tuple[str, str]] = {}
        self.social_cards_rendered = self.social_cards_reused = 0
        self.job_bodies: dict[str, str] = {}
        self.docs_dir = docs_dir
        self.views = Views(site, photos)
        self.language: Language = self.views.language
        self.nav: list[dict[str, str]] = []
        self.markdown_templates = jinja2.Environment(
            loader=jinja2.FileSystemLoader(theme_dir / "pages"),
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # these templates produce Markdown, not HTML
        )

    def stage_all(self) -> None:
        self.stage_feeds()  # first: list pages link the feeds that belong to them
        self.stage_kits()  # and item pages show their share card
        self.stage_home()
        self.stage_jobs()
        self.stage_units()
        self.stage_stories()
        self.stage_placements()
        self.stage_events()
        self.stage_pages()
        self.stage_guidelines()
        self.stage_follow_page()
        self.stage_export()
        self.stage_robots()
        self.copy_assets()

    def job_markdown(self, job: Job) -> str:
        """An ad's Markdown as its page shows it: the body, then the site-wide ad footer
        (the page, the feeds and the NAV export all carry exactly this)."""
        if job.slug not in self.job_bodies:
            template = self.markdown_templates.get_template("job.md")
            site, footer = self.site, self.site.ad_footer_of(job)
            # Inside an ad in another language, the footer keeps the site's language.
            footer_lang = site.language if site.language_of(job) != site.language else ""
            self.job_bodies[job.slug] = template.render(
                body=job.body, ad_footer=footer, footer_lang=footer_lang
            )
        return self.job_bodies[job.slug]

    def write_page(self, relative: str, meta: dict[str, Any], body: str = "") -> None:
        folder = relative.removesuffix("index.md")
        if folder in self.feed_links:
            meta = {**meta, "alternates": self.feed_links[folder]}
        page = relative.removesuffix(".md") + "/"
        if page in self.share_cards:
            image, alt = self.share_cards[page]
            meta = {**meta, "image": image, "image_alt": alt}
        path = self.docs_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        front_matter = _dump_front_matter(meta)
        path.write_text(f"---\n{front_matter}---\n\n{body.strip()}\n", encoding="utf-8")

    def add_to_nav(self, title: str, relative: str) -> None:
        self.nav.append({title: relative})

    def stage_home(self) -> None:
        site, views, ui = self.site, self.views, self.language.ui
        open_jobs = site.open_jobs
        self.write_page(
            "index.md",
            {
                "template": "home.html",
                "title": site.config.name,
                "description": site.config.description,
                "hide": FULL_WIDTH,
                "home": {
                    "lead": site.config.description,
                    "open_jobs_count": self.language.count(
                        len(open_jobs), "open_jobs_count_one", "open_jobs_count_many"
                    ),
                    **views.home(),
                    "jobs_url": views.url("jobs"),
                    "stories": [views.story_card(story) for story in site.published_stories[:3]],
                    "stories_url": views.url("stories"),
                    "events": [views.event_card(event) for event in site.upcoming_events[:3]],
                    "events_url": views.url("events"),
                },
            },
        )
        self.add_to_nav(ui["home"], "index.md")

    def stage_list(self, section: str, title: str, template: str, data: dict[str, Any]) -> str:
        """A section's list page, in the navigation; returns the section's folder."""
        folder = self.language.path(section)
        meta = {
            "template": template,
            "title": title,
            "description": f"{title} – {self.site.config.organisation}",
            "hide": FULL_WIDTH,
            **data,
        }
        self.write_page(f"{folder}/index.md", meta)
        self.add_to_nav(title, f"{folder}/index.md")
        return folder

    def stage_detail(
        self,
        folder: str,
        item: MarkdownDocument | Unit,
        template: str,
        view: dict[str, Any],
        description: str,
        body: str = "",
        extra_meta: dict[str, Any] | None = None,
    ) -> None:
        """A generated detail page: out of the navigation, data for its template in `view`."""
        meta: dict[str, Any] = {
            "template": template,
            "title": view["title"],
            "description": description,
            "hide": FULL_WIDTH,
            template.removesuffix(".html"): view,
            **(extra_meta or {}),
        }
        slug = item.slug if isinstance(item, MarkdownDocument) else item.id
        self.write_page(f"{folder}/{slug}.md", meta, body)

    def stage_jobs(self) -> None:
        site, views = self.site, self.views
        listing = views.job_listing()
        folder = self.stage_list("jobs", listing["title"], "jobs.html", {"listing": listing})
        # The filter pages: findable by search engines when they have jobs (a page per
        # profession, district, …), never in the site's own search (they repeat the ads).
        for selection, page in views.filters.pages.items():
            listing = views.job_listing(page)
            robots = "noindex, follow" if len(selection) > 1 or page.is_empty else None
            meta: dict[str, Any] = {
                "template": "jobs.html",
                "title": listing["title"],
                "description": f"{listing['title']} – {site.config.organisation}",
                "hide": FULL_WIDTH,
                "search": {"exclude": True},
                "listing": listing,
            }
            if robots:
                meta["robots"] = robots
            self.write_page(views.filters.url(selection) + "index.md", meta)
        for job in site.jobs:
            view = views.job_page(job)
            # A closed ad's page shows a notice instead of the ad: without its body, no table of
            # contents points at headings the page no longer has.
            body = self.job_markdown(job) if view["is_open"] else ""
            # A closed ad keeps its page, so old links still lead somewhere, but leaves search
            # engines, the sitemap and the site's search.
            closed = {"robots": "noindex", "search": {"exclude": True}}
            extra_meta: dict[str, Any] = {} if view["is_open"] else closed
            if job.image in self.photos:
                shared = self.photos[job.image].fallback.path  # a JPEG every network reads
                extra_meta |= {"image": views.absolute_url(shared), "image_alt": job.image_alt}
            description = job.summary or job.title
            self.stage_detail(folder, job, "job.html", view, description, body, extra_meta)
        self.copy_employer_logos()

    def copy_employer_logos(self) -> None:
        """The logos job pages show for employers other than the site's own (whose logo is the
        site's, copied with the assets)."""
        site = self.site
        logos = {employer.logo for employer in site.employers_in_use if employer.logo}
        for relative in sorted(logos - {site.config.brand.logo}):
            target = self.docs_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site.site_dir / relative, target)

    def stage_units(self) -> None:
        site, views, ui = self.site, self.views, self.language.ui
        units = sorted(site.units.values(), key=lambda unit: sort_key(unit.name))
        districts = sorted({unit.district for unit in units}, key=sort_key)
        folder = self.stage_list(
            "units",
            ui["units"],
            "units.html",
            {
                "lead": ui["units_lead"],
                "districts": [
                    {
                        "name": district,
                        "title": ui["units_in_district"].format(district=district),
                        "units": [
                            views.unit_card(unit) for unit in units if unit.district == district
                        ],
                    }
                    for district in districts
                ],
            },
        )
        for unit in units:
            view = views.unit_page(unit)
            description = view["description"][0] if view["description"] else unit.name
            self.stage_detail(folder, unit, "unit.html", view, description)

    def stage_filtered_list(
        self,
        section: str,
        title: str,
        template: str,
        facets: Sequence[ListFacet[Any]],
        items: Sequence[Any],
        card: Callable[[Any], dict[str, Any]],
        data: dict[str, Any] | None = None,
    ) -> str:
        """A short list with a server-rendered page per filter value (stories by profession,
        placements by education, …); filter pages stay out of the search."""
        pages = list_filter_pages(facets, items)
        list_url = self.views.url(section)
        cards = {id(item): card(item) for item in items}
        folder = self.stage_list(
            section,
            title,
            template,
            {
                "items": [cards[id(item)] for item in items],
                "filters": list_filter_navigation(list_url, pages),
                "list_url": list_url,
                **(data or {}),
            },
        )
        for page in pages:
            page_title = f"{title}: {page.label}"
            meta = {
                "template": template,
                "title": page_title,
                "description": f"{page_title} – {self.site.config.organisation}",
                "hide": FULL_WIDTH,
                "search": {"exclude": True},
                "items": [cards[id(item)] for item in page.items],
                "filters": list_filter_navigation(list_url, pages, current=page),
                "list_url": list_url,
                "selected": page.label,
                **(data or {}),
            }
            self.write_page(f"{folder}/{page.folder}index.md", meta)
        return folder

    def stage_stories(self) -> None:
        site, views, ui = self.site, self.views, self.language.ui
        stories = site.published_stories
        facets: list[ListFacet[Story]] = [
            ListFacet(
                self.filter_path("profession"),
                ui["filter_profession"],
                lambda story: [views.profession_name(story.person.profession)],
            ),
            ListFacet(
                self.filter_path("unit"),
                ui["filter_unit"],
                lambda story: [views.unit(story.person.unit)["name"]],
            ),
        ]
        folder = self.stage_filtered_list(
            "stories", ui["stories"], "stories.html", facets, stories, views.story_card
        )
        for story in stories:
            view = views.story_card(story)
            view["jobs"] = [job.slug for job in views.unit_jobs(story.person.unit)]
            self.stage_detail(
                folder, story, "story.html", view, story.summary or story.quote, story.body
            )

    def stage_placements(self) -> None:
        site, views, ui = self.site, self.views, self.language.ui
        facets: list[ListFacet[Placement]] = [
            ListFacet(
                self.filter_path("education"),
                ui["filter_education"],
                lambda placement: [program.education for program in placement.programs],
            ),
            ListFacet(
                self.filter_path("institution"),
                ui["filter_institution"],
                lambda placement: [program.institution for program in placement.programs],
            ),
        ]
        capacity = views.placement_capacity()
        folder = self.stage_filtered_list(
            "placements",
            ui["placements"],
            "placements.html",
            facets,
            site.placements,
            views.placement_card,
            {
                "capacity": capacity,
                "capacity_total": sum(row["capacity"] for row in capacity),
            },
        )
        for placement in site.placements:
            view = views.placement_page(placement)
            description = placement.summary or placement.title
            self.stage_detail(
                folder, placement, "placement.html", view, description, placement.body
            )

    def stage_events(self) -> None:
        site, views, ui = self.site, self.views, self.language.ui
        folder = self.stage_list(
            "events",
            ui["events"],
            "events.html",
            {
                "upcoming": [views.event_card(event) for event in site.upcoming_events],
                "past": [views.event_card(event) for event in site.past_events],
                "calendar_url": views.calendar_feed_url(),
                "webcal_url": webcal(views.absolute_url(views.calendar_feed_url())),
            },
        )
        for event in site.events:
            view = views.event_page(event)
            description = event.summary or event.title
            page_url = views.absolute_url(views.url("events", event.slug))
            view["qr_svg"] = qr_svg(event_qr_url(page_url, event.slug))
            extra = {"event_data": data} if (data := views.event_data(event)) else {}
            self.stage_detail(folder, event, "event.html", view, description, event.body, extra)
            print_meta = {
                "template": "event-print.html",
                "title": f"{event.title} – {ui['print_version']}",
                "description": description,
                "hide": [*FULL_WIDTH, "footer"],
                "robots": "noindex",
                "search": {"exclude": True},
                "event": view,
            }
            self.write_page(f"{folder}/{event.slug}/{self.language.path('print')}.md", print_meta)
        self.stage_calendars(folder)

    def stage_calendars(self, folder: str) -> None:
        """An .ics file per event and a calendar of all upcoming events to subscribe to.
        SEQUENCE rises when an event changes: the ledger of the previous build says what the
        calendars published before (see `publish`, which carries it into the new site)."""
        site, views = self.site, self.views
        config = site.config
        stamp = datetime.combine(site.today, time(), tzinfo=UTC)
        sequences = {}
        for event in site.events:
            uid = event_uid(event, config)
            sequences[event.slug] = self.ledger.sequence_for(uid, content_fingerprint(event))
        urls = {
            event.slug: views.absolute_url(views.url("events", event.slug)) for event in site.events
        }
        for event in site.events:
            path = self.docs_dir / views.event_calendar_url(event)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(
                event_calendar(
                    event,
                    config=config,
                    url=urls[event.slug],
                    sequence=sequences[event.slug],
                    stamp=stamp,
                )
            )
        feed = events_calendar(
            site.upcoming_events,
            config=config,
            urls=urls,
            sequences=sequences,
            stamp=stamp,
        )
        (self.docs_dir / views.calendar_feed_url()).write_bytes(feed)

    def stage_feeds(self) -> None:
        """RSS and Atom feeds of the open jobs (all, per profession, per district, per
        employer on a regional site), the stories and the upcoming events, linked from the
        pages they belong to."""
        site, views = self.site, self.views
        base = site.config.base_url
        updated = datetime.combine(site.today, time(), tzinfo=OSLO)
        folder = self.language.path("feeds")
        for feed in site_feeds(site, views, self.job_markdown):
            links = {"rss": f"{folder}/{feed.slug}.xml", "atom": f"{folder}/{feed.slug}.atom"}
            for kind, write in (("rss", rss), ("atom", atom)):
                path = self.docs_dir / links[kind]
                path.parent.mkdir(parents=True, exist_ok=True)
                feed_url = views.absolute_url(links[kind])
                path.write_bytes(
                    write(feed, config=site.config, feed_url=feed_url, updated=updated)
                )
            # Added to, not replaced: an employer's feed falls back to the whole list's page
            # where the filters have no employer facet, and that page keeps its own feed.
            page = feed.page_url.removeprefix(base)
            self.feed_links.setdefault(page, []).extend(
                [
                    {"type": "application/rss+xml", "title": feed.title, "url": links["rss"]},
                    {"type": "application/atom+xml", "title": feed.title, "url": links["atom"]},
                ]
            )
            self.follow_feeds.append({"title": feed.title, **links})
        events = views.url("events")
        self.feed_links.setdefault(events, []).append(
            {
                "type": "text/calendar",
                "title": self.language.ui["subscribe_calendar"],
                "url": views.calendar_feed_url(),
            }
        )

    def stage_kits(self) -> None:
        """A social-media kit per open job, published story and upcoming event, for comms
        staff (out of the navigation, the search and search engines): cards in four sizes,
        drawn in parallel and cached, and a ready text per network."""
        site, views, ui = self.site, self.views, self.language.ui
        items: list[tuple[str, str, Any, Any, CardContent, str]] = []
        for job in site.open_jobs:
            # The card speaks as its post does (the ad's language) and names the employer.
            employer = site.employer_of(job)
            is_own = employer.id == site.own_employer.id
            content = CardContent(
                "job",
                job.title,
                job_card_detail(job, site),
                Language(text_language(site, job)).ui["kit_job"],
                employer.name,
                brand=is_own,
                logo=None if is_own else employer.logo,
            )
            items.append(("job", job.slug, job, job_texts, content, views.url("jobs", job.slug)))
        for story in site.published_stories:
            content = CardContent(
                "story", story.title, story.quote, ui["kit_story"], site.config.organisation
            )
            items.append(
                ("story", story.slug, story, story_texts, content, views.url("stories", story.slug))
            )
        for event in site.upcoming_events:
            card = views.event_card(event)
            detail = f"{card['when']} · {event.venue.name}"
            content = CardContent(
                "event", event.title, detail, ui["kit_event"], site.config.organisation
            )
            items.append(("event", event.slug, event, event_texts, content, card["url"]))
        renderer = SocialImageRenderer(
            site.site_dir / SOCIAL_CACHE, site.config.brand, site.site_dir
        )
        cards = renderer.render_many(
            [(f"{kind}-{slug}", content) for kind, slug, _, _, content, _ in items]
        )
        self.social_cards_rendered, self.social_cards_reused = renderer.rendered, renderer.reused
        folder = self.language.path("kits")
        kinds = {"job": ui["kit_job"], "story": ui["kit_story"], "event": ui["kit_event"]}
        index = []
        for kind, slug, item, texts_of, content, item_url in items:
            images = cards[f"{kind}-{slug}"]
            renderer.copy_into(images, self.docs_dir)
            link = next(image for image in images if image.spec.name == "link")
            self.share_cards[item_url] = (views.absolute_url(link.path), link.alt)
            texts = texts_of(item, site=site, views=views)
            kit_url = f"{folder}/{kind}-{slug}/"
            view = {
                "title": content.title,
                "kind": kinds[kind],
                "item_url": item_url,
                "index_url": f"{folder}/",
                "texts": [
                    {
                        "network": text.network,
                        "label": text.label,
                        "text": text.text,
                        "length": text.length,
                        "limit": text.limit,
                        "rows": min(14, text.text.count("\n") + 3),
                    }
                    for text in texts
                ],
                "images": [
                    {
                        "path": image.path,
                        "alt": image.alt,
                        "width": image.spec.width,
                        "height": image.spec.height,
                        "label": image.spec.name,
                    }
                    for image in images
                ],
            }
            meta = {
                "template": "kit.html",
                "title": f"{ui['kit']}: {content.title}",
                "hide": FULL_WIDTH,
                "robots": "noindex, nofollow",
                "search": {"exclude": True},
                "kit": view,
            }
            self.write_page(f"{kit_url}index.md", meta)
            index.append(
                (
                    kit_sort_key(kind, item, site.today),
                    {
                        "title": content.title,
                        "kind": kinds[kind],
                        "url": kit_url,
                        "thumbnail": link.path,
                        "note": kit_note(kind, item, views),
                    },
                )
            )
        index.sort(key=lambda entry: entry[0])
        self.write_page(
            f"{folder}/index.md",
            {
                "template": "kits.html",
                "title": ui["kits"],
                "hide": FULL_WIDTH,
                "robots": "noindex, nofollow",
                "search": {"exclude": True},
                "kits": [entry for _, entry in index],
            },
        )

    def stage_export(self) -> None:
        """The open jobs in the field structure of NAV's arbeidsplassen import API, so the ads
        can be moved to the national job board without retyping: batches of at most 100 ads
        (arbeidsplassen-1.json, -2.json, …) and the same ads as one stream (.jsonl)."""
        files = export_files(nav_export(self.site, self.views, self.job_markdown))
        folder = self.docs_dir / self.language.path("export")
        for name, text in files.items():
            folder.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")

    def stage_follow_page(self) -> None:
        """«Følg oss»: every feed and the calendar, in the menu, with plain instructions."""
        views, ui = self.views, self.language.ui
        self.stage_list(
            "follow",
            ui["follow"],
            "follow.html",
            {
                "feeds": self.follow_feeds,
                "calendar_url": views.calendar_feed_url(),
                "webcal_url": webcal(views.absolute_url(views.calendar_feed_url())),
            },
        )

    def stage_robots(self) -> None:
        """Search engines may read everything applicants see; the pages for comms staff are
        not for them (they say noindex too), and the sitemap lists only live pages."""
        hidden = [self.language.path("guidelines"), self.language.path("kits")]
        lines = ["User-agent: *", *(f"Disallow: /{path}/" for path in hidden)]
        lines.append(f"Sitemap: {self.site.config.base_url}sitemap.xml")
        (self.docs_dir / "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def filter_path(self, key: str) -> str:
        segment: str = self.language.strings["filter_paths"][key]
        return segment

    def stage_pages(self) -> None:
        for page in self.site.pages:
            meta: dict[str, Any] = {
                "title": page.title,
                "hide": ["navigation"],
                **self.views.page_meta(page),
            }
            if page.description:
                meta["description"] = page.description
            self.write_page(f"{page.slug}.md", meta, f"# {page.title}\n\n{page.body}")
        for page in self.site.menu_pages:
            self.add_to_nav(page.nav_title or page.title, f"{page.slug}.md")

    def stage_guidelines(self) -> None:
        """The report and a page per rule, for comms staff: out of the navigation, the search
        and search engines (the report names every ad's weak spots)."""
        views = GuidelineViews(self.site)
        ui = self.language.ui
        for_staff = {"robots": "noindex, nofollow", "search": {"exclude": True}, "hide": FULL_WIDTH}
        folder = self.language.path("guidelines")
        meta = {"template": "guidelines.html", "title": ui["guidelines_report"], **for_staff}
        self.write_page(f"{folder}/index.md", {**meta, "report": views.report()})
        body_template = self.markdown_templates.get_template("guideline.md")
        for code, rule in sorted(RULES.items()):
            view = views.rule_page(rule)
            body = body_template.render(ui=ui, doc=rule.doc, code=code)
            meta = {"template": "guideline.html", "title": view["title"], **for_staff}
            self.write_page(f"{folder}/{code.lower()}.md", {**meta, "guideline": view}, body)

    def copy_assets(self) -> None:
        """Copy only the files published content refers to, never the whole assets folder
        (a photo whose consent has expired must not be published by accident). Photos are
        published as their processed versions only: the originals may carry EXIF and GPS."""
        site = self.site
        paths = [site.config.brand.logo]
        paths += [placement.binder for placement in site.placements]
        for relative in sorted({path for path in paths if path}):
            target = self.docs_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site.site_dir / relative, target)
        processor = ImageProcessor(self.site.site_dir / PHOTO_CACHE)
        for processed in self.photos.values():
            processor.copy_into(processed, self.docs_dir)


def webcal(url: str) -> str:
    """The subscribe link calendar apps open directly: https://… as webcal://…"""
    return "webcal://" + url.split("://", 1)[1]


def kit_sort_key(kind: str, item: Any, today: date) -> tuple[int, str]:
    """Jobs closing within a week first (soonest first), then the newest of everything. A
    standing ad has no deadline to share before, so it is never among the first: it comes
    after them, by its publishing date like the rest."""
    days = item.days_left(on=today) if kind == "job" else None
    if days is not None and days <= 7:
        return (0, item.deadline_date.isoformat())
    when = item.start.date() if kind == "event" else item.published
    return (1, f"{99999999 - int(when.strftime('%Y%m%d')):08d}")


def kit_note(kind: str, item: Any, views: Views) -> str:
    """A job's deadline and the days left; for a standing ad «Fortløpende» and the last day
    it is listed, if there is one."""
    if kind == "job":
        language = views.language
        if item.is_standing:
            note = [language.ui["no_deadline"]]
            if item.visible_until:
                date_text = language.date(item.visible_until)
                note.append(language.ui["kit_visible_until"].format(date=date_text))
            return " – ".join(note)
        deadline: dict[str, Any] = views.deadline(item)
        return " – ".join(
            part for part in [deadline["text"], deadline.get("days_left_text", "")] if part
        )
    if kind == "event":
        when: str = views.event_card(item)["when"]
        return when
    published: str = views.story_card(item)["published"]
    return published
