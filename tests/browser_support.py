"""What the browser tests share: Debian's Chromium through Playwright, the built example site
served on localhost (with its 404 page for missing addresses, as web hosts do), the checkers
installed by `./dev test` (tests/tools), and one page of every template of the example site."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
# Material's colour scheme for each `prefers-color-scheme` (engine_config.py sets the palette).
SCHEMES = {"light": "default", "dark": "slate"}

# Installed from the npm registry by `./dev test` (tests/tools/package.json).
TOOLS = REPO / "tests" / "tools" / "node_modules"
AXE_SCRIPT = TOOLS / "axe-core" / "axe.min.js"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"

# One page of every template in overrides/, by template file. A test checks that a new
# template is added here, so every check below covers it.
TEMPLATE_PAGES = {
    "home.html": "",
    "jobs.html": "stillinger/",
    "jobs.html (filtered)": "stillinger/yrke/sykepleier/vakt/natt/",
    "job.html": "stillinger/sykepleier-natt-solbakken/",
    "job.html (closed)": "stillinger/sykepleier-hjemmetjenesten-oyane/",
    "unit.html": "arbeidssteder/solbakken-sykehjem/",
    "units.html": "arbeidssteder/",
    "stories.html": "historier/",
    "story.html": "historier/amina/",
    "placements.html": "praksisplasser/",
    "placement.html": "praksisplasser/helsehus-laerling/",
    "events.html": "arrangementer/",
    "event.html": "arrangementer/karrieredag-hogskolen-februar-2027/",
    "event-print.html": "arrangementer/karrieredag-hogskolen-februar-2027/utskrift/",
    "main.html (free page)": "tilgjengelighet/",
    "guideline.html": "retningslinjer/ja101/",
    "guidelines.html": "retningslinjer/",
    "kits.html": "delingspakker/",
    "kit.html": "delingspakker/job-sykepleier-natt-solbakken/",
    "follow.html": "folg-oss/",
    "404.html": "finnes-ikke/",
}
MISSING_PAGE = "finnes-ikke/"

# The parameters the checks share: every template page, at both widths, in both schemes.
every_template = pytest.mark.parametrize("path", TEMPLATE_PAGES.values(), ids=TEMPLATE_PAGES.keys())
every_viewport = pytest.mark.parametrize("viewport", VIEWPORTS.keys())
every_scheme = pytest.mark.parametrize("scheme", SCHEMES.keys())


def template_of(name: str) -> str:
    return name.split(" ")[0]


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, and the site's own 404 page (status 404) for anything missing."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(example_site: Path) -> Iterator[str]:
    handler = functools.partial(_SiteHandler, directory=str(example_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `./dev test` installs Debian's chromium package")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


def open_page(browser: Any, url: str, viewport: str, scheme: str = "light") -> tuple[Any, Any]:
    """A new context and page at `url`, in the colour scheme asked for. The page's status is
    checked (404 only for the missing page), and so is the scheme: Material switches it from
    the media query, and a check in the wrong scheme would prove nothing."""
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    page = context.new_page()
    response = page.goto(url, wait_until="load")
    assert response is not None
    assert response.status == (404 if url.endswith(MISSING_PAGE) else 200), url
    page.wait_for_function(
        f"document.body.dataset.mdColorScheme === {SCHEMES[scheme]!r}", timeout=5_000
    )
    return context, page


def require_tool(path: Path) -> Path:
    if not path.is_file():
        pytest.fail(f"{path.relative_to(REPO)} is missing: `./dev test` installs tests/tools")
    return path
