"""Every string fupan shows in English, in four tables: site labels, the command line,
help pages, and click's and the checker's messages. No key is in two of them."""

from __future__ import annotations

from . import commands, help, problems, site

STRINGS: dict[str, str] = {**site.STRINGS, **commands.STRINGS, **help.STRINGS, **problems.STRINGS}
