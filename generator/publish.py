"""Stage 5, publish: swap a finished build into the output folder, atomically and one at a time.

A build is made in a temporary folder beside the output folder and only then swapped in, so a
failed or killed build (even ``kill -9``) leaves the previous site untouched. A lock file
beside the output folder makes a second build into the same folder wait for the first.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

# Marks a folder as made by `careers build`, so we never replace a folder of someone else's.
BUILD_MARKER = ".careers-build"
LOCK_TIMEOUT_SECONDS = 600


class PublishError(Exception):
    """A problem with the output folder, with a Norwegian message for the author."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


def check_output_folder(out: Path, site_dir: Path) -> None:
    """Refuse output folders whose replacement would lose someone's files."""
    resolved, site = out.resolve(), site_dir.resolve()
    if resolved == site or site.is_relative_to(resolved):
        raise PublishError(
            "ut-mappen kan ikke være nettstedsmappen eller en mappe over den",
            "bruk for eksempel --out site (standard)",
        )
    if resolved.exists() and not resolved.is_dir():
        raise PublishError("ut-mappen finnes allerede og er en fil", "velg en annen --out")
    if resolved.is_dir() and any(resolved.iterdir()) and not (resolved / BUILD_MARKER).exists():
        raise PublishError(
            "ut-mappen finnes og er ikke laget av `careers build`; den blir ikke overskrevet",
            "velg en tom eller ny mappe med --out, eller tøm mappen selv",
        )


@contextmanager
def output_lock(out: Path, on_wait: Callable[[], None]) -> Iterator[None]:
    """Hold the output folder's lock; call ``on_wait`` once if another build holds it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lock_path = out.parent / f".{out.name}.lock"
    with lock_path.open("a") as lock_file:
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
            while True:
                try:
                    fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise PublishError(
                            "et annet bygg skriver fortsatt til den samme mappen",
                            "vent til det er ferdig, eller stopp det, og prøv igjen",
                        ) from None
                    time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


@contextmanager
def build_folder(out: Path) -> Iterator[Path]:
    """A fresh temporary folder beside ``out``, removed afterwards whatever happens.

    Call with the output lock held: leftovers of killed builds are cleared first.
    """
    for stale in out.parent.glob(f".{out.name}.build-*"):
        shutil.rmtree(stale, ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def swap_into_place(new_site: Path, out: Path) -> None:
    """Make ``new_site`` the output folder in one atomic step where the system allows it."""
    (new_site / BUILD_MARKER).write_text(
        "Laget av `careers build`. Mappen byttes ut ved neste bygg.\n", encoding="utf-8"
    )
    if not out.exists():
        os.rename(new_site, out)
        return
    if _exchange(new_site, out):
        return  # `new_site` now holds the previous build and is removed with the build folder
    # Fallback for file systems without an atomic exchange: two renames, a tiny window.
    previous = new_site.with_name(new_site.name + ".previous")
    os.rename(out, previous)
    os.rename(new_site, out)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Atomically exchange two paths with Linux renameat2(RENAME_EXCHANGE)."""
    library = ctypes.util.find_library("c")
    if library is None:
        return False
    libc = ctypes.CDLL(library, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    if ctypes.get_errno() in {errno.EINVAL, errno.ENOSYS, errno.EXDEV, errno.ENOTSUP}:
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(second))
