"""Stage 4b, render: run MkDocs on the staging folder. The only module that imports MkDocs."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from pathlib import Path

# Material for MkDocs prints an end-of-life banner on import; our README explains the plan.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer

__all__ = ["EngineError", "LiveReloadServer", "run_engine"]


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _source_date(build_date: date) -> Iterator[None]:
    """Pin MkDocs' own timestamps (sitemap, gzip header) to the build date: same input,
    same bytes."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    epoch = int(datetime.combine(build_date, time(), tzinfo=UTC).timestamp())
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


class EngineError(Exception):
    """MkDocs stopped; the message carries what it logged."""


def run_engine(config_file: Path, site_dir: Path, build_date: date) -> list[str]:
    """Build the staged site into ``site_dir``; return the engine's warnings."""
    mkdocs_logger = logging.getLogger("mkdocs")
    collector = _Collector()
    previous_level = mkdocs_logger.level
    mkdocs_logger.addHandler(collector)
    mkdocs_logger.setLevel(logging.WARNING)
    mkdocs_logger.propagate = False
    try:
        with _source_date(build_date):
            config = load_config(config_file=str(config_file), site_dir=str(site_dir))
            # What the MkDocs CLI does around build(): plugins may rely on these events.
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
    except Abort as abort:  # MkDocs' own stop (a SystemExit): it has logged the reason
        raise EngineError("; ".join(collector.messages) or str(abort)) from None
    finally:
        mkdocs_logger.removeHandler(collector)
        mkdocs_logger.setLevel(previous_level)
    return collector.messages
