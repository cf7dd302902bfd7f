"""Packaging: ship the product's templates inside the wheel.

The templates live in the repository's top-level ``overrides/`` because that folder is also
part of the embedded example site. A wheel only carries the ``generator`` package, so the
build copies ``overrides/`` into ``generator/embedded/overrides`` (editable installs read the
repository's folder directly).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithTemplates(build_py):
    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            target = Path(self.build_lib) / "generator" / "embedded" / "overrides"
            shutil.copytree(ROOT / "overrides", target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithTemplates})
