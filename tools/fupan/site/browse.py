"""The browse page (筛选): facets and free text over the site's search.

The page is a form; the search engine every page loads (``assets/search.js``, data
from :mod:`fupan.site.search_data`) fills it in, so the header box and this page
answer a query the same way.
"""

from __future__ import annotations

import json

from .data import SiteData
from .html import Markup, el, esc

SRC = "browse.md"


def browse_page(d: SiteData) -> Markup:
    L = d.labels
    selects = "".join(
        el(
            "label",
            esc(L[label]) + el("select", el("option", esc(L["all"]), value=""), name=name),
            "fupan-facet",
        )
        for name, label in (
            ("unit", "unit"),
            ("campaign", "campaign"),
            ("category", "category"),
            ("tag", "tags"),
            ("year", "year"),
        )
    )
    query = (
        f'<input class="fupan-q" type="search" name="text" autocomplete="off" '
        f'placeholder="{esc(L["browse_placeholder"])}" '
        f'aria-label="{esc(L["search_placeholder"])}">'
    )
    labels = json.dumps({k: L[k] for k in ("results", "rating")}, ensure_ascii=False)
    form = el(
        "form",
        query + selects + el("button", esc(L["reset"]), type="reset"),
        "fupan-browse",
        data_labels=labels,
    )
    return "\n".join(
        [
            form,
            el("p", "", "fupan-count", aria_live="polite"),
            el("ol", "", "fupan-results"),  # filled by assets/search.js, on every page
        ]
    )
