"""A draft as an entry file: front matter in the format's own order, the body as Markdown."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..entries.edit import yaml_scalar as scalar
from ..model import PARTS
from . import pandoc, tree
from .reader import Draft

ORDER = ("title", "unit", "campaign", "date", "period", "category", "author", "tags", "rating")


def front_matter(meta: dict, metrics: list[dict], actions: list[dict]) -> str:
    lines = ["---"]
    for key in ORDER:
        value = meta.get(key)
        if value in (None, "", []):
            continue
        if key == "period":
            start, end = (scalar(value[k], flow=True) for k in ("start", "end"))
            value = f"{{start: {start}, end: {end}}}"
        elif key == "tags":
            value = "[" + ", ".join(scalar(t, flow=True) for t in value) + "]"
        else:
            value = scalar(value)
        lines.append(f"{key}: {value}")
    if metrics:
        lines.append("metrics:")
        for m in metrics:
            keys = ("name", "target", "actual", "unit")
            fields = ", ".join(f"{k}: {scalar(m[k], flow=True)}" for k in keys)
            lines.append(f"  - {{{fields}}}")
    if actions:
        lines.append("actions:")
        for a in actions:
            lines.append(f"  - action: {scalar(a['action'])}")
            for key in ("owner", "due", "status"):
                if a.get(key) not in (None, ""):
                    lines.append(f"    {key}: {scalar(a[key])}")
    lines += ["publish: true", "---"]
    return "\n".join(lines) + "\n"


def body(draft: Draft, doc: pandoc.Document, media: str) -> tuple[str, dict[str, bytes]]:
    """The Markdown body, with images pointed at ``media/`` (relative to the entry), and
    the image files to save there by name."""
    blocks = list(draft.preamble)
    for part in PARTS:
        if part in draft.parts:
            heading, content = draft.parts[part]
            blocks += [tree.header(2, heading), *content]
    saved: dict[str, bytes] = {}
    for image in tree.images(blocks):
        target = image["c"][2][0]
        if target in doc.images:
            name = PurePosixPath(target.replace("\\", "/")).name
            saved[name] = doc.images[target]
            image["c"][2][0] = f"{media}/{name}"
        image["c"][0] = tree.NO_ATTR  # sizes in inches mean nothing on a web page
    return pandoc.to_markdown(doc.api, blocks), saved


def entry_text(draft: Draft, body_text: str) -> str:
    return front_matter(draft.meta, draft.metrics, draft.actions) + "\n" + body_text.strip() + "\n"
