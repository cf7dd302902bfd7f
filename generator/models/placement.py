"""content/placements/SLUG.md: a practice placement for students and apprentices."""

from __future__ import annotations

from pydantic import Field

from generator.models.document import MarkdownDocument
from generator.models.fields import Contact, ContentModel, SitePath, Slug, Text, Title


class Program(ContentModel):
    education: Text = Field(description="Utdanning, for eksempel Sykepleie")
    institution: Text = Field(description="Skole eller høgskole")
    level: Text = Field("", description="Nivå, for eksempel «Bachelor, 2. år» eller «Vg3»")
    capacity_per_year: int = Field(ge=0, description="Antall plasser per år")


class Placement(MarkdownDocument):
    title: Title = Field(description="Overskrift")
    summary: Text | None = Field(None, max_length=200, description="Ingress på inntil 200 tegn")
    unit: Slug = Field(description="Id-en til arbeidsstedet i data/units.yml")
    programs: list[Program] = Field(min_length=1, description="Utdanninger som har praksis her")
    supervision: Text = Field("", description="Hvem som veileder, og veiledernes utdanning")
    first_day: Text = Field("", description="Hva som skjer første dag")
    contact: Contact | None = Field(None, description="Kontaktperson for praksis")
    binder: SitePath | None = Field(None, description="Praksisperm til nedlasting")
    stories: list[Slug] = Field(
        default_factory=list, description="Historier fra tidligere studenter"
    )

    @property
    def capacity_per_year(self) -> int:
        return sum(program.capacity_per_year for program in self.programs)
