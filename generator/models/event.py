"""content/events/SLUG.md: a recruitment-patrol visit, a fair, a career day or an open day."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import Field, field_validator

from generator.models.document import MarkdownDocument
from generator.models.fields import (
    Contact,
    ContentModel,
    HttpsUrl,
    LocalDateTime,
    PostCode,
    Slug,
    Text,
    Title,
)

EventType = Literal["skolebesok", "utdanningsmesse", "karrieredag", "apen-dag"]


class Venue(ContentModel):
    name: Text = Field(description="Stedets navn")
    address: Text = Field(description="Gateadresse")
    postcode: PostCode | None = Field(None, description="Postnummer")
    city: Text | None = Field(None, description="Poststed")


class PatrolMember(ContentModel):
    name: Text = Field(description="Navn")
    profession: Slug | None = Field(None, description="Nøkkelen til yrket")
    story: Slug | None = Field(None, description="Historien til personen, om den finnes")


class Event(MarkdownDocument):
    title: Title = Field(description="Overskrift")
    summary: Text | None = Field(None, max_length=200, description="Ingress på inntil 200 tegn")
    type: EventType = Field(description="skolebesok, utdanningsmesse, karrieredag eller apen-dag")
    start: LocalDateTime = Field(description="Start, for eksempel 2026-12-03T09:00")
    end: LocalDateTime = Field(description="Slutt, for eksempel 2026-12-03T11:30")
    venue: Venue = Field(description="Hvor")
    audience: Text = Field("", description="Hvem arrangementet er for")
    public: bool = Field(True, description="Åpent for alle? Skolebesøk er vanligvis ikke det")
    patrol: list[PatrolMember] = Field(default_factory=list, description="Hvem som deltar")
    talking_points: list[Text] = Field(default_factory=list, description="Hva vi vil si")
    bring: list[Text] = Field(default_factory=list, description="Hva vi tar med")
    registration_url: HttpsUrl | None = Field(None, description="Påmelding")
    contact: Contact | None = Field(None, description="Kontaktperson for arrangementet")

    @field_validator("patrol", mode="before")
    @classmethod
    def _names_alone_are_fine(cls, patrol: Any) -> Any:
        if isinstance(patrol, list):
            return [{"name": item} if isinstance(item, str) else item for item in patrol]
        return patrol

    def is_upcoming(self, on: date) -> bool:
        return self.end.date() >= on
