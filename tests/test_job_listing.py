"""The job list and its filter pages, in the built example site and in small sites with
fixed dates. Expected jobs come from the source files, read without the generator."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest
import yaml

from tests.conftest import MINIMAL_SITE, REPO, run_careers
from tests.sources import (
    deadline_of,
    example_units,
    listed_job_slugs,
    open_example_jobs,
    professions_of,
    soup,
    units_of,
)

JOBS = "stillinger"
OWN_EMPLOYER = "fjordvik-kommune"  # the slug of site_config.yml's organisation


def slug_of(name: str) -> str:
    return name.lower().replace("ø", "o").replace("æ", "ae").replace("å", "a").replace(" ", "-")


def size_bounds(value: object) -> tuple[float, float]:
    """A position size as authors write it: 100, «73,68», «75–100» (low and high)."""
    text = str(value).replace("%", "").replace(",", ".").replace("–", "-").replace(" ", "")
    low, _, high = text.partition("-")
    return float(low), float(high or low)


def openings_of(meta: dict) -> list[dict]:
    """Each opening with the ad's own fields where it has none (a simple ad is one)."""
    inherited = {
        key: meta[key] for key in ("employment_type", "shifts", "weekend_every") if key in meta
    }
    return [{**inherited, **opening} for opening in meta.get("openings", [])] or [meta]


def sizes_of(meta: dict) -> list[tuple[float, float]]:
    if meta.get("openings"):
        raw = [opening["percent"] for opening in meta["openings"] if "percent" in opening]
    else:
        raw = meta.get("position_percent", [])
        raw = raw if isinstance(raw, list) else [raw]
    return [size_bounds(value) for value in raw]


def employers_in_use() -> set[str]:
    path = REPO / "data" / "employers.yml"
    employers = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
    known = {employer["id"] for employer in employers or []}
    units = example_units().values()
    return {unit["employer"] if unit.get("employer") in known else OWN_EMPLOYER for unit in units}


def opening_facet_values(meta: dict) -> list[dict[str, set[str]]]:
    """The filter values of each opening of one ad, worked out from its front matter and
    units.yml: the opening's own unit and profession (else all the ad names), its districts,
    sizes, type and shifts; the ad's employer."""
    found = []
    for opening in openings_of(meta):
        unit_ids = [opening["unit"]] if opening.get("unit") else units_of(meta)
        units = [example_units()[unit_id] for unit_id in unit_ids]
        sizes = [size_bounds(opening["percent"])] if "percent" in opening else []
        if not meta.get("openings"):
            sizes = sizes_of(meta)
        extents = {"heltid"} if any(high >= 100 for _, high in sizes) else set()
        extents |= {"deltid"} if any(low < 100 for low, _ in sizes) else set()
        shifts = set(opening.get("shifts", []))
        shifts |= {"helg"} if opening.get("weekend_every") else set()
        employer = {example_units()[units_of(meta)[0]].get("employer") or OWN_EMPLOYER}
        kind = opening.get("employment_type")
        values = {
            "arbeidsgiver": employer if len(employers_in_use()) > 1 else set(),
            "yrke": {opening["profession"]}
            if opening.get("profession")
            else set(professions_of(meta)),
            "bydel": {slug_of(unit["district"]) for unit in units},
            "arbeidssted": set(unit_ids),
            "omfang": extents,
            "ansettelse": {kind} if kind else set(),
            "vakt": shifts,
        }
        found.append({segment: value for segment, value in values.items() if value})
    return found


def facet_values(meta: dict) -> dict[str, set[str]]:
    """Every value any opening of the ad has: the pages of single filters."""
    union: dict[str, set[str]] = {}
    for values in opening_facet_values(meta):
        for segment, found in values.items():
            union.setdefault(segment, set()).update(found)
    return union


def expected(selection: dict[str, str]) -> list[str]:
    """The ads with one opening that has every value of the selection, in list order."""
    return [
        slug
        for slug, meta in open_example_jobs().items()
        if any(
            all(value in values.get(segment, ()) for segment, value in selection.items())
            for values in opening_facet_values(meta)
        )
    ]


def test_the_list_shows_every_open_job_soonest_deadline_first(example_site: Path) -> None:
    page = example_site / JOBS / "index.html"
    assert listed_job_slugs(page) == list(open_example_jobs())
    count = soup(page).select_one("[data-careers-count]")
    assert count["role"] == "status"
    assert count.get_text(strip=True) == f"{len(open_example_jobs())} ledige stillinger"


def test_a_page_per_profession_lists_exactly_its_open_jobs(example_site: Path) -> None:
    professions = {key for meta in open_example_jobs().values() for key in professions_of(meta)}
    assert len(professions) >= 5
    for profession in professions:
        page = example_site / JOBS / "yrke" / profession / "index.html"
        assert listed_job_slugs(page) == expected({"yrke": profession}), profession


def test_a_page_per_district_lists_exactly_its_open_jobs(example_site: Path) -> None:
    districts = {slug_of(unit["district"]) for unit in example_units().values()}
    assert districts == {"nordbyen", "sentrum", "vestsida", "oyane"}
    for district in districts:
        page = example_site / JOBS / "bydel" / district / "index.html"
        jobs = expected({"bydel": district})
        assert listed_job_slugs(page) == jobs, district
        count = soup(page).select_one("[data-careers-count]").get_text(strip=True)
        assert count == ("1 ledig stilling" if len(jobs) == 1 else f"{len(jobs)} ledige stillinger")


def test_every_pair_of_filters_with_jobs_has_its_page(example_site: Path) -> None:
    """A pair of filters is read opening by opening: «sykepleier + vikariat» lists an ad only
    when one of its openings is a vikariat for a sykepleier."""
    pages = 0
    for slug, meta in open_example_jobs().items():
        pairs = set()
        for values in opening_facet_values(meta):
            filters = [(segment, value) for segment, found in values.items() for value in found]
            pairs |= {
                (first, second)
                for first, second in combinations(filters, 2)
                if first[0] != second[0]
            }
        for (first, first_value), (second, second_value) in sorted(pairs):
            page = example_site / JOBS / first / first_value / second / second_value / "index.html"
            listed = listed_job_slugs(page)
            assert slug in listed
            assert listed == expected({first: first_value, second: second_value})
            pages += 1
    assert pages > 100


def test_a_pair_that_no_single_opening_has_is_not_a_page(example_site: Path) -> None:
    """The four positions at Solbakken: the 28,17 % is permanent night work, the vikariat is
    evenings and nights. «fast + natt» lists the ad; «vikariat + dag» does not, although the
    ad as a whole has both a vikariat and day shifts."""
    meta = open_example_jobs()["sykepleiere-solbakken-turnus"]
    assert any("vikariat" in v.get("ansettelse", ()) for v in opening_facet_values(meta))
    page = example_site / JOBS / "ansettelse" / "vikariat" / "vakt" / "dag" / "index.html"
    listed = listed_job_slugs(page) if page.exists() else []
    assert "sykepleiere-solbakken-turnus" not in listed
    assert "sykepleiere-solbakken-turnus" in listed_job_slugs(
        example_site / JOBS / "ansettelse" / "fast" / "vakt" / "natt" / "index.html"
    )


def test_filter_links_lead_to_pages_with_the_count_they_promise(example_site: Path) -> None:
    for page in [JOBS, f"{JOBS}/yrke/sykepleier", f"{JOBS}/bydel/sentrum/vakt/natt"]:
        html = soup(example_site / page / "index.html")
        links = html.select("[data-careers-filter-links] a:not([aria-current])")
        assert links, page
        for link in links:
            count = int(link.select_one(".careers-filter__count").get_text(strip=True).strip("()"))
            target = (example_site / page / link["href"]).resolve() / "index.html"
            assert len(listed_job_slugs(target)) == count, (page, link["href"])


def test_a_chosen_filter_links_back_to_the_page_without_it(example_site: Path) -> None:
    page = example_site / JOBS / "yrke" / "sykepleier" / "vakt" / "natt" / "index.html"
    chips = soup(page).select(".careers-chips a[aria-label]")
    removed = {
        chip["aria-label"]: (page.parent / chip["href"]).resolve().relative_to(example_site)
        for chip in chips
    }
    assert removed == {
        "Fjern filteret Sykepleier": Path(JOBS, "vakt", "natt"),
        "Fjern filteret Natt": Path(JOBS, "yrke", "sykepleier"),
    }


def test_filter_pages_stay_out_of_search_and_pairs_out_of_search_engines(
    example_site: Path,
) -> None:
    single = soup(example_site / JOBS / "yrke" / "sykepleier" / "index.html")
    pair = soup(example_site / JOBS / "yrke" / "sykepleier" / "vakt" / "natt" / "index.html")
    assert single.select_one('meta[name="robots"]') is None
    assert pair.select_one('meta[name="robots"]')["content"] == "noindex, follow"
    index = (example_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "stillinger/yrke/" not in index and "stillinger/vakt/" not in index


def test_the_sitemap_lists_live_pages_only(example_site: Path) -> None:
    tree = ElementTree.parse(example_site / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {loc.text for loc in tree.getroot().findall("s:url/s:loc", namespace)}
    base = "https://karriere.fjordvik.kommune.no/"
    for slug in open_example_jobs():
        assert f"{base}{JOBS}/{slug}/" in urls
    assert f"{base}{JOBS}/sykepleier-hjemmetjenesten-oyane/" not in urls  # closed
    assert f"{base}{JOBS}/yrke/sykepleier/" in urls
    assert f"{base}{JOBS}/yrke/sykepleier/vakt/natt/" not in urls  # a pair: noindex
    assert f"{base}arbeidssteder/solbakken-sykehjem/" in urls


@pytest.fixture
def dated_site(make_site: Callable[..., Path], tmp_path: Path) -> Callable[[str], Path]:
    """A site with ads closing yesterday, today, tomorrow and in 12 days, built on `today`."""

    def job(slug: str, deadline: str, shifts: str = "[dag]") -> dict[str, str]:
        return {
            f"content/jobs/{slug}.md": f"""\
---
title: Stilling {slug}
unit: solbakken
profession: helsefagarbeider
position_percent: [100, 75]
positions: 2
employment_type: vikariat
shifts: {shifts}
published: 2026-11-01
deadline: {deadline}
apply_email: post@testvik.example
---

Om stillingen.
"""
        }

    def build(today: str) -> Path:
        source = make_site(
            {
                **job("i-gar", "2026-11-25"),
                **job("i-dag", "2026-11-26"),
                **job("i-morgen", "2026-11-27", "[natt, helg]"),
                **job("om-tolv-dager", "2026-12-08"),
            }
        )
        out = tmp_path / "site"
        result = run_careers("build", "--site", str(source), "--out", str(out), "--today", today)
        assert result.exit_code == 0, result.output
        return out

    return build


def test_deadlines_read_as_norwegian_dates_with_days_left(
    dated_site: Callable[[str], Path],
) -> None:
    site = dated_site("2026-11-26")
    page = site / JOBS / "index.html"
    assert listed_job_slugs(page) == ["i-dag", "i-morgen", "om-tolv-dager", "sykepleier-natt"]
    deadlines = [" ".join(p.get_text().split()) for p in soup(page).select(".careers-deadline")]
    assert deadlines == [
        "Søknadsfrist 26. november 2026 – Siste dag i dag",
        "Søknadsfrist 27. november 2026 – 1 dag igjen",
        "Søknadsfrist 8. desember 2026 – 12 dager igjen",
        "Søknadsfrist 8. desember 2026 – 12 dager igjen",
    ]
    card = soup(page).select_one(".careers-job-card")
    tags = [li.get_text(strip=True) for li in card.select(".careers-tags li")]
    # A card sums the sizes up as a span; the job page lists them.
    assert tags == ["Heltid", "Helsefagarbeider", "2 stillinger, 75–100 %", "Vikariat", "Dag"]
    closed = soup(site / JOBS / "i-gar" / "index.html")
    assert "Stillingen er ikke lenger ledig" in closed.get_text()
    assert "25. november 2026" in closed.get_text()


def test_an_ad_closes_the_day_after_its_deadline(dated_site: Callable[[str], Path]) -> None:
    site = dated_site("2026-11-27")
    assert listed_job_slugs(site / JOBS / "index.html")[0] == "i-morgen"
    assert "i-dag" not in listed_job_slugs(site / JOBS / "vakt" / "dag" / "index.html")
    assert listed_job_slugs(site / JOBS / "vakt" / "natt" / "index.html") == [
        "i-morgen",
        "sykepleier-natt",
    ]
    text = soup(site / JOBS / "i-morgen" / "index.html").select_one(".careers-facts").get_text()
    assert "Siste dag i dag" in " ".join(text.split())


def test_every_value_has_a_page_even_without_jobs(dated_site: Callable[[str], Path]) -> None:
    site = dated_site("2026-11-26")
    page = site / JOBS / "ansettelse" / "sommerjobb" / "index.html"
    html = soup(page)
    assert listed_job_slugs(page) == []
    assert "Ingen ledige stillinger passer dette filteret" in html.get_text()
    assert html.select_one('meta[name="robots"]')["content"] == "noindex, follow"


def test_filter_paths_follow_the_site_language(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    config = (
        "name: Jobb i Testvik\norganisation: Testvik kommune\n"
        "base_url: https://karriere.testvik.example/\nlanguage: {language}\n"
    )
    for language, path in {
        "nn": "stillingar/yrke/sykepleier",
        "en": "jobs/profession/sykepleier",
    }.items():
        source = make_site({"site_config.yml": config.format(language=language)}, name=language)
        out = tmp_path / f"out-{language}"
        result = run_careers(
            "build", "--site", str(source), "--out", str(out), "--today", "2026-11-20"
        )
        assert result.exit_code == 0, result.output
        html = soup(out / path / "index.html")
        assert listed_job_slugs(out / path / "index.html") == ["sykepleier-natt"]
        title = html.find("h1").get_text(strip=True)
        assert (
            title
            == {"nn": "Ledige stillingar: Sjukepleiar", "en": "Open positions: Nurse"}[language]
        )


def test_a_job_file_may_not_take_a_filter_page_name(make_site: Callable[..., Path]) -> None:
    source = make_site({"content/jobs/vakt.md": MINIMAL_SITE["content/jobs/sykepleier-natt.md"]})
    result = run_careers("check", "--site", str(source))
    assert result.exit_code == 1
    assert "content/jobs/vakt.md" in result.output
    assert "opptatt av filtersidene" in result.output


def test_the_home_page_shows_closing_soon_and_newest(example_site: Path) -> None:
    home = soup(example_site / "index.html")
    soon = [a["href"].rstrip("/").split("/")[-1] for a in home.select("#home-closing-soon ~ ul a")]
    jobs = open_example_jobs()
    # A standing ad has no deadline: never «closing soon».
    closing = [
        slug
        for slug, meta in jobs.items()
        if (deadline := deadline_of(meta)) is not None
        and (deadline - date(2026, 11, 23)).days <= 14
    ]
    assert soon == closing[:3]
    newest_section = home.select_one('section[aria-labelledby="home-jobs"]')
    newest = [
        a["href"].rstrip("/").split("/")[-1]
        for a in newest_section.select(".careers-card__title a")
    ]
    by_date = sorted(
        (slug for slug in jobs if slug not in soon),
        key=lambda slug: (str(jobs[slug]["published"]), slug),
        reverse=True,
    )
    assert newest == by_date[:6]
