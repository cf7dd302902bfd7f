"""The ready-made pipelines in deploy/: their triggers, permissions and steps, and their build
command, which is taken from each file and run as it is on a copy of the example site."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

# As in conftest.py; not imported from there, so that `pytest` works as well as `python -m pytest`.
REPO = Path(__file__).resolve().parent.parent
GITHUB_WORKFLOW = REPO / "deploy" / "github" / "careers-site.yml"
GITLAB_CI = REPO / "deploy" / "gitlab" / ".gitlab-ci.yml"
WORKFLOWS = {"github": GITHUB_WORKFLOW, "gitlab": GITLAB_CI}
OSLO = ZoneInfo("Europe/Oslo")
INSTALL = 'pip install "$CAREERS_PACKAGE"'


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path} is not a YAML mapping"
    return data


def github_triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 (PyYAML) reads the bare key `on` as the boolean True.
    triggers = workflow["on"] if "on" in workflow else workflow[True]
    assert isinstance(triggers, dict)
    return triggers


def github_steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def script_lines(path: Path) -> list[str]:
    """Every shell line the pipeline runs, in order."""
    if path == GITHUB_WORKFLOW:
        runs = [step["run"] for step in github_steps(load(path)) if "run" in step]
        return [line.strip() for run in runs for line in run.splitlines() if line.strip()]
    return [line.strip() for line in load(path)["pages"]["script"]]


def build_command(path: Path) -> str:
    commands = [line for line in script_lines(path) if line.startswith("careers build")]
    assert len(commands) == 1, f"{path.name}: expected one `careers build` line, got {commands}"
    return commands[0]


def oslo_today() -> date:
    return datetime.now(OSLO).date()


# GitHub Actions


def test_github_runs_every_night_just_after_midnight_in_norway() -> None:
    triggers = github_triggers(load(GITHUB_WORKFLOW))
    assert triggers["schedule"] == [{"cron": "15 23 * * *"}], "daily at 23:15 UTC"
    # 23:15 UTC is 00:15 (winter) or 01:15 (summer) in Oslo: the next day, every day of a year.
    for day in range(366):
        run = datetime(2027, 1, 1, 23, 15, tzinfo=UTC) + timedelta(days=day)
        in_oslo = run.astimezone(OSLO)
        assert in_oslo.date() == run.date() + timedelta(days=1)
        assert (in_oslo.hour, in_oslo.minute) in {(0, 15), (1, 15)}


def test_github_also_runs_on_push_to_main_and_by_hand() -> None:
    triggers = github_triggers(load(GITHUB_WORKFLOW))
    assert triggers["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in triggers


def test_github_only_the_deploy_job_may_publish() -> None:
    workflow = load(GITHUB_WORKFLOW)
    assert workflow["permissions"] == {"contents": "read"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    # The build job runs the installed package's code: it gets no right to publish.
    assert build["permissions"]["contents"] == "read"
    assert "write" not in build["permissions"].values()
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_github_publishes_public_with_the_official_pages_actions() -> None:
    workflow = load(GITHUB_WORKFLOW)
    build_uses = [step.get("uses", "") for step in workflow["jobs"]["build"]["steps"]]
    deploy_uses = [step.get("uses", "") for step in workflow["jobs"]["deploy"]["steps"]]
    build_actions = {use.split("@")[0] for use in build_uses if use}
    for action in ("checkout", "setup-python", "configure-pages", "upload-pages-artifact"):
        assert f"actions/{action}" in build_actions, f"the build job uses actions/{action}"
    assert [use.split("@")[0] for use in deploy_uses] == ["actions/deploy-pages"]
    for use in filter(None, build_uses + deploy_uses):
        assert re.fullmatch(r"actions/[a-z-]+@v\d+", use), f"{use}: pin a major version"
    upload = next(
        step
        for step in workflow["jobs"]["build"]["steps"]
        if step.get("uses", "").startswith("actions/upload-pages-artifact@")
    )
    assert upload["with"] == {"path": "public"}
    setup = next(step for step in github_steps(workflow) if "setup-python" in step.get("uses", ""))
    assert setup["with"]["python-version"] == "3.11"
    assert setup["with"]["cache"] == "pip"
    # A site repository has no requirements.txt: without this, setup-python's cache fails.
    assert setup["with"]["cache-dependency-path"] == ".github/workflows/*.yml"


def test_github_build_is_strict() -> None:
    assert build_command(GITHUB_WORKFLOW).startswith("careers build --strict")


# GitLab CI


def test_gitlab_pages_job_publishes_public() -> None:
    job = load(GITLAB_CI)["pages"]
    assert job["image"] == "python:3.11-slim"
    assert job["artifacts"]["paths"] == ["public"]
    assert build_command(GITLAB_CI).startswith("careers build --strict")


def rule_matches(condition: str, variables: dict[str, str]) -> bool:
    """The two forms the rules use: `$A == "text"` and `$A != $B`."""

    def value(operand: str) -> str:
        operand = operand.strip()
        if operand.startswith("$"):
            return variables.get(operand[1:], "")
        assert operand.startswith('"') and operand.endswith('"'), f"unknown operand {operand}"
        return operand[1:-1]

    match = re.fullmatch(r"(.+?)\s*(==|!=)\s*(.+)", condition.strip())
    assert match, f"unknown rule {condition!r}"
    left, operator, right = match.groups()
    return (value(left) == value(right)) == (operator == "==")


def gitlab_runs_pages(source: str, branch: str | None) -> bool:
    variables = {"CI_PIPELINE_SOURCE": source, "CI_DEFAULT_BRANCH": "main"}
    if branch is not None:
        variables["CI_COMMIT_BRANCH"] = branch
    for rule in load(GITLAB_CI)["pages"]["rules"]:
        if rule_matches(rule["if"], variables):
            return rule.get("when", "on_success") != "never"
    return False


@pytest.mark.parametrize(
    ("source", "branch", "runs"),
    [
        ("schedule", "main", True),
        ("push", "main", True),
        ("web", "main", True),
        ("push", "ny-annonse", False),
        ("schedule", "ny-annonse", False),
        ("web", "ny-annonse", False),
        ("merge_request_event", None, False),
    ],
)
def test_gitlab_publishes_the_default_branch_on_schedule_push_and_by_hand(
    source: str, branch: str | None, runs: bool
) -> None:
    assert gitlab_runs_pages(source, branch) is runs


def test_gitlab_explains_the_nightly_schedule_in_oslo_time() -> None:
    text = GITLAB_CI.read_text(encoding="utf-8")
    assert "15 0 * * *" in text
    assert "Europe/Oslo" in text


# Both


@pytest.mark.parametrize("path", WORKFLOWS.values(), ids=WORKFLOWS.keys())
def test_installs_the_package_named_in_pyproject_by_default(path: Path) -> None:
    installs = [line for line in script_lines(path) if "pip install" in line]
    assert installs == [INSTALL]
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    if path == GITHUB_WORKFLOW:
        default = "${{ vars.CAREERS_PACKAGE || '" + project["name"] + "' }}"
        assert load(path)["env"]["CAREERS_PACKAGE"] == default
    else:
        assert load(path)["variables"]["CAREERS_PACKAGE"] == project["name"]


def test_both_pipelines_run_the_same_build() -> None:
    assert build_command(GITHUB_WORKFLOW) == build_command(GITLAB_CI)


def test_the_build_date_is_today_in_oslo_whatever_the_runners_time_zone() -> None:
    command = build_command(GITHUB_WORKFLOW)
    match = re.search(r'--today "(\$\(.+?\))"', command)
    assert match, command
    before = oslo_today()
    printed = subprocess.run(
        ["bash", "-c", f'printf %s "{match.group(1)}"'],
        env={**os.environ, "TZ": "Pacific/Kiritimati"},  # UTC+14: a day ahead of Oslo
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert printed in {before.isoformat(), oslo_today().isoformat()}


def copy_example_site(target: Path) -> Path:
    for folder in ("content", "data", "assets"):
        shutil.copytree(REPO / folder, target / folder)
    shutil.copy2(REPO / "site_config.yml", target / "site_config.yml")
    return target


@pytest.mark.parametrize("path", WORKFLOWS.values(), ids=WORKFLOWS.keys())
def test_the_pipelines_build_command_builds_the_example_site(path: Path, tmp_path: Path) -> None:
    """The exact line from the pipeline, run by bash in a site folder, as the runner does."""
    command = build_command(path)
    site = copy_example_site(tmp_path / "site-repository")
    venv_bin = str(Path(sys.executable).parent)
    environment = {
        **os.environ,
        "PATH": venv_bin + os.pathsep + os.environ.get("PATH", ""),
        "NO_COLOR": "1",
    }
    assert shutil.which("careers", path=environment["PATH"]) == str(Path(venv_bin, "careers"))
    completed = subprocess.run(
        ["bash", "-eo", "pipefail", "-c", command],
        cwd=site,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert (site / "public" / "index.html").is_file()
    assert (site / "public" / "sitemap.xml").is_file()
