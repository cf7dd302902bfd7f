"""Turning pydantic's validation errors into Norwegian diagnostics with line and hint."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.diagnostics import Diagnostics
from generator.models.fields import HINTS, shown
from generator.source import FieldPath, SourceDocument, dotted_field

# Words authors write where a fixed value is expected, and what to write instead.
COMMON_MIX_UPS = {
    "deltid": "stillingsstørrelsen skrives i position_percent, for eksempel position_percent: 80",
    "heltid": "stillingsstørrelsen skrives i position_percent: 100",
    "midlertidig": "skriv vikariat (for noen som er borte) eller engasjement",
    "permanent": "skriv fast",
    "fast ansettelse": "skriv fast",
    "turnus": "skriv vaktene som en liste, for eksempel shifts: [dag, kveld, helg]",
    "ekstravakt": "skriv tilkallingsvikar for ekstravakter og tilkalling",
    "ekstravakter": "skriv tilkallingsvikar for ekstravakter og tilkalling",
    "tilkalling": "skriv tilkallingsvikar",
    "vikarpool": "skriv ansettelsesformen (vikariat eller tilkallingsvikar), og arbeidsstedene "
    "i units",
    "våken natt": "skriv vaken-natt (med bindestrek og a)",
    "våken-natt": "skriv vaken-natt (med a)",
    "passiv natt": "skriv passiv-natt (med bindestrek)",
    "langvakter": "skriv langvakt",
    "helgestilling": "skriv weekend_every: 1 og shifts: [helg]",
    "sommervikariat": "skriv sommerjobb",
    "sommervikar": "skriv sommerjobb",
    "ferievikariat": "skriv sommerjobb",
    "bokmål": "skriv nb",
    "nynorsk": "skriv nn",
    "engelsk": "skriv en",
    "no": "skriv nb for bokmål eller nn for nynorsk",
}


def did_you_mean(word: str, candidates: typing.Iterable[str]) -> str:
    """A «mente du …?» hint for the closest candidate, or an empty string."""
    matches = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.6)
    return f"mente du «{matches[0]}»?" if matches else ""


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "ja/nei-verdi"
    if isinstance(value, int | float):
        return "tall"
    if isinstance(value, dict):
        return "felt med underfelt"
    if isinstance(value, list):
        return "liste"
    if value is None:
        return "tom verdi"
    return "tekst"


def _model_classes(annotation: Any) -> list[type[BaseModel]]:
    """The models an annotation may hold, looking through Optional, list, dict and Annotated."""
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if origin is typing.Annotated:
        return _model_classes(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, dict, tuple):
        found: list[type[BaseModel]] = []
        for argument in typing.get_args(annotation):
            found.extend(_model_classes(argument))
        return found
    return []


def field_names_at(model: type[BaseModel], location: FieldPath) -> list[str]:
    """The field names allowed in the mapping at ``location`` inside ``model``."""
    current: list[type[BaseModel]] = [model]
    for part in location:
        if isinstance(part, int):
            continue
        nested: list[type[BaseModel]] = []
        for candidate in current:
            field_info = candidate.model_fields.get(part)
            if field_info is not None:
                nested.extend(_model_classes(field_info.annotation))
        if not nested:
            return []
        current = nested
    return sorted({name for candidate in current for name in candidate.model_fields})


def _message_and_hint(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, str]:
    kind = error["type"]
    value = error.get("input")
    context = error.get("ctx") or {}
    location = tuple(error["loc"])
    if kind in HINTS:
        return error["msg"], HINTS[kind]
    if "hint" in context:  # a validator that works out its own hint (a suggested colour, …)
        return error["msg"], str(context["hint"])
    if kind == "missing":
        return "mangler, men er påkrevd", f"legg til en linje «{location[-1]}: …»"
    if kind == "extra_forbidden":
        allowed = field_names_at(model, location[:-1])
        hint = did_you_mean(str(location[-1]), allowed) or (
            "gyldige felt her: " + ", ".join(allowed) if allowed else ""
        )
        return "ukjent felt", hint
    if kind == "literal_error":
        expected = [part.strip(" '") for part in str(context.get("expected", "")).split(",")]
        expected = [choice for part in expected for choice in part.split(" or ")]
        expected = [choice.strip(" '") for choice in expected if choice.strip(" '")]
        hint = COMMON_MIX_UPS.get(str(value).lower()) or did_you_mean(str(value), expected)
        return (
            f"«{shown(value)}» er ikke en gyldig verdi; gyldige verdier: {', '.join(expected)}",
            hint,
        )
    if kind in {"string_type", "str_type"}:
        return f"forventet tekst, fikk {_type_name(value)}", HINTS["text"]
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return (
            f"«{shown(value)}» er ikke et heltall",
            "skriv et helt tall uten tegn, for eksempel 2",
        )
    if kind in {"float_type", "float_parsing"}:
        return (
            f"«{shown(value)}» er ikke et tall",
            "skriv et tall med punktum, for eksempel 63.43",
        )
    if kind in {"bool_type", "bool_parsing"}:
        return (
            f"«{shown(value)}» er ikke true eller false",
            "skriv true (ja) eller false (nei)",
        )
    if kind in {"greater_than_equal", "greater_than"}:
        limit = context.get("ge", context.get("gt"))
        return f"«{shown(value)}» er for lite; må være minst {limit}", ""
    if kind in {"less_than_equal", "less_than"}:
        limit = context.get("le", context.get("lt"))
        return f"«{shown(value)}» er for stort; kan være høyst {limit}", ""
    if kind == "list_type":
        return (
            f"forventet en liste, fikk {_type_name(value)}",
            "skriv hvert punkt på egen linje med «- » foran, eller som [a, b]",
        )
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return (
            f"forventet felt med underfelt, fikk {_type_name(value)}",
            "skriv underfeltene på egne linjer med innrykk under feltnavnet",
        )
    if kind == "string_too_long":
        limit = context.get("max_length")
        return f"teksten er {len(str(value))} tegn; den kan være høyst {limit}", "kort den ned"
    if kind == "too_short":
        return "listen kan ikke være tom", "legg til minst ett punkt"
    if kind in {"string_too_short"}:
        return "kan ikke være tom", ""
    return f"ugyldig verdi «{shown(value)}» ({error['msg']})", ""


def report_validation_error(
    error: ValidationError,
    model: type[BaseModel],
    document: SourceDocument,
    diagnostics: Diagnostics,
    prefix: FieldPath = (),
) -> None:
    """Add one diagnostic per field error, at the line of the offending field."""
    for detail in error.errors(include_url=False):
        location = prefix + tuple(detail["loc"])
        # A scalar that the model wrapped into a list has no line of its own: drop the index.
        shown = tuple(
            part
            for index, part in enumerate(location)
            if not isinstance(part, int) or location[: index + 1] in document.field_lines
        )
        message, hint = _message_and_hint(detail, model)
        diagnostics.add(
            document.relative, document.line_of(location), dotted_field(shown), message, hint
        )
