"""The help pages (``fupan --help``, ``fupan search --help``) in the run's language.

Their words are in the string tables, not in the commands: ``help.<command>`` is a
command's help (``help.fupan`` the group's), ``help.<command>.<option>`` an option's, and
``help.shared.<option>`` that of an option several commands share (--kb, --unit, --json,
...) where the command has no words of its own. A command gets its words when it is
loaded, and again when its help is shown, since ``--lang`` may come after its name.

click wraps help by characters; here a Chinese character takes two columns and a line
may break between two of them, so a Chinese help page fits the terminal too.
"""

from __future__ import annotations

import click

from ..lang import strings
from . import click_words
from .common import App
from .output import char_width, width

# no line starts with a closing mark, and none ends with an opening one
NO_BREAK_BEFORE = '，。、；：？！）》」』”’…,.;:!?)]"'
NO_BREAK_AFTER = '（《「『“‘(["'


def key_of(command: click.Command) -> str:
    """The name the tables give the command: ``fupan`` for the group."""
    return "fupan" if isinstance(command, click.Group) else command.name or ""


def option_key(param: click.Parameter) -> str:
    """``due_before`` for ``--due-before``: the option as it is typed."""
    return max(param.opts, key=len).lstrip("-").replace("-", "_")


def metavar_key(param: click.Parameter) -> str:
    """``help.metavar.integer_range``: the key of the placeholder for a value's type."""
    return f"help.metavar.{param.type.name.lower().replace(' ', '_')}"


def argument_placeholder(param: click.Argument, word: str) -> str:
    """``[FILE]``, ``WORDS...``: as click marks an argument that may be left out or
    repeated, around the word in the page's language."""
    word = word if param.required else f"[{word}]"
    return word if param.nargs == 1 else f"{word}..."


def option_help(table: dict[str, str], command: str, option: str) -> str:
    return table.get(f"help.{command}.{option}") or table[f"help.shared.{option}"]


def localize(command: click.Command, table: dict[str, str]) -> None:
    """Give ``command`` and its options their help from ``table``."""
    name = key_of(command)
    command.help = table[f"help.{name}"]
    command.short_help = first_sentence(command.help)
    command.options_metavar = table["help.usage.options"]
    if isinstance(command, click.Group):
        command.subcommand_metavar = table["help.usage.command"]
    for param in command.params:
        if isinstance(param, click.Argument) and f"help.argument.{param.name}" in table:
            param.metavar = argument_placeholder(param, table[f"help.argument.{param.name}"])
        if isinstance(param, click.Option):
            param.help = option_help(table, name, option_key(param))
            kind = metavar_key(param)
            # a placeholder the command wrote itself stays; one given here is redone
            mine = param.metavar is None or getattr(param, "worded", False)
            if not param.is_flag and kind in table and mine:
                param.metavar, param.worded = table[kind], True  # TEXT, DATE: 文本, 日期


def first_sentence(help: str) -> str | None:
    """The first sentence of a Chinese help, for the list of commands; None lets click
    take an English one (its first sentence, cut to the width)."""
    head = help.split("\n\n", 1)[0]
    return head[: head.index("。") + 1] if "。" in head else None


class Formatter(click.HelpFormatter):
    """click's layout of a help page, with lines measured in terminal columns."""

    def write_text(self, text: str) -> None:
        self.write(wrap(text, self.width, " " * self.current_indent) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((width(r[0]) for r in rows), default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(indent + first)
            if not second:
                self.write("\n")
                continue
            if width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - width(first)))
            else:
                self.write("\n" + indent + " " * first_col)
            lines = wrap(second, max(self.width - first_col - 2, 10)).split("\n")
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(indent + " " * first_col + line + "\n")


class HelpContext(click.Context):
    """A run's context whose help page speaks the run's language, wrapped by columns."""

    formatter_class = Formatter

    def get_help(self) -> str:
        language = self.ensure_object(App).find_language()
        localize(self.command, strings(language))
        help_option = self.command.get_help_option(self)
        if help_option is not None:  # click's own words, said now rather than when made
            help_option.help = click_words.said("Show this message and exit.", language)
        return super().get_help()


def wrap(text: str, cols: int, indent: str = "") -> str:
    """``text`` wrapped to ``cols`` columns the way click wraps help: paragraphs apart by
    a blank line, each indented as its first line is; one that starts with a line of
    ``\\b`` keeps its lines as they are."""
    paragraphs: list[list[str]] = [[]]
    for line in text.expandtabs().splitlines():
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    out = []
    for lines in filter(None, paragraphs):
        lead = indent + " " * (len(lines[0]) - len(lines[0].lstrip()))
        if lines[0].strip() == "\b":
            out.append("\n".join(lead + line for line in lines[1:]))
        else:
            out.append("\n".join(fill(_joined(lines), cols, lead)))
    return "\n\n".join(out)


def _joined(lines: list[str]) -> str:
    """A paragraph's lines as one: Chinese on both sides of a line's end joins without a
    space, as it was written."""
    text = lines[0].strip()
    for line in lines[1:]:
        line = line.strip()
        wide = text and line and char_width(text[-1]) == 2 and char_width(line[0]) == 2
        text += ("" if wide else " ") + line
    return text


def fill(text: str, cols: int, indent: str = "") -> list[str]:
    """Lines of at most ``cols`` columns, broken at spaces and between Chinese characters;
    a word longer than a line stays whole."""
    lines: list[str] = []
    line, space = indent, ""
    for piece in _pieces(text):
        if piece.isspace():
            space = piece if line.strip() else ""
            continue
        if line.strip() and width(line + space + piece) > cols:
            lines.append(line)
            line, space = indent, ""
        line += space + piece
        space = ""
    return [*lines, line] if line.strip() else lines


def _pieces(text: str) -> list[str]:
    """``text`` in the pieces a line may break between: runs of spaces, words, single
    Chinese characters with the marks that may not be parted from them, and [...]."""
    pieces: list[str] = []
    for ch in text:
        last = pieces[-1] if pieces else ""
        if last and (
            last.rfind("[") > last.rfind("]")  # click's [默认：10; x>=1] stays whole
            or (ch.isspace() and last.isspace())
            or (not ch.isspace() and not last.isspace())
            and (
                ch in NO_BREAK_BEFORE
                or last[-1] in NO_BREAK_AFTER
                or (char_width(ch) == 1 and char_width(last[-1]) == 1)
            )
        ):
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return pieces
