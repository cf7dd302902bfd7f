"""MkDocs hook: repair the two places where Material's own markup is not valid HTML.

The Nu Html Checker (vnu) finds them on every build, and no template override reaches them:
the checkboxes sit outside any block of Material's ``base.html``, and the label belongs to a
table of contents that Material renders even on pages that are not in the navigation.
"""

from __future__ import annotations

import re
from typing import Any

# `autocomplete` is not allowed on checkboxes. Material sets it so that Firefox does not
# restore an open drawer or search after Back. Without it, Firefox may do so; one tap closes it.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')

# The table of contents' title is a <label for="__toc">, but the `__toc` checkbox exists only
# on pages in the navigation. Elsewhere the label points at nothing: keep it, drop `for`.
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def repair(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    return html


def on_post_page(output: str, **_: Any) -> str:
    return repair(output)


def on_post_template(output_content: str, template_name: str, **_: Any) -> str:
    """Theme pages such as 404.html; the sitemap and other non-HTML templates pass untouched."""
    return repair(output_content) if template_name.endswith(".html") else output_content
