"""content/jobs/SLUG.md: a job ad."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Literal, get_args

from pydantic import Field

from generator.models.document import MarkdownDocument
from generator.models.fields import (
    Contact,
    ContentModel,
    CountryCode,
    DateOrText,
    Email,
    HttpsUrl,
    IsoDate,
    SitePath,
    Slug,
    Text,
    Title,
)
from generator.models.terms import (
    OPEN_COUNT,
    STANDING,
    Deadline,
    PositionCount,
    PositionSize,
    PositionSizeField,
    PositionSizes,
    WeekendEvery,
)

EmploymentType = Literal[
    "fast",
    "vikariat",
    "engasjement",
    "sommerjobb",
    "laerling",
    "rekrutteringsstilling",
    "prosjekt",
    "tilkallingsvikar",
]
Shift = Literal["dag", "kveld", "natt", "helg", "langvakt", "vaken-natt", "passiv-natt"]
# Employment types for a limited time: they may have an end date (`until`) and need a reason.
TEMPORARY_TYPES = frozenset({"vikariat", "engasjement", "prosjekt", "sommerjobb"})
# On call (ekstravakter): no position size to state.
ON_CALL = "tilkallingsvikar"


class Opening(ContentModel):
    """One kind of position in an ad that offers positions that differ. Every field is
    optional and falls back to the ad's own."""

    percent: PositionSizeField | None = Field(
        None, description="Stillingsprosent, for eksempel 73,68 eller et spenn som «75–100»"
    )
    count: PositionCount | None = Field(
        None, description="Antall stillinger av dette slaget (standard 1), eller flere"
    )
    employment_type: EmploymentType | None = Field(
        None, description="Ansettelsesform; uten den gjelder annonsens"
    )
    shifts: list[Shift] | None = Field(
        None, description="Vakter; uten dem gjelder annonsens (shifts)"
    )
    weekend_every: WeekendEvery | None = Field(
        None, description="Hvor ofte du jobber helg: 3 betyr hver 3. helg, 1 hver helg"
    )
    until: IsoDate | None = Field(None, description="Siste dag i et vikariat eller engasjement")
    temporary_reason: Text | None = Field(None, description="Hvorfor stillingen er midlertidig")
    part_time_reason: Text | None = Field(None, description="Hvorfor stillingen er deltid")
    unit: Slug | None = Field(None, description="Arbeidsstedet, en av annonsens units")
    profession: Slug | None = Field(None, description="Yrket, et av annonsens professions")


@dataclass(frozen=True)
class ResolvedOpening:
    """An opening with the ad's own fields filled in: what it really offers. A simple ad (no
    `openings`) is one of these, with all its sizes. `index` is the opening's place in
    `openings` (None for a simple ad), for messages that point at its line."""

    sizes: tuple[PositionSize, ...]
    count: int | Literal["flere"]
    employment_type: EmploymentType | None
    shifts: tuple[Shift, ...]
    weekend_every: int | None
    until: date | None
    temporary_reason: str | None
    part_time_reason: str | None
    unit: str | None
    profession: str | None
    index: int | None = None

    @property
    def field_prefix(self) -> str:
        """Where its fields are written: «openings.2.» or «» for the ad's own fields."""
        return "" if self.index is None else f"openings.{self.index}."

    @property
    def is_temporary(self) -> bool:
        return self.employment_type in TEMPORARY_TYPES

    @property
    def is_on_call(self) -> bool:
        return self.employment_type == ON_CALL

    @property
    def works_weekends(self) -> bool:
        return self.weekend_every is not None or "helg" in self.shifts


class GuidelineSettings(ContentModel):
    """Per-ad settings for the guideline checker."""

    # A missing reason is the checker's finding JA001, not a validation error: the ad still
    # builds, and the report shows the suppression that needs a reason.
    ignore: dict[str, str | None] = Field(
        default_factory=dict, description="Regler som ikke skal gjelde, med begrunnelse"
    )


class Job(MarkdownDocument):
    """A job ad. Fields the guideline checker reports as missing (JA1xx) are optional here,
    so an unfinished draft still builds a preview. An ad names one unit and one profession
    (`unit`, `profession`) or several (`units`, `professions`), and its positions either with
    the simple fields (`position_percent`, `positions`) or as `openings` that differ."""

    title: Title = Field(description="Stillingstittel")
    summary: Text | None = Field(
        None, max_length=200, description="Ingress på inntil 200 tegn, brukt i lister og deling"
    )
    unit: Slug | None = Field(
        None, description="Id-en til arbeidsstedet i data/units.yml (påkrevd, eller units)"
    )
    units: list[Slug] = Field(
        default_factory=list,
        description="Flere arbeidssteder (vikarpool, rotasjon): en liste med id-er i stedet "
        "for unit",
    )
    profession: Slug | None = Field(
        None, description="Nøkkelen til yrket i data/professions.yml (påkrevd, eller professions)"
    )
    professions: list[Slug] = Field(
        default_factory=list,
        description="Flere yrker («sykepleier eller vernepleier»): en liste i stedet for "
        "profession",
    )
    position_percent: PositionSizes | None = Field(
        None,
        description="Stillingsprosent 1–100 (gjerne med desimaler: 73,68), et spenn som "
        "«75–100», eller en liste for flere stillinger: [100, 75]",
    )
    positions: PositionCount = Field(1, description="Antall stillinger, eller flere")
    openings: list[Opening] = Field(
        default_factory=list,
        description="Stillinger som er ulike i størrelse, ansettelsesform, vakter, sted eller "
        "yrke, hver med sine egne felt; i stedet for position_percent og positions",
    )
    employment_type: EmploymentType | None = Field(None, description="Ansettelsesform")
    part_time_reason: Text | None = Field(None, description="Hvorfor stillingen er deltid")
    temporary_reason: Text | None = Field(None, description="Hvorfor stillingen er midlertidig")
    until: IsoDate | None = Field(
        None, description="Siste dag i et vikariat, engasjement eller en sommerjobb"
    )
    shifts: list[Shift] = Field(
        default_factory=list,
        description="Vakter: dag, kveld, natt, helg, langvakt, vaken-natt, passiv-natt",
    )
    weekend_every: WeekendEvery | None = Field(
        None, description="Hvor ofte du jobber helg: 3 betyr hver 3. helg, 1 hver helg"
    )
    published: IsoDate = Field(description="Publiseringsdato")
    deadline: Deadline | None = Field(
        None, description="Søknadsfrist: en dato, eller fortløpende når dere ansetter løpende"
    )
    visible_until: IsoDate | None = Field(
        None, description="Hvor lenge en annonse med fortløpende frist står ute"
    )
    start: DateOrText | None = Field(None, description="Tiltredelse: dato eller tekst")
    salary: Text | None = Field(None, description="Lønn, helst med tall eller lønnstrinn")
    contacts: list[Contact] = Field(default_factory=list, description="Kontaktpersoner")
    apply_url: HttpsUrl | None = Field(None, description="Lenke til søknadsskjemaet (https)")
    apply_email: Email | None = Field(None, description="E-postadresse for søknader")
    reference: Text | None = Field(None, description="Saksnummer eller referanse")
    image: SitePath | None = Field(None, description="Bilde, sti fra nettstedets rotmappe")
    image_alt: Text | None = Field(None, description="Alternativ tekst for bildet")
    recruitment_countries: list[CountryCode] = Field(
        default_factory=list, description="Land annonsen markedsføres aktivt i (ISO-koder)"
    )
    positive_action: Text | None = Field(
        None, description="Lovlig grunnlag for å oppfordre ett kjønn til å søke"
    )
    guidelines: GuidelineSettings = Field(
        default_factory=GuidelineSettings,
        description="Innstillinger for retningslinjesjekken, "
        "for eksempel ignore: {JA205: begrunnelse}",
    )

    # --- Where and what ----------------------------------------------------------------

    @property
    def unit_ids(self) -> list[str]:
        """Every workplace the ad names, `unit` or `units`, in the author's order."""
        return list(dict.fromkeys([*([self.unit] if self.unit else []), *self.units]))

    @property
    def profession_keys(self) -> list[str]:
        return list(
            dict.fromkeys([*([self.profession] if self.profession else []), *self.professions])
        )

    @property
    def first_unit(self) -> str | None:
        """The workplace named first: the one cards name, and «more from this workplace»."""
        return next(iter(self.unit_ids), None)

    @property
    def first_profession(self) -> str | None:
        return next(iter(self.profession_keys), None)

    # --- The deadline --------------------------------------------------------------------

    @property
    def is_standing(self) -> bool:
        """Applications are reviewed as they come («fortløpende»)."""
        return self.deadline == STANDING

    @property
    def deadline_date(self) -> date | None:
        return self.deadline if isinstance(self.deadline, date) else None

    @property
    def last_listed_day(self) -> date | None:
        """The last day the ad is listed: its deadline, or a standing ad's `visible_until`
        (None: listed until someone takes it down)."""
        return self.visible_until if self.is_standing else self.deadline_date

    def is_open(self, on: date) -> bool:
        """Open through the whole deadline day (a standing ad through `visible_until`); an
        ad without a deadline stays open."""
        last_day = self.last_listed_day
        return last_day is None or last_day >= on

    def days_left(self, on: date) -> int | None:
        """Days to the deadline (None for a standing ad or one without a deadline)."""
        deadline = self.deadline_date
        return None if deadline is None else (deadline - on).days

    # --- The positions -------------------------------------------------------------------

    @cached_property
    def resolved_openings(self) -> tuple[ResolvedOpening, ...]:
        """What the ad offers, opening by opening, each with the ad's fields filled in."""
        if not self.openings:
            sizes = tuple(self.position_percent or ())
            count = self.positions
            if isinstance(count, int):
                count = max(count, len(sizes))
            return (self._resolved(sizes, count, None),)
        return tuple(
            self._resolved(
                (opening.percent,) if opening.percent else (),
                opening.count or 1,
                opening,
                index,
            )
            for index, opening in enumerate(self.openings)
        )

    def _resolved(
        self,
        sizes: tuple[PositionSize, ...],
        count: int | Literal["flere"],
        opening: Opening | None,
        index: int | None = None,
    ) -> ResolvedOpening:
        own = opening or Opening()
        return ResolvedOpening(
            sizes=sizes,
            count=count,
            employment_type=own.employment_type or self.employment_type,
            shifts=tuple(self.shifts if own.shifts is None else own.shifts),
            weekend_every=own.weekend_every or self.weekend_every,
            until=own.until or self.until,
            temporary_reason=own.temporary_reason or self.temporary_reason,
            part_time_reason=own.part_time_reason or self.part_time_reason,
            unit=own.unit or (self.first_unit if len(self.unit_ids) == 1 else None),
            profession=own.profession
            or (self.first_profession if len(self.profession_keys) == 1 else None),
            index=index,
        )

    @property
    def sizes(self) -> list[PositionSize]:
        return [size for opening in self.resolved_openings for size in opening.sizes]

    @property
    def total_positions(self) -> int | Literal["flere"]:
        """How many positions in all: the sum of the openings, or «flere» when one of them
        leaves the number open."""
        counts = [opening.count for opening in self.resolved_openings]
        if any(count == OPEN_COUNT for count in counts):
            return OPEN_COUNT
        return sum(count for count in counts if isinstance(count, int))

    @property
    def employment_types(self) -> list[EmploymentType]:
        """Every employment type the openings offer, in order."""
        kinds = [opening.employment_type for opening in self.resolved_openings]
        return list(dict.fromkeys(kind for kind in kinds if kind))

    @property
    def all_shifts(self) -> list[Shift]:
        """Every shift of every opening, in the order of `Shift`; «helg» for any opening that
        works weekends (`weekend_every`)."""
        found: set[str] = set()
        for opening in self.resolved_openings:
            found.update(opening.shifts)
            if opening.works_weekends:
                found.add("helg")
        return [shift for shift in get_args(Shift) if shift in found]

    @property
    def offers_full_time(self) -> bool:
        """At least one opening reaches 100 %: the «Heltid» badge and filter."""
        return any(size.reaches_full_time for size in self.sizes)

    @property
    def offers_part_time(self) -> bool:
        return any(size.includes_part_time for size in self.sizes)
