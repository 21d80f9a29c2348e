"""The three date forms an entry may use: 2025-04-20, 2025/4/20 and 2025年4月20日."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..lang import Message

YEAR = re.compile(r"(?:19|20)\d\d")  # a year as campaign names and texts write it
_DATE = re.compile(r"^\s*(\d{4})\s*(?:-|/|年)\s*(\d{1,2})\s*(?:-|/|月)\s*(\d{1,2})\s*日?\s*$")


class DateError(ValueError):
    """Not a date; ``said_as`` says why in any language (``str()`` in English)."""

    def __init__(self, key: str, /, **values: object):
        self.said_as = Message(key, **values)
        super().__init__(str(self.said_as))


def parse_date(value: object) -> dt.date:
    """Turn a YAML value into a date, or raise DateError saying which forms work."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = _DATE.match(value)
        if m:
            year, month, day = (int(g) for g in m.groups())
            if year < 1:
                raise DateError("check.not_a_date", value=value)
            if not 1 <= month <= 12:
                raise DateError("check.not_a_month", value=value)
            days = calendar.monthrange(year, month)[1]
            if not 1 <= day <= days:
                raise DateError("check.not_a_day", value=value, year=year, month=month, days=days)
            return dt.date(year, month, day)
    raise DateError("check.not_a_date", value=value)
