"""Reading source files: encoding, front matter and YAML with the line of every field.

Comms staff edit these files by hand, so reading is strict and talkative: a wrong encoding,
a missing front matter, a YAML syntax error or a duplicate key each becomes a diagnostic with
the file and line, never an exception and never a silently dropped value.

The YAML dialect is YAML 1.2-like on purpose: only ``true``/``false`` are booleans (so the
language code ``no`` or the answer ``ja`` stay text), integers are plain decimals (so the
Oslo postcode ``0150`` stays ``"0150"``), and dates stay text until the content model parses
them, so an impossible date such as ``2026-02-30`` is reported by field instead of crashing
the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostics

FieldPath = tuple[str | int, ...]

FRONT_MATTER_FENCE = "---"
FRONT_MATTER_END = {"---", "..."}


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-style scalars (see the module docstring)."""


_StrictLoader.yaml_implicit_resolvers = {
    first_char: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag
        not in {
            "tag:yaml.org,2002:bool",
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:timestamp",
        }
    ]
    for first_char, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)


@dataclass
class SourceDocument:
    """One source file: its data, where each field stands, and (for Markdown) its body."""

    path: Path
    relative: str
    data: Any
    field_lines: dict[FieldPath, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1

    @property
    def slug(self) -> str:
        return self.path.stem

    def line_of(self, field_path: FieldPath) -> int:
        """The line of the deepest known field on the path (file line, 1-based)."""
        for end in range(len(field_path), 0, -1):
            line = self.field_lines.get(tuple(field_path[:end]))
            if line is not None:
                return line
        return self.field_lines.get((), 1)


_YAML_PROBLEMS_NB = {
    "mapping values are not allowed here": (
        "et kolon står der det ikke er lov",
        'tekst som inneholder «: » må stå i anførselstegn, for eksempel title: "Sykepleier: natt"',
    ),
    "found character '\\t' that cannot start any token": (
        "tabulator brukt til innrykk",
        "bruk mellomrom, ikke tabulator, til innrykk i YAML",
    ),
    "could not find expected ':'": (
        "mangler kolon etter feltnavnet",
        "hvert felt skrives som «navn: verdi»",
    ),
    "found undefined alias": ("ukjent alias (*navn)", "et alias må vise til et anker (&navn)"),
    "found unexpected end of stream": (
        "filen slutter midt i en verdi",
        "sjekk at alle anførselstegn og klammer er lukket",
    ),
    "found unexpected ':'": (
        "uventet kolon",
        "tekst som inneholder kolon må stå i anførselstegn",
    ),
    "expected <block end>, but found '<block sequence start>'": (
        "en liste har feil innrykk",
        "alle punktene i en liste må stå med samme innrykk",
    ),
    "expected <block end>, but found '<block mapping start>'": (
        "et felt har feil innrykk",
        "felt på samme nivå må stå med samme innrykk",
    ),
    "expected <block end>, but found '<scalar>'": (
        "en verdi har feil innrykk eller mangler anførselstegn",
        "sjekk innrykket, og sett tekst som begynner med anførselstegn helt i anførselstegn",
    ),
}


def _translate_yaml_problem(problem: str) -> tuple[str, str]:
    for english, (norwegian, hint) in _YAML_PROBLEMS_NB.items():
        if problem.startswith(english):
            return norwegian, hint
    return (
        f"ugyldig YAML ({problem})",
        "sjekk innrykk, kolon og anførselstegn på denne linjen og linjen over",
    )


def read_text(path: Path, relative: str, diagnostics: Diagnostics) -> str | None:
    """Read a UTF-8 file (a BOM and CRLF line endings are fine); report anything else."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        diagnostics.add(relative, 0, "", f"kan ikke lese filen ({error.strerror})")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        diagnostics.add(
            relative,
            line,
            "",
            f"filen er ikke lagret som UTF-8 (ugyldig byte 0x{raw[error.start]:02X})",
            "lagre filen på nytt med tegnkoding UTF-8 (i de fleste redigeringsprogram: "
            "«Lagre som» → Koding: UTF-8)",
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_yaml(
    text: str, relative: str, first_line: int, diagnostics: Diagnostics
) -> tuple[Any, dict[FieldPath, int]] | None:
    """Parse one YAML document into plain data and a map from field path to file line.

    ``first_line`` is the file line of the YAML's first line (2 inside front matter).
    """
    field_lines: dict[FieldPath, int] = {}
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {(): first_line}
        data = _to_python(node, (), loader, field_lines, first_line, relative, diagnostics)
    except _CommaDecimal as comma:
        diagnostics.add(
            relative,
            comma.line,
            dotted_field(comma.field_path),
            f"«{comma.written}» kan være to tall eller ett desimaltall: inne i [ ] og {{ }} "
            "skiller kommaet verdiene",
            f"ett tall: skriv {comma.written.replace(',', '.')} eller "
            f'"{comma.written}"; to tall: sett mellomrom etter kommaet, '
            f"{comma.written.replace(',', ', ')}",
        )
        return None
    except _AliasLoop as loop:
        diagnostics.add(
            relative,
            loop.line,
            "",
            "et alias (*navn) viser til seg selv, eller gir altfor mange verdier",
            "skriv verdiene ut i stedet for å bruke & og *",
        )
        return None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = error.problem or str(error)
        if problem.startswith("expected a single document"):
            message, hint = (
                "flere YAML-dokumenter i én fil",
                "fjern linjer med bare «---» inne i dataene",
            )
        else:
            message, hint = _translate_yaml_problem(problem)
        diagnostics.add(relative, line, "", f"YAML-syntaksfeil: {message}", hint)
        return None
    except yaml.YAMLError as error:
        diagnostics.add(relative, first_line, "", f"YAML-syntaksfeil: {error}")
        return None
    finally:
        loader.dispose()
    field_lines.setdefault((), first_line)
    return data, field_lines


class _AliasLoop(Exception):
    """An alias (*name) that contains itself, or aliases that multiply beyond reason."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _CommaDecimal(Exception):
    """«[73,68, 28,17]» or «{percent: 73,68}»: in flow style a comma separates values, so a
    decimal written the Norwegian way silently becomes two numbers. Said at once instead."""

    def __init__(self, line: int, field_path: FieldPath, written: str) -> None:
        super().__init__(written)
        self.line, self.field_path, self.written = line, field_path, written


INT_TAG = "tag:yaml.org,2002:int"
NULL_TAG = "tag:yaml.org,2002:null"


def _is_integer(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == INT_TAG


def _comma_decimal(first: yaml.Node, second: yaml.Node) -> bool:
    """Two integers with nothing but a comma between them that read as a Norwegian decimal of
    the size of a percentage: «73,68», not «73, 68», and not «100,75» (no size is 100,75)."""
    if not (_is_integer(first) and _is_integer(second)):
        return False
    buffer = first.end_mark.buffer
    if buffer is None or buffer[first.end_mark.index : second.start_mark.index] != ",":
        return False
    return len(second.value) <= 2 and float(f"{first.value}.{second.value}") <= 100


def _check_comma_decimals(node: yaml.Node, path: FieldPath, first_line: int) -> None:
    if isinstance(node, yaml.SequenceNode) and node.flow_style:
        for index, (item, following) in enumerate(zip(node.value, node.value[1:], strict=False)):
            if _comma_decimal(item, following):
                written = f"{item.value},{following.value}"
                raise _CommaDecimal(first_line + item.start_mark.line, (*path, index), written)
    if isinstance(node, yaml.MappingNode) and node.flow_style:
        entries = list(zip(node.value, node.value[1:], strict=False))
        for (key, value), (next_key, next_value) in entries:
            if next_value.tag == NULL_TAG and _comma_decimal(value, next_key):
                written = f"{value.value},{next_key.value}"
                raise _CommaDecimal(first_line + value.start_mark.line, (*path, key.value), written)


# Aliases are expanded; this bounds the expansion («billion laughs»).
MAX_VALUES_PER_FILE = 100_000


def _to_python(
    node: yaml.Node,
    path: FieldPath,
    loader: _StrictLoader,
    field_lines: dict[FieldPath, int],
    first_line: int,
    relative: str,
    diagnostics: Diagnostics,
    ancestors: tuple[yaml.Node, ...] = (),
) -> Any:
    line = first_line + node.start_mark.line
    if any(node is ancestor for ancestor in ancestors) or len(field_lines) > MAX_VALUES_PER_FILE:
        raise _AliasLoop(line)
    ancestors = (*ancestors, node)
    field_lines[path] = line
    _check_comma_decimals(node, path, first_line)
    if isinstance(node, yaml.MappingNode):
        mapping: dict[Any, Any] = {}
        key_lines: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key_line = first_line + key_node.start_mark.line
            if not isinstance(key, str | int):
                diagnostics.add(
                    relative, key_line, "", "et feltnavn må være tekst", "skriv «navn: verdi»"
                )
                continue
            if key in mapping:
                diagnostics.add(
                    relative,
                    key_line,
                    dotted_field((*path, key)),
                    f"feltet står to ganger (første gang på linje {key_lines[key]})",
                    "slett den ene forekomsten; bare én verdi kan gjelde",
                )
                continue
            key_lines[key] = key_line
            mapping[key] = _to_python(
                value_node, (*path, key), loader, field_lines, first_line, relative, diagnostics
            )
            field_lines[(*path, key)] = key_line
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_python(
                item,
                (*path, index),
                loader,
                field_lines,
                first_line,
                relative,
                diagnostics,
                ancestors,
            )
            for index, item in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)


def dotted_field(path: FieldPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def load_yaml_file(path: Path, relative: str, diagnostics: Diagnostics) -> SourceDocument | None:
    """Load a data file such as ``data/units.yml`` or ``site_config.yml``."""
    text = read_text(path, relative, diagnostics)
    if text is None:
        return None
    if not text.strip():
        diagnostics.add(
            relative, 1, "", "filen er tom", "se eksempelnettstedet for hva filen skal inneholde"
        )
        return None
    parsed = parse_yaml(text, relative, 1, diagnostics)
    if parsed is None:
        return None
    data, field_lines = parsed
    return SourceDocument(path, relative, data, field_lines)


def load_markdown_file(
    path: Path, relative: str, diagnostics: Diagnostics
) -> SourceDocument | None:
    """Load a Markdown file with YAML front matter between two ``---`` lines."""
    text = read_text(path, relative, diagnostics)
    if text is None:
        return None
    if not text.strip():
        diagnostics.add(
            relative,
            1,
            "",
            "filen er tom",
            "filen må begynne med front matter mellom to linjer med ---; "
            "`careers new` lager en ferdig mal",
        )
        return None
    lines = text.split("\n")
    if lines[0].rstrip() != FRONT_MATTER_FENCE:
        diagnostics.add(
            relative,
            1,
            "",
            "mangler front matter",
            "filen må begynne med en linje med tre bindestreker (---), så feltene "
            "(title: …, published: …), så en ny linje med ---, og til slutt teksten",
        )
        return None
    closing = next(
        (
            index
            for index, line in enumerate(lines[1:], start=1)
            if line.rstrip() in FRONT_MATTER_END
        ),
        None,
    )
    if closing is None:
        diagnostics.add(
            relative,
            1,
            "",
            "front matter er ikke avsluttet",
            "sett en linje med tre bindestreker (---) etter det siste feltet",
        )
        return None
    parsed = parse_yaml("\n".join(lines[1:closing]), relative, 2, diagnostics)
    if parsed is None:
        return None
    data, field_lines = parsed
    if data is None:
        data = {}
    body = "\n".join(lines[closing + 1 :])
    return SourceDocument(path, relative, data, field_lines, body=body, body_line=closing + 2)


def values_at(data: Any, pattern: FieldPath, at: FieldPath = ()) -> list[tuple[FieldPath, Any]]:
    """The values at a field path in raw data, «*» standing for every item of a list."""
    if not pattern:
        return [(at, data)]
    part, rest = pattern[0], pattern[1:]
    if part == "*":
        items = data if isinstance(data, list) else []
        return [found for i, item in enumerate(items) for found in values_at(item, rest, (*at, i))]
    if isinstance(data, dict) and part in data:
        return values_at(data[part], rest, (*at, part))
    return []
