"""Stage 2, validate: the checks of a job ad that need more than its own fields, or more than
one field at a time (which form of a field it uses, its openings against its units and
professions, its employer, the order of its dates).

Each problem names the field whose line the author should go to, what is wrong and how to
write it instead. References to units and professions that do not exist are checked with the
other references in `validate.py`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from generator.diagnostics import Severity
from generator.models import Job
from generator.models.document import MarkdownDocument
from generator.models.terms import STANDING

if TYPE_CHECKING:
    from generator.validate import CrossReferences


class JobChecks:
    """The cross-field checks of every job ad, reported through the site's cross-references."""

    def __init__(self, references: CrossReferences) -> None:
        self.references = references
        self.site = references.site

    def check(self) -> None:
        for job in self.site.jobs:
            self.check_named_once(job, "unit", "units", "arbeidssted", "arbeidssteder")
            self.check_named_once(job, "profession", "professions", "yrke", "yrker")
            self.check_simple_form_or_openings(job)
            self.check_openings_belong(job)
            self.check_one_employer(job)
            self.check_dates(job)

    def error(
        self, job: MarkdownDocument, field: tuple[str | int, ...], message: str, hint: str
    ) -> None:
        self.references.error(job.source, field, message, hint)

    def warning(
        self, job: MarkdownDocument, field: tuple[str | int, ...], message: str, hint: str
    ) -> None:
        self.references.error(job.source, field, message, hint, Severity.WARNING)

    def check_named_once(self, job: Job, one: str, many: str, word: str, words: str) -> None:
        """`unit` or `units`, never both and never neither (the same for professions)."""
        single, listed = getattr(job, one), getattr(job, many)
        written = many in job.model_fields_set
        if single and listed:
            self.error(
                job,
                (many,),
                f"annonsen har både {one} og {many}",
                f"bruk {one} for ett {word} og {many} for flere; flytt «{single}» inn i "
                f"listen {many} og slett linjen {one}",
            )
        elif not single and not listed:
            self.error(
                job,
                (many,) if written else (),
                f"{one} mangler, men er påkrevd",
                f"legg til en linje «{one}: …», eller «{many}: [a, b]» når annonsen gjelder "
                f"flere {words}",
            )

    def check_simple_form_or_openings(self, job: Job) -> None:
        set_fields = job.model_fields_set
        if job.openings:
            for simple, where in (("position_percent", "percent"), ("positions", "count")):
                if simple in set_fields:
                    self.error(
                        job,
                        (simple,),
                        f"annonsen har både openings og {simple}",
                        f"skriv størrelsen og antallet i hver opening ({where}: …), og slett "
                        f"linjen {simple}",
                    )
            return
        count, sizes = job.positions, job.position_percent or []
        if isinstance(count, int) and "positions" in set_fields and 1 < count < len(sizes):
            self.warning(
                job,
                ("positions",),
                f"positions sier {count}, men position_percent har {len(sizes)} størrelser; "
                f"annonsen viser {len(sizes)} stillinger",
                "rett positions, eller bruk openings når stillingene er ulike",
            )

    def check_openings_belong(self, job: Job) -> None:
        """An opening's unit and profession are among the ad's own."""
        for index, opening in enumerate(job.openings):
            for field, value, known, plural in (
                ("unit", opening.unit, job.unit_ids, "units"),
                ("profession", opening.profession, job.profession_keys, "professions"),
            ):
                if value and known and value not in known:
                    self.error(
                        job,
                        ("openings", index, field),
                        f"«{value}» er ikke blant annonsens {plural} ({', '.join(known)})",
                        f"legg «{value}» til i {plural}, eller velg en av dem",
                    )
            if opening.until and (opening.employment_type or job.employment_type) == "fast":
                self.error(
                    job,
                    ("openings", index, "until"),
                    "en fast stilling har ingen sluttdato (until)",
                    "skriv employment_type: vikariat eller engasjement for denne stillingen, "
                    "eller slett until",
                )

    def check_one_employer(self, job: Job) -> None:
        employers = {self.site.employer_of_unit(unit_id).id for unit_id in job.unit_ids}
        if len(employers) > 1:
            names = [
                f"{unit_id} ({self.site.employer_of_unit(unit_id).name})"
                for unit_id in job.unit_ids
            ]
            self.error(
                job,
                ("units",),
                "arbeidsstedene hører til ulike arbeidsgivere: " + ", ".join(names),
                "lag én annonse per arbeidsgiver; søkerne, NAV og Google trenger én arbeidsgiver "
                "per annonse",
            )

    def check_dates(self, job: Job) -> None:
        published = job.published
        for field, day, what in (
            ("deadline", job.deadline_date, "søknadsfristen"),
            ("visible_until", job.visible_until, "visible_until"),
            ("until", job.until, "sluttdatoen (until)"),
        ):
            if day and day < published:
                self.error(
                    job,
                    (field,),
                    f"{what} {day.isoformat()} er før publiseringsdatoen {published.isoformat()}",
                    "sjekk begge datoene; den må være samme dag som eller etter publisering",
                )
        self.check_end_dates(job)
        if job.visible_until and job.deadline != STANDING:
            self.warning(
                job,
                ("visible_until",),
                "visible_until gjelder bare annonser med fortløpende søknadsfrist",
                "slett visible_until, eller skriv «deadline: fortløpende» hvis dere ansetter "
                "etter hvert som søknadene kommer",
            )
        if job.until and not job.openings and job.employment_type == "fast":
            self.error(
                job,
                ("until",),
                "en fast stilling har ingen sluttdato (until)",
                "skriv employment_type: vikariat eller engasjement, eller slett until",
            )

    def check_end_dates(self, job: Job) -> None:
        """A position cannot end before it starts, or before the last day to apply."""
        start = job.start if isinstance(job.start, date) else None
        for opening in job.resolved_openings:
            index = opening.index
            field: tuple[str | int, ...] = ("until",)
            if index is not None and job.openings[index].until:
                field = ("openings", index, "until")
            for other, day, what in (
                ("start", start, "tiltredelsen"),
                ("deadline", job.deadline_date, "søknadsfristen"),
            ):
                if opening.until and day and opening.until < day:
                    self.error(
                        job,
                        field,
                        f"sluttdatoen {opening.until.isoformat()} er før {what} {day.isoformat()}",
                        f"sjekk until og {other}; stillingen må slutte etter at den begynner",
                    )
                    break
