"""Units (workplaces) and professions: the data every piece of content refers to."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.fields import (
    Contact,
    ContentModel,
    HttpsUrl,
    OrganisationNumber,
    PositiveInt,
    PostCode,
    SitePath,
    Slug,
    Text,
    Title,
)

Sector = Literal["kommune", "fylkeskommune", "stat", "privat", "ideell"]
# Offentleglova § 25 applies to these: their lists of applicants are public.
PUBLIC_SECTORS = frozenset({"kommune", "fylkeskommune", "stat"})


class Employer(ContentModel):
    """Who employs: a municipality of a regional site, an inter-municipal service, or a
    private or non-profit (ideell) operator that runs care services for the municipality.
    Without data/employers.yml, the site's own organisation is the one employer."""

    id: Slug = Field(description="Unik id brukt i data/units.yml, for eksempel orkdal-kommune")
    name: Title = Field(description="Arbeidsgiverens navn, for eksempel Orkdal kommune")
    organisation_number: OrganisationNumber | None = Field(
        None, description="Organisasjonsnummer, ni sifre (kontrollsifferet sjekkes)"
    )
    sector: Sector = Field(description="kommune, fylkeskommune, stat, privat eller ideell")
    website: HttpsUrl | None = Field(None, description="Nettstedet til arbeidsgiveren (https)")
    logo: SitePath | None = Field(None, description="Logo, sti fra nettstedets rotmappe")
    ad_footer: Text | None = Field(
        None,
        description="Markdown-tekst under denne arbeidsgiverens annonser, i stedet for "
        "nettstedets ad_footer",
    )
    public_applicant_list: bool | None = Field(
        None,
        description="Gjelder offentleglova § 25 (offentlig søkerliste)? Standard: ja for "
        "kommune, fylkeskommune og stat, nei ellers",
    )

    @property
    def has_public_applicant_list(self) -> bool:
        if self.public_applicant_list is not None:
            return self.public_applicant_list
        return self.sector in PUBLIC_SECTORS

    @property
    def is_public_sector(self) -> bool:
        return self.sector in PUBLIC_SECTORS


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
    employer: Slug | None = Field(
        None,
        description="Id-en til arbeidsgiveren i data/employers.yml; uten den er det "
        "nettstedets organisasjon",
    )
    organisation_number: OrganisationNumber | None = Field(
        None,
        description="Arbeidsstedets eget organisasjonsnummer (underenhet), ni sifre; NAV "
        "finner arbeidsstedet med det",
    )


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
