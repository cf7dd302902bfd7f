"""content/stories/SLUG.md: an ambassador story told by an employee."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from generator.models.document import MarkdownDocument
from generator.models.fields import ContentModel, IsoDate, SitePath, Slug, Text, Title


class Person(ContentModel):
    name: Text = Field(description="Navnet til ambassadøren")
    profession: Slug = Field(description="Nøkkelen til yrket i data/professions.yml")
    unit: Slug = Field(description="Id-en til arbeidsstedet i data/units.yml")


class Consent(ContentModel):
    given: IsoDate = Field(description="Dato samtykket ble gitt")
    expires: IsoDate = Field(description="Dato samtykket utløper")


class Story(MarkdownDocument):
    """A story is published only while its consent is valid on the build date."""

    title: Title = Field(description="Overskrift")
    summary: Text | None = Field(None, max_length=200, description="Ingress på inntil 200 tegn")
    published: IsoDate = Field(description="Publiseringsdato")
    person: Person = Field(description="Hvem som forteller")
    quote: Text = Field(description="Et sitat som settes stort")
    photo: SitePath | None = Field(None, description="Portrett, sti fra nettstedets rotmappe")
    photo_alt: Text | None = Field(None, description="Hva bildet viser")
    consent: Consent | None = Field(None, description="Samtykke til publisering (GDPR)")
    tags: list[Text] = Field(default_factory=list, description="Stikkord")

    def has_consent(self, on: date) -> bool:
        return self.consent is not None and self.consent.given <= on <= self.consent.expires
