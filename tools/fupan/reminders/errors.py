"""The one failure a channel reports: a message that did not go out, and why."""

from __future__ import annotations


class SendError(Exception):
    """A message was not delivered, or not to everyone (``delivered``: it reached some,
    so it is not sent again). ``key`` names the reason's text in the language tables
    (``remind.error.<key>``); ``params`` fill it in."""

    def __init__(self, key: str, delivered: bool = False, **params: object):
        super().__init__(key, params)
        self.key, self.params, self.delivered = key, params, delivered

    def text(self, strings: dict[str, str]) -> str:
        return strings[f"remind.error.{self.key}"].format(**self.params)
