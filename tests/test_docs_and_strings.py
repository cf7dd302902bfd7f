"""Keeps the documentation and the translations complete."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from generator import models
from generator.language import load_strings
from generator.models.event import PatrolMember, Venue
from generator.models.fields import Contact
from generator.models.job import GuidelineSettings
from generator.models.organisation import GeoPoint
from generator.models.placement import Program
from generator.models.site_config import Brand, Social
from generator.models.story import Consent, Person

DOCUMENTED = [
    models.SiteConfig,
    models.Unit,
    models.Profession,
    models.Job,
    models.Story,
    models.Placement,
    models.Event,
    models.Page,
    Contact,
    GuidelineSettings,
    GeoPoint,
    Program,
    Venue,
    PatrolMember,
    Person,
    Consent,
    Brand,
]


def _keys(data: object, prefix: str = "") -> set[str]:
    if isinstance(data, dict):
        return {key for name, value in data.items() for key in _keys(value, f"{prefix}{name}.")}
    if isinstance(data, list):
        return {f"{prefix}[{len(data)}]"}
    return {prefix.rstrip(".")}


@pytest.mark.parametrize("language", ["nn", "en"])
def test_every_language_has_every_string(language: str) -> None:
    assert _keys(load_strings(language)) == _keys(load_strings("nb"))


@pytest.mark.parametrize("model", DOCUMENTED, ids=lambda model: model.__name__)
def test_every_content_field_is_described_for_authors(model: type[BaseModel]) -> None:
    undocumented = [name for name, field in model.model_fields.items() if not field.description]
    if model in (Social, GuidelineSettings):
        return
    assert undocumented == [], f"{model.__name__}: add a description to {undocumented}"


def test_every_content_model_gives_a_json_schema_for_editors() -> None:
    for model in DOCUMENTED:
        schema = model.model_json_schema()
        assert schema["additionalProperties"] is False
