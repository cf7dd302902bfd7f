"""Stories, placements and events in built sites: consent edges, published photos, filter
pages, the capacity figure, calendars (parsed with icalendar), QR codes and structured data."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import icalendar
import segno
import yaml
from PIL import Image

from generator.render.qr import event_qr_url, qr_svg
from tests.conftest import REPO, run_careers
from tests.sources import TODAY, front_matter, open_example_jobs, soup, units_of

BASE = "https://karriere.fjordvik.kommune.no/"
STORY = """\
---
title: Historie {slug}
published: 2026-11-01
person: {{name: Ola Nordmann, profession: sykepleier, unit: solbakken}}
quote: Her lærer jeg noe nytt hver dag.
photo: assets/{slug}.jpg
photo_alt: Ola smiler i døra på Solbakken.
consent: {consent}
---

Jeg begynte her som student.
"""


def photo_with_secrets() -> bytes:
    """A JPEG as phones make them: GPS position, camera serial, rotated by an EXIF tag."""
    image = Image.new("RGB", (1600, 1200), (200, 120, 60))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0xA431] = "SERIAL-123456"  # BodySerialNumber
    exif.get_ifd(0x8825)[2] = (63.0, 25.0, 0.0)  # GPSLatitude
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def build(source: Path, out: Path, today: str) -> None:
    result = run_careers("build", "--site", str(source), "--out", str(out), "--today", today)
    assert result.exit_code == 0, result.output


def test_consent_window_edges(make_site: Callable[..., Path], tmp_path: Path) -> None:
    today = "2026-11-20"
    consents = {
        "gitt-i-dag": "{given: 2026-11-20, expires: 2027-11-20}",
        "utloper-i-dag": "{given: 2025-11-20, expires: 2026-11-20}",
        "utlopt-i-gar": "{given: 2025-11-19, expires: 2026-11-19}",
        "gitt-i-morgen": "{given: 2026-11-21, expires: 2027-11-21}",
        "mangler": "null",
    }
    files: dict[str, str | bytes | None] = {}
    for slug, consent in consents.items():
        files[f"content/stories/{slug}.md"] = STORY.format(slug=slug, consent=consent)
        files[f"assets/{slug}.jpg"] = photo_with_secrets()
    out = tmp_path / "out"
    build(make_site(files), out, today)
    published = {path.parent.name for path in (out / "historier").glob("*/index.html")}
    assert {"gitt-i-dag", "utloper-i-dag"} <= published
    assert not published & {"utlopt-i-gar", "gitt-i-morgen", "mangler"}
    photos = {path.name.split("-")[0] for path in (out / "assets/images").rglob("*.jpg")}
    assert photos == {"gitt", "utloper"}, "photos of unpublished stories stay out"
    search = (out / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "utlopt-i-gar" not in search and "mangler" not in search
    check = run_careers("check", "--site", str(make_site(files, name="again")), "--today", today)
    assert "utlopt-i-gar.md" in check.output and "mangler.md" in check.output


def test_published_photos_carry_no_metadata_and_match_their_srcset(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    files: dict[str, str | bytes | None] = {
        "content/stories/ola.md": STORY.format(
            slug="ola", consent="{given: 2026-01-01, expires: 2027-12-31}"
        ),
        "assets/ola.jpg": photo_with_secrets(),
    }
    out = tmp_path / "out"
    build(make_site(files), out, "2026-11-20")
    page = out / "historier" / "ola" / "index.html"
    picture = soup(page).select_one("picture")
    candidates = []
    for tag in [*picture.select("source"), picture.img]:
        for candidate in tag["srcset"].split(", "):
            url, width = candidate.split()
            candidates.append(((page.parent / url).resolve(), int(width[:-1])))
    assert len(candidates) >= 6
    for path, width in candidates:
        with Image.open(path) as image:
            assert image.width == width
            assert image.height > image.width, "the EXIF orientation was applied"
            assert not image.getexif(), path
            assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp"} & set(image.info)
            assert b"SERIAL-123456" not in path.read_bytes()
    img = picture.img
    assert (int(img["width"]), int(img["height"])) == (1200, 1600)
    assert img["alt"] == "Ola smiler i døra på Solbakken."
    assert not (out / "assets" / "ola.jpg").exists(), "the original is never published"


def test_story_and_placement_filter_pages(example_site: Path) -> None:
    stories = {path.stem: front_matter(path) for path in (REPO / "content/stories").glob("*.md")}
    nurses = soup(example_site / "historier" / "yrke" / "sykepleier" / "index.html")
    listed = {a["href"].rstrip("/").split("/")[-1] for a in nurses.select(".careers-story-card a")}
    expected = {
        slug
        for slug, meta in stories.items()
        if meta["person"]["profession"] == "sykepleier"
        and date.fromisoformat(str(meta["consent"]["expires"])) >= TODAY
    }
    assert listed == expected and listed
    placements = [front_matter(path) for path in (REPO / "content/placements").glob("*.md")]
    totals: dict[str, int] = {}
    for placement in placements:
        for program in placement["programs"]:
            education = program["education"]
            totals[education] = totals.get(education, 0) + program["capacity_per_year"]
    page = soup(example_site / "praksisplasser" / "index.html")
    rows = {
        row.th.get_text(strip=True): int(row.td.get_text(strip=True))
        for row in page.select(".careers-capacity tbody tr")
    }
    assert rows == totals
    total = page.select_one(".careers-capacity tfoot td").get_text(strip=True)
    assert int(total) == sum(totals.values())
    assert page.select(".careers-list-filters a")


def events() -> dict[str, dict]:
    return {path.stem: front_matter(path) for path in (REPO / "content/events").glob("*.md")}


def is_upcoming(meta: dict) -> bool:
    return str(meta["end"])[:10] >= TODAY.isoformat()


def test_past_events_are_only_in_the_archive(example_site: Path) -> None:
    page = soup(example_site / "arrangementer" / "index.html")
    lists = page.select("ul.careers-cards")
    upcoming = {a["href"].rstrip("/").split("/")[-1] for a in lists[0].select("a")}
    past = {a["href"].rstrip("/").split("/")[-1] for a in page.select(".careers-cards--past a")}
    assert upcoming == {slug for slug, meta in events().items() if is_upcoming(meta)}
    assert past == {slug for slug, meta in events().items() if not is_upcoming(meta)} and past
    feed = icalendar.Calendar.from_ical((example_site / "arrangementer/kalender.ics").read_bytes())
    uids = {str(event["UID"]).split("@")[0] for event in feed.walk("VEVENT")}
    assert uids == upcoming


def test_every_event_calendar_parses_with_local_times(example_site: Path) -> None:
    for slug, meta in events().items():
        data = (example_site / "arrangementer" / "ics" / f"{slug}.ics").read_bytes()
        calendar = icalendar.Calendar.from_ical(data)
        (event,) = calendar.walk("VEVENT")
        assert str(event["UID"]) == f"{slug}@karriere.fjordvik.kommune.no"
        start = event["DTSTART"].dt
        assert str(start.tzinfo) == "Europe/Oslo"
        assert start.strftime("%Y-%m-%dT%H:%M") == str(meta["start"]).replace(" ", "T")[:16]
        assert b"TZID=Europe/Oslo" in data and b"BEGIN:VTIMEZONE" in data
        assert str(event["URL"]) == f"{BASE}arrangementer/{slug}/"
        page = soup(example_site / "arrangementer" / slug / "index.html")
        if is_upcoming(meta):
            link = page.find("a", string=re.compile("Legg til i kalender"))
            assert link["href"] == f"../ics/{slug}.ics"


def test_uids_are_stable_and_sequence_rises_when_an_event_changes(tmp_path: Path) -> None:
    source = tmp_path / "site-src"
    for name in ["content", "data", "assets", "site_config.yml"]:
        copy = (
            __import__("shutil").copytree if (REPO / name).is_dir() else __import__("shutil").copy2
        )
        copy(REPO / name, source / name)
    out = tmp_path / "out"
    slug = "utdanningsmessa-2026"

    def calendar() -> icalendar.Event:
        data = (out / "arrangementer" / "ics" / f"{slug}.ics").read_bytes()
        return icalendar.Calendar.from_ical(data).walk("VEVENT")[0]

    build(source, out, "2026-11-23")
    first = calendar()
    build(source, out, "2026-11-23")
    second = calendar()
    assert (
        (first["UID"], first["SEQUENCE"])
        == (second["UID"], second["SEQUENCE"])
        == (
            first["UID"],
            0,
        )
    )
    path = source / "content" / "events" / f"{slug}.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: Endret ", 1))
    build(source, out, "2026-11-23")
    changed = calendar()
    assert changed["UID"] == first["UID"] and changed["SEQUENCE"] == 1
    ledger = json.loads((out / ".careers-calendar.json").read_text(encoding="utf-8"))
    assert ledger


def test_public_events_get_event_data_and_school_visits_none(example_site: Path) -> None:
    for slug, meta in events().items():
        page = soup(example_site / "arrangementer" / slug / "index.html")
        scripts = page.select('script[type="application/ld+json"]')
        if meta.get("public", True) and is_upcoming(meta):
            (script,) = scripts
            data = json.loads(script.string)
            assert data["@type"] == "Event" and data["name"] == meta["title"]
            assert data["location"]["address"]["streetAddress"] == meta["venue"]["address"]
            assert re.search(r"[+-]\d\d:\d\d$", data["startDate"])
        else:
            assert scripts == [], slug


def test_the_print_page_carries_a_qr_code_for_the_event(example_site: Path) -> None:
    for slug in events():
        page = soup(example_site / "arrangementer" / slug / "utskrift" / "index.html")
        svg = page.select_one(".careers-qr__code svg")
        expected = event_qr_url(f"{BASE}arrangementer/{slug}/", slug)
        assert "utm_source=qr" in expected and f"utm_campaign={slug}" in expected
        # The page's symbol is exactly the one segno draws for the expected address.
        assert str(svg) == str(soup_fragment(qr_svg(expected)))
        assert segno.make(expected, error="m").designator
        assert page.select_one('meta[name="robots"]')["content"] == "noindex"


def soup_fragment(svg: str):  # type: ignore[no-untyped-def]
    from bs4 import BeautifulSoup

    return BeautifulSoup(svg, "lxml").svg


def test_placement_pages_show_unit_jobs_and_recruitment_positions(example_site: Path) -> None:
    open_jobs = open_example_jobs()
    for path in (REPO / "content/placements").glob("*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        page = soup(example_site / "praksisplasser" / path.stem / "index.html")
        section = page.select_one('section[aria-labelledby="placement-jobs"]')
        listed = (
            [a["href"].rstrip("/").split("/")[-1] for a in section.select(".careers-card__title a")]
            if section
            else []
        )
        # An ad for several workplaces is open at each of them.
        unit_jobs = {s for s, m in open_jobs.items() if meta["unit"] in units_of(m)}
        assert sorted(listed) == sorted(unit_jobs)
        recruitment = page.select_one('section[aria-labelledby="placement-recruitment"]')
        # A recruitment position anywhere: the ad's own type, or one of its openings'.
        expected = {
            s
            for s, m in open_jobs.items()
            if "rekrutteringsstilling"
            in [
                m.get("employment_type"),
                *(o.get("employment_type") for o in m.get("openings", [])),
            ]
            and s not in unit_jobs
        }
        shown = (
            {
                a["href"].rstrip("/").split("/")[-1]
                for a in recruitment.select(".careers-card__title a")
            }
            if recruitment
            else set()
        )
        assert shown == expected


def test_a_story_photo_needs_alt_text(make_site: Callable[..., Path]) -> None:
    story = STORY.format(slug="ola", consent="{given: 2026-01-01, expires: 2027-12-31}")
    files: dict[str, str | bytes | None] = {
        "content/stories/ola.md": story.replace("photo_alt: Ola smiler i døra på Solbakken.\n", ""),
        "assets/ola.jpg": photo_with_secrets(),
    }
    result = run_careers("check", "--site", str(make_site(files)), "--today", "2026-11-20")
    assert result.exit_code == 1
    assert "content/stories/ola.md:6: photo: bildet mangler alternativ tekst" in result.output


def test_a_photo_pillow_cannot_read_is_reported(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    files: dict[str, str | bytes | None] = {
        "content/stories/ola.md": STORY.format(
            slug="ola", consent="{given: 2026-01-01, expires: 2027-12-31}"
        ),
        "assets/ola.jpg": b"not a photo at all",
    }
    out = tmp_path / "out"
    result = run_careers("build", "--site", str(make_site(files)), "--out", str(out))
    assert result.exit_code == 1 and not out.exists()
    assert "content/stories/ola.md:6: photo: «assets/ola.jpg» er ikke et bilde" in result.output
    assert "Intern feil" not in result.output
