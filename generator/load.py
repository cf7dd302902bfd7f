"""Stage 1, load: read every source file of a site folder, reporting what cannot be read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Diagnostics, Severity
from generator.guidelines.config import DEFAULT_FILE, GUIDELINES
from generator.source import SourceDocument, load_markdown_file, load_yaml_file

SITE_CONFIG = "site_config.yml"
UNITS = "data/units.yml"
PROFESSIONS = "data/professions.yml"
EMPLOYERS = "data/employers.yml"  # optional: sites with more than one employer
CONTENT_FOLDERS = ("jobs", "stories", "placements", "events", "pages")


@dataclass
class SourceSet:
    """Everything read from a site folder, before validation."""

    site_dir: Path
    config: SourceDocument | None = None
    units: SourceDocument | None = None
    professions: SourceDocument | None = None
    employers: SourceDocument | None = None
    content: dict[str, list[SourceDocument]] = field(
        default_factory=lambda: {folder: [] for folder in CONTENT_FOLDERS}
    )
    # The checker's configuration: the product's default, then the site's own on top of it.
    guideline_defaults: list[SourceDocument] = field(default_factory=list)
    guidelines: list[SourceDocument] = field(default_factory=list)
    # False when one of those files could not be read: the rules would miss their settings.
    guidelines_readable: bool = True


def relative_name(path: Path, site_dir: Path) -> str:
    return path.relative_to(site_dir).as_posix()


def load_sources(site_dir: Path, diagnostics: Diagnostics) -> SourceSet:
    sources = SourceSet(site_dir)
    sources.config = _load_required_yaml(site_dir, SITE_CONFIG, diagnostics)
    sources.units = _load_required_yaml(site_dir, UNITS, diagnostics)
    sources.professions = _load_required_yaml(site_dir, PROFESSIONS, diagnostics)
    if (site_dir / EMPLOYERS).is_file():
        sources.employers = load_yaml_file(site_dir / EMPLOYERS, EMPLOYERS, diagnostics)
    default_site = DEFAULT_FILE.parents[1]
    errors_before = diagnostics.has_validation_errors
    sources.guideline_defaults = load_guideline_files(default_site, diagnostics)
    if (site_dir / GUIDELINES).resolve() != DEFAULT_FILE:
        sources.guidelines = load_guideline_files(site_dir, diagnostics)
    sources.guidelines_readable = errors_before or not diagnostics.has_validation_errors
    for folder in CONTENT_FOLDERS:
        folder_path = site_dir / "content" / folder
        if not folder_path.is_dir():
            continue
        for path in sorted(folder_path.iterdir()):
            relative = relative_name(path, site_dir)
            if path.name.startswith(".") or path.is_dir():
                continue
            if path.suffix.lower() != ".md":
                diagnostics.add(
                    relative,
                    0,
                    "",
                    "filen blir ikke brukt: bare .md-filer leses i denne mappen",
                    "gi filen endelsen .md, eller flytt den til assets/",
                    severity=Severity.WARNING,
                )
                continue
            document = load_markdown_file(path, relative, diagnostics)
            if document is not None:
                sources.content[folder].append(document)
    return sources


def _load_required_yaml(
    site_dir: Path, name: str, diagnostics: Diagnostics
) -> SourceDocument | None:
    path = site_dir / name
    if not path.is_file():
        diagnostics.add(
            name,
            0,
            "",
            "filen mangler",
            f"et nettsted trenger {name}; se eksempelnettstedet i prosjektets rotmappe",
        )
        return None
    return load_yaml_file(path, name, diagnostics)


def load_guideline_files(site_dir: Path, diagnostics: Diagnostics) -> list[SourceDocument]:
    """data/guidelines.yml (if the site has one) and the files its `include:` names."""
    if not (site_dir / GUIDELINES).is_file():
        return []
    main = load_yaml_file(site_dir / GUIDELINES, GUIDELINES, diagnostics)
    if main is None:
        return []
    documents = [main]
    includes = main.data.get("include", []) if isinstance(main.data, dict) else []
    for index, name in enumerate(includes if isinstance(includes, list) else []):
        relative = f"data/{name}"
        path = site_dir / relative
        if not isinstance(name, str) or not path.is_file():
            diagnostics.add(
                GUIDELINES,
                main.line_of(("include", index)),
                f"include[{index}]",
                f"filen «{relative}» finnes ikke",
                "skriv stien fra data/-mappen, for eksempel guidelines/ordlister.yml",
            )
            continue
        included = load_yaml_file(path, relative, diagnostics)
        if included is not None:
            documents.append(included)
    return documents
