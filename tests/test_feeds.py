"""RSS and Atom feeds of the example site, read back with feedparser (independent of feedgen).

Expected counts come straight from the source files (front matter and data/*.yml), not from the
site model the feeds are built from.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import feedparser
import pytest
import yaml

from generator.language import slugify
from generator.models.fields import OSLO
from generator.pipeline import read_site
from generator.render.feeds import Feed, FeedItem, atom, rss, site_feeds
from generator.render.markdown_html import markdown_html
from generator.render.views import Views
from generator.site import Site
from tests.conftest import REPO

TODAY = date(2026, 11, 23)
BUILD_TIME = datetime(2026, 11, 23, 6, 0, tzinfo=OSLO)
BASE_URL = "https://karriere.fjordvik.kommune.no/"


def feed_url(slug: str, extension: str) -> str:
    return f"{BASE_URL}feeds/{slug}.{extension}"


def write(site: Site, feed: Feed, extension: str) -> bytes:
    writer = rss if extension == "xml" else atom
    return writer(
        feed, config=site.config, feed_url=feed_url(feed.slug, extension), updated=BUILD_TIME
    )


def front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    matter: dict[str, Any] = yaml.safe_load(text.split("---\n")[1])
    return matter


def first_sentence(path: Path) -> str:
    """The first sentence of the body's first paragraph, whitespace collapsed."""
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    paragraph = next(p for p in body.split("\n\n") if p.strip() and not p.startswith("#"))
    match = re.match(r"(.+?[.?!])(\s|$)", " ".join(paragraph.split()))
    assert match, path
    return match.group(1)


def a_date(value: Any) -> date:
    """An ISO date, or one written the Norwegian way («08.12.2026»)."""
    text = str(value)
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", text):
        day, month, year = (int(part) for part in text.split("."))
        return date(year, month, day)
    return date.fromisoformat(text[:10])


def is_standing(job: dict[str, Any]) -> bool:
    return str(job.get("deadline", "")).lower() in {"fortløpende", "løpende", "snarest"}


def last_day(job: dict[str, Any]) -> date | None:
    """The deadline, or a standing ad's visible_until (None: listed without end)."""
    if is_standing(job):
        return a_date(job["visible_until"]) if job.get("visible_until") else None
    return a_date(job["deadline"]) if job.get("deadline") else None


def unit_ids(job: dict[str, Any]) -> list[str]:
    return list(job["units"]) if job.get("units") else [job["unit"]]


def profession_keys(job: dict[str, Any]) -> list[str]:
    return list(job["professions"]) if job.get("professions") else [job["profession"]]


@pytest.fixture(scope="module")
def site() -> Site:
    site, _diagnostics = read_site(REPO, TODAY)
    assert site is not None
    return site


@pytest.fixture(scope="module")
def feeds(site: Site) -> dict[str, Feed]:
    return {feed.slug: feed for feed in site_feeds(site, Views(site))}


@pytest.fixture(scope="module")
def parsed(site: Site, feeds: dict[str, Feed]) -> dict[tuple[str, str], Any]:
    """Every feed in both formats, parsed: {(slug, "xml" | "atom"): feedparser result}."""
    return {
        (slug, extension): feedparser.parse(write(site, feed, extension))
        for slug, feed in feeds.items()
        for extension in ("xml", "atom")
    }


@pytest.fixture(scope="module")
def source_jobs() -> dict[str, dict[str, Any]]:
    return {path.stem: front_matter(path) for path in sorted((REPO / "content/jobs").glob("*.md"))}


@pytest.fixture(scope="module")
def open_source_jobs(source_jobs: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {
        slug: job
        for slug, job in source_jobs.items()
        if (day := last_day(job)) is None or day >= TODAY
    }


@pytest.fixture(scope="module")
def units() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load((REPO / "data/units.yml").read_text(encoding="utf-8"))
    return {unit["id"]: unit for unit in data}


def test_every_feed_parses_without_errors_in_both_formats(
    parsed: dict[tuple[str, str], Any],
) -> None:
    assert len(parsed) >= 10
    for (slug, extension), result in parsed.items():
        assert not result.bozo, (slug, extension, result.get("bozo_exception"))
        assert result.version == ("rss20" if extension == "xml" else "atom10")
        assert result.feed.language == "nb"
        assert result.feed.title.endswith(" – Fjordvik kommune")


def test_job_feeds_hold_the_open_ads_all_per_profession_and_per_district(
    parsed: dict[tuple[str, str], Any],
    open_source_jobs: dict[str, dict[str, Any]],
    units: dict[str, dict[str, Any]],
) -> None:
    # An ad counts once in the feed of every profession, district and employer it names.
    jobs = open_source_jobs.values()
    by_profession = Counter(key for job in jobs for key in profession_keys(job))
    by_district = Counter(
        district for job in jobs for district in {units[u]["district"] for u in unit_ids(job)}
    )
    employer_of = {
        unit_id: unit.get("employer", "fjordvik-kommune") for unit_id, unit in units.items()
    }
    by_employer = Counter(employer_of[unit_ids(job)[0]] for job in jobs)
    expected = {"stillinger": len(open_source_jobs)}
    expected |= {f"stillinger-yrke-{key}": n for key, n in by_profession.items()}
    expected |= {f"stillinger-bydel-{slugify(name)}": n for name, n in by_district.items()}
    expected |= {f"stillinger-arbeidsgiver-{key}": n for key, n in by_employer.items()}
    job_feeds = {slug for slug, _ in parsed if slug.startswith("stillinger")}
    # A feed for every profession, district and employer with open ads, and none for others.
    assert job_feeds == set(expected)
    assert len(by_employer) == 2  # the municipality and the non-profit foundation
    for (slug, _extension), result in parsed.items():
        if slug in expected:
            assert len(result.entries) == expected[slug], slug
    assert parsed["stillinger-bydel-sentrum", "xml"].feed.title == (
        "Stillinger i Sentrum – Fjordvik kommune"
    )
    assert parsed["stillinger-yrke-sykepleier", "atom"].feed.link == (
        BASE_URL + "stillinger/yrke/sykepleier/"
    )


def test_expired_ads_and_stories_without_consent_never_appear(
    parsed: dict[tuple[str, str], Any], source_jobs: dict[str, dict[str, Any]]
) -> None:
    expired = {slug for slug, job in source_jobs.items() if (day := last_day(job)) and day < TODAY}
    assert len(expired) == 2
    stories = {path.stem: front_matter(path) for path in (REPO / "content/stories").glob("*.md")}
    consented = {
        slug
        for slug, story in stories.items()
        if story.get("consent")
        and a_date(story["consent"]["given"]) <= TODAY <= a_date(story["consent"]["expires"])
    }
    assert "randi" in stories and "randi" not in consented
    every_guid = {entry.id for result in parsed.values() for entry in result.entries}
    for slug in [*expired, "randi"]:
        assert not [guid for guid in every_guid if guid.rstrip("/").endswith("/" + slug)]
    for extension in ("xml", "atom"):
        entries = parsed["historier", extension].entries
        assert {entry.id for entry in entries} == {f"{BASE_URL}historier/{s}/" for s in consented}


def test_guids_are_the_canonical_urls_and_two_builds_are_byte_identical(
    site: Site, feeds: dict[str, Feed], parsed: dict[tuple[str, str], Any]
) -> None:
    for extension in ("xml", "atom"):
        for entry in parsed["stillinger", extension].entries:
            assert re.fullmatch(re.escape(BASE_URL) + r"stillinger/[a-z0-9-]+/", entry.id)
            assert entry.link == entry.id
    # feedparser does not report isPermaLink when the item also has a <link>: read the XML.
    guids = re.findall(rb'<guid isPermaLink="(\w+)">', write(site, feeds["stillinger"], "xml"))
    assert guids == [b"true"] * len(feeds["stillinger"].items)
    # A second, separate read of the site gives the same bytes.
    again, _ = read_site(REPO, TODAY)
    assert again is not None
    second = {feed.slug: feed for feed in site_feeds(again, Views(again))}
    assert list(second) == list(feeds)
    for slug, feed in feeds.items():
        for extension in ("xml", "atom"):
            assert write(again, second[slug], extension) == write(site, feed, extension), slug


def test_items_keep_the_site_order(
    feeds: dict[str, Feed], open_source_jobs: dict[str, dict[str, Any]]
) -> None:
    # By the last day listed: the deadline, or a standing ad's visible_until.
    last_days = [
        last_day(open_source_jobs[item.url.split("/")[-2]]) for item in feeds["stillinger"].items
    ]
    assert last_days == sorted(last_days, key=lambda day: day or date.max)
    published = [item.published for item in feeds["historier"].items]
    assert published == sorted(published, reverse=True)
    starts = [item.published for item in feeds["arrangementer"].items]
    assert starts == sorted(starts) and len(starts) == 4


def test_job_entries_have_categories_content_and_the_deadline(
    parsed: dict[tuple[str, str], Any],
    open_source_jobs: dict[str, dict[str, Any]],
    units: dict[str, dict[str, Any]],
) -> None:
    professions = yaml.safe_load((REPO / "data/professions.yml").read_text(encoding="utf-8"))
    profession_names = {profession["key"]: profession["name"] for profession in professions}
    for extension in ("xml", "atom"):
        for entry in parsed["stillinger", extension].entries:
            slug = entry.id.split("/")[-2]
            job = open_source_jobs[slug]
            named = [units[unit_id] for unit_id in unit_ids(job)]
            terms = [tag.term for tag in entry.tags]
            assert terms == [
                *(profession_names[key] for key in profession_keys(job)),
                *(unit["name"] for unit in named),
                *dict.fromkeys(unit["district"] for unit in named),
            ]
            content = entry.content[0]
            assert content.type == "text/html"
            assert "<p>" in content.value
            text = " ".join(content.value.split())
            assert first_sentence(REPO / f"content/jobs/{slug}.md") in text, slug
            # The employer's ad footer follows the ad: the site's, or the foundation's own.
            footer = "ingen offentlig søkerliste" if "lysheim" in slug else "Offentlig søkerliste"
            assert footer in text, slug
    entry = next(
        entry
        for entry in parsed["stillinger", "xml"].entries
        if entry.id.endswith("/sykepleier-natt-solbakken/")
    )
    assert entry.summary.endswith("Søknadsfrist 8. desember 2026.")


def test_story_and_event_entries_have_their_categories(
    parsed: dict[tuple[str, str], Any],
) -> None:
    ida = next(e for e in parsed["historier", "atom"].entries if e.id.endswith("/ida/"))
    assert [tag.term for tag in ida.tags] == ["Helsefagarbeider", "Fjordvik helsehus"]
    for entry in parsed["arrangementer", "xml"].entries:
        assert len(entry.tags) == 1
        assert entry.tags[0].term in {"Skolebesøk", "Utdanningsmesse", "Karrieredag", "Åpen dag"}


def test_dates_carry_the_oslo_offset(parsed: dict[tuple[str, str], Any]) -> None:
    for (slug, extension), result in parsed.items():
        raw = [result.feed.updated, *(entry.published for entry in result.entries)]
        for value in raw:
            stamp = (
                parsedate_to_datetime(value)
                if extension == "xml"
                else datetime.fromisoformat(value)
            )
            assert stamp.utcoffset() in {timedelta(hours=1), timedelta(hours=2)}, (slug, value)
    solbakken = next(
        entry
        for entry in parsed["stillinger", "atom"].entries
        if entry.id.endswith("/sykepleier-natt-solbakken/")
    )
    assert solbakken.published == "2026-11-16T00:00:00+01:00"  # midnight in Oslo, winter time
    assert parsed["stillinger", "xml"].feed.updated == "Mon, 23 Nov 2026 06:00:00 +0100"


def test_an_image_becomes_an_enclosure(site: Site, feeds: dict[str, Feed]) -> None:
    item = dataclasses.replace(
        feeds["historier"].items[0], image_url=BASE_URL + "assets/stories/ida.jpg"
    )
    feed = dataclasses.replace(feeds["historier"], items=(item,))
    for extension in ("xml", "atom"):
        entry = feedparser.parse(write(site, feed, extension)).entries[0]
        assert [(e.href, e.type) for e in entry.enclosures] == [
            (BASE_URL + "assets/stories/ida.jpg", "image/jpeg")
        ]
        assert entry.link == item.url  # the enclosure is not mistaken for the page


def test_feeds_speak_the_site_language(site: Site) -> None:
    english = dataclasses.replace(site, config=site.config.model_copy(update={"language": "en"}))
    feeds = site_feeds(english, Views(english))
    assert [feed.title for feed in feeds][:2] == [
        "Open positions – Fjordvik kommune",
        "Positions for registered nurse – Fjordvik kommune",
    ]
    result = feedparser.parse(write(english, feeds[0], "xml"))
    assert result.feed.language == "en"
    assert result.entries[0].summary.endswith(" 24 November 2026.")


def test_markdown_html_makes_relative_links_absolute() -> None:
    body = (
        "Les [om oss](../../om-oss/) og [søk her](https://example.no/søk).\n\n"
        "![Foto](bilde.jpg)\n\n"
        '<div class="boks" markdown>\n\n[Kontakt](mailto:post@fjordvik.no)\n\n</div>\n\n'
        "## Vi søker\n"
    )
    html = markdown_html(body, base_url=BASE_URL + "stillinger/jobb/")
    assert f'href="{BASE_URL}om-oss/"' in html
    assert 'href="https://example.no/søk"' in html
    assert f'src="{BASE_URL}stillinger/jobb/bilde.jpg"' in html
    assert 'href="mailto:post@fjordvik.no"' in html
    assert '<h2 id="vi-søker">' in html
    assert markdown_html("[a](b/)") == '<p><a href="b/">a</a></p>'


def test_a_feed_without_items_is_still_valid(site: Site) -> None:
    feed = Feed(
        slug="tom",
        title="Ingenting – Fjordvik kommune",
        description="Tom",
        page_url=BASE_URL,
        items=(),
    )
    for extension in ("xml", "atom"):
        result = feedparser.parse(write(site, feed, extension))
        assert not result.bozo and result.entries == []


def test_a_date_time_item_keeps_its_time(site: Site) -> None:
    item = FeedItem(
        guid=BASE_URL + "x/",
        title="X",
        url=BASE_URL + "x/",
        summary="X.",
        content_html="<p>X.</p>",
        published=datetime(2027, 6, 1, 9, 30),
        categories=(),
    )
    feed = Feed(slug="x", title="X", description="X", page_url=BASE_URL, items=(item,))
    entry = feedparser.parse(write(site, feed, "atom")).entries[0]
    assert entry.published == "2027-06-01T09:30:00+02:00"
