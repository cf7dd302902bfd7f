"""The `careers` command as authors use it: new, check, serve, usage errors."""

from __future__ import annotations

import json
import os
import pty
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_SITE, run_careers

MakeSite = Callable[..., Path]


@pytest.mark.parametrize("kind", ["job", "story", "event", "placement"])
def test_new_writes_a_valid_commented_file(make_site: MakeSite, kind: str) -> None:
    source = make_site()
    result = run_careers(
        "new",
        kind,
        "--site",
        str(source),
        "--title",
        "Sykepleier på Øyane: natt",
        "--unit",
        "solbakken",
        "--profession",
        "sykepleier",
        "--today",
        "2026-11-23",
    )
    assert result.exit_code == 0, result.output
    folder = {"job": "jobs", "story": "stories", "event": "events", "placement": "placements"}[kind]
    path = source / "content" / folder / "sykepleier-pa-oyane-natt.md"
    text = path.read_text(encoding="utf-8")
    assert 'title: "Sykepleier på Øyane: natt"' in text
    assert "# " in text.split("---")[1], "the front matter explains its fields"
    check = run_careers("check", "--site", str(source), "--today", "2026-11-23", "--format", "json")
    assert check.exit_code == 0, check.output
    new = [f for f in json.loads(check.stdout) if "sykepleier-pa-oyane-natt" in f["file"]]
    # A new ad is a skeleton: the checker may ask for more text, but finds nothing wrong.
    assert {f["code"] for f in new} <= {"JA502"}, new


def test_new_suggests_the_unit_the_author_meant(make_site: MakeSite) -> None:
    result = run_careers(
        "new",
        "job",
        "--site",
        str(make_site()),
        "--title",
        "Sykepleier",
        "--unit",
        "solbaken",
        "--profession",
        "sykepleier",
    )
    assert result.exit_code == 2
    assert "«solbakken»" in result.output and "Traceback" not in result.output


def test_new_without_a_title_and_no_terminal_is_a_usage_error(make_site: MakeSite) -> None:
    result = run_careers(
        "new",
        "job",
        "--site",
        str(make_site()),
        "--unit",
        "solbakken",
        "--profession",
        "sykepleier",
    )
    assert result.exit_code == 2
    assert "--title" in result.output


def test_new_never_overwrites_a_file(make_site: MakeSite) -> None:
    source = make_site()
    args = (
        "new",
        "job",
        "--site",
        str(source),
        "--title",
        "Sykepleier natt",
        "--unit",
        "solbakken",
        "--profession",
        "sykepleier",
    )
    result = run_careers(*args)
    assert result.exit_code == 2 and "finnes allerede" in result.output
    assert (source / "content/jobs/sykepleier-natt.md").read_text(encoding="utf-8") == MINIMAL_SITE[
        "content/jobs/sykepleier-natt.md"
    ]


def test_check_is_clean_on_a_valid_site(make_site: MakeSite) -> None:
    site = str(make_site())
    validation = run_careers("check", "--site", site, "--today", "2026-11-23", "--ignore", "JA")
    assert validation.exit_code == 0, validation.output
    assert "Ingen feil funnet" in validation.output
    # The minimal ad is short and names no salary: the checker warns, nothing stops it.
    checked = run_careers("check", "--site", site, "--today", "2026-11-23")
    assert checked.exit_code == 0, checked.output
    assert checked.output.strip().endswith("0 feil, 2 advarsler, 0 merknader.")


def test_unknown_command_and_option_are_usage_errors() -> None:
    assert run_careers("publiser").exit_code == 2
    assert run_careers("build", "--nonsense").exit_code == 2
    assert run_careers("check", "--format", "xml").exit_code == 2


def test_a_missing_site_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run_careers("build", "--site", str(tmp_path / "finnes-ikke"))
    assert result.exit_code == 2
    assert "finnes ikke" in result.output


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def test_serve_previews_and_rebuilds_when_content_changes(make_site: MakeSite) -> None:
    source = make_site()
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "serve",
            "--site",
            str(source),
            "--port",
            str(port),
            "--today",
            "2026-11-23",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    job_url = f"http://127.0.0.1:{port}/stillinger/sykepleier-natt/"
    try:
        assert _wait_for(lambda: "Sykepleier natt" in _get(job_url), 60)
        job_file = source / "content/jobs/sykepleier-natt.md"
        job_file.write_text(
            job_file.read_text(encoding="utf-8").replace(
                "title: Sykepleier natt", "title: Nattsykepleier"
            ),
            encoding="utf-8",
        )
        assert _wait_for(lambda: "Nattsykepleier" in _get(job_url), 60)
        (source / "data/units.yml").write_text(
            MINIMAL_SITE["data/units.yml"].replace("Solbakken sykehjem", "Solbakken helsehus"),
            encoding="utf-8",
        )
        assert _wait_for(lambda: "Solbakken helsehus" in _get(job_url), 60)
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_new_asks_in_a_terminal_until_the_answer_is_valid(make_site: MakeSite) -> None:
    source = make_site()
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "new", "job", "--site", str(source)],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_COLOR": "1"},
    )
    os.close(terminal)
    # Title, a misspelt unit, the right unit, the profession.
    os.write(controller, "Sykepleier natt på Fjordtun\nfjordtune\nfjordtun\nsykepleier\n".encode())
    output, _ = process.communicate(timeout=60)
    os.close(controller)
    text = output.decode()
    assert process.returncode == 0, text
    assert "mente du «fjordtun»?" in text
    created = source / "content/jobs/sykepleier-natt-pa-fjordtun.md"
    assert "unit: fjordtun" in created.read_text(encoding="utf-8")


def test_the_new_ads_openings_example_works_when_uncommented(make_site: MakeSite) -> None:
    """The template shows how to write `openings`; an author who takes it as it is (and drops
    position_percent and positions, as it says) gets a valid ad."""
    source = make_site()
    arguments = ["--title", "Sykepleiere Solbakken", "--unit", "solbakken"]
    arguments += ["--profession", "sykepleier", "--today", "2026-11-23"]
    result = run_careers("new", "job", "--site", str(source), *arguments)
    assert result.exit_code == 0, result.output
    path = source / "content" / "jobs" / "sykepleiere-solbakken.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("# openings:")
    example = [line.removeprefix("# ") for line in lines[start:] if line.startswith("# ")]
    example = example[: next(i for i, line in enumerate(example) if "reason:" in line) + 1]
    kept = [line for line in lines if not line.startswith(("position_percent:", "positions:"))]
    kept[kept.index("# openings:") : kept.index("# openings:") + len(example)] = example
    path.write_text("\n".join(kept), encoding="utf-8")
    check = run_careers("check", "--site", str(source), "--today", "2026-11-23", "--format", "json")
    assert check.exit_code == 0, check.output
    site_errors = [f for f in json.loads(check.stdout) if f["code"] == "SITE"]
    assert site_errors == []
