"""Feeds, the NAV export, «Følg oss» and robots.txt in the built example site."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
from jsonschema import Draft202012Validator

from generator.render.nav_export import NAV_SCHEMA
from tests.sources import open_example_jobs, soup


def test_every_feed_file_parses_and_is_linked_from_the_follow_page(example_site: Path) -> None:
    follow = soup(example_site / "folg-oss" / "index.html")
    linked = {
        (example_site / "folg-oss" / a["href"]).resolve()
        for a in follow.select(".careers-feed-list a")
    }
    files = set((example_site / "feeds").iterdir())
    assert {path.resolve() for path in files} == linked
    for path in files:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path.name, parsed.get("bozo_exception"))
    jobs = feedparser.parse((example_site / "feeds" / "stillinger.xml").read_bytes())
    assert [entry.link.rstrip("/").split("/")[-1] for entry in jobs.entries] == list(
        open_example_jobs()
    )


def test_list_pages_announce_their_feeds(example_site: Path) -> None:
    for page, feed in [
        ("stillinger", "feeds/stillinger.xml"),
        ("stillinger/yrke/sykepleier", "feeds/stillinger-yrke-sykepleier.xml"),
        ("stillinger/bydel/sentrum", "feeds/stillinger-bydel-sentrum.xml"),
        ("historier", "feeds/historier.xml"),
        ("arrangementer", "feeds/arrangementer.xml"),
    ]:
        html = soup(example_site / page / "index.html")
        links = html.select('link[rel="alternate"][type="application/rss+xml"]')
        targets = {(example_site / page / link["href"]).resolve() for link in links}
        assert (example_site / feed).resolve() in targets, page


def test_the_nav_export_file_validates(example_site: Path) -> None:
    ads = json.loads((example_site / "eksport" / "arbeidsplassen.json").read_text(encoding="utf-8"))
    schema = json.loads(Path(NAV_SCHEMA).read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(ads)) == []
    assert [ad["reference"] for ad in ads] == list(open_example_jobs())


def test_robots_txt_names_the_sitemap_and_hides_staff_pages(example_site: Path) -> None:
    robots = (example_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "Sitemap: https://karriere.fjordvik.kommune.no/sitemap.xml" in robots
    assert "Disallow: /retningslinjer/" in robots
    assert "Disallow: /" not in robots
