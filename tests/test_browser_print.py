"""The printable event page in Debian's Chromium: it fits one A4 page, and the screen-only
links stay off the paper."""

from __future__ import annotations

import re

import pytest

from tests.browser_support import browser, site_url  # noqa: F401 (fixtures)
from tests.conftest import REPO

EVENTS = sorted(path.stem for path in (REPO / "content/events").glob("*.md"))


@pytest.mark.parametrize("slug", EVENTS)
def test_the_print_version_is_one_a4_page(browser, site_url: str, slug: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}arrangementer/{slug}/utskrift/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".careers-print__screen-only").is_visible()
    assert page.locator(".careers-qr__code svg").is_visible()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    context.close()
    assert pages == 1, f"{slug}: {pages} pages"
