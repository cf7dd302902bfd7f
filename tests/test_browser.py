# ruff: noqa: F811  (the imported fixtures are parameters of the tests, as pytest wants)
"""The built example site in a real headless Chromium (Debian's), served on localhost."""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

import pytest

from tests.browser_support import (  # noqa: F401 (fixtures)
    MISSING_PAGE,
    PHONE,
    TEMPLATE_PAGES,
    VIEWPORTS,
    browser,
    every_template,
    every_viewport,
    site_url,
)


@every_viewport
@every_template
def test_pages_make_no_request_to_another_host(  # type: ignore[no-untyped-def]
    browser, site_url: str, path: str, viewport: str
) -> None:
    """Every request a page makes, scripts and the search worker included, stays on our host."""
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    response = page.goto(site_url + path, wait_until="networkidle")
    assert response is not None
    assert response.status == (404 if path == MISSING_PAGE else 200)
    assert len(requested) > 3, "the page's own styles and scripts were requested"
    own = urlparse(site_url).netloc
    foreign = [
        url
        for url in requested
        if urlparse(url).scheme in ("http", "https") and urlparse(url).netloc != own
    ]
    assert foreign == []
    assert page.locator("h1").first.is_visible()
    context.close()


def test_the_apply_button_is_visible_on_a_phone(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "stillinger/sykepleier-natt-solbakken/")
    apply = page.locator("a.careers-apply").first
    assert apply.is_visible()
    assert apply.get_attribute("href", timeout=1000).startswith("https://")
    box = apply.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE["width"], "no horizontal overflow"
    context.close()


def test_the_job_list_and_job_page_work_without_javascript(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "stillinger/")
    cards = page.locator(".careers-job-card .careers-card__title a")
    assert cards.count() >= 10
    first_title = cards.first.inner_text()
    cards.first.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == first_title
    assert page.locator("a.careers-apply").first.is_visible()
    context.close()


@pytest.mark.parametrize(
    ("query", "expected_title"),
    [
        ("Solbakken", "Sykepleier natt – Solbakken sykehjem"),
        ("sykepleiere", "Sykepleiere til korttid og akutte døgnplasser"),
        ("helsefagarbeidere", "Helsefagarbeidere i hjemmetjenesten Sentrum"),
        ("lærling", "Lærling i helsearbeiderfaget 2027"),
        ("sykepl", "Sykepleier natt – Solbakken sykehjem"),
    ],
)
def test_search_finds_whole_norwegian_words_and_beginnings(  # type: ignore[no-untyped-def]
    browser, site_url: str, query: str, expected_title: str
) -> None:
    """Whole inflected words and names are found, and so are beginnings of words."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query, delay=20)
    page.wait_for_function(
        "/\\d/.test(document.querySelector('.md-search-result__meta')?.textContent)",
        timeout=10_000,
    )
    titles = page.locator(".md-search-result__article h1").all_inner_texts()
    assert expected_title in titles
    context.close()


@every_template
def test_every_template_works_without_javascript(browser, site_url: str, path: str) -> None:  # type: ignore[no-untyped-def]
    """Content shows, and the buttons that need our script stay hidden instead of dead."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    response = page.goto(site_url + path)
    assert response is not None and response.status == (404 if path == MISSING_PAGE else 200)
    assert page.locator("h1").first.is_visible()
    script_only = "[data-careers-search], [data-careers-copy-link], [data-careers-print]"
    assert (
        page.locator(f"{script_only}, [data-careers-copy-text]").locator("visible=true").count()
        == 0
    )
    context.close()


def test_the_menu_opens_by_keyboard_without_javascript(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + TEMPLATE_PAGES["story.html"])
    menu = page.locator(".careers-menu__list")
    assert not menu.is_visible()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.careers-menu__button')"):
            break
    page.keyboard.press("Enter")
    assert menu.is_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # «Hjem», then «Ledige stillinger»
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text().startswith("Ledige stillinger")
    context.close()


def test_events_and_their_calendar_files_work_without_javascript(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "arrangementer/")
    first = page.locator(".careers-card__title a").first
    title = first.inner_text()
    first.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == title
    calendar_link = page.locator("a[href$='.ics']").first
    assert calendar_link.is_visible()
    calendar = page.request.get(urljoin(page.url, calendar_link.get_attribute("href") or ""))
    assert calendar.status == 200
    assert calendar.text().startswith("BEGIN:VCALENDAR")
    assert title.split(" – ")[0] in calendar.text().replace("\r\n ", "")
    page.locator("a[href$='utskrift/']").first.click()
    page.wait_for_load_state()
    assert page.locator(".careers-qr__code svg").is_visible()
    context.close()


def test_the_search_opens_from_a_button_on_phones_and_from_the_field_on_desktops(  # type: ignore[no-untyped-def]
    browser, site_url: str
) -> None:
    desktop = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = desktop.new_page()
    page.goto(site_url)
    assert page.locator("input.md-search__input").is_visible()
    assert not page.locator("[data-careers-search]").is_visible()
    desktop.close()
    phone = browser.new_context(viewport=PHONE)
    page = phone.new_page()
    page.goto(site_url)
    button = page.locator("[data-careers-search]")
    assert button.is_visible() and button.get_attribute("aria-label") == "Søk"
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("Solbakken")
    page.wait_for_function(
        "/\\d/.test(document.querySelector('.md-search-result__meta')?.textContent)"
    )
    assert page.locator(".md-search-result__article h1").first.is_visible()
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__search').checked")
    phone.close()
