# ruff: noqa: F811  (the imported fixtures are parameters of the tests, as pytest wants)
"""The job list's filters in a real Chromium, used with the keyboard alone.

With JavaScript, the full list filters in place and keeps the choice in the address; without
it, the filter links lead to server-rendered filter pages. The expected jobs are worked out
here from the example site's own files (content/jobs/*.md), not copied from the built pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs, urljoin, urlparse

import pytest

from tests.browser_support import PHONE, browser, site_url  # noqa: F401
from tests.sources import open_example_jobs, professions_of, read_date, shifts_of

DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
CARD_LINKS = "[data-careers-jobs] > li:not([hidden]) .careers-card__title a"
STATUS = "[data-careers-count]"
MAX_TABS = 400
JOB_URL = "https://karriere.fjordvik.kommune.no/stillinger/sykepleier-natt-solbakken/"

# --- What the example site's sources say -------------------------------------------------------


@dataclass(frozen=True)
class SourceJob:
    slug: str
    professions: tuple[str, ...]
    shifts: tuple[str, ...]
    published: date


def _load_open_jobs() -> list[SourceJob]:
    """The ads open on the build date, in list order (tests/sources.py reads the files)."""
    return [
        SourceJob(
            slug=slug,
            professions=tuple(professions_of(meta)),
            shifts=tuple(shifts_of(meta)),
            published=read_date(meta["published"]),
        )
        for slug, meta in open_example_jobs().items()
    ]


OPEN_JOBS = _load_open_jobs()
OPEN_SLUGS = [job.slug for job in OPEN_JOBS]
NURSE_SLUGS = [job.slug for job in OPEN_JOBS if "sykepleier" in job.professions]
NURSE_NIGHT_SLUGS = [
    job.slug for job in OPEN_JOBS if "sykepleier" in job.professions and "natt" in job.shifts
]
# Stable sort: jobs published the same day keep the deadline order.
NEWEST_FIRST_SLUGS = [
    job.slug for job in sorted(OPEN_JOBS, key=lambda job: job.published, reverse=True)
]


def showing_text(shown: int) -> str:
    return f"Viser {shown} av {len(OPEN_JOBS)} ledige stillinger"


def count_text(count: int) -> str:
    return "1 ledig stilling" if count == 1 else f"{count} ledige stillinger"


def test_the_example_data_exercises_the_filters() -> None:
    """Guards the tests below against passing vacuously."""
    assert len(NURSE_NIGHT_SLUGS) >= 1
    assert len(NURSE_SLUGS) > len(NURSE_NIGHT_SLUGS)
    assert NEWEST_FIRST_SLUGS != OPEN_SLUGS


# --- Browser helpers ---------------------------------------------------------------------------


@contextmanager
def new_page(browser, site_url: str, **options: object) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A page in a fresh context; afterwards, no request may have gone to another host."""
    context = browser.new_context(**options)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        yield page
    finally:
        context.close()
    foreign = [
        url
        for url in requested
        if urlparse(url).scheme in ("http", "https") and urlparse(url).hostname != "127.0.0.1"
    ]
    assert foreign == [], f"requests to other hosts: {foreign}"


def tab_to(page, predicate: str, what: str, key: str = "Tab") -> None:  # type: ignore[no-untyped-def]
    """Press Tab until the focused element matches `predicate` (a JavaScript function of the
    element), which proves it can be reached with the keyboard."""
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        if page.evaluate(f"({predicate})(document.activeElement)"):
            return
    focused = page.evaluate("document.activeElement && document.activeElement.outerHTML")
    pytest.fail(f"{what} never got focus after {MAX_TABS} × {key}; focus is on {focused[:200]}")


def checkbox(segment: str, value: str) -> str:
    return f"el => el.matches('input[type=checkbox][name={segment}][value={value}]')"


def link_in(container: str, text: str) -> str:
    """A link inside `container` whose text (without the count or ✕) is `text`."""
    return (
        f"el => el.tagName === 'A' && !!el.closest({container!r}) && "
        f"el.textContent.replace(/\\(\\d+\\)|✕/g, '').trim() === {text!r}"
    )


def open_filter_panel(page) -> None:  # type: ignore[no-untyped-def]
    tab_to(page, "el => el.matches('[data-careers-filter-panel] > summary')", "the panel summary")
    if not page.evaluate("document.querySelector('[data-careers-filter-panel]').open"):
        page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('[data-careers-filter-panel]').open")


def visible_slugs(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The slugs of the cards shown, in order, from the links' addresses."""
    slugs = []
    for link in page.locator(CARD_LINKS).all():
        path = urlparse(urljoin(page.url, link.get_attribute("href"))).path
        slugs.append(path.strip("/").split("/")[-1])
    return slugs


def query_of(page) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return parse_qs(urlparse(page.url).query)


def path_of(page) -> str:  # type: ignore[no-untyped-def]
    return urlparse(page.url).path


def press_and_follow(page, key: str = "Enter") -> None:  # type: ignore[no-untyped-def]
    with page.expect_navigation():
        page.keyboard.press(key)


def wait_for_status(page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_function(
        "text => document.querySelector('[data-careers-count]').textContent.trim() === text",
        arg=text,
        timeout=5_000,
    )


# --- With JavaScript: the full list filters in place -------------------------------------------


def choose_nurse_and_night_with_the_keyboard(page) -> None:  # type: ignore[no-untyped-def]
    """Open the filter panel and tick «Sykepleier» and «Natt», by Tab and Space alone."""
    open_filter_panel(page)
    tab_to(page, checkbox("yrke", "sykepleier"), "the checkbox «Sykepleier»")
    page.keyboard.press("Space")
    tab_to(page, checkbox("vakt", "natt"), "the checkbox «Natt»")
    page.keyboard.press("Space")


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_filters_with_the_keyboard_alone_and_the_url_keeps_them(  # type: ignore[no-untyped-def]
    browser,
    site_url: str,
    viewport: dict[str, int],
) -> None:
    expected_text = showing_text(len(NURSE_NIGHT_SLUGS))
    with new_page(browser, site_url, viewport=viewport) as page:
        page.goto(site_url + "stillinger/")
        choose_nurse_and_night_with_the_keyboard(page)
        wait_for_status(page, expected_text)

        status = page.locator(STATUS)
        assert visible_slugs(page) == NURSE_NIGHT_SLUGS
        assert status.inner_text().strip() == expected_text
        assert status.get_attribute("role") == "status"
        assert query_of(page) == {"yrke": ["sykepleier"], "vakt": ["natt"]}

        page.reload()
        wait_for_status(page, expected_text)
        assert visible_slugs(page) == NURSE_NIGHT_SLUGS
        assert status.inner_text().strip() == expected_text
        assert page.locator("input[name=yrke][value=sykepleier]").is_checked()
        assert page.locator("input[name=vakt][value=natt]").is_checked()
        assert page.locator("[data-careers-filter-panel]").get_attribute("open") is not None


def test_sort_newest_first(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    with new_page(browser, site_url, viewport=DESKTOP) as page:
        page.goto(site_url + "stillinger/")
        assert visible_slugs(page) == OPEN_SLUGS
        open_filter_panel(page)
        tab_to(page, "el => el.matches('select[name=sort]')", "the sort select")
        page.keyboard.press("ArrowDown")
        page.wait_for_function("new URLSearchParams(location.search).get('sort') === 'newest'")

        assert page.locator("select[name=sort]").input_value() == "newest"
        assert visible_slugs(page) == NEWEST_FIRST_SLUGS
        assert query_of(page) == {"sort": ["newest"]}

        page.reload()
        assert page.locator("select[name=sort]").input_value() == "newest"
        assert visible_slugs(page) == NEWEST_FIRST_SLUGS


def test_reset_shows_every_job_again(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    with new_page(browser, site_url, viewport=DESKTOP) as page:
        page.goto(site_url + "stillinger/")
        choose_nurse_and_night_with_the_keyboard(page)
        wait_for_status(page, showing_text(len(NURSE_NIGHT_SLUGS)))
        assert query_of(page) == {"yrke": ["sykepleier"], "vakt": ["natt"]}

        tab_to(
            page,
            "el => el.matches('form[data-careers-filter] button[type=reset]')"
            " && el.textContent.trim() === 'Fjern alle filtre'",
            "the button «Fjern alle filtre»",
        )
        page.keyboard.press("Enter")
        page.wait_for_function("location.search === ''", timeout=5_000)

        assert visible_slugs(page) == OPEN_SLUGS
        assert urlparse(page.url).query == ""
        assert page.locator("form[data-careers-filter] input:checked").count() == 0
        assert page.locator(STATUS).inner_text().strip() == count_text(len(OPEN_SLUGS))


# --- Without JavaScript: filter pages ----------------------------------------------------------


def test_filter_pages_without_javascript(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    links = "[data-careers-filter-links]"
    with new_page(browser, site_url, viewport=PHONE, java_script_enabled=False) as page:
        page.goto(site_url + "stillinger/")
        assert not page.locator("form[data-careers-filter]").is_visible()
        open_filter_panel(page)
        assert page.locator(links).is_visible()

        tab_to(page, link_in(links, "Sykepleier"), "the filter link «Sykepleier»")
        press_and_follow(page)
        assert path_of(page) == "/stillinger/yrke/sykepleier/"
        assert visible_slugs(page) == NURSE_SLUGS
        assert page.locator(STATUS).inner_text().strip() == count_text(len(NURSE_SLUGS))

        open_filter_panel(page)
        tab_to(page, link_in(links, "Natt"), "the filter link «Natt»")
        press_and_follow(page)
        assert path_of(page) == "/stillinger/yrke/sykepleier/vakt/natt/"
        assert visible_slugs(page) == NURSE_NIGHT_SLUGS
        assert page.locator(STATUS).inner_text().strip() == count_text(len(NURSE_NIGHT_SLUGS))

        page.reload()
        assert path_of(page) == "/stillinger/yrke/sykepleier/vakt/natt/"
        assert visible_slugs(page) == NURSE_NIGHT_SLUGS
        chips = page.locator("ul.careers-chips a[aria-label^='Fjern filteret']")
        assert [text.replace("✕", "").strip() for text in chips.all_inner_texts()] == [
            "Sykepleier",
            "Natt",
        ]

        tab_to(
            page,
            "el => el.matches('ul.careers-chips a[aria-label=\"Fjern filteret Natt\"]')",
            "the chip «Natt ✕»",
        )
        press_and_follow(page)
        assert path_of(page) == "/stillinger/yrke/sykepleier/"
        assert visible_slugs(page) == NURSE_SLUGS


# --- The job page's «copy link» button ---------------------------------------------------------


def test_copy_link_button_copies_the_canonical_url(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    job_path = "stillinger/sykepleier-natt-solbakken/"
    copy_item = "[data-careers-copy-link]"
    with new_page(browser, site_url, viewport=PHONE) as page:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
        page.goto(site_url + job_path)
        button = page.locator(f"{copy_item} button")
        assert button.is_visible()
        assert button.inner_text().strip() == "Kopier lenken"

        tab_to(page, f"el => el.matches('{copy_item} button')", "the button «Kopier lenken»")
        page.keyboard.press("Enter")
        message = page.locator(f"{copy_item} [role=status]")
        page.wait_for_function(
            "el => el.textContent.trim() !== ''", arg=message.element_handle(), timeout=5_000
        )
        assert message.inner_text().strip() == "Lenken er kopiert."
        assert page.evaluate("navigator.clipboard.readText()") == JOB_URL

    with new_page(browser, site_url, viewport=PHONE, java_script_enabled=False) as page:
        page.goto(site_url + job_path)
        assert page.locator(copy_item).count() == 1
        assert not page.locator(copy_item).is_visible()
