"""Plain data for the guideline pages, for comms staff: the report and one page per rule.

The pages are for the people who write the ads, not for applicants: they live under their
own path (`retningslinjer/`), out of the navigation and the search, with `noindex`.
"""

from __future__ import annotations

from collections import Counter
from statistics import mean
from typing import Any

from generator.diagnostics import SEVERITY_LABELS, Diagnostic, Severity
from generator.guidelines import RULES, Rule
from generator.guidelines.checker import enabled_rules
from generator.guidelines.results import AdResult
from generator.language import Language
from generator.site import Site

View = dict[str, Any]
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
# The chart: one bar per rule with findings, each bar split by severity.
BAR_HEIGHT = 26
BAR_GAP = 8
LABEL_WIDTH = 250
CHART_WIDTH = 640


class GuidelineViews:
    def __init__(self, site: Site) -> None:
        self.site = site
        self.language = Language(site.language)
        self.severities = {rule.code: severity for rule, severity in enabled_rules(site)}

    def url(self, code: str = "") -> str:
        base = self.language.path("guidelines") + "/"
        return base + (code.lower() + "/" if code else "")

    def finding(self, diagnostic: Diagnostic) -> View:
        return {
            "code": diagnostic.code,
            "name": diagnostic.name,
            "rule_url": self.url(diagnostic.code) if diagnostic.code in RULES else "",
            "severity": str(diagnostic.severity),
            "severity_label": SEVERITY_LABELS[diagnostic.severity],
            "line": diagnostic.line,
            "field": diagnostic.field,
            "message": diagnostic.message,
            "hint": diagnostic.hint,
        }

    def ad(self, result: AdResult) -> View:
        job = result.job
        counts = Counter(finding.severity for finding in result.findings)
        return {
            "title": job.title,
            "source": job.source,
            "url": self.language.path("jobs") + f"/{job.slug}/",
            "is_open": job.is_open(on=self.site.today),
            "score": result.score,
            "lix": round(result.lix),
            "counts": {str(severity): counts[severity] for severity in SEVERITIES},
            "findings": [self.finding(finding) for finding in result.findings],
            "suppressed": [
                {**self.finding(finding), "reason": reason} for finding, reason in result.suppressed
            ],
        }

    def report(self) -> View:
        results = self.site.ad_results
        per_rule: dict[str, Counter[Severity]] = {}
        for result in results:
            for finding in result.findings:
                per_rule.setdefault(finding.code, Counter())[finding.severity] += 1
        return {
            "ads": [
                self.ad(result) for result in sorted(results, key=lambda r: (r.score, r.job.title))
            ],
            "figures": self.figures(results),
            "chart": self.chart(per_rule),
            "rules": [
                {
                    "code": rule.code,
                    "name": rule.name,
                    "title": rule.doc.title,
                    "url": self.url(rule.code),
                    "severity": str(self.severities.get(rule.code, "off")),
                    "severity_label": self.severity_label(rule.code),
                    "count": sum(per_rule.get(rule.code, Counter()).values()),
                }
                for rule in sorted(RULES.values(), key=lambda rule: rule.code)
            ],
        }

    def severity_label(self, code: str) -> str:
        severity = self.severities.get(code)
        return SEVERITY_LABELS[severity] if severity else self.language.ui["guidelines_off"]

    def figures(self, results: list[AdResult]) -> list[View]:
        """Trend-worthy figures over all ads: what the strategies ask for, in numbers."""
        ui = self.language.ui
        jobs = [result.job for result in results]
        if not jobs:
            return []
        # The same word list as JA204 (mentor, fadder, introduksjonsprogram, opplæringsplan).
        onboarding = self.site.guidelines.pattern_of("onboarding")
        mentions_mentoring = [
            job
            for job in jobs
            if onboarding.search(" ".join([job.title, job.summary or "", job.body]))
        ]
        states_salary = [
            result
            for result in results
            if result.job.salary
            and not any(
                f.code == "JA105" for f in [*result.findings, *(s for s, _ in result.suppressed)]
            )
        ]

        def share(part: int) -> str:
            return self.language.number(round(100 * part / len(jobs))) + ui["percent_suffix"]

        return [
            {"label": ui["guidelines_ads"], "value": str(len(jobs))},
            {
                "label": ui["guidelines_mean_score"],
                "value": str(round(mean(r.score for r in results))),
            },
            {
                "label": ui["guidelines_full_time"],
                "value": share(sum(j.offers_full_time for j in jobs)),
            },
            {"label": ui["guidelines_mentoring"], "value": share(len(mentions_mentoring))},
            {"label": ui["guidelines_salary"], "value": share(len(states_salary))},
            {
                "label": ui["guidelines_mean_lix"],
                "value": self.language.number(round(mean(r.lix for r in results))),
            },
        ]

    def chart(self, per_rule: dict[str, Counter[Severity]]) -> View:
        """Bars for an inline SVG, drawn by the template: counts per rule, split by severity."""
        codes = sorted(per_rule, key=lambda code: (-sum(per_rule[code].values()), code))
        most = max((sum(per_rule[code].values()) for code in codes), default=1)
        scale = (CHART_WIDTH - LABEL_WIDTH - 40) / most
        bars = []
        for index, code in enumerate(codes):
            y = index * (BAR_HEIGHT + BAR_GAP)
            x: float = LABEL_WIDTH
            segments = []
            for severity in SEVERITIES:
                count = per_rule[code][severity]
                if count:
                    width = round(count * scale, 1)
                    segments.append({"x": x, "width": width, "severity": str(severity)})
                    x += width
            rule = RULES.get(code)
            bars.append(
                {
                    "y": y,
                    "text_y": y + BAR_HEIGHT * 0.7,
                    "label": f"{code} {rule.doc.title if rule else ''}",
                    "url": self.url(code),
                    "segments": segments,
                    "total": sum(per_rule[code].values()),
                    "total_x": x + 6,
                    "counts": {str(s): per_rule[code][s] for s in SEVERITIES},
                }
            )
        return {
            "width": CHART_WIDTH,
            "height": max(1, len(bars)) * (BAR_HEIGHT + BAR_GAP),
            "bar_height": BAR_HEIGHT,
            "bars": bars,
        }

    def rule_page(self, rule: Rule) -> View:
        affected = [
            {"title": result.job.title, "source": result.job.source, "count": count}
            for result in self.site.ad_results
            if (count := sum(1 for f in result.findings if f.code == rule.code))
        ]
        return {
            "code": rule.code,
            "name": rule.name,
            "title": f"{rule.code} {rule.doc.title}",
            "severity_label": self.severity_label(rule.code),
            "default_severity_label": SEVERITY_LABELS[rule.severity],
            "report_url": self.url(),
            "affected": affected,
        }
