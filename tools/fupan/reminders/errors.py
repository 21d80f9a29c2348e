"""The one failure a channel reports: a message that did not go out, and why."""

from __future__ import annotations


class SendError(Exception):
    """A message was not delivered. ``key`` names the reason's text in the language
    tables (``remind.error.<key>``); ``params`` fill it in."""

    def __init__(self, key: str, **params: object):
        super().__init__(key, params)
        self.key, self.params = key, params

    def text(self, strings: dict[str, str]) -> str:
        return strings[f"remind.error.{self.key}"].format(**self.params)
