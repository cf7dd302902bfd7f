"""The generator as an author's machine or a CI runner gets it: built as a wheel, installed
outside the checkout, building a site folder that has no templates of its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO

PACKAGE_SOURCES = [
    "data/guidelines",
    "data/guidelines.yml",
    "pyproject.toml",
    "setup.py",
    "MANIFEST.in",
    "README.md",
    "generator",
    "overrides",
]


def test_the_wheel_carries_the_templates_and_builds_a_site(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name in PACKAGE_SOURCES:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, source / name)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(source),
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--wheel-dir",
            str(wheels),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("careers_site-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in ["main.html", "jobs.html", "job.html", "unit.html", "pages/job.md"]:
        assert f"generator/embedded/overrides/{template}" in names
    assert "generator/scaffolds/job.md" in names and "generator/i18n/nn.yml" in names
    assert "generator/embedded/data/guidelines.yml" in names

    installed = tmp_path / "installed"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(installed),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    site = tmp_path / "site-src"
    for name in ["content", "data", "assets", "site_config.yml"]:
        copy = shutil.copytree if (REPO / name).is_dir() else shutil.copy2
        copy(REPO / name, site / name)
    # Without checker settings of its own, the site gets the packaged default.
    (site / "data" / "guidelines.yml").unlink()
    shutil.rmtree(site / "data" / "guidelines")
    # The installed copy first on the path (run outside the checkout, which `python -c` would
    # put first); the dependencies come from the test environment.
    environment = {**os.environ, "PYTHONPATH": str(installed), "NO_COLOR": "1"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from generator.cli import main; main()",
            "build",
            "--site",
            str(site),
            "--quiet",
        ],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    job_page = site / "site" / "stillinger" / "sykepleier-natt-solbakken" / "index.html"
    assert "careers-facts" in job_page.read_text(encoding="utf-8")
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import generator; print(generator.__file__)",
        ],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(installed))
