"""What was delivered today, in ``.fupan/reminders.json``: a cron job run twice sends once.

Each message is recorded the moment it goes out, so a run stopped half way, or one
whose channel failed, sends again only what did not arrive.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

STATE_FILE = "reminders.json"


class SentToday:
    def __init__(self, folder: Path, day: dt.date):
        self.path = folder / STATE_FILE
        self.day = day.isoformat()
        self.keys: set[str] = set()
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return  # none yet, or unreadable: nothing counts as sent
        if isinstance(data, dict) and data.get("day") == self.day:
            self.keys = {k for k in data.get("sent", []) if isinstance(k, str)}

    def __contains__(self, key: str) -> bool:
        return key in self.keys

    def add(self, key: str) -> None:
        self.keys.add(key)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"day": self.day, "sent": sorted(self.keys)}, ensure_ascii=False)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".reminders-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, self.path)
