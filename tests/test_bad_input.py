"""Bad input from comms staff: every mistake is reported by file, line and field, in Norwegian,
without a traceback, and a failed build leaves the previous site in the output folder untouched.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_SITE, CliResult, run_careers, write_site

MakeSite = Callable[..., Path]
Changes = dict[str, str | bytes | None]

TODAY = "2026-11-23"
JOB_FILE = "content/jobs/sykepleier-natt.md"
JOB = MINIMAL_SITE[JOB_FILE]

STORY_FILE = "content/stories/kari.md"
STORY = """\
---
title: Nattevakt er min favoritt
published: 2026-10-01
person:
  name: Kari Nordmann
  profession: sykepleier
  unit: solbakken
quote: Om natten er det tid til å snakke.
photo: assets/stories/kari.jpg
photo_alt: Kari smiler i nattlyset.
consent:
  given: 2026-01-01
  expires: 2027-12-31
---

Jeg har jobbet natt på Solbakken i seks år.
"""

EVENT_FILE = "content/events/skolebesok.md"
EVENT = """\
---
title: Skolebesøk på Testvik vgs
type: skolebesok
start: 2026-12-03T09:00
end: 2026-12-03T11:30
venue:
  name: Testvik vgs
  address: Skoleveien 1
---

Vi forteller om helsefagarbeideryrket.
"""


def edited(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced once; fails loudly if the fixture text has drifted."""
    assert text.count(old) == 1, f"{old!r} is not in the fixture exactly once"
    return text.replace(old, new)


def edited_job(old: str, new: str) -> str:
    return edited(JOB, old, new)


def with_bom_and_crlf(text: str) -> bytes:
    return ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def build(source: Path, out: Path, *extra: str) -> CliResult:
    return run_careers(
        "build", "--site", str(source), "--out", str(out), "--today", TODAY, "--quiet", *extra
    )


def check(source: Path, *extra: str) -> CliResult:
    return run_careers("check", "--site", str(source), "--today", TODAY, *extra)


@pytest.fixture(scope="module")
def good_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal valid site, built once; tests copy it as 'the previous build'."""
    root = tmp_path_factory.mktemp("good")
    source = write_site(root / "site-src", dict(MINIMAL_SITE))
    out = root / "out"
    result = build(source, out)
    assert result.exit_code == 0, result.output
    assert (out / ".careers-build").is_file()
    return out


@pytest.fixture
def previous_build(good_build: Path, tmp_path: Path) -> Path:
    """An output folder holding an earlier, successful build of the minimal site.

    A note is added that a new build would not contain, so any swap of the folder shows.
    """
    out = tmp_path / "out"
    shutil.copytree(good_build, out)
    (out / "forrige-bygg.txt").write_text("bygget før testen\n", encoding="utf-8")
    return out


@dataclass(frozen=True)
class Expected:
    """One diagnostic the author must see: ``file:line: field: message`` and a ``tips:`` line."""

    location: str  # "content/jobs/sykepleier-natt.md:6"
    field: str  # "" when the problem is not about one field
    message: str  # the start of the Norwegian message
    hint: str = ""  # a part of the hint under it, when there should be one

    @property
    def text(self) -> str:
        subject = f"{self.field}: " if self.field else ""
        return f"{self.location}: {subject}{self.message}"


def assert_reported(output: str, expected: Expected) -> None:
    """The output has the diagnostic on one line, with its hint on the line below."""
    lines = output.splitlines()
    found = [index for index, line in enumerate(lines) if expected.text in line]
    assert found, f"expected «{expected.text}» in the output:\n{output}"
    if expected.hint:
        hints = [lines[index + 1].strip() for index in found if index + 1 < len(lines)]
        assert any(hint.startswith("tips:") and expected.hint in hint for hint in hints), (
            f"expected a hint with «{expected.hint}» under «{expected.text}»:\n{output}"
        )


def assert_no_traceback(result: CliResult) -> None:
    assert "Traceback" not in result.output, result.output
    assert "Intern feil" not in result.output, result.output


BAD_INPUTS = [
    pytest.param(
        {JOB_FILE: edited_job("title: Sykepleier natt", "title: Sykepleier: natt")},
        Expected(
            f"{JOB_FILE}:2",
            "",
            "YAML-syntaksfeil: et kolon står der det ikke er lov",
            'title: "Sykepleier: natt"',
        ),
        id="yaml-syntax-colon-in-value",
    ),
    pytest.param(
        {JOB_FILE: edited_job("  - name: Kari Nordmann", "\t- name: Kari Nordmann")},
        Expected(f"{JOB_FILE}:12", "", "YAML-syntaksfeil: tabulator brukt til innrykk"),
        id="yaml-syntax-tab-indent",
    ),
    pytest.param(
        {JOB_FILE: edited_job("deadline: 2026-12-08", "dedline: 2026-12-08")},
        Expected(f"{JOB_FILE}:10", "dedline", "ukjent felt", "mente du «deadline»?"),
        id="unknown-field-did-you-mean",
    ),
    pytest.param(
        {
            JOB_FILE: edited_job(
                'contacts:\n  - name: Kari Nordmann\n    phone: "+47 912 34 567"',
                "contacts: Kari",
            )
        },
        Expected(
            f"{JOB_FILE}:11",
            "contacts",
            "forventet en liste, fikk tekst",
            "skriv hvert punkt på egen linje",
        ),
        id="wrong-type-text-for-list",
    ),
    pytest.param(
        {JOB_FILE: edited_job("employment_type", "positions: mange\nemployment_type")},
        Expected(f"{JOB_FILE}:7", "positions", "«mange» er ikke et antall stillinger"),
        id="wrong-type-text-for-integer",
    ),
    pytest.param(
        {JOB_FILE: edited_job("position_percent: 100", "position_percent: 150")},
        Expected(
            f"{JOB_FILE}:6",
            "position_percent",
            "«150» er ikke et tall mellom 1 og 100",
            "skriv et tall fra 1 til 100",
        ),
        id="percent-out-of-range",
    ),
    pytest.param(
        {JOB_FILE: edited_job("title: Sykepleier natt", "title: Sykepleier <50 %>")},
        Expected(f"{JOB_FILE}:2", "title", "tegnene < og > kan ikke brukes", "under 50 %"),
        id="markup-in-title",
    ),
    pytest.param(
        {JOB_FILE: edited_job("position_percent: 100", "position_percent: hundre")},
        Expected(f"{JOB_FILE}:6", "position_percent", "«hundre» er ikke et tall mellom 1 og 100"),
        id="percent-in-words",
    ),
    pytest.param(
        {JOB_FILE: edited_job("position_percent: 100", "position_percent: [100, 150]")},
        Expected(f"{JOB_FILE}:6", "position_percent[1]", "«150» er ikke et tall mellom 1 og 100"),
        id="percent-list-second-item",
    ),
    pytest.param(
        {JOB_FILE: edited_job("deadline: 2026-12-08", "deadline: 2026-02-30")},
        Expected(f"{JOB_FILE}:10", "deadline", "«2026-02-30» er ikke en gyldig dato", "ÅÅÅÅ-MM-DD"),
        id="impossible-date",
    ),
    pytest.param(
        {JOB_FILE: edited_job("unit: solbakken", "unit: solbaken")},
        Expected(
            f"{JOB_FILE}:4",
            "unit",
            "«solbaken» finnes ikke i data/units.yml",
            "mente du «solbakken»?",
        ),
        id="unknown-unit-did-you-mean",
    ),
    pytest.param(
        {JOB_FILE: "title: Sykepleier natt\nunit: solbakken\n\nDu jobber natt.\n"},
        Expected(f"{JOB_FILE}:1", "", "mangler front matter", "tre bindestreker (---)"),
        id="missing-front-matter",
    ),
    pytest.param(
        {JOB_FILE: edited_job("---\n\nDu jobber", "\nDu jobber")},
        Expected(f"{JOB_FILE}:1", "", "front matter er ikke avsluttet", "---"),
        id="unclosed-front-matter",
    ),
    pytest.param(
        {JOB_FILE: ""},
        Expected(f"{JOB_FILE}:1", "", "filen er tom", "front matter"),
        id="empty-file",
    ),
    pytest.param(
        {
            JOB_FILE: edited_job(
                "summary: Bli med i et trygt nattlag.", "summary: Bli med på et trygt nattlag."
            ).encode("latin-1")
        },
        Expected(
            f"{JOB_FILE}:3",
            "",
            "filen er ikke lagret som UTF-8 (ugyldig byte 0xE5)",
            "Koding: UTF-8",
        ),
        id="latin-1-file",
    ),
    pytest.param(
        {
            "data/units.yml": edited(MINIMAL_SITE["data/units.yml"], "Sentrum", "Søndre").encode(
                "cp1252"
            )
        },
        Expected("data/units.yml:4", "", "filen er ikke lagret som UTF-8 (ugyldig byte 0xF8)"),
        id="windows-1252-data-file",
    ),
    pytest.param(
        {JOB_FILE: edited_job("unit: solbakken", "unit: solbakken\ntitle: Sykepleier dag")},
        Expected(
            f"{JOB_FILE}:5",
            "title",
            "feltet står to ganger (første gang på linje 2)",
            "slett den ene forekomsten",
        ),
        id="duplicate-key",
    ),
    pytest.param(
        {JOB_FILE: edited_job("    phone:", "    name: Ola Nordmann\n    phone:")},
        Expected(
            f"{JOB_FILE}:13", "contacts[0].name", "feltet står to ganger (første gang på linje 12)"
        ),
        id="duplicate-nested-key",
    ),
    pytest.param(
        {
            JOB_FILE: edited_job(
                "apply_url", "image: ../../etc/passwd.jpg\nimage_alt: Et bilde\napply_url"
            )
        },
        Expected(
            f"{JOB_FILE}:14",
            "image",
            "«../../etc/passwd.jpg» peker utenfor nettstedsmappen",
            "assets/",
        ),
        id="image-outside-site",
    ),
    pytest.param(
        {
            JOB_FILE: edited_job(
                "apply_url", "image: /etc/passwd.jpg\nimage_alt: Et bilde\napply_url"
            )
        },
        Expected(f"{JOB_FILE}:14", "image", "«/etc/passwd.jpg» peker utenfor nettstedsmappen"),
        id="image-absolute-path",
    ),
    pytest.param(
        {
            JOB_FILE: edited_job(
                "apply_url", "image: assets/finnes-ikke.jpg\nimage_alt: Et bilde\napply_url"
            )
        },
        Expected(f"{JOB_FILE}:14", "image", "filen «assets/finnes-ikke.jpg» finnes ikke"),
        id="missing-image",
    ),
    pytest.param(
        {JOB_FILE: edited_job("deadline: 2026-12-08", "deadline: 2026-10-08")},
        Expected(
            f"{JOB_FILE}:10",
            "deadline",
            "søknadsfristen 2026-10-08 er før publiseringsdatoen 2026-11-01",
        ),
        id="deadline-before-published",
    ),
    pytest.param(
        {
            "site_config.yml": edited(
                MINIMAL_SITE["site_config.yml"], "language: nb", "language: sv"
            )
        },
        Expected(
            "site_config.yml:4",
            "language",
            "«sv» er ikke en gyldig verdi; gyldige verdier: nb, nn, en",
        ),
        id="unknown-language",
    ),
    pytest.param(
        {
            "site_config.yml": MINIMAL_SITE["site_config.yml"]
            + 'brand:\n  primary_color: "#0b5a73"\n  accent_color: "#ff9900"\n'
        },
        Expected(
            "site_config.yml:12",
            "brand.accent_color",
            "«#ff9900» har for lav kontrast mot hvitt (2,1:1); WCAG 2.1 AA krever minst 4,5:1",
            'velg en mørkere nyanse, for eksempel "#a86500"',
        ),
        id="brand-colour-too-light-for-white-text",
    ),
    pytest.param(
        {
            "data/units.yml": edited(
                MINIMAL_SITE["data/units.yml"], "- id: fjordtun", "- id: solbakken"
            )
        },
        Expected(
            "data/units.yml:10",
            "[1].id",
            "«solbakken» er brukt før (linje 1)",
            "hver id må være unik",
        ),
        id="duplicate-unit-id",
    ),
    pytest.param(
        {
            "data/units.yml": edited(
                MINIMAL_SITE["data/units.yml"], "  district: Nord", "  distrikt: Nord"
            )
        },
        Expected("data/units.yml:13", "[1].distrikt", "ukjent felt", "mente du «district»?"),
        id="unknown-field-in-data-file",
    ),
    pytest.param(
        {JOB_FILE: edited_job("https://jobb", "http://jobb")},
        Expected(
            f"{JOB_FILE}:14",
            "apply_url",
            "«http://jobb.testvik.example/123» er ikke en https-lenke",
            "https://",
        ),
        id="http-apply-url",
    ),
    pytest.param(
        {JOB_FILE: edited_job("https://jobb.testvik.example/123", '"javascript:alert(1)"')},
        Expected(f"{JOB_FILE}:14", "apply_url", "«javascript:alert(1)» er ikke en https-lenke"),
        id="javascript-apply-url",
    ),
    pytest.param(
        {JOB_FILE: edited_job("profession: sykepleier", "profession: sykepleiar")},
        Expected(
            f"{JOB_FILE}:5",
            "profession",
            "«sykepleiar» finnes ikke i data/professions.yml",
            "mente du «sykepleier»?",
        ),
        id="unknown-profession-did-you-mean",
    ),
    pytest.param(
        {JOB_FILE: edited_job("title: Sykepleier natt\n", "")},
        Expected(f"{JOB_FILE}:2", "title", "mangler, men er påkrevd", "title: …"),
        id="missing-required-title",
    ),
    pytest.param(
        {STORY_FILE: STORY},
        Expected(f"{STORY_FILE}:9", "photo", "filen «assets/stories/kari.jpg» finnes ikke"),
        id="story-photo-missing",
    ),
    pytest.param(
        {EVENT_FILE: edited(EVENT, "end: 2026-12-03T11:30", "end: 2026-12-03T08:00")},
        Expected(
            f"{EVENT_FILE}:5",
            "end",
            "slutten (2026-12-03 08:00) er før starten (2026-12-03 09:00)",
        ),
        id="event-ends-before-it-starts",
    ),
    pytest.param(
        {EVENT_FILE: edited(EVENT, "type: skolebesok", "type: skolebesøk")},
        Expected(f"{EVENT_FILE}:3", "type", "«skolebesøk» er ikke en gyldig verdi", "«skolebesok»"),
        id="event-type-did-you-mean",
    ),
    pytest.param(
        {
            JOB_FILE: with_bom_and_crlf(
                edited_job("position_percent: 100", "position_percent: hundre")
            )
        },
        Expected(f"{JOB_FILE}:6", "position_percent", "«hundre» er ikke et tall mellom 1 og 100"),
        id="bom-and-crlf-keep-line-numbers",
    ),
    pytest.param(
        {JOB_FILE: edited_job("deadline: 2026-12-08", 'deadline: "[/frist]"')},
        Expected(f"{JOB_FILE}:10", "deadline", "«[/frist]» er ikke en dato eller «fortløpende»"),
        id="square-brackets-in-value",
    ),
]


@pytest.mark.parametrize(("changes", "expected"), BAD_INPUTS)
def test_bad_input_is_reported_and_the_previous_build_stays(
    make_site: MakeSite, previous_build: Path, changes: Changes, expected: Expected
) -> None:
    source = make_site(changes)
    before = snapshot(previous_build)

    result = build(source, previous_build)

    assert result.exit_code == 1, result.output
    assert_no_traceback(result)
    assert_reported(result.output, expected)
    assert snapshot(previous_build) == before, "the failed build changed the previous site"
    assert not list(previous_build.parent.glob(".out.build-*")), "a build folder was left"

    checked = check(source)
    assert checked.exit_code == 1, checked.output
    assert_no_traceback(checked)
    assert_reported(checked.output, expected)


def test_errors_in_several_files_are_all_reported(
    make_site: MakeSite, previous_build: Path
) -> None:
    source = make_site(
        {
            JOB_FILE: edited_job("position_percent: 100", "position_percent: hundre"),
            "content/jobs/helsefagarbeider-dag.md": edited_job(
                "title: Sykepleier natt", "title: Helsefagarbeider: dag"
            ),
            "data/units.yml": edited(
                MINIMAL_SITE["data/units.yml"], "- id: fjordtun", "- id: solbakken"
            ),
            EVENT_FILE: edited(EVENT, "end: 2026-12-03T11:30", "end: 2026-12-03T08:00"),
        }
    )
    locations = [
        f"{JOB_FILE}:6: position_percent:",
        "content/jobs/helsefagarbeider-dag.md:2: YAML-syntaksfeil",
        "data/units.yml:10: [1].id:",
        f"{EVENT_FILE}:5: end:",
    ]
    before = snapshot(previous_build)

    for result in (build(source, previous_build), check(source)):
        assert result.exit_code == 1, result.output
        assert_no_traceback(result)
        for location in locations:
            assert location in result.output, f"{location} missing in:\n{result.output}"
        assert "4 feil" in result.output
    assert snapshot(previous_build) == before


def test_a_bad_site_config_does_not_hide_errors_in_content(make_site: MakeSite) -> None:
    source = make_site(
        {
            "site_config.yml": edited(
                MINIMAL_SITE["site_config.yml"], "language: nb", "language: sv"
            ),
            JOB_FILE: edited_job("position_percent: 100", "position_percent: hundre"),
        }
    )
    result = check(source)
    assert result.exit_code == 1
    assert "site_config.yml:4: language:" in result.output
    assert f"{JOB_FILE}:6: position_percent:" in result.output


def test_hints_with_square_brackets_are_shown_in_full(make_site: MakeSite) -> None:
    source = make_site({JOB_FILE: edited_job("shifts: [natt]", "shifts: natt og helg")})
    result = check(source)
    assert result.exit_code == 1
    assert f"{JOB_FILE}:8: shifts: forventet en liste, fikk tekst" in result.output
    assert "eller som [a, b]" in result.output


def test_a_self_referencing_alias_is_reported_with_its_line(make_site: MakeSite) -> None:
    source = make_site({JOB_FILE: edited_job("shifts: [natt]", "shifts: &vakter [*vakter]")})
    result = check(source)
    assert result.exit_code == 1
    assert_no_traceback(result)
    assert f"{JOB_FILE}:8:" in result.output


def test_a_utf8_bom_and_crlf_line_endings_are_accepted(make_site: MakeSite, tmp_path: Path) -> None:
    source = make_site({path: with_bom_and_crlf(text) for path, text in MINIMAL_SITE.items()})
    out = tmp_path / "out"

    result = build(source, out)

    assert result.exit_code == 0, result.output
    page = out / "stillinger" / "sykepleier-natt" / "index.html"
    assert page.is_file()
    html = page.read_text(encoding="utf-8")
    assert "Sykepleier natt" in html and "Solbakken sykehjem" in html
    assert "\r" not in html.split("<h1", 1)[1].split("</h1>", 1)[0]
    checked = check(source)
    assert checked.exit_code == 0, checked.output


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize("today", ["i-morgen", "2026-02-30", "23.11.2026"])
def test_a_today_that_is_not_a_date_is_a_usage_error(
    make_site: MakeSite, tmp_path: Path, command: str, today: str
) -> None:
    out_option = ["--out", str(tmp_path / "out")] if command == "build" else []
    result = run_careers(command, "--site", str(make_site()), "--today", today, *out_option)
    assert result.exit_code == 2, result.output
    assert f"«{today}» er ikke en dato" in result.output
    assert "ÅÅÅÅ-MM-DD" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_check_json_is_a_list_of_complete_findings(make_site: MakeSite) -> None:
    source = make_site(
        {
            JOB_FILE: edited_job(
                'contacts:\n  - name: Kari Nordmann\n    phone: "+47 912 34 567"',
                "contacts: Kari",
            ),
            EVENT_FILE: edited(EVENT, "end: 2026-12-03T11:30", "end: 2026-12-03T08:00"),
        }
    )
    result = check(source, "--format", "json")

    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)
    assert isinstance(findings, list) and findings
    keys = {"file", "line", "field", "code", "severity", "message", "hint"}
    for finding in findings:
        assert isinstance(finding, dict)
        assert keys <= finding.keys(), finding
    by_file = {finding["file"]: finding for finding in findings}
    contacts = by_file[JOB_FILE]
    assert (contacts["line"], contacts["field"]) == (11, "contacts")
    assert (contacts["code"], contacts["severity"]) == ("SITE", "error")
    assert contacts["message"] == "forventet en liste, fikk tekst"
    assert "[a, b]" in contacts["hint"]
    event = by_file[EVENT_FILE]
    assert (event["line"], event["field"]) == (5, "end")


def test_check_json_on_a_valid_site_is_an_empty_list(make_site: MakeSite) -> None:
    result = check(make_site(), "--format", "json", "--ignore", "JA")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


def test_an_output_folder_not_made_by_careers_is_refused(
    make_site: MakeSite, tmp_path: Path
) -> None:
    out = tmp_path / "mine"
    write_site(out, {"notes.txt": "Mine notater\n", "bilder/ferie.jpg": b"\xff\xd8\xff"})
    before = snapshot(out)

    result = build(make_site(), out)

    assert result.exit_code == 1, result.output
    assert "ikke laget av `careers build`" in result.output
    assert "Traceback" not in result.output
    assert snapshot(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mine", "site-src"]


def test_an_output_path_that_is_a_file_is_refused(make_site: MakeSite, tmp_path: Path) -> None:
    out = tmp_path / "out.html"
    out.write_text("<p>min side</p>\n", encoding="utf-8")
    result = build(make_site(), out)
    assert result.exit_code == 1, result.output
    assert "er en fil" in result.output
    assert out.read_text(encoding="utf-8") == "<p>min side</p>\n"


@pytest.mark.parametrize("target", ["site folder", "parent folder"])
def test_the_site_folder_or_its_parent_is_refused_as_output(
    make_site: MakeSite, target: str
) -> None:
    source = make_site()
    out = source if target == "site folder" else source.parent
    before = snapshot(source)

    result = build(source, out)

    assert result.exit_code == 1, result.output
    assert "ut-mappen kan ikke være nettstedsmappen" in result.output
    assert "Traceback" not in result.output
    assert snapshot(source) == before


def test_an_unreadable_units_file_gives_no_follow_on_errors(make_site: MakeSite) -> None:
    source = make_site({"data/units.yml": "- id: solbakken\n  name: [uavsluttet\n"})
    result = check(source)
    assert result.exit_code == 1
    assert "data/units.yml:" in result.output
    assert "finnes ikke i data/units.yml" not in result.output


def test_aliases_that_multiply_are_stopped_with_a_message(make_site: MakeSite) -> None:
    laughs = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    laughs += [
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 10)}]" for n in range(7)
    ]
    source = make_site({"data/professions.yml": "\n".join(laughs) + "\n"})
    result = check(source)
    assert result.exit_code == 1
    assert_no_traceback(result)
    assert "data/professions.yml:" in result.output and "alias" in result.output


def test_an_unknown_unit_is_reported_even_when_the_file_has_other_errors(
    make_site: MakeSite,
) -> None:
    job = edited_job("unit: solbakken", "unit: solbaken")
    job = edited(job, "position_percent: 100", "position_percent: hundre")
    result = check(make_site({JOB_FILE: job}))
    assert result.exit_code == 1
    assert f"{JOB_FILE}:6: position_percent:" in result.output
    assert f"{JOB_FILE}:4: unit: «solbaken» finnes ikke" in result.output
    assert "mente du «solbakken»?" in result.output
