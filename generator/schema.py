"""JSON Schemas of the content model, for editors that check YAML while authors type.

They come from the same models that validate the build, with the field descriptions as
documentation, so an editor and `careers check` never disagree about a field's name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from generator.guidelines.config import GuidelineConfig
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

SCHEMAS: dict[str, Any] = {
    "site_config": SiteConfig,
    "units": list[Unit],
    "professions": list[Profession],
    "employers": list[Employer],
    "job": Job,
    "story": Story,
    "placement": Placement,
    "event": Event,
    "page": Page,
    # data/guidelines.yml and the files it includes (each a part of the whole).
    "guidelines": GuidelineConfig,
}


def json_schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = TypeAdapter(SCHEMAS[name]).json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema.setdefault("title", name)
    return schema


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = out / f"{name}.schema.json"
        path.write_text(
            json.dumps(json_schema(name), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        written.append(path)
    return written
