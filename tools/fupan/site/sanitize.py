"""Rendered entry HTML made safe for every reader's browser, with nh3.

Entries are written by many people, and a link such as ``[x](javascript&#58;alert(1))``
or ``[y](java&#x09;script:...)`` must not run script when clicked. A hand-written
filter misses spellings like these; nh3 (the Rust sanitizer ammonia) parses the
HTML as a browser would, decodes entities, then keeps only the tags, attributes and
URL schemes listed here. The site works on an intranet, and ``![x](https://host/p.png)``
would make every reader's browser ask another host: remote images become links,
except from the hosts the site allows (the plugin's ``remote_images`` option).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import nh3

from ..lang import strings

# what Python-Markdown makes of an entry (tables, fenced code, lists), nothing more
TAGS = {
    *("p", "br", "hr", "blockquote", "pre", "code", "em", "strong", "del", "sup", "sub"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd"),
    *("table", "thead", "tbody", "tr", "th", "td", "a", "img"),
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align", "style"},
    "td": {"align", "style"},
    "code": {"class"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}  # and relative links; never javascript:
_IMG = re.compile(r"<img\b([^>]*)>")
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')


@dataclass(frozen=True)
class ImagePolicy:
    """Hosts whose images a page may load, and the note beside an image that is not."""

    hosts: frozenset[str] = frozenset()
    note: str = strings("zh")["remote_image_note"]


_policy = ImagePolicy()


def allow_remote_images(hosts: list[str], note: str | None = None) -> None:
    """Set, for this process's builds, which hosts' images pages load."""
    global _policy
    _policy = ImagePolicy(frozenset(h.lower() for h in hosts), note or ImagePolicy.note)


def sanitize(markup: str) -> str:
    """``markup`` with only safe tags, attributes and URLs; remote images as links."""
    clean = nh3.clean(
        markup,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        filter_style_properties={"text-align"},
    )
    return _IMG.sub(_image, clean) if "<img" in clean else clean


def _image(m: re.Match) -> str:
    attrs = dict(_ATTR.findall(m.group(1)))  # nh3 quotes and escapes every value
    src = html.unescape(attrs.get("src", ""))
    parts = urlsplit(src)
    remote = bool(parts.netloc) or src.startswith("//")
    if not remote or (parts.hostname or "").lower() in _policy.hosts:
        return m.group(0)
    text = attrs.get("alt") or attrs.get("src", "")
    return (
        f'<a href="{attrs.get("src", "")}" class="fupan-remote-image" '
        f'rel="noopener noreferrer">{text}</a> <small>{html.escape(_policy.note)}</small>'
    )
