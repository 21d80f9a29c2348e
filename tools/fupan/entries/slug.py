"""Safe, readable names for files and URLs made from what people typed."""

from __future__ import annotations

import hashlib
import re

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
