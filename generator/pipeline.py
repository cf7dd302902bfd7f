"""The whole build, one stage after the other: load → validate → check → render → publish.

Phase one (load, validate, check) reads everything and writes nothing; only a site without
errors reaches phase two (render, publish).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from generator.diagnostics import Diagnostics, Severity, SiteError
from generator.guidelines.checker import check_guidelines
from generator.links import LinkReport, check_links
from generator.load import load_sources
from generator.publish import build_folder, check_output_folder, output_lock, swap_into_place
from generator.render.calendar import SequenceLedger
from generator.render.engine import run_engine
from generator.render.images import process_site_photos
from generator.render.stage import stage_site
from generator.site import Site
from generator.validate import validate_site

# Kept in the published site between builds: the calendar sequence of every event.
CALENDAR_LEDGER = ".careers-calendar.json"
MAX_PAGES_NAMED = 3  # a link broken on more pages is reported once
BROKEN_LINK_SHARED_HINT = (
    "en lenke som står på mange sider, kommer trolig fra en mal i overrides/ eller fra "
    "ad_footer i site_config.yml: rett den der"
)
BROKEN_LINK_HINT = (
    "siden er laget fra innholdet ditt: rett lenken i Markdown-filen eller malen den kommer fra, "
    "eller fjern den"
)


class Reporter(Protocol):
    """Receives progress; the CLI shows it, tests ignore it."""

    def stage(self, name: str) -> None: ...

    def done(self, text: str) -> None: ...

    def waiting(self, text: str) -> None: ...


class SilentReporter:
    def stage(self, name: str) -> None:
        pass

    def done(self, text: str) -> None:
        pass

    def waiting(self, text: str) -> None:
        pass


@dataclass
class BuildResult:
    site: Site
    out: Path
    diagnostics: Diagnostics
    engine_warnings: list[str] = field(default_factory=list)
    links: LinkReport | None = None


def read_site(
    site_dir: Path,
    today: date | None,
    reporter: Reporter | None = None,
    select: Collection[str] = (),
    ignore: Collection[str] = (),
) -> tuple[Site | None, Diagnostics]:
    """Phase one: load, validate and check. Returns the site (None if unusable) and all
    findings; `select`/`ignore` narrow the guideline rules that run."""
    reporter = reporter or SilentReporter()
    diagnostics = Diagnostics()
    reporter.stage("Leser filene")
    sources = load_sources(site_dir, diagnostics)
    reporter.stage("Validerer innholdet")
    site = validate_site(sources, diagnostics, today)
    if site is not None:
        reporter.done(
            f"Lest inn: stillinger {len(site.jobs)}, historier {len(site.stories)}, "
            f"praksisplasser {len(site.placements)}, arrangementer {len(site.events)}, "
            f"sider {len(site.pages)}, arbeidssteder {len(site.units)}"
        )
        reporter.stage("Sjekker annonsene mot retningslinjene")
        documents = {document.relative: document for document in sources.content["jobs"]}
        site.ad_results = check_guidelines(site, documents, diagnostics, select, ignore)
    return site, diagnostics


def build_site(
    site_dir: Path,
    out: Path,
    today: date | None = None,
    strict: bool = False,
    reporter: Reporter | None = None,
) -> BuildResult:
    """Build the site in ``site_dir`` into ``out``; raise SiteError and write nothing on errors."""
    reporter = reporter or SilentReporter()
    site_dir, out = site_dir.resolve(), out.resolve()
    site, diagnostics = read_site(site_dir, today, reporter)
    # Guideline errors block only a strict build; a plain build publishes and reports them.
    if site is None or diagnostics.has_validation_errors or (strict and diagnostics.has_errors):
        raise SiteError(diagnostics)
    reporter.stage("Behandler bildene")
    photos = process_site_photos(site, diagnostics)
    if diagnostics.has_validation_errors:
        raise SiteError(diagnostics)
    check_output_folder(out, site_dir)
    with (
        output_lock(
            out, lambda: reporter.waiting(f"Et annet bygg skriver til {out}; venter på det …")
        ),
        build_folder(out) as work,
    ):
        reporter.stage("Lager sidene")
        # What the last published calendars said, so a changed event gets a higher SEQUENCE.
        ledger = SequenceLedger.load(out / CALENDAR_LEDGER)
        if ledger.problem:
            diagnostics.add(CALENDAR_LEDGER, 0, "", ledger.problem, severity=Severity.WARNING)
        config_file = stage_site(site, work / "staging", ledger, photos, reporter.done)
        reporter.stage("Bygger nettstedet med MkDocs")
        new_site = work / "site"
        engine_warnings = run_engine(config_file, new_site, site.today)
        if strict and engine_warnings:
            # --strict: a page with a broken link or a template warning is not published.
            for warning in engine_warnings:
                diagnostics.add("mkdocs", 0, "", warning, "rett feilen, eller bygg uten --strict")
            raise SiteError(diagnostics)
        reporter.stage("Sjekker lenkene")
        links = check_links(new_site, site.config.base_url)
        report_broken_links(links, diagnostics, lambda source: _published(out, site_dir, source))
        for source, problem in links.unreadable.items():
            diagnostics.add(
                _published(out, site_dir, source),
                0,
                "",
                f"Lenkene ble ikke sjekket: filen {problem}",
                severity=Severity.WARNING,
            )
        reporter.done(
            f"Sjekket {links.links_checked} interne lenker på {links.pages_checked} sider: "
            f"{len(links.broken)} virker ikke ({len(links.external)} lenker til andre "
            "nettsteder sjekkes ikke)"
        )
        if strict and (links.broken or links.unreadable):
            # --strict: a page with a link to nowhere is not published.
            raise SiteError(diagnostics)
        ledger.save(new_site / CALENDAR_LEDGER)
        reporter.stage("Publiserer")
        swap_into_place(new_site, out)
    reporter.done(f"Nettstedet er bygget i {out}")
    return BuildResult(site, out, diagnostics, engine_warnings, links)


def report_broken_links(
    links: LinkReport, diagnostics: Diagnostics, published: Callable[[str], str]
) -> None:
    """A warning per broken link; one per address when it is broken on many pages, which
    means it comes from a template or the ad footer (a thousand lines would hide it)."""
    pages_by_link: dict[tuple[str, str], list[str]] = defaultdict(list)
    for broken in links.broken:
        pages_by_link[broken.url, broken.reason].append(broken.source)
    for (url, reason), sources in pages_by_link.items():
        message = f"Lenken «{url}» virker ikke: {reason}"
        if len(sources) <= MAX_PAGES_NAMED:
            for source in sources:
                diagnostics.add(
                    published(source), 0, "", message, BROKEN_LINK_HINT, Severity.WARNING
                )
            continue
        others = ", ".join(published(source) for source in sources[1:MAX_PAGES_NAMED])
        diagnostics.add(
            published(sources[0]),
            0,
            "",
            f"{message} (på {len(sources)} sider, også {others} …)",
            BROKEN_LINK_SHARED_HINT,
            Severity.WARNING,
        )


def _published(out: Path, site_dir: Path, relative: str) -> str:
    """Where a built file is published, so the author sees it is a built page: relative to the
    site folder when the output is inside it («site/om-oss/index.html»), else in full."""
    path = out / relative
    return (path.relative_to(site_dir) if path.is_relative_to(site_dir) else path).as_posix()
