"""The ``fupan`` MkDocs plugin: wiring only; pages are built by plain modules."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import nest_paths

from ..errors import FupanError
from ..lang import strings
from . import LOGGER, build, material_index, sanitize
from .html import esc, page_html
from .page import Page

log = logging.getLogger(LOGGER)


class FupanConfig(base.Config):
    reviews_dir = c.Type(str, default="reviews")
    language = c.Optional(c.Choice(["zh", "en"]))  # default: from theme.language
    # the day 'overdue' is measured from (any of the entry date forms); default: build day
    today = c.Optional(c.Type((str, dt.date)))
    # hosts whose images entry pages may load; others' show as links (the intranet rule)
    remote_images = c.ListOfItems(c.Type(str), default=[])


class FupanPlugin(BasePlugin[FupanConfig]):
    """Hands fupan's pages to MkDocs. The state of a build is :class:`build.Build`, made
    in :meth:`on_files` each build, so ``mkdocs serve`` rebuilds start clean."""

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        self.language = self.config.language or str(config.theme.get("language") or "zh")
        config.extra_css.append(build.CSS)
        config.extra_javascript.append(build.SCRIPT)
        build.footer(config, self.language)
        sanitize.allow_remote_images(
            self.config.remote_images, strings(self.language)["remote_image_note"]
        )
        if config.theme.get("font") is not False:  # Google Fonts would leave the intranet
            log.info(strings(self.language)["build.font_off"])
            config.theme["font"] = False
        if config.nav is not None:  # keep the nav small: sections, never every entry
            config.nav = list(config.nav) + build.section_nav(self.language)
        return config

    def on_pre_build(self, config) -> None:
        """Read the knowledge base before MkDocs empties site/: with --strict, invalid
        entries stop the build here, and the site already there stays as it was."""
        try:
            self.build = build.load(
                self.root,
                self.config.reviews_dir,
                self.language,
                self.config.today,
                config.use_directory_urls,
                config.site_url or "",  # where the calendar feeds link entries
            )
        except FupanError as e:
            raise PluginError(f"fupan: {e.said(strings(self.language))}") from None
        for problem in self.build.problems:
            (log.warning if problem.level == "error" else log.info)(problem.said(self.build.labels))
        errors = sum(p.level == "error" for p in self.build.problems)
        if errors and config.strict:
            raise PluginError(self.build.labels["site.err.strict"].format(n=errors))

    def on_files(self, files: Files, config) -> Files:
        if config.nav is None:
            # MkDocs' own nav from the docs folder, then ours as titled pages: left to
            # MkDocs, campaigns/index.md would be a section named "Campaigns"
            docs = sorted(files.documentation_pages(), key=file_sort_key)
            config.nav = nest_paths(f.src_uri for f in docs if f.inclusion.is_in_nav())
            config.nav += build.section_nav(self.language)
        site = self.build.files()
        titles = build.nav_titles(config.nav)
        in_nav = set(build.NAV_PAGES.values())
        for page in site.pages:
            # only section pages go in the nav: every entry in it would copy the whole
            # nav into every page and multiply the site's size
            inclusion = (
                InclusionLevel.INCLUDED if page.path in in_nav else InclusionLevel.NOT_IN_NAV
            )
            file = File.generated(config, page.path, content="", inclusion=inclusion)
            GeneratedPage(page, file, config, titles.get(page.path))  # MkDocs uses file.page
            files.append(file)
        for dest, content in site.assets.items():
            files.append(File.generated(config, dest, content=content))
        for dest, path in self.build.images.items():
            if files.get_file_from_path(dest) is None:
                files.append(File.generated(config, dest, abs_src_path=str(path)))
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        return self.build.home(markdown, page.file.src_uri)

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        """The theme's 404 page says "404 - Not found" in English whatever the language."""
        if template_name == "404.html":
            text = esc(self.build.labels["not_found"])
            return output_content.replace("<h1>404 - Not found</h1>", f"<h1>{text}</h1>")
        return output_content

    @event_priority(-50)  # after Material's search has written its index
    def on_post_build(self, config) -> None:
        material_index.empty(Path(config.site_dir))

    def on_serve(self, server, config, builder):
        server.watch(str(self.root / self.config.reviews_dir))
        return server


class GeneratedPage(MkDocsPage):
    """A page fupan built as HTML: MkDocs reads no source and runs no Markdown for it."""

    def __init__(self, page: Page, file: File, config, nav_title: str | None = None) -> None:
        # a title from mkdocs.yml's nav wins, as for any page; themes print titles unescaped
        super().__init__(nav_title or esc(page.title), file, config)
        self.generated = page

    def read_source(self, config) -> None:
        self.markdown = ""
        # Material prints a meta title as given and a page title through striptags,
        # which would undo the escaping
        # fupan's own search answers the search box (assets/search.js)
        self.meta = {"title": self.title, "search": {"exclude": True}}
        if self.generated.hide:
            self.meta["hide"] = list(self.generated.hide)

    def render(self, config, files) -> None:
        self.content = page_html(self.generated.title, self.generated.body)
