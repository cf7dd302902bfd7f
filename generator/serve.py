"""`careers serve`: a live preview that rebuilds when anything in the site changes."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from generator.diagnostics import Diagnostics, SiteError
from generator.pipeline import build_site
from generator.publish import PublishError
from generator.render.engine import LiveReloadServer

WATCHED = ("content", "data", "overrides", "assets", "site_config.yml")


def serve(
    site_dir: Path,
    host: str,
    port: int,
    today: date | None,
    console: Console,
    print_diagnostics: Callable[[Console, Diagnostics], None],
) -> None:
    preview_root = Path(tempfile.mkdtemp(prefix="careers-preview-"))
    out = preview_root / "site"

    def rebuild() -> None:
        # A failed rebuild keeps the last good preview; the messages say what to fix.
        try:
            result = build_site(site_dir, out, today)
        except SiteError as error:
            print_diagnostics(console, error.diagnostics)
            console.print(
                "[red]Forhåndsvisningen viser forrige versjon til feilene er rettet.[/red]"
            )
            return
        except PublishError as error:
            console.print(f"[red]feil:[/red] {escape(error.message)}")
            return
        if len(result.diagnostics):
            print_diagnostics(console, result.diagnostics)
        console.print(
            f"[green]✓[/green] Bygget på nytt ({len(result.site.open_jobs)} ledige stillinger)"
        )

    rebuild()
    if not out.exists():
        out.mkdir(parents=True)
    logging.getLogger("mkdocs.livereload").setLevel(logging.WARNING)
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(out))
    for name in WATCHED:
        if (site_dir / name).exists():
            server.watch(str(site_dir / name))
    console.print(
        f"Forhåndsvisning på [bold]http://{host}:{port}/[/bold] – "
        "lagre en fil for å bygge på nytt. Stopp med Ctrl+C."
    )
    try:
        server.serve()
    except KeyboardInterrupt:
        console.print("Stopper forhåndsvisningen.")
    finally:
        server.shutdown()
        shutil.rmtree(preview_root, ignore_errors=True)
