"""fupan's own exceptions; the CLI and the plugin show them as one clear line."""

from __future__ import annotations

from .lang import Message, say


class FupanError(Exception):
    """Something the user can fix; the message says how. ``key`` names the same message
    in the string tables of :mod:`fupan.lang` (with ``values`` to fill in), so that the
    command line can say it in the knowledge base's language."""

    key: str | None = None
    values: dict | None = None

    def __init__(self, message: str, key: str | None = None, **values: object):
        super().__init__(message)
        if key is not None:  # a subclass may have set its own key before calling this
            self.key, self.values = key, values

    @classmethod
    def of(cls, key: str, /, **values: object) -> FupanError:
        """The error ``key`` of the tables, with their English text as its message."""
        return cls(str(Message(key, **values)), key, **values)

    def said(self, table: dict[str, str]) -> str:
        """The message in ``table``'s language; as raised when the tables lack it."""
        if self.key and self.values is not None and self.key in table:
            return say(table, self.key, self.values)
        return str(self)


class BadValue(FupanError):
    """A value the user gave names nothing that exists (a unit not in the registry, a
    campaign name that fits several): the command line is wrong, not the knowledge base."""


class KBNotFound(FupanError):
    pass


class IndexBusy(FupanError):
    pass


class QueryError(FupanError):
    pass
