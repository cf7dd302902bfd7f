"""Stage 3, check: every open or closed ad against every enabled rule.

Severities come from data/guidelines.yml (or the rule's default); an ad may suppress a rule
with a reason (`guidelines: {ignore: {JA205: "…"}}`), which the report shows. `select` and
`ignore` narrow the run to some codes (the CLI's --select/--ignore).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from generator.diagnostics import Diagnostic, Diagnostics, Severity
from generator.guidelines.results import AdResult
from generator.guidelines.rule import RULES, Ad, Rule
from generator.site import Site
from generator.source import SourceDocument, dotted_field


def enabled_rules(
    site: Site, select: Collection[str] = (), ignore: Collection[str] = ()
) -> list[tuple[Rule, Severity]]:
    """The rules to run, each with its severity for this site, in code order."""
    chosen = []
    for code, rule in sorted(RULES.items()):
        setting = site.guidelines.rules.get(code)
        if setting == "off" or (select and code not in select) or code in ignore:
            continue
        chosen.append((rule, Severity(setting) if setting else rule.severity))
    return chosen


def check_guidelines(
    site: Site,
    documents: Mapping[str, SourceDocument],
    diagnostics: Diagnostics,
    select: Collection[str] = (),
    ignore: Collection[str] = (),
) -> list[AdResult]:
    """Run the rules on every ad; findings go into `diagnostics` and the per-ad results."""
    rules = enabled_rules(site, select, ignore)
    results = []
    for job in sorted(site.jobs, key=lambda job: job.source):
        ad = Ad(
            job,
            units=tuple(site.units_of(job)),
            employer=site.employer_of(job),
            ad_footer=site.ad_footer_of(job),
            language=site.language_of(job),
            site_config=site.config,
            settings=site.guidelines,
            today_iso=site.today.isoformat(),
        )
        document = documents.get(job.source)
        result = AdResult(job, lix=ad.prose.lix())
        reasons = {code: reason for code, reason in job.guidelines.ignore.items() if reason}
        for rule, severity in rules:
            # A rule may grade its findings, unless the site set the rule's severity.
            is_configured = rule.code in site.guidelines.rules
            for finding in rule.check(ad):
                line = finding.line
                if line is None:
                    line = document.line_of(field_path(finding.field)) if document else 0
                diagnostic = Diagnostic(
                    file=job.source,
                    line=line,
                    # Written as validation writes it: «openings[2].percent».
                    field=dotted_field(field_path(finding.field)),
                    message=finding.message,
                    hint=finding.hint,
                    code=rule.code,
                    severity=severity if is_configured else finding.severity or severity,
                    name=rule.name,
                )
                if rule.code in reasons:
                    result.suppressed.append((diagnostic, reasons[rule.code]))
                else:
                    result.findings.append(diagnostic)
                    diagnostics.report(diagnostic)
        results.append(result)
    return results


def field_path(dotted: str) -> tuple[str | int, ...]:
    """«contacts.0.phone» → ("contacts", 0, "phone"): list positions are numbers in the
    source's field-line map."""
    if not dotted:
        return ()
    return tuple(int(part) if part.isdigit() else part for part in dotted.split("."))
