"""JA001: a rule switched off in an ad must say why."""

from __future__ import annotations

from collections.abc import Iterator

from generator.diagnostics import Severity
from generator.guidelines.rule import RULES, Ad, Finding, RuleDoc, rule
from generator.model_errors import did_you_mean


@rule(
    "JA001",
    "suppression-without-reason",
    Severity.WARNING,
    RuleDoc(
        title="Regel slått av uten begrunnelse",
        what="En annonse slår av en regel i `guidelines: {ignore: …}` uten å si hvorfor, eller "
        "nevner en regel som ikke finnes.",
        why="Retningslinjene er felles. Når en regel ikke passer for en annonse, skal "
        "begrunnelsen stå der, så HR og kommunikasjon kan se den i rapporten.",
        fix="Skriv begrunnelsen etter koden, eller fjern linjen. En regel uten begrunnelse "
        "gjelder fortsatt.",
        bad="`guidelines: {ignore: {JA205: }}`",
        good='`guidelines: {ignore: {JA205: "Sommerjobb; fagutvikling er ikke aktuelt"}}`',
    ),
)
def suppression_without_reason(ad: Ad) -> Iterator[Finding]:
    for code, reason in ad.job.guidelines.ignore.items():
        field = f"guidelines.ignore.{code}"
        if code not in RULES:
            yield Finding(
                f"«{code}» er ikke en regel i retningslinjene",
                did_you_mean(code, RULES) or "reglene heter JA001 og JA101–JA504",
                field=field,
            )
        elif not (reason or "").strip():
            yield Finding(
                f"{code} er slått av uten begrunnelse, så regelen gjelder fortsatt",
                f'skriv hvorfor etter koden, for eksempel {code}: "…"',
                field=field,
            )
