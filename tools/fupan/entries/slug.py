"""Safe, readable names for files and URLs made from what people typed."""

from __future__ import annotations

import hashlib
import posixpath
import re
from functools import lru_cache

_UNSAFE = re.compile(r"[^\w\-]+")


def slug(name: str) -> str:
    """Letters (Chinese too), digits, ``-`` and ``_``; never empty, never a dot path."""
    s = _UNSAFE.sub("-", name.strip()).strip("-_").lower()[:80]
    return s or "x-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


def safe_id(entry_id: str) -> str:
    """An entry id as a path: its own segments, each made safe (the site's page path)."""
    return "/".join(
        slug(part) if part in ("", ".", "..") or _UNSAFE.search(part) else part
        for part in entry_id.split("/")
    )


def entry_page(entry_id: str) -> str:
    """The site's source path of an entry's page (what MkDocs calls ``src_uri``)."""
    return f"reviews/{safe_id(entry_id)}.md"


@lru_cache(maxsize=200_000)
def page_url(src: str, use_directory_urls: bool = True) -> str:
    """The URL a page made from ``src`` gets, relative to the site root (MkDocs' rule)."""
    stem = posixpath.splitext(src)[0]
    if not use_directory_urls:
        return f"{stem}.html"
    if posixpath.basename(stem) == "index":
        stem = posixpath.dirname(stem)
    return f"{stem}/" if stem else ""
