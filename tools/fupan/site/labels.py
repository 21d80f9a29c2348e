"""The site's labels: the language tables of :mod:`fupan.lang`."""

from __future__ import annotations

from ..lang import strings


def labels(language: str) -> dict[str, str]:
    """Chinese unless the site's language is English."""
    return strings(language)
