"""fupan's own exceptions; the CLI and the plugin show them as one clear line."""

from __future__ import annotations


class FupanError(Exception):
    """Something the user can fix; the message says how."""


class KBNotFound(FupanError):
    pass


class IndexBusy(FupanError):
    pass


class QueryError(FupanError):
    pass
