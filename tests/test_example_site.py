"""The example site at the repository root, built once with real MkDocs, read as HTML."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from tests.conftest import EXAMPLE_TODAY, REPO, run_careers
from tests.sources import TODAY, deadline_of, example_jobs, front_matter, open_example_jobs, soup

OWN_HOST = "karriere.fjordvik.kommune.no"


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_home_page_exists(example_site: Path) -> None:
    home = soup(example_site / "index.html")
    assert home.find("h1").get_text(strip=True) == "Jobb i helse og omsorg"


def test_every_example_job_has_its_page(example_site: Path) -> None:
    for slug, meta in example_jobs().items():
        page = example_site / "stillinger" / slug / "index.html"
        assert page.is_file(), slug
        html = soup(page)
        assert html.find("h1").get_text(strip=True) == meta["title"]


def test_open_jobs_have_facts_apply_button_and_contacts(example_site: Path) -> None:
    for slug, meta in open_example_jobs().items():
        html = soup(example_site / "stillinger" / slug / "index.html")
        facts = html.select_one(".careers-facts")
        assert facts is not None and "Søknadsfrist" in facts.get_text()
        apply_links = {a["href"] for a in html.select("a.careers-apply")}
        expected = meta.get("apply_url") or f"mailto:{meta.get('apply_email')}"
        assert apply_links == {expected}
        for contact in meta.get("contacts", []):
            if contact.get("email"):
                assert html.select_one(f'a[href="mailto:{contact["email"]}"]') is not None
            for number in (contact.get("phone"), contact.get("mobile")):
                if number:
                    assert html.select_one(f'a[href="{dialled(str(number))}"]') is not None


def dialled(number: str) -> str:
    """The tel: link a phone dials for a Norwegian number as written: +47 unless the number
    has a country code (+ or 00), and «, tast 3» dialled after a pause."""
    number, _, extension = number.partition(", tast ")
    digits = "".join(c for c in number if c.isdigit() or c == "+")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif not digits.startswith("+"):
        digits = "+47" + digits
    return f"tel:{digits}" + (f",{extension}" if extension else "")


def test_every_page_declares_norwegian_bokmal(example_site: Path) -> None:
    for page in html_pages(example_site):
        assert soup(page).find("html")["lang"] == "nb", page


RESOURCE_ATTRIBUTES = [
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("object", "data"),
    ("embed", "src"),
]


def external_urls(text: str) -> list[str]:
    return [
        url
        for url in re.findall(r"https?://[^\s\"'<>,)]+", text)
        if urlparse(url).hostname != OWN_HOST
    ]


def test_no_resource_is_loaded_from_another_host(example_site: Path) -> None:
    """No CSS, JS, font or image from another host (links to other sites are fine)."""
    offenders = []
    for page in html_pages(example_site):
        html = soup(page)
        for tag, attribute in RESOURCE_ATTRIBUTES:
            for element in html.find_all(tag):
                if tag == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                    continue
                value = element.get(attribute) or ""
                offenders += [(page.name, tag, url) for url in external_urls(value)]
        for style in html.find_all("style"):
            offenders += [(page.name, "style", url) for url in external_urls(style.get_text())]
    for stylesheet in example_site.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        urls = re.findall(r"url\(\s*['\"]?(https?://[^'\")]+)", text)
        urls += re.findall(r"@import\s+['\"]?(https?://[^'\";]+)", text)
        offenders += [(stylesheet.name, "css", url) for url in urls]
    assert offenders == []


def test_search_is_norwegian(example_site: Path) -> None:
    index = json.loads((example_site / "search" / "search_index.json").read_text())
    assert index["config"]["lang"] == ["no"]
    assert index["config"]["pipeline"] == ["stopWordFilter", "trimmer"]
    assert (example_site / "assets/javascripts/lunr/min/lunr.no.min.js").is_file()
    titles = {entry["title"] for entry in index["docs"]}
    assert "Sykepleier natt – Solbakken sykehjem" in titles


def test_detail_pages_are_left_out_of_the_navigation(example_site: Path) -> None:
    job_page = soup(example_site / "stillinger" / "sykepleier-natt-solbakken" / "index.html")
    nav_links = [a["href"] for a in job_page.select("nav.md-nav--primary a.md-nav__link[href]")]
    assert nav_links, "the main navigation is rendered"
    for link in nav_links:
        parts = [part for part in link.split("/") if part not in ("", "..", ".")]
        assert len(parts) <= 1, f"a detail page is in the navigation: {link}"


def test_no_web_fonts_and_no_end_of_life_banner(example_site: Path, tmp_path: Path) -> None:
    home = (example_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home
    result = run_careers("build", "--site", str(REPO), "--out", str(tmp_path / "site"))
    assert result.exit_code == 0, result.output
    assert "end of life" not in result.output.lower()


def test_stories_without_valid_consent_are_not_published(example_site: Path) -> None:
    for path in sorted((REPO / "content/stories").glob("*.md")):
        meta = front_matter(path)
        consent = meta.get("consent") or {}
        valid = bool(consent) and (
            date.fromisoformat(str(consent["given"]))
            <= TODAY
            <= date.fromisoformat(str(consent["expires"]))
        )
        page = example_site / "historier" / path.stem / "index.html"
        assert page.is_file() == valid, path.name
        # Only processed photos are published (assets/images/stories/NAME-HASH-WIDTH.EXT),
        # never the original file with its metadata.
        assert not (example_site / meta["photo"]).exists()
        stem = Path(meta["photo"]).stem
        published = list((example_site / "assets" / "images" / "stories").glob(f"{stem}-*"))
        assert bool(published) == valid, f"photo of {path.name} published: {published}"


def test_free_pages_are_built_and_in_the_menu(example_site: Path) -> None:
    pages = sorted((REPO / "content/pages").glob("*.md"))
    assert len(pages) >= 3
    home = soup(example_site / "index.html")
    menu = " ".join(a.get_text(strip=True) for a in home.select("nav a"))
    for path in pages:
        meta = front_matter(path)
        assert (example_site / path.stem / "index.html").is_file()
        if meta.get("nav_order") is not None:
            assert (meta.get("nav_title") or meta["title"]) in menu


def test_every_page_links_the_accessibility_statement_from_its_footer(example_site: Path) -> None:
    """Pages with `footer: true` (the statement) are linked from the footer of every page."""
    footer_pages = [
        path.stem
        for path in (REPO / "content/pages").glob("*.md")
        if front_matter(path).get("footer")
    ]
    assert footer_pages == ["tilgjengelighet"]
    statement = soup(example_site / "tilgjengelighet" / "index.html")
    assert statement.find("h1").get_text(strip=True) == "Tilgjengelighetserklæring"
    pages = html_pages(example_site)
    for page in pages:
        footer = soup(page).select_one("footer .careers-footer-links")
        assert footer is not None, page
        (link,) = footer.select("a")
        assert link.get_text(strip=True) == "Tilgjengelighetserklæring"
        target = (page.parent / link["href"]).resolve()
        if page.name == "404.html":  # served at any depth: its links start at the root
            target = example_site / link["href"].lstrip("/")
        assert (target / "index.html").is_file(), (page, link["href"])


@pytest.mark.parametrize(
    ("section", "minimum"),
    [("jobs", 15), ("stories", 6), ("placements", 5), ("events", 6), ("pages", 3)],
)
def test_the_example_content_is_complete(section: str, minimum: int) -> None:
    assert len(list((REPO / "content" / section).glob("*.md"))) >= minimum


def test_the_example_data_is_varied() -> None:
    units = yaml.safe_load((REPO / "data/units.yml").read_text(encoding="utf-8"))
    professions = yaml.safe_load((REPO / "data/professions.yml").read_text(encoding="utf-8"))
    assert len(units) >= 8 and len({unit["type"] for unit in units}) >= 5
    assert len(professions) >= 6
    jobs = example_jobs().values()
    # A simple ad's sizes, or the sizes of its openings.
    percents = [job.get("position_percent") for job in jobs] + [
        opening.get("percent") for job in jobs for opening in job.get("openings", [])
    ]
    assert any(p == 100 for p in percents) and any(p not in (100, None) for p in percents)
    kinds = [job.get("employment_type") for job in jobs] + [
        opening.get("employment_type") for job in jobs for opening in job.get("openings", [])
    ]
    assert {"fast", "vikariat"} <= set(kinds)
    assert any("natt" in job.get("shifts", []) for job in jobs)
    assert any(job.get("shifts") == ["dag"] for job in jobs)
    soon = [
        job
        for job in jobs
        if (end := deadline_of(job)) is not None and 0 <= (end - TODAY).days <= 7
    ]
    assert soon, "some ads close soon"
    events = [front_matter(path) for path in (REPO / "content/events").glob("*.md")]
    assert any(str(event["end"])[:10] < EXAMPLE_TODAY for event in events), "some events are past"


def test_the_example_site_pins_its_build_date() -> None:
    config = yaml.safe_load((REPO / "site_config.yml").read_text(encoding="utf-8"))
    assert str(config["build_date"]) == EXAMPLE_TODAY


def test_check_passes_on_the_example_site() -> None:
    result = run_careers("check", "--site", str(REPO))
    assert result.exit_code == 0, result.output
    assert "0 feil" in result.output
