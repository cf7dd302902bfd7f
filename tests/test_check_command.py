"""`careers check` and `careers build` with the guideline checker, as authors and CI run them:
the real command in a subprocess, on the example site and on small sites."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import MINIMAL_SITE, REPO, run_careers

JSON_KEYS = {"file", "line", "field", "code", "name", "severity", "message", "hint"}
AD = "content/jobs/sykepleier-natt.md"


def without_deadline(ignore: str = "") -> dict[str, str | bytes | None]:
    """The minimal site's ad without a deadline (JA101, an error), optionally suppressed."""
    ad = MINIMAL_SITE[AD].replace("deadline: 2026-12-08\n", "")
    if ignore:
        ad = ad.replace("---\n\n", f"guidelines:\n  ignore:\n    JA101: {ignore}\n---\n\n")
    return {AD: ad}


def check_json(site: Path, *options: str) -> tuple[int, list[dict]]:
    result = run_careers("check", "--site", str(site), "--format", "json", *options)
    return result.exit_code, json.loads(result.stdout)


def test_the_example_site_has_no_errors_and_some_honest_warnings() -> None:
    exit_code, findings = check_json(REPO)
    assert exit_code == 0
    assert all(set(finding) == JSON_KEYS for finding in findings)
    guideline = [finding for finding in findings if finding["code"] != "SITE"]
    assert not [f for f in guideline if f["severity"] == "error"]
    warnings = {f["code"] for f in guideline if f["severity"] == "warning"}
    assert len(warnings) >= 2, warnings
    for finding in guideline:
        assert finding["file"].startswith("content/jobs/") and finding["line"] >= 1
        assert finding["name"] and finding["message"]


def test_an_error_finding_makes_check_exit_1(make_site: Callable[..., Path]) -> None:
    exit_code, findings = check_json(make_site(without_deadline()), "--select", "JA101")
    assert exit_code == 1
    assert [(f["file"], f["code"], f["name"], f["severity"]) for f in findings] == [
        (AD, "JA101", "missing-deadline", "error")
    ]
    assert findings[0]["line"] >= 2


def test_select_and_ignore_take_codes_and_prefixes(make_site: Callable[..., Path]) -> None:
    site = make_site(without_deadline())
    _, everything = check_json(site)
    assert "JA101" in {f["code"] for f in everything}
    _, presentation_only = check_json(site, "--select", "JA5")
    assert presentation_only and {f["code"][:3] for f in presentation_only} == {"JA5"}
    exit_code, rest = check_json(site, "--ignore", "JA1,JA5")
    assert exit_code == (1 if any(f["severity"] == "error" for f in rest) else 0)
    assert not {f["code"] for f in rest if f["code"].startswith(("JA1", "JA5"))}
    wrong = run_careers("check", "--site", str(site), "--select", "JA999")
    assert wrong.exit_code == 2 and "JA999" in wrong.output


def test_a_suppression_with_a_reason_silences_the_rule(make_site: Callable[..., Path]) -> None:
    site = make_site(without_deadline('"Fast utlysning som står ute hele året"'))
    exit_code, findings = check_json(site, "--select", "JA101,JA001")
    assert exit_code == 0 and findings == []


def test_a_suppression_without_a_reason_is_a_finding(make_site: Callable[..., Path]) -> None:
    site = make_site(without_deadline('""'))
    exit_code, findings = check_json(site, "--select", "JA101,JA001")
    assert exit_code == 1
    codes = sorted(f["code"] for f in findings)
    assert codes == ["JA001", "JA101"]
    ja001 = next(f for f in findings if f["code"] == "JA001")
    assert "uten begrunnelse" in ja001["message"] and ja001["severity"] == "warning"


def test_github_format_writes_workflow_annotations(make_site: Callable[..., Path]) -> None:
    site = make_site(without_deadline())
    result = run_careers("check", "--site", str(site), "--format", "github", "--select", "JA101")
    assert result.exit_code == 1
    (line, summary) = result.stdout.splitlines()
    assert line.startswith("::error file=")
    assert f"{AD}," in line and ",line=" in line and "title=JA101 missing-deadline::" in line
    assert summary == "1 feil, 0 advarsler, 0 merknader."


def test_text_format_groups_by_file_with_code_and_hint(make_site: Callable[..., Path]) -> None:
    result = run_careers("check", "--site", str(make_site(without_deadline())), "--select", "JA101")
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert lines[0] == AD
    assert lines[1].lstrip().startswith(f"feil JA101 {AD}:")
    assert lines[2].strip().startswith("tips:")
    assert lines[-1] == "1 feil, 0 advarsler, 0 merknader."


def test_strict_build_refuses_error_findings_and_a_plain_build_reports_them(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    site = make_site(without_deadline())
    out = tmp_path / "out"
    strict = run_careers("build", "--site", str(site), "--out", str(out), "--strict")
    assert strict.exit_code == 1
    assert "JA101" in strict.output and not out.exists()
    plain = run_careers("build", "--site", str(site), "--out", str(out))
    assert plain.exit_code == 0, plain.output
    assert "JA101" in plain.output and "feil" in plain.output
    assert (out / "stillinger" / "sykepleier-natt" / "index.html").is_file()
