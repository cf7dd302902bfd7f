"""NAV's expiry rule, applied as NAV applies it: our ads stay on arbeidsplassen.no through
the last day to apply.

On arrival, NAV's import API (TransferLogService.handleExpiryAndStarttimeCombinations) moves
`expires` back to the start of the applicationdue day when applicationdue parses as a date,
and gives «Snarest» without `expires` ten days from publishing. tests/java/NavExpiryRule.java
applies that rule with the same java.time pattern; these tests feed it the exported fields and
check the expiry NAV ends up with."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from generator.pipeline import read_site
from generator.render.nav_export import STREAM_FILE, nav_export
from generator.render.views import Views
from tests.conftest import EXAMPLE_TODAY, REPO
from tests.test_nav_export import make_job, make_site

RULE_SOURCE = Path(__file__).parent / "java" / "NavExpiryRule.java"
JAVA, JAVAC = shutil.which("java"), shutil.which("javac")

pytestmark = pytest.mark.skipif(
    JAVA is None or JAVAC is None,
    reason="Java (java and javac) is not installed: NAV's expiry rule is checked in java.time, "
    "as NAV's import API runs it",
)

# reference, published, expires, applicationdue; None where the ad has no such field.
Row = tuple[str, str | None, str | None, str | None]
Rule = Callable[[Iterable[Row]], dict[str, str]]


@pytest.fixture(scope="module")
def nav_rule(tmp_path_factory: pytest.TempPathFactory) -> Rule:
    """Compile the rule once; the returned function gives reference → effective expiry."""
    classes = tmp_path_factory.mktemp("nav-rule")
    subprocess.run(
        [str(JAVAC), "-d", str(classes), str(RULE_SOURCE)], check=True, capture_output=True
    )

    def run(rows: Iterable[Row]) -> dict[str, str]:
        lines = "".join("\t".join(field or "" for field in row) + "\n" for row in rows)
        result = subprocess.run(
            [str(JAVA), "-cp", str(classes), "NavExpiryRule"],
            input=lines.encode("utf-8"),
            capture_output=True,
            check=True,
            timeout=60,
        )
        pairs = [line.split("\t") for line in result.stdout.decode("utf-8").splitlines()]
        return {reference: expiry for reference, expiry in pairs}

    return run


def exported_fields(ad: dict[str, Any]) -> Row:
    """The fields NAV's rule reads, as the export wrote them."""
    return (
        ad["reference"],
        ad.get("published"),
        ad.get("expires"),
        ad["properties"].get("applicationdue"),
    )


def end_of(day: date) -> str:
    return datetime.combine(day, time(23, 59, 59)).isoformat()


# --- The rule as NAV applies it -------------------------------------------------------------

PUBLISHED = "2026-11-01T00:00:00"
END_OF_DEADLINE = "2026-12-08T23:59:59"


@pytest.mark.parametrize(
    ("expires", "applicationdue", "effective"),
    [
        # The fault: a deadline NAV parses ends the ad as the deadline day begins.
        (END_OF_DEADLINE, "08.12.2026", "2026-12-08T00:00:00"),
        (END_OF_DEADLINE, "2026-12-08T12:00", "2026-12-08T00:00:00"),
        (END_OF_DEADLINE, "2026-12-08T12:00:00", "2026-12-08T00:00:00"),
        # A deadline after the expiry, or one NAV keeps as text, leaves the expiry alone.
        (END_OF_DEADLINE, "09.12.2026", END_OF_DEADLINE),
        (END_OF_DEADLINE, "8. desember 2026", END_OF_DEADLINE),
        (END_OF_DEADLINE, "8 December 2026", END_OF_DEADLINE),
        (END_OF_DEADLINE, None, END_OF_DEADLINE),
        # «Snarest» without an expiry: ten days from publishing, whatever the case …
        (None, "Snarest", "2026-11-11T00:00:00"),
        (None, "SNAREST", "2026-11-11T00:00:00"),
        # … and with one, the expiry as sent.
        ("2027-06-30T23:59:59", "Snarest", "2027-06-30T23:59:59"),
        ("2027-06-30T23:59:59", "snarest", "2027-06-30T23:59:59"),
        # Another text without an expiry has none.
        (None, "Fortløpende", "none"),
    ],
)
def test_nav_s_rule(
    nav_rule: Rule, expires: str | None, applicationdue: str | None, effective: str
) -> None:
    assert nav_rule([("ad", PUBLISHED, expires, applicationdue)]) == {"ad": effective}


# --- What we export -------------------------------------------------------------------------


def test_every_kind_of_ad_stays_through_its_last_day(nav_rule: Rule) -> None:
    jobs = [
        make_job("dato", deadline="2026-12-08"),
        make_job("norsk-dato", deadline="08.12.2026"),
        make_job("nynorsk", deadline="2026-12-11", language="nn"),
        make_job("engelsk", deadline="2026-12-14", language="en"),
        make_job(
            "bunt",
            deadline="2026-12-16",
            openings=[
                {"percent": "73,68", "employment_type": "fast"},
                {"percent": "70,42", "employment_type": "vikariat", "until": "2027-08-31"},
            ],
        ),
        make_job(
            "ekstravakter-til-sommeren",
            deadline="fortløpende",
            visible_until="2027-06-30",
            employment_type="tilkallingsvikar",
        ),
        make_job("ekstravakter", deadline="fortløpende", employment_type="tilkallingsvikar"),
        make_job("uten-frist", deadline=None),
    ]
    site = make_site(jobs)
    ads = {ad["reference"]: ad for ad in nav_export(site, Views(site))}
    effective = nav_rule(exported_fields(ad) for ad in ads.values())

    for job in jobs:
        ad = ads[job.slug]
        if job.last_listed_day is not None:
            # Dated ads through the deadline day, standing ads through `visible_until`.
            assert effective[job.slug] == end_of(job.last_listed_day), job.slug
        else:
            # «Snarest» with our rolling expiry: NAV keeps it, so an old standing ad does
            # not end ten days after it was first published.
            assert ad["properties"]["applicationdue"] == "Snarest", job.slug
            assert effective[job.slug] == ad["expires"], job.slug
            assert date.fromisoformat(ad["expires"][:10]) > site.today, job.slug
    assert ads["ekstravakter-til-sommeren"]["properties"]["applicationdue"] == "Snarest"


def test_the_built_example_export_stays_through_every_deadline(
    example_site: Path, nav_rule: Rule
) -> None:
    site, _diagnostics = read_site(REPO, date.fromisoformat(EXAMPLE_TODAY))
    assert site is not None
    stream = (example_site / "eksport" / STREAM_FILE).read_text(encoding="utf-8")
    ads = [json.loads(line) for line in stream.splitlines()]
    assert [ad["reference"] for ad in ads] == [job.slug for job in site.open_jobs]
    effective = nav_rule(exported_fields(ad) for ad in ads)
    jobs = {job.slug: job for job in site.open_jobs}
    for ad in ads:
        job = jobs[ad["reference"]]
        expected = end_of(job.last_listed_day) if job.last_listed_day else ad["expires"]
        assert effective[ad["reference"]] == expected, ad["reference"]
    assert any(job.deadline_date for job in jobs.values()), "no dated ad to check"
