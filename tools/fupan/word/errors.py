"""What can go wrong reading a Word file, as a message key the CLI shows in the KB's language."""

from __future__ import annotations

from ..errors import FupanError
from ..lang import say, strings


class WordError(FupanError):
    """A file that cannot be imported; ``key`` names its message in fupan.lang (``import.*``)."""

    def __init__(self, key: str, **params: object):
        self.key, self.params = key, params
        super().__init__(self.message("zh"))

    def message(self, language: str | None) -> str:
        return say(strings(language), self.key, self.params)
