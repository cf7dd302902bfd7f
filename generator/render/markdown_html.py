"""Markdown as HTML outside MkDocs, for feeds and exports: the same extensions the site uses,
and every relative link and image made absolute (a feed reader or arbeidsplassen has no page
to resolve them against)."""

from __future__ import annotations

from urllib.parse import urljoin
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from pymdownx.slugs import slugify as slugify_heading

# The Markdown extensions and settings the site itself uses (engine_config.py); heading
# anchors keep æ, ø, å («#vi-søker»).
MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "toc"]
MARKDOWN_EXTENSION_CONFIGS = {"toc": {"permalink": False, "slugify": slugify_heading(case="lower")}}
# Attributes holding an address that must work from anywhere.
LINK_ATTRIBUTES = ("href", "src")


def markdown_html(body: str, *, base_url: str | None = None) -> str:
    """Markdown as the site renders it; with `base_url`, every relative link and image is made
    absolute against it (a feed reader has no page to resolve them against)."""
    extensions: list[str | Extension] = [*MARKDOWN_EXTENSIONS]
    if base_url:
        extensions.append(AbsoluteLinks(base_url))
    html: str = markdown.markdown(
        body, extensions=extensions, extension_configs=MARKDOWN_EXTENSION_CONFIGS
    )
    return html


class AbsoluteLinks(Extension):
    def __init__(self, base_url: str) -> None:
        super().__init__()
        self.base_url = base_url

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # After the inline processor (20), which makes the links, and attr_list (8).
        md.treeprocessors.register(AbsoluteLinksProcessor(md, self.base_url), "absolute_links", 1)


class AbsoluteLinksProcessor(Treeprocessor):
    def __init__(self, md: markdown.Markdown, base_url: str) -> None:
        super().__init__(md)
        self.base_url = base_url

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in LINK_ATTRIBUTES:
                value = element.get(attribute)
                if value is not None:
                    element.set(attribute, urljoin(self.base_url, value.strip()))
