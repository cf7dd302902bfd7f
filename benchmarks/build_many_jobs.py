"""Benchmark: build a site with many job ads and print time and peak memory.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/build_many_jobs.py --jobs 1000

It copies the example site's settings and data, writes N job ads, and runs `careers check` and
`careers build` in subprocesses, reporting wall time and the peak resident memory of each.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUILD_DATE = date(2026, 11, 23)


def write_site(root: Path, job_count: int) -> None:
    shutil.copy(REPO / "site_config.yml", root / "site_config.yml")
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "assets", root / "assets")
    jobs = root / "content" / "jobs"
    jobs.mkdir(parents=True)
    body = (REPO / "content/jobs/sykepleier-natt-solbakken.md").read_text(encoding="utf-8")
    body = body.split("---\n", 2)[2]
    units = [
        "solbakken-sykehjem",
        "fjordtun-sykehjem",
        "lyngveien-bofellesskap",
        "fjordvik-helsehus",
    ]
    for number in range(job_count):
        deadline = BUILD_DATE + timedelta(days=number % 60 - 5)
        (jobs / f"stilling-{number:05d}.md").write_text(
            f"""---
title: Sykepleier {number} – natt og helg
summary: Fast stilling nummer {number} i et trygt fagmiljø.
unit: {units[number % len(units)]}
profession: sykepleier
position_percent: {[100, 80, 75][number % 3]}
employment_type: fast
shifts: [natt, helg]
published: {(BUILD_DATE - timedelta(days=30)).isoformat()}
deadline: {deadline.isoformat()}
contacts:
  - name: Kari Nordmann
    phone: "+47 912 34 567"
apply_url: https://example.no/stilling/{number}
---
{body}""",
            encoding="utf-8",
        )


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if completed.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{completed.stdout}{completed.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1000)
    args = parser.parse_args()
    careers = [sys.executable, "-m", "generator"]
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary) / "site-src"
        root.mkdir()
        write_site(root, args.jobs)
        today = ["--today", BUILD_DATE.isoformat()]
        check_seconds, check_mb = measure([*careers, "check", "--site", str(root), *today])
        build_seconds, build_mb = measure(
            [*careers, "build", "--site", str(root), "--out", str(root / "site"), "-q", *today]
        )
        pages = len(list((root / "site").rglob("*.html")))
        # Material's search fetches the whole index on every page load: part of each page's weight.
        index = (root / "site" / "search" / "search_index.json").read_bytes()
        rebuild_seconds, _ = measure(
            [*careers, "build", "--site", str(root), "--out", str(root / "site"), "-q", *today]
        )
    print(f"jobs: {args.jobs}, HTML pages built: {pages}")
    print(f"check:   {check_seconds:6.2f} s, peak memory {check_mb:6.1f} MB")
    print(f"build:   {build_seconds:6.2f} s, peak memory {build_mb:6.1f} MB (max of runs so far)")
    print(f"rebuild: {rebuild_seconds:6.2f} s")
    print(
        f"search index: {len(index) / 1000:6.0f} kB, {len(gzip.compress(index)) / 1000:.0f} kB "
        "compressed (every page loads it)"
    )


if __name__ == "__main__":
    main()
