"""The guideline pages for comms staff in the built example site: the report and a page per
rule, hidden from applicants (navigation, search, search engines), agreeing with `check`."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from generator.guidelines import RULES
from tests.conftest import REPO, run_careers
from tests.sources import example_jobs, soup

FOLDER = "retningslinjer"


def check_findings() -> list[dict]:
    result = run_careers("check", "--site", str(REPO), "--format", "json")
    return [finding for finding in json.loads(result.stdout) if finding["code"] != "SITE"]


def test_every_rule_has_a_documented_page(example_site: Path) -> None:
    for code, rule in RULES.items():
        page = soup(example_site / FOLDER / code.lower() / "index.html")
        assert page.find("h1").get_text(strip=True) == f"{code} {rule.doc.title}"
        text = page.get_text()
        for heading in ["Hva regelen sjekker", "Hvorfor", "Slik retter du det", "Slik ikke"]:
            assert heading in text, (code, heading)
        assert rule.name in text
        assert page.select_one('meta[name="robots"]')["content"] == "noindex, nofollow"


def test_the_report_scores_every_ad_and_links_the_rules(example_site: Path) -> None:
    report = soup(example_site / FOLDER / "index.html")
    assert report.select_one('meta[name="robots"]')["content"] == "noindex, nofollow"
    ads = report.select(".careers-report-ad")
    assert len(ads) == len(example_jobs())
    scores = [int(ad.select_one(".careers-score").get_text()) for ad in ads]
    assert scores == sorted(scores) and all(0 <= score <= 100 for score in scores)
    for link in report.select(".careers-findings a[href]"):
        target = (example_site / FOLDER / link["href"]).resolve() / "index.html"
        assert target.is_file(), link["href"]
    figures = [li.get_text(" ", strip=True) for li in report.select(".careers-figures li")]
    assert any("tilbyr heltid" in figure for figure in figures)
    assert any("LIX" in figure for figure in figures)


def test_the_chart_counts_agree_with_check(example_site: Path) -> None:
    expected = Counter((f["code"], f["severity"]) for f in check_findings())
    report = soup(example_site / FOLDER / "index.html")
    table = report.select_one("figure.careers-chart + .careers-table-wrap table")
    shown: Counter[tuple[str, str]] = Counter()
    for row in table.select("tbody tr"):
        code = row.th.get_text(strip=True).split()[0]
        for severity, cell in zip(["error", "warning", "info"], row.select("td"), strict=True):
            if int(cell.get_text()):
                shown[(code, severity)] = int(cell.get_text())
    assert shown == expected
    bars = report.select("figure.careers-chart svg text.careers-chart__total")
    assert len(bars) == len({code for code, _ in expected})


def test_guideline_pages_are_hidden_from_applicants(example_site: Path) -> None:
    index = (example_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert f"{FOLDER}/" not in index
    assert f"{FOLDER}/" not in (example_site / "sitemap.xml").read_text(encoding="utf-8")
    home = soup(example_site / "index.html")
    assert not [a for a in home.select("a[href]") if FOLDER in a["href"]]
