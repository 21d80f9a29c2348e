"""Change one action of one entry in place, and nothing else in the file.

Officers keep their own comments, order, quoting and line endings (CRLF from Windows
editors) in entries, and Git shows every byte that changes. A YAML round trip
(ruamel.yaml) re-indents lists, moves comments and respaces flow lists, so this edit
is line-precise instead: YAML's own parser finds where each value stands, and only
those characters are replaced (or one line added for a key the action lacks).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import FupanError
from ..lang import Message, say, strings
from ..model import ACTION_STATUSES, STATUS_WORDS
from .contract import loads
from .source import decode
from .units import Units

FIELDS = ("status", "due", "owner", "note")  # in the order a missing key is added
_BOM = "\ufeff"


class EditError(FupanError):
    """Why an action cannot be changed; ``key`` names the message in fupan.lang (``action.*``)."""

    def __init__(self, key: str, **params: object):
        self.key, self.params = key, params
        super().__init__(self.message("zh"))

    def message(self, language: str | None) -> str:
        return say(strings(language), self.key, self.params)


def status_code(word: str) -> str:
    """The status code for a code or a Chinese status word (已完成 → done)."""
    value = word.strip()
    code = STATUS_WORDS.get(value, value.lower())
    if code not in ACTION_STATUSES:
        raise EditError("action.bad_status", value=word)
    return code


def yaml_scalar(value: object, style: str | None = None, flow: bool = False) -> str:
    """``value`` as one YAML scalar on one line: in the quoting ``style`` given (``'`` or
    ``"``), else plain where YAML reads it back as the same text, else quoted. Dates are
    written plain (2025-09-01), as entries write them."""
    if value is None:
        return '""'
    if not isinstance(value, str | dt.date):
        return yaml.safe_dump(value, default_flow_style=True).removesuffix("\n...\n").strip()
    text = value.isoformat() if isinstance(value, dt.date) else value
    if style == '"':
        return json.dumps(text, ensure_ascii=False)
    if style == "'":
        return "'" + text.replace("'", "''") + "'"
    if isinstance(value, dt.date):
        return text
    out = yaml.safe_dump(text, allow_unicode=True, default_flow_style=True, width=10**6)
    out = out.removesuffix("\n").removesuffix("\n...").strip()
    if out == text and flow and any(c in text for c in ",[]{}"):
        return json.dumps(text, ensure_ascii=False)  # plain text would end the {...}
    return out


@dataclass
class ActionEdit:
    """A planned change: the file's bytes as read and as they will be written."""

    path: Path
    number: int
    line: int  # where the action starts in the file
    original: bytes
    new: bytes
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # key, old, new


def plan(path: Path, number: int, values: dict[str, object], rel: str | None = None) -> ActionEdit:
    """What setting ``values`` (status, due, owner, note) on action ``number`` (1-based)
    of the entry at ``path`` changes; nothing is written."""
    rel = rel or str(path)
    original = Path(path).read_bytes()
    try:
        text = original.decode("utf-8")
    except UnicodeDecodeError:
        raise EditError("action.invalid", path=rel) from None
    bom = _BOM if text.startswith(_BOM) else ""
    text = text[len(bom) :]
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise EditError("action.invalid", path=rel)
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise EditError("action.invalid", path=rel)
    head = "".join(lines[1:end])
    try:
        root = yaml.compose(head, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        raise EditError("action.invalid", path=rel) from None
    item, at = _action_node(root, number, rel)
    _same_numbering(text, number, at, rel)
    newline = "\r\n" if "\r\n" in lines[0] else "\n"
    edits, changes = [], []
    for key in FIELDS:
        if key in values and values[key] is not None:
            change = _edit(head, item, key, values[key], newline, rel, at)
            if change:
                edits.append(change[0])
                changes.append(change[1])
    for start, stop, replacement in sorted(edits, reverse=True):
        head = head[:start] + replacement + head[stop:]
    new = bom + lines[0] + head + "".join(lines[end:])
    return ActionEdit(Path(path), number, at, original, new.encode("utf-8"), changes)


def _same_numbering(text: str, number: int, line: int, rel: str) -> None:
    """Refuse when `fupan actions` numbers this item otherwise: the loader leaves out
    an action it cannot read, so an error in an earlier one shifts the numbers."""
    entry, _ = loads(decode(text.encode("utf-8")), "", rel, Units())
    if entry is None:
        return  # `fupan actions` lists no item of an unusable entry
    lines = [a.line for a in entry.actions]
    if len(lines) < number or lines[number - 1] != line:
        raise EditError("action.numbering", path=rel, n=number)


def _action_node(root: yaml.Node | None, number: int, rel: str) -> tuple[yaml.MappingNode, int]:
    actions = None
    if isinstance(root, yaml.MappingNode):
        actions = next((v for k, v in root.value if k.value == "actions"), None)
    if not isinstance(actions, yaml.SequenceNode):
        raise EditError("action.no_list", path=rel)
    if not 1 <= number <= len(actions.value):
        raise EditError("action.no_number", path=rel, n=number, count=len(actions.value))
    item = actions.value[number - 1]
    line = item.start_mark.line + 2  # the front matter starts on the file's line 2
    if not isinstance(item, yaml.MappingNode):
        why = Message("action.why.not_mapping")
        raise EditError("action.unsupported", path=rel, line=line, why=why)
    return item, line


def _edit(
    head: str, item: yaml.MappingNode, key: str, value: object, newline: str, rel: str, line: int
):
    """(start, stop, replacement) in the front matter text, and (key, old, new)."""
    found = next(((k, v) for k, v in item.value if k.value == key), None)
    if found is None:
        rendered = yaml_scalar(value, flow=bool(item.flow_style))
        return _add(head, item, key, rendered, newline, rel, line), (key, "", rendered)
    k, v = found
    if not isinstance(v, yaml.ScalarNode) or v.style in ("|", ">"):
        why = Message("action.why.not_one_value", key=key)
        raise EditError("action.unsupported", path=rel, line=line, why=why)
    rendered = yaml_scalar(value, v.style if v.style in ("'", '"') else None, bool(item.flow_style))
    old = head[v.start_mark.index : v.end_mark.index]
    if v.style is None and v.value == "":  # `due:` with nothing after it
        colon = head.index(":", k.end_mark.index) + 1
        return (colon, colon, " " + rendered), (key, "", rendered)
    if old == rendered:
        return None
    return (v.start_mark.index, v.end_mark.index, rendered), (key, old, rendered)


def _add(
    head: str, item: yaml.MappingNode, key: str, rendered: str, newline: str, rel: str, line: int
) -> tuple[int, int, str]:
    if item.flow_style:
        close = item.end_mark.index - 1
        if head[close] != "}":
            why = Message("action.why.unclosed")
            raise EditError("action.unsupported", path=rel, line=line, why=why)
        before = head[:close].rstrip()
        return len(before), len(before), f", {key}: {rendered}"
    last = item.value[-1][1]
    if isinstance(last, yaml.ScalarNode) and last.style in ("|", ">"):
        why = Message("action.why.block_text")
        raise EditError("action.unsupported", path=rel, line=line, why=why)
    if last.end_mark.column == 0:  # a nested list or mapping ends where the next line starts
        at = last.end_mark.index
    else:
        end = head.find("\n", last.end_mark.index)
        at = len(head) if end < 0 else end + 1
    indent = " " * item.value[0][0].start_mark.column
    return at, at, f"{indent}{key}: {rendered}{newline}"


def apply(edit: ActionEdit, rel: str | None = None) -> None:
    """Write the planned bytes, unless the file changed since it was read."""
    path = edit.path
    if path.read_bytes() != edit.original:
        raise EditError("action.changed", path=rel or path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".fupan-", suffix=".md")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(edit.new)
        os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
