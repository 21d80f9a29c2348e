"""What every page builder returns: a plain page any generator can write out."""

from __future__ import annotations

from typing import NamedTuple

from .html import Markup


class Page(NamedTuple):
    """A generated page: where it goes, its title and its HTML.

    ``path`` is the source path a generator gives it (``reviews/2025/a.md``); ``body``
    is finished HTML, so the page looks the same whichever generator writes it. No
    generated page is in the generator's own search index: fupan's search answers the
    search box (``assets/search.js``), and an index of every entry would be fetched
    whole by every reader. ``hide`` names the theme's columns the page does without
    (Material's per-page ``hide``): wide tables get the whole width."""

    path: str
    title: str
    body: Markup
    hide: tuple[str, ...] = ("navigation", "toc")


class SiteFiles(NamedTuple):
    """Every generated page, and the assets (path -> text) the pages use."""

    pages: list[Page]
    assets: dict[str, str]
