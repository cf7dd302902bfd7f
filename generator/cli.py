"""The `careers` command: build, serve, check and new.

Exit codes: 0 success, 1 errors in the content (or the build), 2 wrong use of the command.
No traceback reaches the user unless `--debug` is given.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.status import Status

from generator.diagnostics import (
    SEVERITY_LABELS,
    Diagnostics,
    Severity,
    SiteError,
    UsageError,
)
from generator.publish import PublishError
from generator.render.engine import EngineError

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


class ConsoleReporter:
    """Shows the build's stages with a spinner; silent with --quiet."""

    def __init__(self, console: Console, quiet: bool) -> None:
        self.console, self.quiet = console, quiet
        self.status: Status | None = None

    def stage(self, name: str) -> None:
        if self.quiet:
            return
        if self.status is None:
            self.status = self.console.status(f"{name} …")
            self.status.start()
        else:
            self.status.update(f"{name} …")

    def done(self, text: str) -> None:
        if not self.quiet:
            self.console.print(f"[green]✓[/green] {escape(text)}", highlight=False)

    def waiting(self, text: str) -> None:
        self.console.print(f"[yellow]…[/yellow] {escape(text)}", highlight=False)

    def stop(self) -> None:
        if self.status is not None:
            self.status.stop()
            self.status = None


# argparse's own messages, in Norwegian: authors read them too.
_ARGPARSE_NB = {
    "usage: ": "bruk: ",
    "positional arguments": "argumenter",
    "options": "valg",
    "show this help message and exit": "vis denne hjelpen og avslutt",
    "unrecognized arguments: %s": "ukjente argumenter: %s",
    "the following arguments are required: %s": "disse argumentene mangler: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ugyldig valg: %(value)r "
    "(velg blant %(choices)s)",
    "expected one argument": "forventer én verdi",
    "invalid %(type)s value: %(value)r": "ugyldig verdi: %(value)r",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
}
argparse._ = lambda message: _ARGPARSE_NB.get(message, message)  # type: ignore[attr-defined]


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"«{text}» er ikke en dato; skriv ÅÅÅÅ-MM-DD, for eksempel 2026-12-08"
        ) from None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: feil: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="careers",
        description="Bygger karrierenettstedet for helse og omsorg fra Markdown og YAML.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")

    def site_options(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--site", type=Path, default=Path("."), help="nettstedsmappen (standard: denne mappen)"
        )
        command.add_argument(
            "--today",
            type=parse_date,
            default=None,
            help="byggedato ÅÅÅÅ-MM-DD (standard: build_date i site_config.yml, ellers i dag)",
        )
        command.add_argument("--quiet", "-q", action="store_true", help="ingen fremdriftsmeldinger")
        command.add_argument("--debug", action="store_true", help="vis tekniske detaljer ved feil")

    build = commands.add_parser("build", help="validerer og bygger nettstedet")
    site_options(build)
    build.add_argument("--out", type=Path, default=None, help="ut-mappe (standard: SITE/site)")
    build.add_argument(
        "--strict",
        action="store_true",
        help="ikke publiser ved feil fra retningslinjesjekken eller varsler fra MkDocs",
    )

    serve = commands.add_parser("serve", help="forhåndsvisning som bygger på nytt ved endringer")
    site_options(serve)
    serve.add_argument("--host", default="127.0.0.1", help="adresse (standard: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (standard: 8000)")

    check = commands.add_parser(
        "check", help="validerer innholdet og sjekker annonsene mot retningslinjene"
    )
    site_options(check)
    check.add_argument(
        "--format",
        choices=["text", "json", "github"],
        default="text",
        help="utformat: text (standard), json, eller github (annotasjoner i GitHub Actions)",
    )
    check.add_argument(
        "--select",
        type=parse_codes,
        action="extend",
        default=[],
        metavar="KODER",
        help="bare disse reglene, kommaseparert; JA3 velger alle JA3xx",
    )
    check.add_argument(
        "--ignore",
        type=parse_codes,
        action="extend",
        default=[],
        metavar="KODER",
        help="hopp over disse reglene, kommaseparert; JA3 hopper over alle JA3xx",
    )

    new = commands.add_parser("new", help="lager en ny fil fra en mal")
    new.add_argument(
        "kind",
        choices=["job", "story", "event", "placement"],
        metavar="TYPE",
        help="hva som lages: job, story, event eller placement",
    )
    new.add_argument("--site", type=Path, default=Path("."), help="nettstedsmappen")
    new.add_argument("--title", help="tittel")
    new.add_argument("--unit", help="arbeidssted (id fra data/units.yml)")
    new.add_argument("--profession", help="yrke (nøkkel fra data/professions.yml)")
    new.add_argument("--slug", help="filnavn uten .md (standard: laget av tittelen)")
    new.add_argument("--today", type=parse_date, default=None, help="dato for published")
    new.add_argument("--debug", action="store_true", help="vis tekniske detaljer ved feil")
    schema = commands.add_parser(
        "schema", help="skriver JSON Schema for innholdsfilene, til redigeringsprogram"
    )
    schema.add_argument(
        "--out", type=Path, default=Path("schemas"), help="mappe (standard: schemas)"
    )
    schema.add_argument("--debug", action="store_true", help="vis tekniske detaljer ved feil")
    docs = commands.add_parser(
        "docs", help="skriver feltoversikten og retningslinjene (docs/) fra koden"
    )
    docs.add_argument("--out", type=Path, default=Path("docs"), help="mappe (standard: docs)")
    docs.add_argument("--debug", action="store_true", help="vis tekniske detaljer ved feil")
    return parser


def print_diagnostics(console: Console, diagnostics: Diagnostics) -> None:
    current_file = None
    for diagnostic in diagnostics:
        if diagnostic.file != current_file:
            current_file = diagnostic.file
            console.print(f"\n[bold]{escape(diagnostic.file)}[/bold]", highlight=False)
        style = SEVERITY_STYLES[diagnostic.severity]
        label = SEVERITY_LABELS[diagnostic.severity]
        code = "" if diagnostic.code == "SITE" else f"{diagnostic.code} "
        console.print(
            f"  [{style}]{label}[/{style}] [bold]{code}[/bold]{escape(diagnostic.format())}",
            highlight=False,
            soft_wrap=True,
        )
    console.print(f"\n{diagnostics.summary()}", highlight=False)


def command_build(args: argparse.Namespace, console: Console) -> int:
    from generator.pipeline import build_site

    out = args.out if args.out is not None else args.site / "site"
    reporter = ConsoleReporter(console, args.quiet)
    try:
        result = build_site(args.site, out, args.today, args.strict, reporter)
    finally:
        reporter.stop()
    if len(result.diagnostics) and not args.quiet:
        print_diagnostics(console, result.diagnostics)
    for warning in result.engine_warnings:
        console.print(f"[yellow]MkDocs:[/yellow] {escape(warning)}", highlight=False)
    if not args.quiet:
        console.print(
            f"Åpne {escape(str((out / 'index.html').resolve()))} i en nettleser.", highlight=False
        )
    return EXIT_OK


def command_check(args: argparse.Namespace, console: Console) -> int:
    from generator.pipeline import read_site

    select, ignore = rule_codes(args.select), rule_codes(args.ignore)
    _site, diagnostics = read_site(args.site, args.today, select=select, ignore=ignore)
    if args.format == "json":
        sys.stdout.write(diagnostics.to_json() + "\n")
    elif args.format == "github":
        sys.stdout.write(diagnostics.to_github(args.site))
    else:
        print_diagnostics(Console(highlight=False), diagnostics)
    return EXIT_ERRORS if diagnostics.has_errors else EXIT_OK


def parse_codes(value: str) -> list[str]:
    return [code.strip().upper() for code in value.split(",") if code.strip()]


def rule_codes(prefixes: list[str]) -> set[str]:
    """The rule codes a --select/--ignore list names; «JA3» names every JA3xx rule."""
    from generator.guidelines import RULES
    from generator.model_errors import did_you_mean

    codes: set[str] = set()
    for prefix in prefixes:
        matching = {code for code in RULES if code.startswith(prefix)}
        if not matching:
            hint = did_you_mean(prefix, RULES) or "reglene heter JA001 og JA101–JA504"
            raise UsageError(f"«{prefix}» er ikke en regel i retningslinjene; {hint}")
        codes |= matching
    return codes


def command_serve(args: argparse.Namespace, console: Console) -> int:
    from generator.serve import serve

    serve(args.site, args.host, args.port, args.today, console, print_diagnostics)
    return EXIT_OK


def command_new(args: argparse.Namespace, console: Console) -> int:
    from generator.scaffold import create_file

    path = create_file(
        kind=args.kind,
        site_dir=args.site,
        title=args.title,
        unit=args.unit,
        profession=args.profession,
        slug=args.slug,
        today=args.today,
        console=console,
    )
    console.print(
        f"[green]✓[/green] Laget {escape(str(path))}. Fyll inn feltene og kjør `careers check`."
    )
    return EXIT_OK


def command_schema(args: argparse.Namespace, console: Console) -> int:
    from generator.schema import write_schemas

    for path in write_schemas(args.out):
        console.print(f"[green]✓[/green] {escape(str(path))}")
    return EXIT_OK


def command_docs(args: argparse.Namespace, console: Console) -> int:
    from generator.reference import write_reference

    for path in write_reference(args.out):
        console.print(f"[green]✓[/green] {escape(str(path))}")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, Console], int]] = {
    "build": command_build,
    "check": command_check,
    "serve": command_serve,
    "new": command_new,
    "schema": command_schema,
    "docs": command_docs,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    console = Console(stderr=True, highlight=False)
    site_dir: Path = getattr(args, "site", Path("."))
    if not site_dir.is_dir():
        console.print(f"[red]feil:[/red] nettstedsmappen «{escape(str(site_dir))}» finnes ikke")
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args, console)
    except SiteError as error:
        print_diagnostics(console, error.diagnostics)
        console.print("[red]Ingenting ble bygget eller endret.[/red]")
        return EXIT_ERRORS
    except PublishError as error:
        console.print(f"[red]feil:[/red] {escape(error.message)}", highlight=False)
        if error.hint:
            console.print(f"    tips: {escape(error.hint)}", highlight=False)
        return EXIT_ERRORS
    except EngineError as error:
        console.print(
            f"[red]feil under bygging med MkDocs:[/red] {escape(str(error))}", highlight=False
        )
        console.print("Forrige versjon av nettstedet er urørt.")
        return EXIT_ERRORS
    except UsageError as error:
        console.print(f"[red]feil:[/red] {escape(str(error))}", highlight=False)
        return EXIT_USAGE
    except KeyboardInterrupt:
        console.print("Avbrutt.")
        return 130
    except Exception as error:  # the last line of defence: never a traceback for authors
        if args.debug:
            raise
        console.print(
            f"[red]Intern feil:[/red] {type(error).__name__}: {escape(str(error))}\n"
            "Forrige versjon av nettstedet er urørt. Kjør igjen med --debug for detaljer, "
            "og meld gjerne fra om feilen.",
            highlight=False,
        )
        return EXIT_ERRORS


if __name__ == "__main__":
    sys.exit(main())
