# ruff: noqa: F811  (the imported fixtures are parameters of the tests, as pytest wants)
"""WCAG 2.1 A and AA with axe-core in Debian's Chromium, on one page of every template, at
phone and desktop width, in the light and the dark colour scheme."""

from __future__ import annotations

from typing import Any

from tests.browser_support import (  # noqa: F401 (fixtures)
    AXE_SCRIPT,
    SCHEMES,
    TEMPLATE_PAGES,
    VIEWPORTS,
    browser,
    every_scheme,
    every_template,
    every_viewport,
    open_page,
    require_tool,
    site_url,
    template_of,
)
from tests.conftest import REPO

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary']}")
    return "\n".join(lines)


def test_every_template_has_a_page_in_the_checks() -> None:
    templates = {path.name for path in (REPO / "overrides").glob("*.html")} - {"main.html"}
    checked = {template_of(name) for name in TEMPLATE_PAGES}
    assert templates <= checked, f"add a page for {sorted(templates - checked)} to TEMPLATE_PAGES"


@every_scheme
@every_viewport
@every_template
def test_no_wcag_21_aa_violations(  # type: ignore[no-untyped-def]
    browser, site_url: str, path: str, viewport: str, scheme: str
) -> None:
    context, page = open_page(browser, site_url + path, viewport, scheme)
    page.add_script_tag(path=str(require_tool(AXE_SCRIPT)))
    results = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        WCAG_TAGS,
    )
    context.close()
    assert results["passes"], "axe ran its rules"
    assert results["violations"] == [], describe(results["violations"])


def test_the_check_finds_a_planted_violation(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """The harness is not blind: light grey text and an unlabelled field are caught."""
    context, page = open_page(browser, site_url + TEMPLATE_PAGES["job.html"], "phone")
    page.evaluate(
        """() => document.querySelector("article").insertAdjacentHTML("beforeend",
            '<p style="color:#bbbbbb;background:#ffffff">Lys tekst</p><input type="text">')"""
    )
    page.add_script_tag(path=str(require_tool(AXE_SCRIPT)))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    context.close()
    assert {violation["id"] for violation in results["violations"]} >= {"color-contrast", "label"}
