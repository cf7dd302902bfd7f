"""The generated ``mkdocs.yml``: Material for MkDocs, set up for a careers site.

Only standard MkDocs/Material settings and stock Python-Markdown extensions are used, so the
same file can be read by Zensical, Material's announced successor.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.language import MATERIAL_LANGUAGE, Language
from generator.render import material_markup
from generator.site import Site


@dataclass(frozen=True)
class PythonCall:
    """A value MkDocs builds by calling Python (YAML `!!python/object/apply`)."""

    function: str
    keywords: dict[str, Any]


OPEN_GRAPH_LOCALE = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}

SOCIAL_ICONS = {
    "facebook": "fontawesome/brands/facebook",
    "instagram": "fontawesome/brands/instagram",
    "linkedin": "fontawesome/brands/linkedin",
    "x": "fontawesome/brands/x-twitter",
}


def engine_config(
    site: Site,
    docs_dir: Path,
    theme_dir: Path,
    nav: list[dict[str, str]],
    job_cards: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """`job_cards` are every open job's card by slug: pages list slugs, templates look up."""
    config = site.config
    language = Language(config.language)
    logo = config.brand.logo
    theme: dict[str, Any] = {
        "name": "material",
        "custom_dir": str(theme_dir),
        "language": MATERIAL_LANGUAGE[config.language],
        # No web fonts: Material would load them from Google, another host.
        "font": False,
        "palette": [
            {
                "media": "(prefers-color-scheme: light)",
                "scheme": "default",
                "primary": "custom",
                "accent": "custom",
            },
            {
                "media": "(prefers-color-scheme: dark)",
                "scheme": "slate",
                "primary": "custom",
                "accent": "custom",
            },
        ],
        "features": ["navigation.tabs", "navigation.footer", "search.highlight"],
    }
    if logo:
        theme["logo"] = logo
        theme["favicon"] = logo
    # Every staged page except the nav entries is a generated detail page: keep them out of
    # the navigation (rendered into every page, it would make big sites slow to build).
    in_nav = {path for entry in nav for path in entry.values()}
    return {
        "site_name": config.name,
        "site_url": config.base_url,
        "site_description": config.description,
        "site_author": config.organisation,
        "copyright": f"© {config.organisation}",
        "docs_dir": str(docs_dir),
        "use_directory_urls": True,
        "theme": theme,
        "nav": nav,
        "not_in_nav": "\n".join(["/*.md", "/**/*.md", *(f"!/{path}" for path in sorted(in_nav))]),
        "validation": {"nav": {"omitted_files": "ignore", "absolute_links": "ignore"}},
        # Valid HTML where Material's fixed markup is not (see the module).
        "hooks": [str(Path(material_markup.__file__))],
        "plugins": [
            {
                "search": {
                    "lang": ["no"] if config.language != "en" else ["en"],
                    # Norwegian stop words and trimmer (keeps æ, ø, å), but no stemmer: Material
                    # adds a wildcard to every query term, and lunr skips the query pipeline for
                    # wildcard terms, so with stemmed index entries whole words such as
                    # «Solbakken», «stillinger» or «sykepleiere» found nothing (measured on the
                    # example site: 6 of 19 common queries failed with the stemmer, none without).
                    "pipeline": ["stopWordFilter", "trimmer"],
                }
            }
        ],
        # Small and cached: the job filters, sorting and the copy-link button. Every page
        # works without it.
        "extra_javascript": [{"path": "assets/javascripts/careers.js", "defer": True}],
        "markdown_extensions": [
            "attr_list",
            "md_in_html",
            "tables",
            "admonition",
            # Keep æ, ø, å in heading anchors («#vi-søker»), as Norwegian readers expect.
            {
                "toc": {
                    "permalink": False,
                    "slugify": PythonCall("pymdownx.slugs.slugify", {"case": "lower"}),
                }
            },
        ],
        "extra": {
            "generator": False,
            "ui": language.ui,
            "jobs_url": f"{language.path('jobs')}/",
            "footer_links": [
                {"title": page.nav_title or page.title, "url": f"{page.slug}/"}
                for page in site.footer_pages
            ],
            "brand": config.brand.model_dump(),
            "organisation": config.organisation,
            "language": config.language,
            "hashtags": config.social.hashtags,
            "locale": OPEN_GRAPH_LOCALE[config.language],
            "job_cards": job_cards,
            # Material's footer links (icons are inline SVG: nothing loads from other hosts).
            "social": [
                {
                    "icon": SOCIAL_ICONS[network],
                    "link": link,
                    "name": f"{config.organisation} – {network}",
                }
                for network, link in config.social.profiles().items()
            ],
        },
    }
