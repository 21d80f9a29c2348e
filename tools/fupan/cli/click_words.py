"""click's own words (Usage:, Error:, Missing argument, …) in the run's language.

click marks them for gettext. Rather than ship compiled catalogues beside the string
tables, fupan hands click's modules a lookup in those tables: the keys are ``click:``
and click's English text, so they sit in ``lang/zh/problems.py`` with the other
strings. A text the table does not have (a newer click's) stays English.
"""

from __future__ import annotations

from collections.abc import Callable

from click import core, decorators, exceptions, formatting, parser, termui, types

from ..lang import TABLES

_MODULES = (core, decorators, exceptions, formatting, parser, termui, types)
_source: list[Callable[[], str]] = [lambda: "zh"]


def follow(language: Callable[[], str]) -> None:
    """Take the language from ``language`` from now on: a run's, asked at each message,
    since ``--lang`` may come after the option whose error click is writing."""
    _source[:] = [language]


def gettext(message: str) -> str:
    return said(message, _source[0]())


def said(message: str, language: str) -> str:
    """click's ``message`` in ``language``."""
    return TABLES[language].get(f"click:{message}", message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """Route click's messages through fupan's tables."""
    for module in _MODULES:
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
