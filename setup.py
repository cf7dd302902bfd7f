"""Packaging: ship the product's templates and default checker settings inside the wheel.

The templates (``overrides/``) and the guideline checker's default configuration
(``data/guidelines.yml`` and ``data/guidelines/``) live at the top of the repository because
they are also part of the embedded example site. A wheel only carries the ``generator``
package, so the build copies them into ``generator/embedded/`` (editable installs read the
repository's files directly).
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
            embedded = Path(self.build_lib) / "generator" / "embedded"
            shutil.copytree(ROOT / "overrides", embedded / "overrides", dirs_exist_ok=True)
            data = embedded / "data"
            shutil.copytree(ROOT / "data" / "guidelines", data / "guidelines", dirs_exist_ok=True)
            shutil.copy2(ROOT / "data" / "guidelines.yml", data / "guidelines.yml")


setup(cmdclass={"build_py": BuildWithTemplates})
