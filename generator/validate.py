"""Stage 2, validate: every source document into its typed model, then the cross-references.

All problems in all files are collected; one bad file never hides another. A document that
fails its model is left out of the site, and the build stops before anything is written.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from PIL import Image
from pydantic import BaseModel, ValidationError

from generator.diagnostics import Diagnostics, Severity
from generator.guidelines import RULES
from generator.guidelines.config import GuidelineConfig, merge
from generator.language import Language
from generator.load import EMPLOYERS, PROFESSIONS, UNITS, SourceSet
from generator.model_errors import did_you_mean, report_validation_error
from generator.models import (
    Employer,
    Event,
    Job,
    Page,
    Placement,
    Profession,
    SiteConfig,
    Story,
    Unit,
)
from generator.models.document import MarkdownDocument
from generator.models.fields import OSLO, SLUG_PATTERN
from generator.site import Site
from generator.source import FieldPath, SourceDocument, dotted_field, values_at
from generator.validate_employers import EmployerChecks
from generator.validate_jobs import JobChecks

ModelT = TypeVar("ModelT", bound=BaseModel)
DocumentT = TypeVar("DocumentT", bound=MarkdownDocument)

CONSENT_RENEWAL_DAYS = 30
SECTIONS = ("jobs", "units", "stories", "placements", "events", "guidelines")
RESERVED_PAGE_SLUGS = {"index", "assets", "search", "404"}
STORIES = "content/stories/"
# Where each content type names a unit or a profession («*»: every item of a list).
NAMED_UNITS_AND_PROFESSIONS: dict[str, tuple[tuple[FieldPath, str], ...]] = {
    "jobs": (
        (("unit",), UNITS),
        (("units", "*"), UNITS),
        (("profession",), PROFESSIONS),
        (("professions", "*"), PROFESSIONS),
        (("openings", "*", "unit"), UNITS),
        (("openings", "*", "profession"), PROFESSIONS),
    ),
    "stories": ((("person", "unit"), UNITS), (("person", "profession"), PROFESSIONS)),
    "placements": ((("unit",), UNITS),),
}


def today_in_oslo() -> date:
    return datetime.now(OSLO).date()


def validate_site(sources: SourceSet, diagnostics: Diagnostics, today: date | None) -> Site | None:
    """Build the site model, or return None when the site config itself is unusable.

    Every file is validated even then, so that one bad file never hides another.
    """
    config = _validate_config(sources.config, diagnostics)
    units, invalid_units = _validate_keyed_list(sources.units, Unit, "id", diagnostics)
    professions, invalid_professions = _validate_keyed_list(
        sources.professions, Profession, "key", diagnostics
    )
    employers, invalid_employers = _validate_keyed_list(
        sources.employers, Employer, "id", diagnostics
    )
    content = sources.content
    jobs = _validate_documents(content["jobs"], Job, diagnostics)
    stories = _validate_documents(content["stories"], Story, diagnostics)
    placements = _validate_documents(content["placements"], Placement, diagnostics)
    events = _validate_documents(content["events"], Event, diagnostics)
    pages = _validate_documents(content["pages"], Page, diagnostics)
    guidelines = _validate_guidelines(sources, diagnostics)
    if config is None or guidelines is None:
        return None
    site = Site(
        site_dir=sources.site_dir,
        config=config,
        today=today or config.build_date or today_in_oslo(),
        units=units,
        professions=professions,
        employers=employers,
        jobs=jobs,
        stories=stories,
        placements=placements,
        events=events,
        pages=pages,
        guidelines=guidelines,
    )
    # References to records that are already reported as broken would only repeat the error.
    already_reported = {
        UNITS: invalid_units,
        PROFESSIONS: invalid_professions,
        EMPLOYERS: invalid_employers if sources.employers else set(),
    }
    CrossReferences(site, sources, diagnostics, already_reported).check()
    return site


def _validate_model(
    document: SourceDocument,
    model: type[ModelT],
    data: Any,
    diagnostics: Diagnostics,
    prefix: FieldPath = (),
) -> ModelT | None:
    if not isinstance(data, dict):
        diagnostics.add(
            document.relative,
            document.line_of(prefix),
            "",
            "forventet felt på formen «navn: verdi»",
            "se eksempelnettstedet for hvordan filen skal se ut",
        )
        return None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        report_validation_error(error, model, document, diagnostics, prefix)
        return None


def _validate_guidelines(sources: SourceSet, diagnostics: Diagnostics) -> GuidelineConfig | None:
    """The product's default configuration with the site's data/guidelines.yml laid over it.
    Each file is checked on its own first, so a message names the file and line it is about."""
    merged: dict[str, Any] = {}
    usable = sources.guidelines_readable
    for document in [*sources.guideline_defaults, *sources.guidelines]:
        partial = _validate_model(document, GuidelineConfig, document.data, diagnostics)
        if partial is None:
            usable = False
            continue
        for code in partial.rules:
            if code not in RULES:
                diagnostics.add(
                    document.relative,
                    document.line_of(("rules", code)),
                    f"rules.{code}",
                    f"«{code}» er ikke en regel i retningslinjene",
                    did_you_mean(code, RULES) or "reglene heter JA001 og JA101–JA504",
                )
                usable = False
        merged = merge(merged, {key: value for key, value in document.data.items()})
    if not usable:
        return None
    merged.pop("include", None)
    return GuidelineConfig.model_validate(merged)


def _validate_config(
    document: SourceDocument | None, diagnostics: Diagnostics
) -> SiteConfig | None:
    if document is None:
        return None
    return _validate_model(document, SiteConfig, document.data, diagnostics)


def _validate_keyed_list(
    document: SourceDocument | None, model: type[ModelT], key: str, diagnostics: Diagnostics
) -> tuple[dict[str, ModelT], set[str] | None]:
    """A data file that is a list of records with a unique key (units, professions).

    Returns the valid records and the keys of invalid ones (None: the whole file is unusable).
    """
    records: dict[str, ModelT] = {}
    invalid: set[str] = set()
    if document is None:
        return records, None
    if not isinstance(document.data, list):
        diagnostics.add(
            document.relative,
            document.line_of(()),
            "",
            "forventet en liste",
            f"hver oppføring begynner med «- {key}: …» på en ny linje",
        )
        return records, None
    first_lines: dict[str, int] = {}
    for index, data in enumerate(document.data):
        record = _validate_model(document, model, data, diagnostics, prefix=(index,))
        if record is None:
            if isinstance(data, dict) and isinstance(data.get(key), str):
                invalid.add(data[key])
            continue
        value = getattr(record, key)
        line = document.line_of((index, key))
        if value in records:
            diagnostics.add(
                document.relative,
                line,
                f"[{index}].{key}",
                f"«{value}» er brukt før (linje {first_lines[value]})",
                f"hver {key} må være unik; gi den ene et annet navn",
            )
            continue
        records[value] = record
        first_lines[value] = line
    return records, invalid


def _validate_documents(
    documents: list[SourceDocument], model: type[DocumentT], diagnostics: Diagnostics
) -> list[DocumentT]:
    validated: list[DocumentT] = []
    for document in documents:
        if not SLUG_PATTERN.match(document.slug):
            diagnostics.add(
                document.relative,
                0,
                "",
                f"filnavnet «{document.path.name}» kan ikke brukes i en nettadresse",
                "bruk små bokstaver a–z, tall og bindestrek, for eksempel sykepleier-natt.md",
            )
            continue
        item = _validate_model(document, model, document.data, diagnostics)
        if item is not None:
            item.attach_source(document.slug, document.body, document.relative, document.body_line)
            validated.append(item)
    return validated


class CrossReferences:
    """Checks that need the whole site: references between files, files on disk, date order."""

    def __init__(
        self,
        site: Site,
        sources: SourceSet,
        diagnostics: Diagnostics,
        already_reported: dict[str, set[str] | None],
    ) -> None:
        self.site = site
        self.sources = sources
        self.diagnostics = diagnostics
        self.already_reported = already_reported
        self.documents = {
            document.relative: document
            for documents in sources.content.values()
            for document in documents
        }
        for document in (sources.config, sources.units, sources.employers):
            if document is not None:
                self.documents[document.relative] = document

    def check(self) -> None:
        self.check_units_and_professions()
        EmployerChecks(self).check()
        self.check_file("site_config.yml", ("brand", "logo"), self.site.config.brand.logo)
        self.check_jobs()
        JobChecks(self).check()
        self.check_stories()
        self.check_placements()
        self.check_events()
        self.check_pages()

    def check_units_and_professions(self) -> None:
        """Read from the raw data, so that a file that failed its model is checked too and
        every error shows at once."""
        known = {UNITS: self.site.units, PROFESSIONS: self.site.professions}
        for folder, references in NAMED_UNITS_AND_PROFESSIONS.items():
            for document in self.sources.content[folder]:
                for pattern, where in references:
                    for field_path, value in values_at(document.data, pattern):
                        if isinstance(value, str) and SLUG_PATTERN.match(value):
                            self.check_reference(
                                document.relative, field_path, value, known[where], where
                            )

    def check_filter_names(self) -> None:
        """Filter pages live beside the items of a list (stillinger/yrke/…, historier/yrke/…),
        so no job, story or placement may have a filter segment as its file name."""
        filter_paths = Language(self.site.language).strings["filter_paths"].values()
        documents: list[MarkdownDocument] = [*self.site.jobs, *self.site.stories]
        documents += self.site.placements
        for document in documents:
            if document.slug in filter_paths:
                self.error(
                    document.source,
                    (),
                    f"filnavnet «{document.slug}.md» er opptatt av filtersidene i listen",
                    "gi filen et mer beskrivende navn, for eksempel sykepleier-natt-solbakken.md; "
                    f"disse er opptatt: {', '.join(sorted(filter_paths))}",
                )

    def check_jobs(self) -> None:
        self.check_filter_names()
        for job in self.site.jobs:
            self.check_photo(job.source, ("image",), job.image)

    def check_stories(self) -> None:
        for story in self.site.stories:
            self.check_photo(story.source, ("photo",), story.photo)
            if story.photo and not story.photo_alt:
                # Screen-reader users meet the ambassador through this text (WCAG 1.1.1).
                self.error(
                    story.source,
                    ("photo",),
                    "bildet mangler alternativ tekst (photo_alt)",
                    "beskriv kort hva bildet viser, for eksempel "
                    "«photo_alt: Sofie i hvit arbeidsdrakt foran Solbakken sykehjem»",
                )
            self.check_consent(story)

    def story_files(self) -> list[str]:
        """Every story file, valid or not: a story with an error of its own is reported there,
        not again by each event and placement that links it."""
        return [document.slug for document in self.sources.content["stories"]]

    def check_placements(self) -> None:
        story_slugs = self.story_files()
        for placement in self.site.placements:
            self.check_file(placement.source, ("binder",), placement.binder)
            for index, slug in enumerate(placement.stories):
                self.check_reference(
                    placement.source, ("stories", index), slug, story_slugs, STORIES
                )

    def check_events(self) -> None:
        story_slugs = self.story_files()
        for event in self.site.events:
            if event.end < event.start:
                self.error(
                    event.source,
                    ("end",),
                    f"slutten ({event.end:%Y-%m-%d %H:%M}) er før "
                    f"starten ({event.start:%Y-%m-%d %H:%M})",
                    "sjekk dato og klokkeslett for start og end",
                )
            for index, member in enumerate(event.patrol):
                if member.story:
                    self.check_reference(
                        event.source, ("patrol", index, "story"), member.story, story_slugs, STORIES
                    )
                if member.profession:
                    self.check_reference(
                        event.source,
                        ("patrol", index, "profession"),
                        member.profession,
                        self.site.professions,
                        PROFESSIONS,
                    )

    def check_pages(self) -> None:
        reserved = {Language(self.site.language).path(section) for section in SECTIONS}
        reserved |= RESERVED_PAGE_SLUGS
        for page in self.site.pages:
            if page.slug in reserved:
                self.error(
                    page.source,
                    (),
                    f"filnavnet «{page.slug}.md» er opptatt av en side nettstedet lager selv",
                    f"gi filen et annet navn; disse er opptatt: {', '.join(sorted(reserved))}",
                )

    def line(self, source: str, field_path: FieldPath) -> int:
        document = self.documents.get(source)
        return document.line_of(field_path) if document else 0

    def error(
        self,
        source: str,
        field_path: FieldPath,
        message: str,
        hint: str = "",
        severity: Severity = Severity.ERROR,
    ) -> None:
        field_name = dotted_field(field_path)
        self.diagnostics.add(
            source, self.line(source, field_path), field_name, message, hint, severity
        )

    def check_reference(
        self, source: str, field_path: FieldPath, value: str, known: Any, where: str
    ) -> None:
        reported = self.already_reported.get(where, set())
        if value in known or reported is None or value in reported:
            return  # fine, or its own file's error already tells what is wrong
        hint = did_you_mean(value, known) or (
            f"kjente verdier: {', '.join(sorted(known))}" if known else ""
        )
        self.error(source, field_path, f"«{value}» finnes ikke i {where}", hint)

    def check_file(self, source: str, field_path: FieldPath, relative_path: str | None) -> None:
        if relative_path is None:
            return
        site_dir = self.site.site_dir.resolve()
        target = (site_dir / relative_path).resolve()
        if Path(relative_path).is_absolute() or not target.is_relative_to(site_dir):
            self.error(
                source,
                field_path,
                f"«{relative_path}» peker utenfor nettstedsmappen",
                "legg filen i assets/ og skriv stien fra nettstedets rotmappe, "
                "for eksempel assets/bilder/portrett.jpg",
            )
            return
        if not target.is_file():
            siblings = (
                [path.name for path in target.parent.glob("*")] if target.parent.is_dir() else []
            )
            hint = (
                did_you_mean(target.name, siblings)
                or "sjekk stavemåten og at filen er lagt i mappen"
            )
            self.error(source, field_path, f"filen «{relative_path}» finnes ikke", hint)

    def check_photo(self, source: str, field_path: FieldPath, relative_path: str | None) -> None:
        """A photo must exist and be a picture Pillow reads: found here, with its line, rather
        than when the build resizes it."""
        self.check_file(source, field_path, relative_path)
        if relative_path is None:
            return
        path = self.site.site_dir / relative_path
        if not path.is_file():
            return
        try:
            with Image.open(path) as image:
                image.verify()
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            self.error(
                source,
                field_path,
                f"«{relative_path}» er ikke et bilde som kan leses, eller filen er skadet",
                "lagre bildet på nytt som JPEG eller PNG",
            )

    def check_consent(self, story: Story) -> None:
        today = self.site.today
        consent = story.consent
        if consent is None:
            self.error(
                story.source,
                ("title",),
                "historien mangler samtykke og blir ikke publisert",
                "legg til consent: {given: ÅÅÅÅ-MM-DD, expires: ÅÅÅÅ-MM-DD}",
                Severity.WARNING,
            )
        elif consent.expires < consent.given:
            self.error(
                story.source,
                ("consent", "expires"),
                "samtykket utløper før det er gitt",
                "sjekk datoene under consent",
            )
        elif consent.expires < today:
            self.error(
                story.source,
                ("consent", "expires"),
                f"samtykket utløp {consent.expires.isoformat()}; historien blir ikke publisert",
                "be om nytt samtykke og oppdater consent.expires",
                Severity.WARNING,
            )
        elif consent.given > today:
            self.error(
                story.source,
                ("consent", "given"),
                f"samtykket gjelder fra {consent.given.isoformat()}; historien publiseres fra da",
                "",
                Severity.INFO,
            )
        elif (consent.expires - today).days <= CONSENT_RENEWAL_DAYS:
            self.error(
                story.source,
                ("consent", "expires"),
                f"samtykket utløper {consent.expires.isoformat()}, om "
                f"{(consent.expires - today).days} dager",
                "be om fornyet samtykke i god tid",
                Severity.WARNING,
            )
