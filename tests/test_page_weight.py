# ruff: noqa: F811  (the imported fixtures are parameters of the tests, as pytest wants)
"""The applicant's budget on a slow phone connection: what a job page transfers, compressed,
and what its Largest Contentful Paint is. Measured in Debian's Chromium; the figures are
printed (pytest -s) for the closing notes and the README."""

from __future__ import annotations

import gzip
from collections import defaultdict
from typing import Any

import pytest

from tests.browser_support import (  # noqa: F401 (fixtures)
    PHONE,
    TEMPLATE_PAGES,
    VIEWPORTS,
    browser,
    every_viewport,
    site_url,
)

BUDGET_KB = 150  # all a job page loads but images, compressed: HTML, CSS, JS, search index

LARGEST_CONTENTFUL_PAINT = """() => new Promise(resolve => {
  new PerformanceObserver(list => {
    const entry = list.getEntries().at(-1);
    const element = entry.element;
    resolve({
      tag: element ? element.tagName : null,
      text: element ? (element.textContent || '').trim().slice(0, 60) : '',
      url: entry.url,
      width: element ? element.getAttribute('width') : null,
      height: element ? element.getAttribute('height') : null,
      size: entry.size,
    });
  }).observe({type: 'largest-contentful-paint', buffered: true});
})"""


def transferred(browser: Any, url: str, viewport: dict[str, int]) -> dict[str, list[int]]:
    """Compressed bytes per resource type of everything loaded until the network is idle."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    sizes: dict[str, list[int]] = defaultdict(list)
    for response in responses:
        kind = response.request.resource_type
        body = response.body()
        sizes[kind].append(len(body) if kind == "image" else len(gzip.compress(body, 6)))
    context.close()
    return sizes


@every_viewport
def test_a_job_page_stays_within_the_budget(browser, site_url: str, viewport: str) -> None:  # type: ignore[no-untyped-def]
    sizes = transferred(browser, site_url + TEMPLATE_PAGES["job.html"], VIEWPORTS[viewport])
    # Compressed as a web server sends it (gzip, as GitHub and GitLab Pages do); images as stored.
    # The search worker's scripts («other») and index («xhr») count too.
    code = sum(sum(values) for kind, values in sizes.items() if kind != "image") / 1000
    everything = sum(sum(values) for values in sizes.values()) / 1000
    print(f"\njob page, {viewport}: all but images {code:.1f} kB compressed (budget {BUDGET_KB})")
    for kind, values in sorted(sizes.items()):
        print(f"  {kind:<11} {len(values):>2} files  {sum(values) / 1000:6.1f} kB")
    print(f"  all requests {everything:.1f} kB (images as stored)")
    assert sizes["document"] and sizes["stylesheet"] and sizes["script"], "the page was measured"
    assert code < BUDGET_KB


@every_viewport
@pytest.mark.parametrize("name", ["job.html", "home.html", "story.html"])
def test_the_largest_paint_is_text_or_an_image_with_its_size(  # type: ignore[no-untyped-def]
    browser, site_url: str, name: str, viewport: str
) -> None:
    """No layout shift while it loads: an image that is the largest paint declares its size."""
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    page.goto(site_url + TEMPLATE_PAGES[name], wait_until="load")
    largest = page.evaluate(LARGEST_CONTENTFUL_PAINT)
    context.close()
    print(f"\nLCP {name} {viewport}: {largest}")
    assert largest["tag"] is not None
    if largest["url"]:  # an image
        assert largest["tag"] == "IMG" and largest["width"] and largest["height"], largest
    else:
        assert largest["tag"] not in {"IMG", "VIDEO", "svg"} and largest["text"], largest
