"""site_config.yml: who publishes the site, where, in which language, with which brand."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from generator.colours import (
    MIN_CONTRAST,
    WHITE,
    contrast_ratio,
    darkened_for_contrast,
    hex_color,
    parse_color,
)
from generator.models.fields import ContentModel, HexColor, HttpsUrl, IsoDate, SitePath, Text, Title

LANGUAGES = ("nb", "nn", "en")


class Brand(ContentModel):
    primary_color: HexColor = Field("#0b5a73", description="Hovedfarge (topplinje, knapper)")
    accent_color: HexColor = Field("#b8410b", description="Aksentfarge (lenker, merker)")
    logo: SitePath | None = Field(None, description="Logo, sti fra nettstedets rotmappe")
    logo_alt: Text | None = Field(None, description="Alternativ tekst for logoen")

    @field_validator("primary_color", "accent_color")
    @classmethod
    def carries_white_text(cls, value: str) -> str:
        """Both colours are backgrounds of white text (the top bar, buttons, badges) and the
        colour of text and links on white: WCAG 2.1 AA asks for 4.5:1 in both cases."""
        color = parse_color(value)
        ratio = contrast_ratio(color, WHITE)
        if ratio < MIN_CONTRAST:
            suggestion = hex_color(darkened_for_contrast(color))
            raise PydanticCustomError(
                "contrast",
                "«{value}» har for lav kontrast mot hvitt ({ratio}:1); WCAG 2.1 AA krever minst "
                "4,5:1 for tekst på og i denne fargen",
                {
                    "value": value,
                    "ratio": f"{ratio:.1f}".replace(".", ","),
                    "hint": f'velg en mørkere nyanse, for eksempel "{suggestion}" '
                    "(samme fargetone)",
                },
            )
        return value


class Social(ContentModel):
    hashtags: list[Text] = Field(default_factory=list, description="Emneknagger uten #")
    facebook: HttpsUrl | None = Field(None, description="Lenke til Facebook-siden")
    instagram: HttpsUrl | None = Field(None, description="Lenke til Instagram-kontoen")
    linkedin: HttpsUrl | None = Field(None, description="Lenke til LinkedIn-siden")
    x: HttpsUrl | None = Field(None, description="Lenke til kontoen på X")

    def profiles(self) -> dict[str, str]:
        """The networks with a profile link, in a fixed order."""
        links = {"facebook": self.facebook, "instagram": self.instagram}
        links |= {"linkedin": self.linkedin, "x": self.x}
        return {network: link for network, link in links.items() if link}

    @field_validator("hashtags")
    @classmethod
    def _strip_hash(cls, hashtags: list[str]) -> list[str]:
        return [tag.lstrip("#") for tag in hashtags]


class SiteConfig(ContentModel):
    """The whole site's settings."""

    name: Title = Field(description="Nettstedets navn")
    organisation: Title = Field(description="Kommunen eller virksomheten som ansetter")
    organisation_number: Text | None = Field(None, description="Organisasjonsnummer, ni sifre")
    base_url: HttpsUrl = Field(description="Adressen nettstedet publiseres på")
    language: Literal["nb", "nn", "en"] = Field("nb", description="Språk: nb, nn eller en")
    description: Text = Field("", description="Én setning om nettstedet, brukt i søkemotorer")
    build_date: IsoDate | None = Field(
        None,
        description="Låser byggedatoen (for eksempelnettsted og forhåndsvisning); "
        "`careers build --today` overstyrer den",
    )
    brand: Brand = Field(default_factory=Brand, description="Farger og logo")
    ad_footer: Text = Field("", description="Markdown-tekst som står under hver stillingsannonse")
    social: Social = Field(
        default_factory=Social, description="Emneknagger og profiler i sosiale medier"
    )

    @field_validator("base_url")
    @classmethod
    def _with_trailing_slash(cls, url: str) -> str:
        return url if url.endswith("/") else url + "/"
