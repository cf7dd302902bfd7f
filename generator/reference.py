"""The reference for comms staff in the repository (`docs/`), made from the code: every field
of every file from the content models (through their JSON Schemas), and the checker's rules
from their documentation. `careers docs` writes it; a test fails when it is out of date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from generator.diagnostics import SEVERITY_LABELS
from generator.guidelines import RULES
from generator.language import Language
from generator.schema import json_schema

TEMPLATES = Path(__file__).with_name("templates")
RULE_BODY = Path(__file__).resolve().parents[1] / "overrides" / "pages" / "guideline.md"
PACKAGED_RULE_BODY = Path(__file__).with_name("embedded") / "overrides" / "pages" / "guideline.md"

# The files comms staff write, in the order a site is set up, with where they live.
FILES = (
    ("site_config", "Innstillinger for nettstedet", "`site_config.yml`"),
    ("units", "Arbeidssteder", "`data/units.yml`: en liste, én oppføring per arbeidssted"),
    ("professions", "Yrker", "`data/professions.yml`: en liste, én oppføring per yrke"),
    (
        "employers",
        "Arbeidsgivere",
        "`data/employers.yml` (valgfri): en liste med arbeidsgivere utenom nettstedets egen "
        "organisasjon",
    ),
    ("job", "Stillingsannonser", "`content/jobs/NAVN.md`: feltene øverst, så annonseteksten"),
    ("story", "Historier fra ansatte", "`content/stories/NAVN.md`"),
    ("placement", "Praksisplasser", "`content/placements/NAVN.md`"),
    ("event", "Arrangementer", "`content/events/NAVN.md`"),
    ("page", "Frie sider", "`content/pages/NAVN.md`"),
)


def _fields(schema: dict[str, Any]) -> list[dict[str, Any]]:
    required = set(schema.get("required", []))
    return [
        {
            "name": name,
            "required": name in required,
            "description": " ".join(str(field.get("description", "")).split()).replace("|", "/"),
        }
        for name, field in schema.get("properties", {}).items()
    ]


def _tables(name: str) -> list[dict[str, Any]]:
    """The file's own fields, then the sub-fields of each field that has them («Under
    `openings`», «Under `contacts`»), named by the fields that hold them."""
    schema = json_schema(name)
    definitions = schema.get("$defs", {})
    top = schema["items"] if schema.get("type") == "array" else schema
    top = definitions.get(_ref_name(top), top)
    holders: dict[str, list[str]] = {}
    for holder_schema in [top, *definitions.values()]:
        for field, field_schema in holder_schema.get("properties", {}).items():
            for key in _refs(field_schema):
                holders.setdefault(key, []).append(field)
    tables = [{"name": "", "fields": _fields(top)}]
    tables += [
        {
            "name": "Under " + ", ".join(f"`{field}`" for field in dict.fromkeys(holders[key])),
            "fields": _fields(definition),
        }
        for key, definition in definitions.items()
        if definition.get("properties") and key in holders
    ]
    return tables


def _ref_name(schema: dict[str, Any]) -> str:
    return str(schema.get("$ref", "")).rpartition("/")[2]


def _refs(schema: Any) -> list[str]:
    """The definitions a field's schema points at, however deep (lists, «or none»)."""
    if isinstance(schema, dict):
        own = [_ref_name(schema)] if "$ref" in schema else []
        return own + [key for value in schema.values() for key in _refs(value)]
    if isinstance(schema, list):
        return [key for value in schema for key in _refs(value)]
    return []


def fields_reference() -> str:
    files = [
        {"title": title, "where": where, "tables": _tables(name)} for name, title, where in FILES
    ]
    return _render("reference-fields.md", files=files)


def rules_reference() -> str:
    body = jinja2.Template(_rule_body_template())
    ui = Language("nb").ui
    rules = [
        {
            "code": code,
            "name": rule.name,
            "severity": SEVERITY_LABELS[rule.severity],
            "doc": rule.doc,
            "body": body.render(ui=ui, doc=rule.doc, code=code).strip(),
        }
        for code, rule in sorted(RULES.items())
    ]
    return _render("reference-rules.md", rules=rules)


def _rule_body_template() -> str:
    path = PACKAGED_RULE_BODY if PACKAGED_RULE_BODY.is_file() else RULE_BODY
    return path.read_text(encoding="utf-8")


def _render(template: str, **data: Any) -> str:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        keep_trailing_newline=True,
        trim_blocks=True,
        autoescape=False,  # Markdown, not HTML
    )
    return environment.get_template(template).render(**data).rstrip() + "\n"


REFERENCES = {"felt.md": fields_reference, "retningslinjer.md": rules_reference}


def write_reference(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in REFERENCES.items():
        path = out / name
        path.write_text(make(), encoding="utf-8")
        written.append(path)
    return written
