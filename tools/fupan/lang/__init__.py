"""The strings fupan shows, one folder per language (``zh/``, ``en/``), each merging
four tables: the site's labels, the command line, the help pages, and click's and the
checker's messages.

Keys are stable English names; each part of fupan adds its own under a prefix
(``cli.``, ``help.``, ``remind.``, ``check.``, ...). The site's labels have no prefix.

A :class:`Message` is a key with the values that fill it, said in any language later:
the checker's problems and the errors of the core carry one, so that the command line
and the site say them in the knowledge base's language.
"""

from __future__ import annotations

import datetime as dt

from . import en, zh

LANGUAGES = ("zh", "en")
TABLES = {"zh": zh.STRINGS, "en": en.STRINGS}


def normalize(language: str | None) -> str:
    """``zh`` unless the language is English (``en``, ``en_US``, ...)."""
    return "en" if (language or "").lower().startswith("en") else "zh"


def strings(language: str | None) -> dict[str, str]:
    """The table for ``language``; a key missing there falls back to Chinese."""
    lang = normalize(language)
    if lang == "zh":
        return TABLES["zh"]
    return {**TABLES["zh"], **TABLES[lang]}


ENGLISH = strings("en")


def day(table: dict[str, str], date: dt.date) -> str:
    """A date as ``table``'s language writes it: 2025年4月20日, or 2025-04-20 in English.
    Files for programs (JSON, CSV) keep 2025-04-20 in every language."""
    return table["date_format"].format(y=date.year, m=date.month, d=date.day)


def say(table: dict[str, str], key: str, values: dict) -> str:
    """``table[key]`` filled with ``values``, each said in the table's language too:

    - a :class:`Message` (a part's label, the reason inside a larger sentence) is said
      from the same table;
    - a tuple (fupan's own words: the statuses, the words that name a part) is its
      items joined by the table's ``check.list`` (", " or "、");
    - anything else is formatted as it is, so ``{value!r}`` and ``{size:.1f}`` work, a
      value from a file (a list too) shows as written, and a library's own text (PyYAML's
      detail of a syntax error) stays as the library wrote it.
    """
    return table[key].format(**{name: _said(v, table) for name, v in values.items()})


def _said(value: object, table: dict[str, str]) -> object:
    if isinstance(value, Message):
        return value.said(table)
    if isinstance(value, tuple):
        return table["check.list"].join(str(_said(v, table)) for v in value)
    return value


class Message:
    """A message by its key in the tables and the values that fill it; ``str()`` is
    the English text, :meth:`said` the text in any table."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: object):
        self.key, self.values = key, values

    def said(self, table: dict[str, str]) -> str:
        return say(table, self.key, self.values)

    def __str__(self) -> str:
        return self.said(ENGLISH)

    def __repr__(self) -> str:
        return f"Message({self.key!r}, **{self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.values) == (other.key, other.values)

    __hash__ = None  # its values may be anything a file holds
