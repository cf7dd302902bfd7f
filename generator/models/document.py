"""The base of every Markdown content type: front matter fields plus slug, body and source."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, PrivateAttr

from generator.models.fields import ContentModel

ContentLanguage = Literal["nb", "nn", "en"]


class MarkdownDocument(ContentModel):
    """Front matter is validated by the subclass; the rest comes from the file itself."""

    language: ContentLanguage | None = Field(
        None,
        description="Språket teksten er skrevet på: nb (bokmål), nn (nynorsk) eller en "
        "(engelsk); uten feltet gjelder nettstedets språk",
    )

    _slug: str = PrivateAttr(default="")
    _body: str = PrivateAttr(default="")
    _source: str = PrivateAttr(default="")
    _body_line: int = PrivateAttr(default=1)

    def attach_source(self, slug: str, body: str, source: str, body_line: int) -> None:
        self._slug, self._body, self._source, self._body_line = slug, body, source, body_line

    @property
    def slug(self) -> str:
        """The file name without `.md`; it becomes the page's address."""
        return self._slug

    @property
    def body(self) -> str:
        return self._body

    @property
    def source(self) -> str:
        """The file, relative to the site folder, for messages."""
        return self._source

    @property
    def body_line(self) -> int:
        return self._body_line
