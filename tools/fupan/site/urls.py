"""Where each generated page lives, and relative links between them.

Paths come only from entry ids and from slugs of names, so a unit called
``../../x`` or ``<b>`` cannot write outside the site or break a page, while Chinese
names keep stable, readable URLs (``units/第一分公司工会/``).
"""

from __future__ import annotations

import hashlib
import posixpath

from ..entries.slug import entry_page, page_url, slug


class Slugs:
    """Stable, unique slugs for one kind of name (two names never share a page)."""

    def __init__(self, names: list[str]):
        self._of: dict[str, str] = {}
        taken = {"index"}  # the listing page of the kind: a tag named index must not replace it
        for name in sorted(set(names)):
            s = slug(name)
            if s in taken:
                s = f"{s}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:6]}"
            taken.add(s)
            self._of[name] = s

    def __getitem__(self, name: str) -> str:
        return self._of[name]

    def __contains__(self, name: str) -> bool:
        return name in self._of


class Site:
    """Source paths of generated pages and the URLs MkDocs will give them."""

    def __init__(
        self,
        units: list[str],
        campaigns: list[str],
        tags: list[str],
        categories: list[str],
        use_directory_urls: bool = True,
    ):
        self.units, self.campaigns = Slugs(units), Slugs(campaigns)
        self.tags, self.categories = Slugs(tags), Slugs(categories)
        self.use_directory_urls = use_directory_urls

    def entry(self, entry_id: str) -> str:
        return entry_page(entry_id)

    def unit(self, name: str) -> str:
        return f"units/{self.units[name]}.md"

    def campaign(self, name: str) -> str:
        return f"campaigns/{self.campaigns[name]}.md"

    def tag(self, name: str) -> str:
        return f"tags/{self.tags[name]}.md"

    def category(self, name: str) -> str:
        return f"categories/{self.categories[name]}.md"

    @staticmethod
    def year(year: int) -> str:
        return f"years/{year}.md"

    def url(self, src: str) -> str:
        """The URL MkDocs gives the page made from ``src`` (relative to the site root)."""
        return page_url(src, self.use_directory_urls)

    def href(self, from_src: str, to_src: str) -> str:
        """A link from one page to another that works wherever the site is served."""
        return _relative(
            page_url(from_src, self.use_directory_urls), page_url(to_src, self.use_directory_urls)
        )


def _relative(here: str, there: str) -> str:
    """``there`` (from the site root) as seen from the page at ``here``: up one level
    per folder of ``here``, then down; every page makes dozens of these."""
    folder = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    folder = "" if folder == "/" else folder
    return "../" * folder.count("/") + there or "./"
