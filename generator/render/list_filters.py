"""Filter pages for the short lists (stories by profession and unit, placements by education
and school): one server-rendered page per value, so filtering works without JavaScript.

The job list has its own, richer filters (`job_filters.py`): pairs of filters and a script.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from generator.language import slugify, sort_key

Item = TypeVar("Item")


@dataclass(frozen=True)
class ListFacet(Generic[Item]):
    segment: str  # the URL segment in the site language: «yrke»
    label: str
    labels_of: Callable[[Item], Sequence[str]]  # what applicants read: «Sykepleier»


@dataclass(frozen=True)
class ListFilterPage(Generic[Item]):
    facet: ListFacet[Item]
    value: str  # URL-safe: «sykepleier»
    label: str
    items: tuple[Item, ...]

    @property
    def folder(self) -> str:
        return f"{self.facet.segment}/{self.value}/"


def list_filter_pages(
    facets: Sequence[ListFacet[Item]], items: Sequence[Item]
) -> list[ListFilterPage[Item]]:
    """A page for every value some item has, items in their given order."""
    pages = []
    for facet in facets:
        labels = sorted({label for item in items for label in facet.labels_of(item)}, key=sort_key)
        for label in labels:
            matching = tuple(item for item in items if label in facet.labels_of(item))
            pages.append(ListFilterPage(facet, slugify(label), label, matching))
    return pages


def list_filter_navigation(
    list_url: str,
    pages: Sequence[ListFilterPage[Any]],
    current: ListFilterPage[Any] | None = None,
) -> list[dict[str, Any]]:
    """Per facet, a link to each value's page with its count; the current value links back
    to the whole list."""
    navigation: list[dict[str, Any]] = []
    for page in pages:
        if not navigation or navigation[-1]["segment"] != page.facet.segment:
            navigation.append(
                {"segment": page.facet.segment, "label": page.facet.label, "options": []}
            )
        selected = page is current
        navigation[-1]["options"].append(
            {
                "label": page.label,
                "count": len(page.items),
                "url": list_url if selected else list_url + page.folder,
                "selected": selected,
            }
        )
    return navigation
