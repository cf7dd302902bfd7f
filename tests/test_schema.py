"""The JSON Schemas for editors agree with the validator on the example site."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.diagnostics import Diagnostics
from generator.source import load_markdown_file, load_yaml_file
from tests.conftest import REPO, run_careers

CONTENT_TYPES = {
    "jobs": "job",
    "stories": "story",
    "placements": "placement",
    "events": "event",
    "pages": "page",
}


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("schemas")
    result = run_careers("schema", "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def validator(schemas: Path, name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((schemas / f"{name}.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize(
    ("name", "relative"),
    [
        ("site_config", "site_config.yml"),
        ("units", "data/units.yml"),
        ("professions", "data/professions.yml"),
        ("employers", "data/employers.yml"),
        ("guidelines", "data/guidelines.yml"),
        *(
            ("guidelines", f"data/guidelines/{group}.yml")
            for group in ["facts", "attraction", "language", "law", "presentation"]
        ),
    ],
)
def test_the_example_data_files_match_their_schema(schemas: Path, name: str, relative: str) -> None:
    document = load_yaml_file(REPO / relative, relative, Diagnostics())
    assert document is not None
    assert list(validator(schemas, name).iter_errors(document.data)) == []


@pytest.mark.parametrize(("folder", "name"), CONTENT_TYPES.items())
def test_the_example_content_matches_its_schema(schemas: Path, folder: str, name: str) -> None:
    check = validator(schemas, name)
    for path in sorted((REPO / "content" / folder).glob("*.md")):
        document = load_markdown_file(path, path.name, Diagnostics())
        assert document is not None
        errors = [error.message for error in check.iter_errors(document.data)]
        assert errors == [], path.name


def test_the_schema_catches_what_the_validator_catches(schemas: Path) -> None:
    check = validator(schemas, "job")
    bad = {
        "title": "Sykepleier",
        "unit": "Solbakken",
        "profession": "sykepleier",
        "published": "2026-11-01",
        "position_percent": 150,
        "dedline": "2026-12-01",
    }
    messages = " ".join(error.message for error in check.iter_errors(bad))
    assert "dedline" in messages and "150" in messages and "Solbakken" in messages
    field = json.loads((schemas / "job.schema.json").read_text(encoding="utf-8"))["properties"][
        "deadline"
    ]
    assert field["description"].startswith("Søknadsfrist")


# What the validator accepts of the added fields, the schema accepts too; and the reverse.
REAL_AD_FORMS = {
    "position_percent": ["73,68", 73.68, "75–100", "75-100 %", [100, "73,68"]],
    "positions": [2, "flere"],
    "deadline": ["2026-12-08", "08.12.2026", "8.12.2026", "fortløpende", "snarest"],
    "units": [["solbakken", "fjordtun"]],
    "professions": [["sykepleier", "vernepleier"]],
    "weekend_every": [3],
    "visible_until": ["31.01.2027"],
    "language": ["nn", "en"],
    "employment_type": ["tilkallingsvikar", "prosjekt"],
    "shifts": [["langvakt", "vaken-natt", "passiv-natt"]],
    "openings": [[{"percent": "70,42", "count": "flere", "until": "31.08.2027", "unit": "a"}]],
    "contacts": [[{"name": "Kari", "phone": "12 34 56 78, tast 3", "mobile": "91240118"}]],
}
NOT_REAL_AD_FORMS = {
    "position_percent": ["hundre", 150, "100 og 75"],
    "positions": [0, "mange"],
    "deadline": ["snart"],
    "weekend_every": [7],
    "language": ["no"],
    "openings": [[{"prosent": 50}]],
}
MINIMAL_JOB = {"title": "Sykepleier", "unit": "a", "profession": "b", "published": "2026-11-01"}


@pytest.mark.parametrize(
    ("field", "value"),
    [(field, value) for field, values in REAL_AD_FORMS.items() for value in values],
)
def test_the_job_schema_takes_the_added_forms(schemas: Path, field: str, value: object) -> None:
    job = {**MINIMAL_JOB, field: value}
    if field == "units":
        job.pop("unit")
    if field == "professions":
        job.pop("profession")
    assert [error.message for error in validator(schemas, "job").iter_errors(job)] == []


@pytest.mark.parametrize(
    ("field", "value"),
    [(field, value) for field, values in NOT_REAL_AD_FORMS.items() for value in values],
)
def test_the_job_schema_refuses_what_the_validator_refuses(
    schemas: Path, field: str, value: object
) -> None:
    assert list(validator(schemas, "job").iter_errors({**MINIMAL_JOB, field: value}))


def test_every_pattern_is_one_editors_can_read(schemas: Path) -> None:
    """JSON Schema patterns are ECMA-262: Python's named groups «(?P<name>…)» make editors
    (the YAML language server, Node) refuse the pattern."""
    for path in schemas.glob("*.schema.json"):
        assert "(?P<" not in path.read_text(encoding="utf-8"), path.name
