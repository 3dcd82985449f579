"""The vendor page in Markdown (Binance's errors.md), read line by line, nothing rendered:

* `### -1121 BAD_SYMBOL`: a code (any heading level), the rest of the heading its name;
* `## 10xx - General Server or Network issues`: a category (a heading that starts with a label);
* `## Messages for -1010 ERROR_MSG_RECEIVED, -2010 NEW_ORDER_REJECTED, ...`: a message set,
  its table's (or bullets') messages shared by every code it names;
* any other heading: the catalog's title (the first `#` heading before any code), or a category
  without a range when codes follow it, or a message set when a message table follows it;
* `*`, `-` or `+` bullets: messages, verbatim (backticks, links and escapes are kept as written);
* a table with an `Error message` column (and a `Description` one): messages with descriptions;
  a quoted cell (`"Unknown order sent."`) loses its quotes, and `"a" / "b"` is two messages;
* a table with a code column: one entry per row, with the neutral table's columns (table.py);
* other text under a code is its description; HTML lines and code blocks are skipped, but the
  first code block before any code, a JSON object, is the example payload.
"""

from __future__ import annotations

import re

from ..diagnostics import Position
from . import headings
from .lines import CODE_LINE, MENTION, Page, decode, indent, strip_end
from .source import Message, MessageSet, Source
from .table import KNOWN, Rows, column_key

_HEADING = re.compile(r" {0,3}(?P<level>#{1,6})(?:[ \t]+|$)")
_BULLET = re.compile(r"[ \t]*[*+\-][ \t]+(?P<text>.*)")
_FENCE = re.compile(r" {0,3}(?P<fence>`{3,}|~{3,})")
_HTML = re.compile(r"[ \t]*<[^>]*>(?:[ \t]*<[^>]*>)*")
_BREAK = re.compile(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})")
_DELIMITER_CELL = re.compile(r":?-+:?")
_QUOTED = re.compile(r'"(?P<text>[^"]*)"')
_QUOTED_LIST = re.compile(r'"[^"]*"(?:[ \t]*/[ \t]*"[^"]*")*')


class _Markdown(Page):
    def __init__(self) -> None:
        super().__init__("markdown")
        self.set: MessageSet | None = None
        self.pending: tuple[str, Position] | None = None  # a heading that is not yet a category or a set
        self.before_pending = self.heading
        self.rows = Rows(self.source)

    def flush(self) -> None:
        if self.prose and self.set is not None and self.entry is None:
            paragraph = "\n".join(self.prose)
            self.prose = []
            self.set.note = paragraph if self.set.note is None else f"{self.set.note}\n\n{paragraph}"
            return
        super().flush()

    def heading_line(self, level: int, text: str, at: Position) -> None:
        if not text:
            self.note(at, "skipped", "an empty heading")
            return
        code = CODE_LINE.fullmatch(text)
        mentions = list(MENTION.finditer(text))
        if code is not None:
            self.start_entry(code, at)
            self.set = None
        elif headings.is_label(text):
            self.start_heading(text, at)
            self.set = None
        elif mentions:
            self.flush()
            self.started = True
            self.entry, self.bullet = None, None
            self.set = MessageSet(key=text, at=at, index=len(self.source.entries))
            self.set.codes = [(m.group("code"), m.group("name"), at) for m in mentions]
            self.source.sets.append(self.set)
        elif level == 1 and not self.started and self.source.title is None:
            self.flush()
            self.source.title = text
            self.note(at, "catalog", f"the title is the first heading: {text!r}")
        else:
            self.before_pending = self.heading
            self.start_heading(text, at)
            self.set = None
            self.pending = (text, at)
            return
        self.pending = None

    def start_entry(self, match: re.Match[str], at: Position) -> None:
        super().start_entry(match, at)
        self.pending = None  # its heading is a category after all

    def set_for_messages(self) -> MessageSet | None:
        """The set a message table or bullet belongs to: the current one, or the heading just
        read when no code came after it (a table under `## Filter failures`)."""
        if self.entry is not None:
            return None
        if self.set is None and self.pending is not None:
            text, at = self.pending
            self.set = MessageSet(key=text, at=at, index=len(self.source.entries))
            self.source.sets.append(self.set)
            self.heading, self.pending = self.before_pending, None
        return self.set

    def bullet_line(self, text: str, at: Position, bullet_indent: int) -> None:
        target = self.set_for_messages()
        if target is None:
            self.message(text, at, bullet_indent)
            return
        self.flush()
        message = Message(text, at)
        target.messages.append(message)
        self.bullet = (message, bullet_indent)

    def table(self, rows: list[tuple[list[str], Position]]) -> None:
        self.flush()
        header, header_at = rows[0]
        fields = [KNOWN.get(column_key(cell), f"ext:{column_key(cell)}") for cell in header]
        if "code" in fields:
            fields = self.rows.columns([(cell, header_at) for cell in header])
            for cells, at in rows[1:]:
                values = [(f, _unquote(c) if f == "messages" else c, at) for f, c in zip(fields, cells, strict=False)]
                entry = self.rows.entry(at, values)
                if entry is not None:
                    entry.heading = entry.heading or self.heading
                    self.source.entries.append(entry)
            self.entry = None
            return
        if "messages" not in fields:
            self.note(header_at, "skipped", f"a table without a code or message column: {' | '.join(header)!r}")
            return
        target = self.set_for_messages()
        into = target.messages if target is not None else self.entry.messages if self.entry is not None else None
        if into is None:
            self.note(header_at, "skipped", "a message table outside any code or heading")
            return
        for cells, at in rows[1:]:
            row = dict(zip(fields, cells, strict=False))
            description = row.get("description") or None
            cell = row.get("messages", "")
            if cell.startswith('"') and not _QUOTED_LIST.fullmatch(cell) and not cell.endswith('"'):
                self.note(at, "kept", f"a message cell opens a quote it does not close: kept as written, {cell!r}")
            for text in _messages(cell):
                into.append(Message(text, at, description))
        self.bullet = None


def _heading_text(text: str) -> str:
    """A heading's text without its closing #s (`## Title ##`), which need a blank before them."""
    text = text.strip()
    bare = text.rstrip("#")
    return bare.rstrip() if bare != text and (not bare or bare[-1] in " \t") else text


def _delimiter_row(line: str) -> bool:
    """`---|:---:` under a table's header."""
    return "-" in line and all(_DELIMITER_CELL.fullmatch(cell) for cell in _cells(line))


def _cells(line: str) -> list[str]:
    """A table row's cells: split at each `|` not escaped, outer pipes dropped, `\\|` made `|`."""
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    cells: list[str] = []
    current: list[str] = []
    escaped = False
    for char in text:
        if char == "|" and not escaped:
            cells.append("".join(current).strip())
            current = []
        elif char == "|" and escaped:
            current[-1] = "|"
        else:
            current.append(char)
        escaped = char == "\\" and not escaped
    cells.append("".join(current).strip())
    return cells


def _unquote(cell: str) -> str:
    if len(cell) >= 2 and cell.startswith('"') and cell.endswith('"') and _QUOTED.fullmatch(cell):
        return cell[1:-1]
    return cell


def _messages(cell: str) -> list[str]:
    """A message cell's messages: `"a" / "b"` is two; one quoted text loses its quotes."""
    if _QUOTED_LIST.fullmatch(cell):
        return [m.group("text") for m in _QUOTED.finditer(cell)]
    if len(cell) >= 2 and cell.startswith('"') and cell.endswith('"'):
        return [cell[1:-1]]
    return [cell] if cell else []


def read(data: bytes) -> Source:
    page = _Markdown()
    lines = [strip_end(line) for line in decode(data)]
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        at = Position(number, indent(line) + 1)
        fence = _FENCE.match(line)
        if fence:
            mark = fence.group("fence")
            end = next((i for i in range(number, len(lines)) if lines[i].strip().startswith(mark)), len(lines))
            block = lines[number:end]
            if not (not page.started and page.example(block, at)):
                page.note(at, "skipped", f"a code block of {len(block)} line(s)")
            page.flush()
            number = end + 1
            continue
        if not line:
            page.blank()
            continue
        heading = _HEADING.match(line)
        if heading:
            page.heading_line(len(heading.group("level")), _heading_text(line[heading.end() :]), at)
            continue
        if _BREAK.fullmatch(line) or _HTML.fullmatch(line):
            page.flush()
            page.note(at, "skipped", f"markup: {line.strip()!r}")
            continue
        bullet = _BULLET.fullmatch(line)
        if bullet:
            page.bullet_line(bullet.group("text"), Position(number, bullet.start("text") + 1), indent(line))
            continue
        if number < len(lines) and "|" in line and _delimiter_row(lines[number]):
            rows = [(_cells(line), at)]
            number += 1
            while number < len(lines) and "|" in lines[number] and lines[number].strip():
                rows.append((_cells(lines[number]), Position(number + 1, indent(lines[number]) + 1)))
                number += 1
            page.table(rows)
            continue
        if page.continuation(line, at):
            continue
        page.text(line, at)
    if page.rows.problems:
        return page.rows.finish()
    return page.finish()
