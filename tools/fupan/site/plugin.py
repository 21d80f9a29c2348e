"""The ``fupan`` MkDocs plugin: wiring only; pages are built by plain modules."""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import nest_paths

from ..entries.dates import parse_date
from ..errors import FupanError
from ..kb import KnowledgeBase
from ..text.thesaurus import load_thesaurus
from . import browse, material_index
from .data import SiteData, site_data
from .html import esc, page_html
from .labels import labels
from .pages import Page
from .sections import CSS, dashboard, site_files

log = logging.getLogger("mkdocs.plugins.fupan")

DASHBOARD = "<!-- fupan:dashboard -->"
NAV_PAGES = {
    "browse": browse.SRC,
    "campaigns": "campaigns/index.md",
    "units": "units/index.md",
    "tracking": "tracking.md",
    "recurring": "recurring.md",
    "tag_index": "tags/index.md",
}
_UNPUBLISHED = re.compile(r"^publish:\s*(false|no|off)\s*$", re.M | re.I)


class FupanConfig(base.Config):
    reviews_dir = c.Type(str, default="reviews")
    language = c.Optional(c.Choice(["zh", "en"]))  # default: from theme.language
    # the day 'overdue' is measured from (any of the entry date forms); default: build day
    today = c.Optional(c.Type((str, dt.date)))


class FupanPlugin(BasePlugin[FupanConfig]):
    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        theme_language = str(config.theme.get("language") or "zh")
        self.labels = labels(self.config.language or theme_language)
        config.extra_css.append(CSS)
        if config.theme.get("font") is not False:  # Google Fonts would leave the intranet
            log.info("fupan: theme.font set to false, so pages load no fonts from other hosts")
            config.theme["font"] = False
        if config.nav is not None:  # keep the nav small: sections, never every entry
            config.nav = list(config.nav) + self._nav()
        return config

    def _nav(self) -> list[dict]:
        return [{self.labels[key]: src} for key, src in NAV_PAGES.items()]

    def on_files(self, files: Files, config) -> Files:
        if config.nav is None:
            # MkDocs' own nav from the docs folder, then ours as titled pages: left to
            # MkDocs, campaigns/index.md would be a section named "Campaigns"
            docs = sorted(files.documentation_pages(), key=file_sort_key)
            config.nav = nest_paths(f.src_uri for f in docs if f.inclusion.is_in_nav())
            config.nav += self._nav()
        self.data = self._load(config)
        pages, assets = site_files(self.data, self.thesaurus)
        titles = _nav_titles(config.nav)
        for src, page in pages.items():
            # only section pages go in the nav: every entry in it would copy the whole
            # nav into every page and multiply the site's size
            nav = src in NAV_PAGES.values()
            inclusion = InclusionLevel.INCLUDED if nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, src, content="", inclusion=inclusion)
            GeneratedPage(page, file, config, titles.get(src))  # MkDocs uses file.page
            files.append(file)
        for dest, content in assets.items():
            files.append(File.generated(config, dest, content=content))
        return files

    def _load(self, config) -> SiteData:
        try:
            kb = KnowledgeBase(self.root, self.config.reviews_dir)
            loaded = kb.load_all()
            self.thesaurus = load_thesaurus(kb.reviews / "synonyms.yml")
        except FupanError as e:
            raise PluginError(f"fupan: {e}") from None
        for problem in loaded.problems:
            (log.warning if problem.level == "error" else log.info)(str(problem))
        failed = [
            f
            for f in loaded.failed
            if not _UNPUBLISHED.search((self.root / f).read_text("utf-8", "replace"))
        ]
        try:
            today = parse_date(self.config.today) if self.config.today else dt.date.today()
        except ValueError as e:
            raise PluginError(f"fupan: plugin option 'today': {e}") from None
        return site_data(
            loaded.entries, self.thesaurus, self.labels, today, config.use_directory_urls, failed
        )

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        if DASHBOARD in markdown:
            return markdown.replace(DASHBOARD, dashboard(self.data, page.file.src_uri), 1)
        return markdown

    @event_priority(50)  # before Material's search indexes the page
    def _search_view(self, context, page, config, nav):
        if isinstance(page, GeneratedPage) and page.generated.search is not None:
            page.built = page.content
            page.content = page_html(page.generated.title, page.generated.search)
        return context

    @event_priority(-50)  # after: the page as built, with what other plugins changed in it
    def _whole_page(self, context, page, config, nav):
        if isinstance(page, GeneratedPage) and page.built is not None:
            page.content, page.built = page.built, None
        return context

    on_page_context = CombinedEvent(_search_view, _whole_page)

    @event_priority(-50)  # after Material's search has written its index
    def on_post_build(self, config) -> None:
        material_index.compact(Path(config.site_dir))

    def on_serve(self, server, config, builder):
        server.watch(str(self.root / self.config.reviews_dir))
        return server


def _nav_titles(nav: list | None) -> dict[str, str]:
    """Source path -> the title mkdocs.yml's nav gives it: MkDocs applies nav titles only
    to pages it creates, and fupan creates its own."""
    titles: dict[str, str] = {}
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles[value] = title
                else:
                    titles.update(_nav_titles(value))
    return titles


class GeneratedPage(MkDocsPage):
    """A page fupan built as HTML: MkDocs reads no source and runs no Markdown for it.

    While Material's search indexes it, its content is the search view (see
    :class:`Page` and :meth:`FupanPlugin.on_page_context`)."""

    def __init__(self, page: Page, file: File, config, nav_title: str | None = None) -> None:
        # a title from mkdocs.yml's nav wins, as for any page; themes print titles unescaped
        super().__init__(nav_title or esc(page.title), file, config)
        self.generated = page
        self.built: str | None = None  # the page's content while search sees the view

    def read_source(self, config) -> None:
        self.markdown = ""
        # Material prints a meta title as given and a page title through striptags,
        # which would undo the escaping
        self.meta = {"title": self.title}
        if self.generated.search is None:
            self.meta["search"] = {"exclude": True}

    def render(self, config, files) -> None:
        self.content = page_html(self.generated.title, self.generated.body)
