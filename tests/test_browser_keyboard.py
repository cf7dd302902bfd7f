# ruff: noqa: F811  (the imported fixtures are parameters of the tests, as pytest wants)
"""What axe cannot see, with the keyboard alone in Debian's Chromium: the skip link, every
interactive element reached by Tab and visibly focused, no keyboard trap, and the apply button
a few tab stops after a job's title. (The job filters by keyboard, with the result count in a
live region, are in test_browser_job_filters.py.)"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser_support import (  # noqa: F401 (fixtures)
    SCHEMES,
    TEMPLATE_PAGES,
    VIEWPORTS,
    browser,
    every_scheme,
    every_template,
    every_viewport,
    open_page,
    site_url,
)

# Marks every element the keyboard should reach (visible, enabled, not inside a closed
# <details> or a hidden region) and remembers how it looks without focus.
MARK_TABBABLES = """() => {
  const selector = 'a[href], area[href], button, input:not([type=hidden]), select, textarea,'
    + ' summary, iframe, [tabindex], [contenteditable=""], [contenteditable=true]';
  const looks = element => {
    const style = getComputedStyle(element);
    return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow,
            style.backgroundColor, style.color, style.textDecorationLine, style.borderColor]
      .join('|');
  };
  const reachable = element => {
    if (element.disabled || element.tabIndex < 0 || element.closest('[inert]')) return false;
    if (!element.checkVisibility({checkVisibilityCSS: true})) return false;
    const closed = element.closest('details:not([open])');
    if (closed && !(element.tagName === 'SUMMARY' && element.parentElement === closed)) {
      return false;
    }
    return true;
  };
  const elements = [...document.querySelectorAll(selector)].filter(reachable);
  window.__unfocusedLooks = new Map(elements.map(element => [element, looks(element)]));
  window.__looks = looks;
  elements.forEach((element, index) => element.setAttribute('data-kb', String(index)));
  return elements.length;
}"""

# What has focus now, and whether it looks different from unfocused and is on screen.
FOCUSED = r"""() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const before = window.__unfocusedLooks.get(element);
  const style = getComputedStyle(element);
  const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    && !style.outlineColor.endsWith(', 0)');
  const box = element.getBoundingClientRect();
  // An outline must stand out from what is behind it: 3:1 (WCAG 2.1, 1.4.11), also the «auto»
  // style, which Chromium draws in the outline colour when one is set.
  const rgb = text => (text.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = value => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  let behind = element.parentElement;
  while (behind && (rgb(getComputedStyle(behind).backgroundColor)[3] ?? 1) === 0) {
    behind = behind.parentElement;
  }
  const background = rgb(behind ? getComputedStyle(behind).backgroundColor
                                 : getComputedStyle(document.body).backgroundColor);
  const [lighter, darker] = [luminance(rgb(style.outlineColor)), luminance(background)]
    .sort((a, b) => b - a);
  const outlineContrast = (lighter + 0.05) / (darker + 0.05);
  return {
    outlineContrast: Math.round(outlineContrast * 100) / 100,
    index: element.getAttribute('data-kb'),
    name: (element.tagName + ' ' + (element.getAttribute('href') || element.id
           || element.className || '') + ' «' + (element.textContent || '').trim().slice(0, 40)
           + '»'),
    changed: before !== undefined && before !== window.__looks(element),
    outlined,
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
      && box.top < innerHeight && box.left < innerWidth,
  };
}"""


# Focus starts transitions (Material fades colours, opens the search). Judge what the reader
# sees once they have settled: with no transition time, the end state comes at once.
NO_TRANSITIONS = (
    "*, *::before, *::after { transition-duration: 0s !important;"
    " transition-delay: 0s !important; animation-duration: 0s !important; }"
)


def tab_through(page: Any) -> tuple[int, list[dict[str, Any]]]:
    """Press Tab from the top until focus leaves the page; every focused element in order."""
    page.add_style_tag(content=NO_TRANSITIONS)
    count = page.evaluate(MARK_TABBABLES)
    visited: list[dict[str, Any]] = []
    for _ in range(2 * count + 10):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:  # past the last element: focus went back to the browser
            return count, visited
        visited.append(focused)
    pytest.fail(f"focus never left the page after {len(visited)} tab stops: a keyboard trap?")


@every_scheme
@every_viewport
@every_template
def test_tab_reaches_everything_with_visible_focus_and_no_trap(  # type: ignore[no-untyped-def]
    browser, site_url: str, path: str, viewport: str, scheme: str
) -> None:
    context, page = open_page(browser, site_url + path, viewport, scheme)
    count, visited = tab_through(page)
    context.close()
    assert count > 3
    assert visited[0]["name"].startswith("A #innhold"), "the skip link is the first tab stop"
    reached = {stop["index"] for stop in visited}
    missing = [str(index) for index in range(count) if str(index) not in reached]
    unmarked = [stop["name"] for stop in visited if stop["index"] is None]
    assert not missing, f"{len(missing)} of {count} interactive elements never got focus"
    assert not unmarked, f"focus went to elements that look unreachable: {unmarked}"
    invisible = [stop["name"] for stop in visited if not (stop["changed"] or stop["outlined"])]
    assert not invisible, f"no visible focus on: {invisible}"
    faint = [
        f"{stop['name']} ({stop['outlineContrast']}:1)"
        for stop in visited
        if stop["outlined"] and stop["outlineContrast"] < 3
    ]
    assert not faint, f"focus outline under 3:1 against its background: {faint}"
    off_screen = [stop["name"] for stop in visited if not stop["onScreen"]]
    assert not off_screen, f"focused but not on screen: {off_screen}"


def test_shift_tab_goes_back_the_same_way(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context, page = open_page(browser, site_url + TEMPLATE_PAGES["job.html"], "desktop")
    _, forward = tab_through(page)
    backward = []
    for _ in range(len(forward)):
        page.keyboard.press("Shift+Tab")
        backward.append(page.evaluate(FOCUSED)["index"])
    context.close()
    assert backward == [stop["index"] for stop in reversed(forward)]


@every_viewport
@every_template
def test_the_skip_link_shows_on_focus_and_leads_to_the_content(  # type: ignore[no-untyped-def]
    browser, site_url: str, path: str, viewport: str
) -> None:
    context, page = open_page(browser, site_url + path, viewport)
    skip = page.locator("a.careers-skip")
    assert skip.count() == 1
    assert page.locator("a.md-skip:visible").count() <= 1, "one skip link, not two"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('careers-skip')")
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0 and box["width"] > 20, "visible when focused"
    assert skip.inner_text().strip() == "Gå til innholdet"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    in_content = page.evaluate("!!document.activeElement.closest('#innhold')")
    focused = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    context.close()
    assert in_content, f"after the skip link, Tab went to {focused}"


@every_viewport
def test_the_apply_button_is_a_few_tab_stops_after_the_job_title(  # type: ignore[no-untyped-def]
    browser, site_url: str, viewport: str
) -> None:
    context, page = open_page(browser, site_url + TEMPLATE_PAGES["job.html"], viewport)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link: focus starts at the content, the title first
    stops = 0
    while stops < 10:
        page.keyboard.press("Tab")
        stops += 1
        if page.evaluate("document.activeElement.matches('a.careers-apply')"):
            break
    context.close()
    print(f"apply button: {stops} tab stops after the job title ({viewport})")
    assert stops <= 3
