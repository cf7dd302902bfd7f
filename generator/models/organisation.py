"""Units (workplaces) and professions: the data every piece of content refers to."""

from __future__ import annotations

from pydantic import Field

from generator.models.fields import Contact, ContentModel, PositiveInt, PostCode, Slug, Text


class GeoPoint(ContentModel):
    lat: float = Field(ge=-90, le=90, description="Breddegrad, for eksempel 63.43")
    lon: float = Field(ge=-180, le=180, description="Lengdegrad, for eksempel 10.39")


class Unit(ContentModel):
    """A workplace: a nursing home, a home-care zone, a health house, a shared home, …"""

    id: Slug = Field(description="Unik id brukt i stillinger og historier, for eksempel solbakken")
    name: Text = Field(description="Navnet slik søkerne kjenner det")
    type: Text = Field(description="For eksempel sykehjem, hjemmetjeneste, helsehus, legevakt")
    district: Text = Field(description="Bydel eller område")
    address: Text = Field(description="Gateadresse")
    postcode: PostCode = Field(description="Postnummer, fire sifre")
    city: Text = Field(description="Poststed")
    geo: GeoPoint | None = Field(None, description="Koordinater for kart")
    description: Text = Field("", description="Hvorfor det er godt å jobbe her")
    mentor_program: bool = Field(False, description="Har enheten mentorordning?")
    intro_program: bool = Field(False, description="Har enheten introduksjonsprogram?")
    transport: Text = Field("", description="Hvordan komme hit på kveld, natt og helg")
    parking: Text = Field("", description="Parkering")
    contact: Contact | None = Field(None, description="Kontaktperson for enheten")
    highlights: list[Text] = Field(
        default_factory=list,
        description="Kort om hva du får her, ett punkt per linje: «Fast fagdag hver måned»",
    )
    employees: PositiveInt | None = Field(None, description="Omtrent hvor mange som jobber her")


class Profession(ContentModel):
    """A profession applicants search by."""

    key: Slug = Field(description="Unik nøkkel, for eksempel sykepleier")
    name: Text = Field(description="Navn på bokmål")
    name_nn: Text | None = Field(None, description="Navn på nynorsk")
    name_en: Text | None = Field(None, description="Navn på engelsk")
    education: Text = Field("", description="Hvilken utdanning yrket krever")

    def name_in(self, language: str) -> str:
        """The profession's name in the site language, falling back to bokmål."""
        localised = {"nn": self.name_nn, "en": self.name_en}.get(language)
        return localised or self.name
