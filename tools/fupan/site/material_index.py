"""Material's own search index, emptied: fupan's search answers the search box."""

from __future__ import annotations

import json
from pathlib import Path

PATH = "search/search_index.json"


def empty(site_dir: Path) -> None:
    """Material fetches its whole index on every page load, 63 MB at 10,000 entries,
    though fupan's search (assets/search.js) takes the box over; only its settings
    stay. The same as a script, which Material loads instead on a page opened from disk."""
    path = site_dir / PATH
    if not path.is_file():  # search disabled, or not Material's
        return
    data = {"config": json.loads(path.read_bytes()).get("config", {}), "docs": []}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, "utf-8")
    path.with_suffix(".js").write_text(f"var __index = {text};\n", "utf-8")
