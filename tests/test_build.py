"""Building throwaway sites: languages, reproducible output, atomic publishing, the lock."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.pipeline import read_site
from generator.render.stage import stage_site
from tests.conftest import MINIMAL_SITE, REPO, run_careers

MakeSite = Callable[..., Path]


class _TagLoader(yaml.SafeLoader):
    """Reads the engine config, noting each Python tag instead of running it."""

    python_tags: ClassVar[list[str]] = []


_TagLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/",
    lambda loader, suffix, node: _TagLoader.python_tags.append("python/" + suffix) or suffix,
)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def build(source: Path, out: Path, today: str = "2026-11-23") -> None:
    result = run_careers("build", "--site", str(source), "--out", str(out), "--today", today, "-q")
    assert result.exit_code == 0, result.output


def test_the_default_output_folder_is_site_inside_the_site_folder(make_site: MakeSite) -> None:
    source = make_site()
    result = run_careers("build", "--site", str(source), "--today", "2026-11-23")
    assert result.exit_code == 0, result.output
    assert (source / "site" / "index.html").is_file()
    assert (source / "site" / "stillinger" / "sykepleier-natt" / "index.html").is_file()
    assert "Nettstedet er bygget" in result.output


def test_two_builds_of_the_same_input_are_byte_identical(
    make_site: MakeSite, tmp_path: Path
) -> None:
    source = make_site()
    build(source, tmp_path / "first")
    build(source, tmp_path / "second")
    first, second = snapshot(tmp_path / "first"), snapshot(tmp_path / "second")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_the_build_date_decides_what_is_open(make_site: MakeSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(make_site(), out, today="2026-12-09")
    listing = (out / "stillinger" / "index.html").read_text(encoding="utf-8")
    assert "sykepleier-natt/" not in listing
    assert "ikke lenger ledig" in (out / "stillinger/sykepleier-natt/index.html").read_text(
        encoding="utf-8"
    )


def test_deadline_day_is_the_last_open_day(make_site: MakeSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(make_site(), out, today="2026-12-08")
    listing = (out / "stillinger" / "index.html").read_text(encoding="utf-8")
    assert "sykepleier-natt/" in listing and "Siste dag i dag" in listing


@pytest.mark.parametrize(
    ("language", "jobs_path", "apply_text"),
    [
        ("nb", "stillinger", "Søk på stillingen"),
        ("nn", "stillingar", "Søk på stillinga"),
        ("en", "jobs", "Apply for this position"),
    ],
)
def test_the_site_language_sets_html_lang_paths_and_texts(
    make_site: MakeSite, tmp_path: Path, language: str, jobs_path: str, apply_text: str
) -> None:
    config = MINIMAL_SITE["site_config.yml"].replace("language: nb", f"language: {language}")
    source = make_site({"site_config.yml": config})
    build(source, tmp_path / "out")
    page = tmp_path / "out" / jobs_path / "sykepleier-natt" / "index.html"
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    assert html.find("html")["lang"] == language
    assert html.select_one("a.careers-apply").get_text(strip=True) == apply_text


def test_the_english_site_uses_english_profession_names(
    make_site: MakeSite, tmp_path: Path
) -> None:
    config = MINIMAL_SITE["site_config.yml"].replace("language: nb", "language: en")
    build(make_site({"site_config.yml": config}), tmp_path / "out")
    listing = (tmp_path / "out" / "jobs" / "index.html").read_text(encoding="utf-8")
    assert ">Nurse<" in listing


def test_the_generated_engine_config_uses_no_custom_plugin(
    make_site: MakeSite, tmp_path: Path
) -> None:
    """Keeps the engine swappable (Zensical reads mkdocs.yml but runs no custom plugins)."""
    site, diagnostics = read_site(make_site(), None)
    assert site is not None and not diagnostics.has_errors
    config = yaml.load(
        stage_site(site, tmp_path / "staging").read_text(encoding="utf-8"), _TagLoader
    )
    assert [next(iter(plugin)) for plugin in config["plugins"]] == ["search"]
    python_calls = [
        tag for tag in _TagLoader.python_tags if not tag.startswith("python/object/apply:pymdownx.")
    ]
    assert python_calls == [], "only stock Markdown extensions are called"
    assert config["theme"]["font"] is False
    staged_job = (tmp_path / "staging/docs/stillinger/sykepleier-natt.md").read_text(
        encoding="utf-8"
    )
    assert staged_job.startswith("---\n") and "template: job.html" in staged_job


def test_a_killed_build_leaves_the_previous_site_untouched(
    make_site: MakeSite, tmp_path: Path
) -> None:
    source = make_site()
    out = tmp_path / "out"
    build(source, out)
    before = snapshot(out)
    (source / "content/jobs/sykepleier-natt.md").write_text(
        MINIMAL_SITE["content/jobs/sykepleier-natt.md"].replace("Sykepleier natt", "Endret tittel"),
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--site",
            str(source),
            "--out",
            str(out),
            "--quiet",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Kill it as soon as it has started writing its temporary build folder.
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".out.build-*")) and time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail("the build ended before it could be killed")
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert snapshot(out) == before
    build(source, out)
    assert "Endret tittel" in (out / "stillinger/sykepleier-natt/index.html").read_text(
        encoding="utf-8"
    )
    assert list(tmp_path.glob(".out.build-*")) == [], "leftovers of the killed build are cleared"


def test_a_second_build_waits_for_the_first(make_site: MakeSite, tmp_path: Path) -> None:
    source = make_site()
    out = tmp_path / "out"
    lock_path = tmp_path / ".out.lock"
    with lock_path.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # stands in for a build that is running
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "build", "--site", str(source), "--out", str(out)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        time.sleep(3)
        assert process.poll() is None, "the second build must wait"
        assert not out.exists()
        fcntl.flock(lock, fcntl.LOCK_UN)
    output, _ = process.communicate(timeout=120)
    assert process.returncode == 0, output
    assert "venter" in output
    assert (out / "index.html").is_file()


def test_assets_are_published_only_when_referenced(make_site: MakeSite, tmp_path: Path) -> None:
    source = make_site({"assets/private/notes.txt": "ikke for publisering"})
    build(source, tmp_path / "out")
    assert not (tmp_path / "out" / "assets" / "private").exists()


def test_example_site_builds_with_the_default_command() -> None:
    """The README's build command writes site/ in the repository (ignored by git)."""
    result = run_careers("build", "--quiet")
    assert result.exit_code == 0, result.output
    assert (REPO / "site" / "index.html").is_file()


BROKEN_LINK_PAGE = """\
---
title: Om oss
nav_order: 1
---

Les [om turnus](finnes-ikke.md) før du søker.
"""


def test_strict_refuses_to_publish_when_mkdocs_warns(make_site: MakeSite, tmp_path: Path) -> None:
    source = make_site({"content/pages/om-oss.md": BROKEN_LINK_PAGE})
    out = tmp_path / "out"
    strict = run_careers("build", "--site", str(source), "--out", str(out), "--strict")
    assert strict.exit_code == 1
    assert "finnes-ikke.md" in strict.output and "Traceback" not in strict.output
    assert not out.exists(), "nothing is published"
    plain = run_careers("build", "--site", str(source), "--out", str(out))
    assert plain.exit_code == 0
    assert "finnes-ikke.md" in plain.output, "a plain build still shows the warning"
    assert (out / "om-oss" / "index.html").is_file()


def test_a_build_shows_its_stages_unless_quiet(make_site: MakeSite, tmp_path: Path) -> None:
    source = make_site()
    loud = run_careers("build", "--site", str(source), "--out", str(tmp_path / "a"))
    assert "Lest inn: stillinger 1," in loud.output and "Nettstedet er bygget" in loud.output
    quiet = run_careers("build", "--site", str(source), "--out", str(tmp_path / "b"), "--quiet")
    assert quiet.exit_code == 0 and quiet.output.strip() == ""
