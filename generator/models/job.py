"""content/jobs/SLUG.md: a job ad."""

from __future__ import annotations

from datetime import date
from typing import Literal

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
    Percentages,
    PositiveInt,
    SitePath,
    Slug,
    Text,
    Title,
)

EmploymentType = Literal[
    "fast", "vikariat", "engasjement", "sommerjobb", "laerling", "rekrutteringsstilling"
]
Shift = Literal["dag", "kveld", "natt", "helg"]


class GuidelineSettings(ContentModel):
    """Per-ad settings for the guideline checker."""

    # A missing reason is the checker's finding JA001, not a validation error: the ad still
    # builds, and the report shows the suppression that needs a reason.
    ignore: dict[str, str | None] = Field(
        default_factory=dict, description="Regler som ikke skal gjelde, med begrunnelse"
    )


class Job(MarkdownDocument):
    """A job ad. Fields the guideline checker reports as missing (JA1xx) are optional here,
    so an unfinished draft still builds a preview."""

    title: Title = Field(description="Stillingstittel")
    summary: Text | None = Field(
        None, max_length=200, description="Ingress på inntil 200 tegn, brukt i lister og deling"
    )
    unit: Slug = Field(description="Id-en til arbeidsstedet i data/units.yml")
    profession: Slug = Field(description="Nøkkelen til yrket i data/professions.yml")
    position_percent: Percentages | None = Field(
        None, description="Stillingsprosent 1–100, eller en liste for flere stillinger: [100, 75]"
    )
    positions: PositiveInt = Field(1, description="Antall stillinger")
    employment_type: EmploymentType | None = Field(None, description="Ansettelsesform")
    part_time_reason: Text | None = Field(None, description="Hvorfor stillingen er deltid")
    temporary_reason: Text | None = Field(None, description="Hvorfor stillingen er midlertidig")
    shifts: list[Shift] = Field(default_factory=list, description="Vakter: dag, kveld, natt, helg")
    published: IsoDate = Field(description="Publiseringsdato")
    deadline: IsoDate | None = Field(None, description="Søknadsfrist")
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

    def is_open(self, on: date) -> bool:
        """Open through the whole deadline day; an ad without a deadline stays open."""
        return self.deadline is None or self.deadline >= on

    def days_left(self, on: date) -> int | None:
        return None if self.deadline is None else (self.deadline - on).days

    @property
    def offers_full_time(self) -> bool:
        """At least one of the positions is 100 %: the «Heltid» badge and filter."""
        return any(percent == 100 for percent in self.position_percent or [])

    @property
    def offers_part_time(self) -> bool:
        return any(percent < 100 for percent in self.position_percent or [])
