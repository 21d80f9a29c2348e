"""The ``fupan`` MkDocs plugin: wiring only; pages are built by plain modules."""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from ..dates import parse_date
from ..errors import FupanError
from ..kb import KnowledgeBase
from ..synonyms import load_thesaurus
from . import browse
from .data import SiteData, site_data
from .html import BODY, page_html, page_source
from .labels import labels
from .listings import CSS, all_pages, assets, dashboard

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
        self.data = self._load(config)
        self.pages = all_pages(self.data)  # their HTML is set in after Markdown
        for src, page in self.pages.items():
            # only section pages go in the nav: every entry in it would copy the whole
            # nav into every page and multiply the site's size
            nav = src in NAV_PAGES.values()
            inclusion = InclusionLevel.INCLUDED if nav else InclusionLevel.NOT_IN_NAV
            content = page_source(page.title, searchable=page.search is not None)
            files.append(File.generated(config, src, content=content, inclusion=inclusion))
        for dest, content in assets(self.data, self.thesaurus).items():
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

    def on_page_content(self, html: str, page, config, files) -> str:
        """A generated page's search view, or its HTML when it is not searched."""
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return html
        view = generated.body if generated.search is None else generated.search
        return html.replace(BODY, page_html(generated.title, view), 1)

    @event_priority(-50)  # after Material's search has indexed the search view
    def on_page_context(self, context, page, config, nav):
        generated = self.pages.get(page.file.src_uri)
        if generated is not None and generated.search is not None:
            page.content = page_html(generated.title, generated.body)
        return context

    def on_serve(self, server, config, builder):
        server.watch(str(self.root / self.config.reviews_dir))
        return server
