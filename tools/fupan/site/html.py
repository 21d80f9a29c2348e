"""Small HTML builders that escape every value, and a Markdown renderer without raw HTML.

Entry bodies are Markdown written by many people: raw HTML in them is shown as text,
never passed to the page, so no entry can run script in a reader's browser.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

import markdown

from .sanitize import sanitize

Markup = str  # text that is already safe HTML
_TAGS = re.compile(r"<[^>]+>")


def esc(value: object) -> Markup:
    return html.escape("" if value is None else str(value), quote=True)


def el(tag: str, content: Markup = "", cls: str = "", /, **attrs: object) -> Markup:
    """``<tag class=cls attrs>content</tag>``; attribute values are escaped."""
    if not cls and not attrs:  # most cells and items: the common case, made cheap
        return f"<{tag}>{content}</{tag}>"
    parts = [tag] + ([f'class="{esc(cls)}"'] if cls else [])
    parts += [
        f'{k.rstrip("_").replace("_", "-")}="{esc(v)}"' for k, v in attrs.items() if v is not None
    ]
    return f"<{' '.join(parts)}>{content}</{tag}>"


def link(href: str, text: object, cls: str = "") -> Markup:
    return el("a", esc(text), cls, href=href)


def table(
    headers: Sequence[Markup],
    rows: Iterable[Sequence[Markup]],
    cls: str = "",
    row_classes: Sequence[str] | None = None,
    stacked: bool = False,
) -> Markup:
    """A table of already-safe cells (escape values with :func:`esc` first). A
    ``stacked`` one is a card per row on a phone, each cell under its header's name:
    for rows of long lists, which squeezed into columns run thousands of pixels tall."""
    head = el("tr", "".join(el("th", h) for h in headers))
    rows = list(rows)
    classes = list(row_classes or []) + [""] * len(rows)
    names = [html.unescape(_TAGS.sub("", h)) for h in headers] if stacked else []

    def cells(row: Sequence[Markup]) -> Markup:
        if not stacked:
            return "".join(el("td", c) for c in row)
        return "".join(el("td", c, data_label=n) for c, n in zip(row, names, strict=False))

    body = "".join(el("tr", cells(row), k) for row, k in zip(rows, classes, strict=False))
    out = el("table", el("thead", head) + el("tbody", body), cls)  # unclassed: Material styles it
    return el("div", out, "fupan-stack") if stacked else out


def ul(items: Iterable[Markup], cls: str = "") -> Markup:
    return el("ul", "".join(el("li", i) for i in items), cls)


def _safe_markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["tables", "fenced_code", "sane_lists"])
    # no raw HTML, block or inline: it is escaped as text instead
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


_MD = _safe_markdown()


_PART_BREAK = "FUPANPARTBREAK7Q"


def render_parts(texts: list[str]) -> list[Markup]:
    """Several pieces of Markdown in one conversion (a conversion has a fixed cost
    that thousands of entries feel); piece by piece if one of them swallows the break,
    as an unclosed code fence would."""
    html = render_markdown(f"\n\n{_PART_BREAK}\n\n".join(texts))
    pieces = html.split(f"<p>{_PART_BREAK}</p>")
    if len(pieces) != len(texts):
        return [render_markdown(t) for t in texts]
    return [p.strip() for p in pieces]


def render_markdown(text: str) -> Markup:
    """An entry part's Markdown as HTML; raw HTML escaped, then sanitized (see
    :mod:`fupan.site.sanitize`): no script URL, no image from another host."""
    _MD.reset()
    return sanitize(_MD.convert(join_cjk_lines(text)))


_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"  # ideographs, CJK and full-width punctuation
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t]*\n[ \t]*(?=[{_CJK}])")


def join_cjk_lines(text: str) -> str:
    """A line break between two Chinese characters removed: browsers show a break inside
    a paragraph as a space, which Chinese does not have. Headings, table rows and code
    keep their lines."""
    out: list[str] = []
    fenced = False
    for line in text.split("\n"):
        bare = line.lstrip()
        if bare.startswith(("```", "~~~")):
            fenced = not fenced
        prev = out[-1] if out else ""
        if (
            not fenced
            and out
            and _CJK_BREAK.search(prev[-1:] + "\n" + bare[:1])
            and not prev.lstrip().startswith(("#", "|"))
            and "|" not in prev + line
        ):
            out[-1] = prev.rstrip() + bare
        else:
            out.append(line)
    return "\n".join(out)


def page_html(title: str, body: Markup) -> Markup:
    return el("div", el("h1", esc(title)) + "\n" + body, "fupan")
