"""What every page builder returns: a plain page any generator can write out."""

from __future__ import annotations

from typing import NamedTuple

from .html import Markup


class Page(NamedTuple):
    """A generated page: where it goes, its title, its HTML, and what search indexes.

    ``path`` is the source path a generator gives it (``reviews/2025/a.md``); ``body``
    is finished HTML, so the page looks the same whichever generator writes it.
    ``search`` holds the page's own text under the same headings, without links, tables
    and charts, which would match queries with other entries' titles; None keeps the
    page out of the generator's own search (listings only repeat titles found elsewhere).
    ``hide`` names the theme's columns the page does without (Material's per-page
    ``hide``): wide tables get the whole width."""

    path: str
    title: str
    body: Markup
    search: Markup | None = None
    hide: tuple[str, ...] = ("navigation", "toc")


class SiteFiles(NamedTuple):
    """Every generated page, and the assets (path -> text) the pages use."""

    pages: list[Page]
    assets: dict[str, str]
