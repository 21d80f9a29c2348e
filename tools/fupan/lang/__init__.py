"""The strings fupan shows, one table per language (``zh.py``, ``en.py``).

Keys are stable English names; each part of fupan adds its own under a prefix
(``cli.``, ``remind.``, ...). The site's labels have no prefix.
"""

from __future__ import annotations

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
