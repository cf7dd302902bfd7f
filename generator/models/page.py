"""content/pages/SLUG.md: a free page such as «Om oss» or «Slik ansetter vi»."""

from __future__ import annotations

from pydantic import Field

from generator.models.document import MarkdownDocument
from generator.models.fields import Text, Title


class Page(MarkdownDocument):
    title: Title = Field(description="Overskrift")
    description: Text = Field("", description="Én setning om siden, brukt i søkemotorer")
    nav_order: int | None = Field(None, description="Plass i menyen; uten tall står siden ikke der")
    nav_title: Text | None = Field(None, description="Kortere tittel i menyen")
    footer: bool = Field(
        False,
        description="Lenke til siden nederst på hver side, som tilgjengelighetserklæringen",
    )
