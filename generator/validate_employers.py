"""Stage 2, validate: employers (data/employers.yml) and the units that name them.

Units name employers that exist; an employer's logo is a file; an employer without a public
list of applicants must not get the site's ad footer that promises one (offentleglova § 25).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.diagnostics import Severity
from generator.load import EMPLOYERS
from generator.models.fields import SLUG_PATTERN

if TYPE_CHECKING:
    from generator.validate import CrossReferences


class EmployerChecks:
    def __init__(self, references: CrossReferences) -> None:
        self.references = references

    def check(self) -> None:
        self.check_unit_employers()
        self.check_employer_files_and_footers()

    def check_unit_employers(self) -> None:
        """Each unit's `employer` is in data/employers.yml (read from the raw data, so a unit
        that failed its model is checked too)."""
        references, units = self.references, self.references.sources.units
        if units is None or not isinstance(units.data, list):
            return
        for index, data in enumerate(units.data):
            employer = data.get("employer") if isinstance(data, dict) else None
            if not (isinstance(employer, str) and SLUG_PATTERN.match(employer)):
                continue
            if references.sources.employers is None:
                references.error(
                    units.relative,
                    (index, "employer"),
                    f"arbeidsgiveren «{employer}» finnes ikke: nettstedet har ingen {EMPLOYERS}",
                    f"lag {EMPLOYERS} med arbeidsgiveren (id, name, organisation_number, sector), "
                    "eller slett linjen employer, så gjelder nettstedets organisasjon",
                )
                continue
            known = references.site.employers
            references.check_reference(
                units.relative, (index, "employer"), employer, known, EMPLOYERS
            )

    def check_employer_files_and_footers(self) -> None:
        references, site = self.references, self.references.site
        raw = references.sources.employers.data if references.sources.employers else []
        index_of = {
            data.get("id"): index
            for index, data in enumerate(raw if isinstance(raw, list) else [])
            if isinstance(data, dict)
        }
        promises_public_list = bool(site.guidelines.words.get("public_records_notice")) and bool(
            site.guidelines.pattern_of("public_records_notice").search(site.config.ad_footer)
        )
        for employer in site.employers.values():
            index = index_of.get(employer.id, 0)
            references.check_file(EMPLOYERS, (index, "logo"), employer.logo)
            if (
                promises_public_list
                and employer.ad_footer is None
                and not employer.has_public_applicant_list
            ):
                references.error(
                    EMPLOYERS,
                    (index, "id"),
                    f"{employer.name} har ikke offentlig søkerliste, men annonsene får "
                    "nettstedets ad_footer, som sier at søkerlisten er offentlig",
                    f"skriv en egen ad_footer for {employer.name} i data/employers.yml",
                    Severity.WARNING,
                )
