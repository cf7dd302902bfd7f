"""The guideline corpus: realistic job ads run through the real checker as one site.

`tests/corpus/ads/` holds complete ads (bokmål, nynorsk and English) for municipal health and
care, `tests/corpus/site/` the site they belong to (config, units, professions, employers), and
`tests/corpus/expected.yml` the exact set of rule codes each ad must get. Nothing is mocked:
the ads are copied into a throwaway site and read with `read_site`, as `careers check` does.

The site is checked twice: as it is, with a complete ad footer, and without the footer (for a
few ads), since JA108 and JA203 can only fire when the footer does not say it for every ad.

Run with `-s` to see the table of expected, found and false-positive findings per code.
"""

from __future__ import annotations

import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.diagnostics import Diagnostic, Severity
from generator.guidelines import RULES
from generator.pipeline import read_site

CORPUS = Path(__file__).resolve().parent / "corpus"
ADS = CORPUS / "ads"
TODAY = date(2026, 11, 20)
MIN_ADS = 30
# A few findings nobody planned for are tolerable (a word list can't know every context),
# but more than 1 in 20 reported (ad, code) pairs being wrong would make comms staff stop
# trusting the report. Misses are never tolerated: recall must be 1.0.
MAX_FALSE_POSITIVE_SHARE = 0.05

WITH_FOOTER = "ads"
WITHOUT_FOOTER = "without_ad_footer"
RUNS = (WITH_FOOTER, WITHOUT_FOOTER)

# (run, ad file name, code)
Pair = tuple[str, str, str]


def expected_codes() -> dict[str, dict[str, set[str]]]:
    """expected.yml: for each run, each ad's exact set of codes."""
    data = yaml.safe_load((CORPUS / "expected.yml").read_text(encoding="utf-8"))
    return {run: {ad: set(codes or []) for ad, codes in data[run].items()} for run in RUNS}


def corpus_ads() -> list[str]:
    return sorted(path.name for path in ADS.glob("*.md"))


def check_corpus(site_dir: Path, ads: list[str], with_footer: bool) -> list[Diagnostic]:
    """Write the corpus site with `ads` into `site_dir`, check it, return every diagnostic."""
    shutil.copytree(CORPUS / "site", site_dir)
    jobs = site_dir / "content" / "jobs"
    jobs.mkdir(parents=True)
    for ad in ads:
        shutil.copy(ADS / ad, jobs / ad)
    if not with_footer:
        config_file = site_dir / "site_config.yml"
        config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
        del config["ad_footer"]
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    site, diagnostics = read_site(site_dir, TODAY)
    validation = [d.format() for d in diagnostics if d.code == "SITE"]
    assert site is not None and not validation, "\n".join(validation)
    assert len(site.jobs) == len(ads)
    return [d for d in diagnostics if d.code != "SITE"]


@dataclass
class CorpusRun:
    """What the checker reported for the corpus, and what the corpus expects."""

    expected: dict[str, dict[str, set[str]]]
    findings: dict[Pair, list[Diagnostic]]

    @property
    def expected_pairs(self) -> set[Pair]:
        return {
            (run, ad, code)
            for run, ads in self.expected.items()
            for ad, codes in ads.items()
            for code in codes
        }

    @property
    def reported_pairs(self) -> set[Pair]:
        return set(self.findings)

    @property
    def missed(self) -> set[Pair]:
        return self.expected_pairs - self.reported_pairs

    @property
    def false_positives(self) -> set[Pair]:
        return self.reported_pairs - self.expected_pairs

    @property
    def recall(self) -> float:
        return 1 - len(self.missed) / len(self.expected_pairs)

    def describe(self, pairs: set[Pair]) -> str:
        lines = []
        for run, ad, code in sorted(pairs):
            lines.append(f"[{run}] {ad}: {code}")
            for finding in self.findings.get((run, ad, code), []):
                lines.append(f"    {finding.severity}, line {finding.line}: {finding.message}")
        return "\n".join(lines)

    def table(self) -> str:
        expected = Counter(code for _, _, code in self.expected_pairs)
        found = Counter(code for _, _, code in self.expected_pairs & self.reported_pairs)
        false = Counter(code for _, _, code in self.false_positives)
        rows = [f"{'code':<6} {'expected':>8} {'found':>6} {'false+':>6}"]
        for code in sorted(set(RULES) | set(expected) | set(false)):
            rows.append(f"{code:<6} {expected[code]:>8} {found[code]:>6} {false[code]:>6}")
        reported = len(self.reported_pairs)
        rows.append(
            f"{'all':<6} {sum(expected.values()):>8} {sum(found.values()):>6} "
            f"{sum(false.values()):>6}"
        )
        rows.append(
            f"recall {self.recall:.3f}, false positives {len(self.false_positives)} "
            f"of {reported} reported pairs ({self.false_positive_share:.1%})"
        )
        return "\n".join(rows)

    @property
    def false_positive_share(self) -> float:
        reported = len(self.reported_pairs)
        return len(self.false_positives) / reported if reported else 0.0


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> CorpusRun:
    expected = expected_codes()
    findings: dict[Pair, list[Diagnostic]] = defaultdict(list)
    for run in RUNS:
        ads = sorted(expected[run])
        site_dir = tmp_path_factory.mktemp("corpus") / run
        for diagnostic in check_corpus(site_dir, ads, with_footer=run == WITH_FOOTER):
            findings[(run, Path(diagnostic.file).name, diagnostic.code)].append(diagnostic)
    result = CorpusRun(expected, dict(findings))
    print("\n" + result.table())
    for title, pairs in (("missed", result.missed), ("false positives", result.false_positives)):
        if pairs:
            print(f"{title}:\n{result.describe(pairs)}")
    return result


def test_corpus_is_large_and_every_ad_has_an_expectation() -> None:
    expected = expected_codes()
    ads = corpus_ads()
    assert len(ads) >= MIN_ADS
    assert sorted(expected[WITH_FOOTER]) == ads
    assert set(expected[WITHOUT_FOOTER]) <= set(ads)
    # Every ad is either compliant or wrong in one to three ways, never a pile of problems.
    assert all(len(codes) <= 3 for run in expected.values() for codes in run.values())


def test_corpus_covers_every_rule() -> None:
    expected = expected_codes()
    covered = {code for run in expected.values() for codes in run.values() for code in codes}
    assert not set(RULES) - covered, f"no ad expects {sorted(set(RULES) - covered)}"
    assert not covered - set(RULES), f"not rules: {sorted(covered - set(RULES))}"


def test_corpus_has_compliant_ads() -> None:
    compliant = [ad for ad, codes in expected_codes()[WITH_FOOTER].items() if not codes]
    assert len(compliant) >= 12


def test_checker_finds_every_expected_finding(corpus_run: CorpusRun) -> None:
    missed = corpus_run.missed  # recall == 1.0
    assert not missed, f"recall {corpus_run.recall:.3f}, missed:\n{corpus_run.describe(missed)}"


def test_no_errors_on_compliant_ads(corpus_run: CorpusRun) -> None:
    errors = {
        pair
        for pair, findings in corpus_run.findings.items()
        if not corpus_run.expected[pair[0]][pair[1]]
        and any(finding.severity == Severity.ERROR for finding in findings)
    }
    assert not errors, "errors on compliant ads:\n" + corpus_run.describe(errors)


def test_few_false_positives(corpus_run: CorpusRun) -> None:
    share = corpus_run.false_positive_share
    details = corpus_run.describe(corpus_run.false_positives)
    assert share <= MAX_FALSE_POSITIVE_SHARE, f"{share:.1%} false positives:\n{details}"
