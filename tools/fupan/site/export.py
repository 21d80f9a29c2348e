"""fupan's pages as a folder of plain files any MkDocs-style generator can build.

The MkDocs plugin hands pages to MkDocs while it builds; a generator that runs no
MkDocs plugins (Zensical) gets the same pages written out first: the knowledge base's
own docs with the dashboard filled in, one Markdown file per generated page holding its
finished HTML, the assets, and a copy of mkdocs.yml that lists fupan's sections and
style instead of the plugin.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

import yaml

from .build import CSS, DASHBOARD, SCRIPT, Build, footer, load, section_nav
from .html import page_html
from .page import Page


class Exported(NamedTuple):
    config: Path  # the build folder's mkdocs.yml
    problems: list  # of the entries left out
    language: str  # of the site


class _Tagged:
    """A YAML value with an application tag (``!!python/name:…``, ``!ENV``), kept as is."""

    def __init__(self, tag: str, node: yaml.Node):
        self.tag, self.node = tag, node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: _Tagged("!" + suffix, node))
_Loader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: _Tagged(node.tag, node)
)
_Dumper.add_representer(_Tagged, lambda dumper, t: _retag(t))


def _retag(t: _Tagged) -> yaml.Node:
    t.node.tag = t.tag
    return t.node


def read_config(path: Path) -> dict:
    """mkdocs.yml as data, tags such as ``!!python/name:`` kept for writing back."""
    return yaml.load(path.read_text("utf-8"), Loader=_Loader) or {}  # noqa: S506 (safe loader)


def plugin_options(config: dict) -> dict:
    """The options the ``fupan`` plugin entry of mkdocs.yml gives, if any."""
    for item in config.get("plugins") or []:
        if isinstance(item, dict) and "fupan" in item:
            return dict(item["fupan"] or {})
    return {}


def page_markdown(page: Page) -> str:
    """A generated page as Markdown: its title in front matter, its HTML as one block
    (Markdown passes a block of HTML through unchanged)."""
    head = {"title": page.title, "search": {"exclude": True}}  # fupan's search answers
    if page.hide:
        head["hide"] = list(page.hide)
    front = yaml.safe_dump(head, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{page_html(page.title, page.body)}\n"


def export(root: Path, out: Path) -> Exported:
    """Write the site of the knowledge base at ``root`` into ``out`` (emptied first) as
    ``out/mkdocs.yml`` and ``out/docs``. Raises FupanError."""
    config = read_config(root / "mkdocs.yml")
    options = plugin_options(config)
    language = options.get("language") or (config.get("theme") or {}).get("language") or "zh"
    site = load(
        root,
        options.get("reviews_dir", "reviews"),
        str(language),
        options.get("today"),
        use_directory_urls=False,
    )
    shutil.rmtree(out, ignore_errors=True)
    docs = out / "docs"
    shutil.copytree(root / config.get("docs_dir", "docs"), docs)
    nav = config.get("nav") or _docs_nav(docs)
    for md in docs.rglob("*.md"):
        text = md.read_text("utf-8")
        if DASHBOARD in text:
            md.write_text(site.home(text, md.relative_to(docs).as_posix()), "utf-8")
    _write_pages(site, docs)
    config["nav"] = list(nav) + section_nav(str(language))
    config["plugins"] = [p for p in config.get("plugins") or [] if not _is_fupan(p)]
    config["extra_css"] = [*(config.get("extra_css") or []), CSS]
    config["extra_javascript"] = [*(config.get("extra_javascript") or []), SCRIPT]
    footer(config, str(language))
    config["docs_dir"], config["site_dir"] = "docs", "site"
    # links in the pages' HTML are left as written, and only file URLs mean the same from
    # the page and from its source file; the site then works opened from disk too
    config["use_directory_urls"] = False
    theme = config.setdefault("theme", {"name": "material"})
    if isinstance(theme, dict):
        theme["font"] = False  # Google Fonts would leave the intranet
    path = out / "mkdocs.yml"
    path.write_text(yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False), "utf-8")
    return Exported(path, site.problems, str(language))


def _write_pages(site: Build, docs: Path) -> None:
    files = site.files()
    for page in files.pages:
        _write(docs / page.path, page_markdown(page))
    for dest, content in files.assets.items():
        _write(docs / dest, content)
    for dest, path in site.images.items():  # the published entries' images, beside them
        (docs / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, docs / dest)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def _is_fupan(plugin: object) -> bool:
    return plugin == "fupan" or (isinstance(plugin, dict) and "fupan" in plugin)


def _docs_nav(docs: Path) -> list[str]:
    """The docs folder's own pages, home first, as a nav: without a nav a generator
    would list every generated entry in it."""
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    return sorted(pages, key=lambda p: (p != "index.md", p.count("/"), p))
