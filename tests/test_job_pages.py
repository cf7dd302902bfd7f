"""Job pages and unit pages of the built example site: structured data, meta tags, facts,
sharing, «more from this workplace», expiry. Expected values come from the source files."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse
from zoneinfo import ZoneInfo

import yaml
from bs4 import BeautifulSoup

from tests.conftest import REPO
from tests.sources import (
    TODAY,
    deadline_of,
    example_jobs,
    example_units,
    front_matter,
    last_listed_day,
    listed_job_slugs,
    open_example_jobs,
    professions_of,
    soup,
    units_of,
)

BASE = "https://karriere.fjordvik.kommune.no/"
EMPLOYMENT_TYPES = {
    "FULL_TIME",
    "PART_TIME",
    "TEMPORARY",
    "INTERN",
    "OTHER",
    "CONTRACTOR",
    "PER_DIEM",
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The site's own organisation, employer of every unit that names no other.
OWN_EMPLOYER = {"name": "Fjordvik kommune", "website": BASE, "logo": "assets/logo.svg"}


def job_page(site: Path, slug: str) -> BeautifulSoup:
    return soup(site / "stillinger" / slug / "index.html")


def json_ld(html: BeautifulSoup) -> list[dict]:
    return [
        json.loads(script.string) for script in html.select('script[type="application/ld+json"]')
    ]


def closed_example_jobs() -> dict[str, dict]:
    return {slug: meta for slug, meta in example_jobs().items() if slug not in open_example_jobs()}


def example_employer(meta: dict) -> dict:
    """The employer of an ad's units in data/employers.yml, else the site's organisation."""
    path = REPO / "data" / "employers.yml"
    employers = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
    by_id = {employer["id"]: employer for employer in employers or []}
    unit = example_units()[units_of(meta)[0]]
    return by_id.get(unit.get("employer", ""), OWN_EMPLOYER)


def test_every_open_job_page_has_a_valid_job_posting(example_site: Path) -> None:
    units = example_units()
    for slug, meta in open_example_jobs().items():
        employer = example_employer(meta)
        html = job_page(example_site, slug)
        (posting,) = json_ld(html)
        assert posting["@context"] == "https://schema.org"
        assert posting["@type"] == "JobPosting"
        assert posting["title"] == meta["title"] == html.find("h1").get_text(strip=True)
        # The description is the ad as HTML, with the site-wide ad footer.
        description = BeautifulSoup(posting["description"], "lxml")
        assert description.find("p") is not None
        first_words = " ".join(meta_body(slug).split()[:6])
        assert first_words in " ".join(description.get_text().split())
        # The municipality's footer promises a public applicant list; a foundation's does not.
        public_list = "Offentlig søkerliste" in description.get_text()
        assert public_list == (employer is OWN_EMPLOYER), slug
        assert posting["datePosted"] == str(meta["published"])
        assert ISO_DATE.match(posting["datePosted"])
        last_day = last_listed_day(meta)
        assert ("validThrough" in posting) == (last_day is not None), slug
        if last_day is not None:
            valid_through = datetime.fromisoformat(posting["validThrough"])
            oslo = datetime.combine(last_day, datetime.max.time())
            oslo = oslo.replace(microsecond=0, tzinfo=ZoneInfo("Europe/Oslo"))
            assert valid_through == oslo and valid_through.utcoffset() == oslo.utcoffset()
            assert re.search(r"T23:59:59\+0[12]:00$", posting["validThrough"])
        assert posting["employmentType"] and set(posting["employmentType"]) <= EMPLOYMENT_TYPES
        organisation = posting["hiringOrganization"]
        assert organisation["@type"] == "Organization"
        assert organisation["name"] == employer["name"]
        assert organisation["sameAs"] == employer["website"]
        assert organisation["logo"] == BASE + employer["logo"]
        locations = posting["jobLocation"]
        locations = locations if isinstance(locations, list) else [locations]
        assert [place["@type"] for place in locations] == ["Place"] * len(units_of(meta))
        for place, unit_id in zip(locations, units_of(meta), strict=True):
            unit = units[unit_id]
            assert place["address"] == {
                "@type": "PostalAddress",
                "streetAddress": unit["address"],
                "postalCode": unit["postcode"],
                "addressLocality": unit["city"],
                "addressCountry": "NO",
            }
        assert posting["directApply"] is False
        assert posting["url"] == f"{BASE}stillinger/{slug}/"
        if "reference" in meta:
            assert posting["identifier"] == {
                "@type": "PropertyValue",
                "name": employer["name"],
                "value": meta["reference"],
            }
        names_a_figure = re.search(r"kr \d", meta.get("salary", ""))
        assert ("baseSalary" in posting) == bool(names_a_figure), slug
        if names_a_figure:
            salary = posting["baseSalary"]
            assert salary["@type"] == "MonetaryAmount" and salary["currency"] == "NOK"
            amount = salary["value"]
            assert amount["@type"] == "QuantitativeValue"
            assert amount["unitText"] in {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}
            figure = amount.get("value") or amount.get("minValue")
            assert isinstance(figure, int | float) and figure > 0


def meta_body(slug: str) -> str:
    text = (REPO / "content" / "jobs" / f"{slug}.md").read_text(encoding="utf-8")
    return text.split("---\n", 2)[2]


def test_employment_types_follow_position_size_and_employment(example_site: Path) -> None:
    types = {
        slug: json_ld(job_page(example_site, slug))[0]["employmentType"]
        for slug in open_example_jobs()
    }
    assert types["sykepleier-natt-solbakken"] == ["FULL_TIME"]
    assert types["aktivitor-kvernhusvika"] == ["PART_TIME"]
    assert types["fysioterapeut-vikariat-rehabilitering"] == ["FULL_TIME", "TEMPORARY"]
    assert types["helsefagarbeidere-hjemmetjenesten-sentrum"] == ["FULL_TIME", "PART_TIME"]
    assert types["laerling-helsearbeiderfaget-2027"] == ["FULL_TIME", "INTERN"]


def test_open_job_pages_have_meta_description_canonical_and_share_cards(
    example_site: Path,
) -> None:
    for slug, meta in open_example_jobs().items():
        html = job_page(example_site, slug)
        url = f"{BASE}stillinger/{slug}/"

        def content(selector: str, html: BeautifulSoup = html, slug: str = slug) -> str:
            tag = html.select_one(selector)
            assert tag is not None, (slug, selector)
            return tag["content"]

        assert html.select_one('link[rel="canonical"]')["href"] == url
        assert content('meta[name="description"]') == meta["summary"]
        assert content('meta[property="og:title"]') == meta["title"]
        assert content('meta[property="og:description"]') == meta["summary"]
        assert content('meta[property="og:url"]') == url
        assert content('meta[property="og:locale"]') == "nb_NO"
        assert content('meta[name="twitter:title"]') == meta["title"]
        # Every open ad shares its 1200×630 card, with the card's alt text.
        image = content('meta[property="og:image"]')
        assert re.fullmatch(rf"{BASE}assets/social/job-{slug}-[0-9a-f]+-link\.png", image)
        assert meta["title"] in content('meta[property="og:image:alt"]')
        assert content('meta[name="twitter:card"]') == "summary_large_image"
        assert html.select_one('meta[name="robots"]') is None


def test_the_facts_box_links_the_unit_and_states_the_terms(example_site: Path) -> None:
    html = job_page(example_site, "sykepleiere-fjordtun")
    meta = front_matter(REPO / "content/jobs/sykepleiere-fjordtun.md")
    facts = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in html.select(".careers-facts dt")
    }
    assert facts["Arbeidssted"] == "Fjordtun sykehjem Strandgata 48, 6817 Fjordvik"
    assert (
        html.select_one(".careers-facts dd a")["href"] == "../../arbeidssteder/fjordtun-sykehjem/"
    )
    assert facts["Antall stillinger"] == str(meta["positions"])
    assert facts["Stillingsstørrelse"].startswith(f"{meta['positions']} stillinger, 100 %")
    assert facts["Referanse"] == meta["reference"]
    assert facts["Lønn"] == meta["salary"]
    deadline = deadline_of(meta)
    assert deadline is not None
    days = (deadline - TODAY).days
    assert facts["Søknadsfrist"] == f"27. november 2026 – {days} dager igjen"


def test_share_links_need_no_script_from_another_host(example_site: Path) -> None:
    slug = "sykepleier-natt-solbakken"
    html = job_page(example_site, slug)
    url = f"{BASE}stillinger/{slug}/"
    links = {a.get_text(strip=True): a["href"] for a in html.select(".careers-share a")}
    assert parse_qs(urlparse(links["Facebook"]).query) == {"u": [url]}
    assert urlparse(links["Facebook"]).netloc == "www.facebook.com"
    assert parse_qs(urlparse(links["LinkedIn"]).query) == {"url": [url]}
    x_query = parse_qs(urlparse(links["X"]).query)
    assert x_query["url"] == [url] and x_query["text"] == ["Sykepleier natt – Solbakken sykehjem"]
    mail = urlparse(links["E-post"])
    assert mail.scheme == "mailto" and url in unquote(mail.query)
    assert "+" not in mail.query  # spaces are %20 in mailto: links
    copy = html.select_one("[data-careers-copy-link]")
    assert copy.has_attr("hidden") and copy.button["data-url"] == url
    scripts = [script.get("src", "") for script in html.select("script[src]")]
    assert all(not src.startswith(("http:", "https:", "//")) for src in scripts)


def test_more_from_the_unit_shows_its_other_jobs_stories_and_placements(
    example_site: Path,
) -> None:
    slug = "sykepleier-natt-solbakken"
    html = job_page(example_site, slug)
    more = html.select_one('section[aria-labelledby="more-from-unit"]')
    others = [
        other
        for other, meta in open_example_jobs().items()
        if "solbakken-sykehjem" in units_of(meta) and other != slug
    ][:4]
    linked = [a["href"].rstrip("/").split("/")[-1] for a in more.select(".careers-job-card a")]
    assert linked == others and others
    stories = [a["href"].rstrip("/").split("/")[-1] for a in more.select(".careers-story-card a")]
    assert stories == ["sofie"]
    placements = [
        a["href"].rstrip("/").split("/")[-1] for a in more.select(".careers-placement-card a")
    ]
    assert placements == [
        path.stem
        for path in sorted((REPO / "content/placements").glob("*.md"))
        if front_matter(path)["unit"] == "solbakken-sykehjem"
    ]


def test_the_apply_button_comes_before_and_after_the_ad(example_site: Path) -> None:
    for slug, meta in open_example_jobs().items():
        html = job_page(example_site, slug)
        buttons = html.select("a.careers-apply")
        expected = meta.get("apply_url") or f"mailto:{meta['apply_email']}"
        assert [button["href"] for button in buttons] == [expected, expected]
        text = str(html.select_one("article") or html)
        assert text.index("careers-apply") < text.index("careers-job__body")


def test_a_closed_job_leaves_search_engines_but_keeps_a_helpful_page(example_site: Path) -> None:
    closed = closed_example_jobs()
    assert closed
    index = (example_site / "search" / "search_index.json").read_text(encoding="utf-8")
    for slug, meta in closed.items():
        html = job_page(example_site, slug)
        assert html.select_one('meta[name="robots"]')["content"] == "noindex"
        assert json_ld(html) == []
        assert "Stillingen er ikke lenger ledig" in html.get_text()
        assert html.select_one("a.careers-apply") is None
        similar = [a["href"].rstrip("/").split("/")[-1] for a in html.select(".careers-job-card a")]
        assert similar and set(similar) <= set(open_example_jobs())
        # Same profession first.
        same_profession = [
            other
            for other in similar
            if set(professions_of(open_example_jobs()[other])) & set(professions_of(meta))
        ]
        assert similar[: len(same_profession)] == same_profession
        assert f"stillinger/{slug}/" not in index
        sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
        assert f"stillinger/{slug}/" not in sitemap


def test_every_unit_has_a_page_that_sells_it(example_site: Path) -> None:
    for unit_id, unit in example_units().items():
        html = soup(example_site / "arbeidssteder" / unit_id / "index.html")
        text = " ".join(html.get_text().split())
        assert html.find("h1").get_text(strip=True) == unit["name"]
        assert " ".join(unit["description"].split()[:8]) in text
        assert f"{unit['address']}, {unit['postcode']} {unit['city']}" in text
        assert " ".join(unit["transport"].split()[:8]) in text
        highlights = [li.get_text(strip=True) for li in html.select(".careers-highlights__list li")]
        assert highlights == unit["highlights"]
        assert ("Mentorordning" in text) == unit.get("mentor_program", False)
        assert ("Introduksjonsprogram" in text) == unit.get("intro_program", False)
        # An ad for several workplaces is on the page of each.
        jobs = [slug for slug, meta in open_example_jobs().items() if unit_id in units_of(meta)]
        listed = [
            a["href"].rstrip("/").split("/")[-1]
            for a in html.select('section[aria-labelledby="unit-jobs"] .careers-card__title a')
        ]
        assert listed == jobs, unit_id
        map_link = html.find("a", string=re.compile("Vis i kart"))
        assert urlparse(map_link["href"]).netloc == "www.openstreetmap.org"


def test_unit_pages_show_only_stories_with_consent(example_site: Path) -> None:
    randi = front_matter(REPO / "content/stories/randi.md")  # consent expired
    html = soup(example_site / "arbeidssteder" / randi["person"]["unit"] / "index.html")
    assert "historier/randi/" not in str(html)
    solbakken = soup(example_site / "arbeidssteder" / "solbakken-sykehjem" / "index.html")
    assert solbakken.select_one('.careers-story-card a[href$="historier/sofie/"]') is not None


def test_the_units_overview_groups_units_by_district(example_site: Path) -> None:
    html = soup(example_site / "arbeidssteder" / "index.html")
    groups = {
        section.h2.get_text(strip=True): [
            a.get_text(strip=True) for a in section.select(".careers-card__title a")
        ]
        for section in html.select("section")
    }
    expected: dict[str, list[str]] = {}
    for unit in example_units().values():
        expected.setdefault(f"Bydel {unit['district']}", []).append(unit["name"])
    assert list(groups) == ["Bydel Nordbyen", "Bydel Sentrum", "Bydel Vestsida", "Bydel Øyane"]
    assert {name: sorted(units) for name, units in groups.items()} == {
        name: sorted(units) for name, units in expected.items()
    }


def test_the_unit_filter_page_and_the_unit_page_agree(example_site: Path) -> None:
    for unit_id in example_units():
        filtered = listed_job_slugs(
            example_site / "stillinger" / "arbeidssted" / unit_id / "index.html"
        )
        unit_page = soup(example_site / "arbeidssteder" / unit_id / "index.html")
        listed = [
            a["href"].rstrip("/").split("/")[-1]
            for a in unit_page.select('section[aria-labelledby="unit-jobs"] .careers-card__title a')
        ]
        assert filtered == listed


def test_phone_numbers_are_dialled_as_written(example_site: Path) -> None:
    """«12 34 56 78, tast 3» dials the switchboard, waits and dials 3; a second number
    (mobile) has its own line; a number without +47 gets it in the link."""
    html = job_page(example_site, "ekstravakter-hjemmetjenesten-sentrum")
    links = {
        a.get_text(strip=True): a["href"] for a in html.select(".careers-contacts a[href^='tel:']")
    }
    assert links["12 34 56 78, tast 3"] == "tel:+4712345678,3"
    assert links["478 92 615"] == "tel:+4747892615"
    contacts = html.select_one(".careers-contacts").get_text(" ", strip=True)
    assert "Mobil: 478 92 615" in contacts
