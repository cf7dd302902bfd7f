"""Feeds, the NAV export, «Følg oss» and robots.txt in the built example site."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
from jsonschema import Draft202012Validator

from generator.pipeline import read_site
from generator.render.nav_export import NAV_SCHEMA, STREAM_FILE
from tests.conftest import REPO
from tests.sources import TODAY, open_example_jobs, soup


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


def test_the_nav_export_files_validate(example_site: Path) -> None:
    """Batches of at most 100 ads for the batch endpoint, and the same ads as one stream."""
    schema = json.loads(Path(NAV_SCHEMA).read_text(encoding="utf-8"))
    batch_validator = Draft202012Validator(
        schema, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    ad_validator = Draft202012Validator(
        {"$schema": schema["$schema"], "$ref": "#/$defs/ad", "$defs": schema["$defs"]},
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    folder = example_site / "eksport"
    # One array however many ads are open was the fault: it is gone for the numbered batches.
    assert not (folder / "arbeidsplassen.json").exists()
    batches = sorted(
        folder.glob("arbeidsplassen-*.json"), key=lambda path: int(path.stem.rsplit("-", 1)[1])
    )
    assert [path.name for path in batches] == [
        f"arbeidsplassen-{number}.json" for number in range(1, len(batches) + 1)
    ]
    ads = []
    for path in batches:
        batch = json.loads(path.read_text(encoding="utf-8"))
        assert list(batch_validator.iter_errors(batch)) == [], path.name
        ads += batch
    stream = (folder / STREAM_FILE).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in stream] == ads
    for ad in ads:
        assert list(ad_validator.iter_errors(ad)) == [], ad["reference"]
    site, _diagnostics = read_site(REPO, TODAY)
    assert site is not None
    assert [ad["reference"] for ad in ads] == [job.slug for job in site.open_jobs]


def test_robots_txt_names_the_sitemap_and_hides_staff_pages(example_site: Path) -> None:
    robots = (example_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "Sitemap: https://karriere.fjordvik.kommune.no/sitemap.xml" in robots
    assert "Disallow: /retningslinjer/" in robots
    assert "Disallow: /" not in robots
