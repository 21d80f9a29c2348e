"""One site build: the knowledge base read once, then every page and asset as plain data.

Both ways of publishing use this module: the MkDocs plugin (:mod:`fupan.site.plugin`)
hands the pages to MkDocs, and ``fupan site`` writes them into a folder another
generator builds. Nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import logging
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import unquote

from ..entries import slug
from ..entries.checks import check
from ..entries.dates import DateError, parse_date
from ..errors import FupanError
from ..kb import ASSET_SUFFIXES, KnowledgeBase, site_settings
from ..model import Entry
from ..search.indexes import SEARCH_BUDGET, open_indexes
from ..search.semantic import SemanticIndex
from ..text.thesaurus import Thesaurus
from . import LOGGER, browse, calendar, search_data
from .background import in_background
from .data import SiteData, site_data
from .entry_page import entry_page
from .labels import labels
from .page import Page, SiteFiles
from .sections import (
    campaign_pages,
    dashboard,
    listing_pages,
    recurring_page,
    tracking_page,
    unit_pages,
)

log = logging.getLogger(LOGGER)

CSS = "assets/fupan/fupan.css"
SCRIPT = "assets/fupan/search.js"  # on every page: the search box and the browse page
DASHBOARD = "<!-- fupan:dashboard -->"  # where the home page wants the figures
NAV_PAGES = {  # label key -> source path: the sections the nav lists
    "browse": browse.SRC,
    "campaigns": "campaigns/index.md",
    "units": "units/index.md",
    "tracking": "tracking.md",
    "recurring": "recurring.md",
    "tag_index": "tags/index.md",
}


@dataclass
class Build:
    """What one build knows: made once per build, so a rebuild starts clean."""

    data: SiteData
    thesaurus: Thesaurus
    labels: dict[str, str]
    problems: list  # of fupan.entries problems, for the adapter to report
    site_url: str = ""  # where the site is served: the calendar feeds link entries there
    # images published entries show (Word import saves them beside the entry):
    # where each goes in the site -> the file
    images: dict[str, Path] = field(default_factory=dict)

    def files(self) -> SiteFiles:
        return site_files(self.data, self.thesaurus, self.site_url)

    def home(self, markdown: str, src: str = "index.md") -> str:
        """A Markdown page with the dashboard marker, the marker replaced by the figures:
        only where it stands alone on a line outside code, so a guide that shows the
        marker in a code span or block shows it as written."""
        if DASHBOARD not in markdown:
            return markdown
        return replace_marker(markdown, DASHBOARD, lambda: dashboard(self.data, src))


def replace_marker(markdown: str, marker: str, content: Callable[[], str]) -> str:
    """``markdown`` with the first line that is ``marker`` alone, outside fenced and
    indented code, replaced by ``content()``."""
    lines = markdown.split("\n")
    fence = ""
    for i, line in enumerate(lines):
        bare = line.strip()
        if fence:
            if bare.startswith(fence):
                fence = ""
        elif bare.startswith(("```", "~~~")):
            fence = bare[:3]
        elif bare == marker and not line.startswith(("    ", "\t")):
            lines[i] = content()
            return "\n".join(lines)
    return markdown


def load(
    root: Path,
    reviews_dir: str = "reviews",
    language: str = "zh",
    today: str | dt.date | None = None,
    use_directory_urls: bool = True,
    site_url: str | None = None,  # default: mkdocs.yml's
) -> Build:
    """Read the knowledge base at ``root`` for one build; bad entries are left out and
    listed in ``problems``. Raises :class:`FupanError` for what stops the whole build."""
    kb = KnowledgeBase(root, reviews_dir)
    report = check(kb)  # as `fupan check` sees it: duplicates and shared pages too
    loaded, thesaurus = report.loaded, kb.thesaurus
    # a failed file that may have said publish: false is not named on the site
    failed = [f for f in loaded.failed if f not in loaded.hidden]
    clashing = set(report.clashing)  # reported; which file keeps the page: checks.page_clashes
    failed += [e.path for e in loaded.entries if e.path in clashing and e.publish]
    entries = [e for e in loaded.entries if e.path not in clashing]
    try:
        day = parse_date(today) if today else dt.date.today()
    except DateError as e:
        raise FupanError.of("site.err.today", reason=e.said_as) from None
    strings = labels(language)
    meaning = _meaning(kb, strings)
    data = site_data(
        entries,
        thesaurus,
        strings,
        day,
        use_directory_urls,
        failed,
        meaning,
        order=kb.units.sort_key,
    )
    url = site_settings(root).site_url if site_url is None else site_url
    images = entry_images(kb, data.entries, use_directory_urls)
    return Build(data, thesaurus, strings, list(report.problems), url, images)


_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")


def entry_images(kb: KnowledgeBase, entries: list[Entry], use_directory_urls: bool) -> dict:
    """The image files of reviews/ that ``entries`` (the published ones) show, each put
    where its relative link from the entry's page leads; nothing else of reviews/ is
    copied, so an unpublished entry's images stay off the site."""
    reviews = kb.reviews.resolve()
    out = {}
    for e in entries:
        folder = (kb.root / e.path).parent
        url = slug.page_url(slug.entry_page(e.id), use_directory_urls)  # a/b.html or a/b/
        page_dir = url.rstrip("/") if url.endswith("/") else posixpath.dirname(url)
        for target in _IMAGE.findall(e.body):
            target = unquote(target.split("#")[0].split("?")[0])
            if not target or "://" in target or target.startswith(("/", "data:")):
                continue
            path = (folder / target).resolve()
            if (
                path.suffix.lower() in ASSET_SUFFIXES
                and path.is_file()
                and path.is_relative_to(reviews)
            ):
                out[posixpath.normpath(posixpath.join(page_dir, target))] = path
    return out


def _meaning(kb: KnowledgeBase, strings: dict[str, str]) -> SemanticIndex | None:
    """The meaning index, refreshed, for similar entries and recurring problems; None
    (pages by shared tags and words) without a backend, when another process is writing
    it, or when more is left to embed than a build should wait for: `fupan index` first."""
    try:
        opened = open_indexes(kb, budget=SEARCH_BUDGET)
    except (FupanError, OSError) as e:  # e.g. a read-only .fupan/: the pages still build
        why = e.said(strings) if isinstance(e, FupanError) else str(e)
        log.info(strings["build.by_words"].format(why=why))
        return None
    done = opened.embedded
    if done and (done.pending or done.busy):
        why = (
            strings["build.pending"].format(n=done.pending)
            if done.pending
            else strings["build.busy"]
        )
        log.info(strings["build.by_words"].format(why=why))
        return None
    if done and done.embedded:
        log.info(strings["build.embedded"].format(n=done.embedded))
    return opened.meaning


def assets(d: SiteData, thesaurus: Thesaurus) -> dict[str, str]:
    """Files the pages use: style, the search engine and its data in chunks."""
    files = resources.files("fupan.site").joinpath("assets")
    return {
        CSS: files.joinpath("fupan.css").read_text("utf-8"),
        SCRIPT: files.joinpath("search.js").read_text("utf-8"),
        # synonyms from the thesaurus; the entries near each word in meaning are in ``d``
        **search_data.search_files(d, search_data.thesaurus_neighbours(thesaurus)),
    }


CHILD_SHARE = 0.4  # of the entry pages, built beside the browse data: evens the two halves
CHILD_FROM = 200  # entries; fewer are built faster than a child process starts


def site_files(d: SiteData, thesaurus: Thesaurus, site_url: str = "") -> SiteFiles:
    """Every page and asset. A forked child (see :mod:`fupan.site.background`) builds the
    assets and part of the entry pages while this process builds the rest."""
    n = len(d.entries)
    split = n - int(n * CHILD_SHARE) if n >= CHILD_FROM else n
    later = in_background(lambda: (_entry_pages(d, d.entries[split:]), assets(d, thesaurus)))
    entries = _entry_pages(d, d.entries[:split])
    sections = [
        *unit_pages(d),
        *campaign_pages(d),
        *tracking_page(d),
        *listing_pages(d),
        *recurring_page(d),
        Page(browse.SRC, d.labels["browse"], browse.browse_page(d)),
    ]
    feeds = calendar.feeds(d, site_url)  # while the child still works
    rest, files = later()
    return SiteFiles([*entries, *rest, *sections], {**files, **feeds})


def _entry_pages(d: SiteData, entries: list[Entry]) -> list[Page]:
    return [entry_page(d, e) for e in entries]


def footer(config, language: str) -> None:
    """The footer in the site's language: the site's name instead of the theme's credit.
    ``config`` is mkdocs.yml as a mapping (MkDocs' own, or the file read as data)."""
    extra = config["extra"] if config.get("extra") is not None else {}
    extra.setdefault("generator", False)
    config["extra"] = extra
    if not config.get("copyright"):
        config["copyright"] = labels(language)["footer_note"].format(site=config["site_name"])


def section_nav(language: str) -> list[dict[str, str]]:
    """fupan's sections as titled nav items, in the site's language."""
    strings = labels(language)
    return [{strings[key]: src} for key, src in NAV_PAGES.items()]


def nav_titles(nav: list | None) -> dict[str, str]:
    """Source path -> the title a nav gives it: MkDocs applies nav titles only to pages
    it creates, and fupan creates its own."""
    titles: dict[str, str] = {}
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles[value] = title
                else:
                    titles.update(nav_titles(value))
    return titles
