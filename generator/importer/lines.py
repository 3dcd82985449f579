"""What the text and Markdown readers share: code lines, bullets, prose and the example payload.

Every pattern here is anchored and reads a line one way only; a message line is only ever cut
at its bullet, never searched.
"""

from __future__ import annotations

import json
import re

from ..diagnostics import Position
from .source import Entry, Heading, Message, Note, Source, fail

# A code and the upstream name after it: `-1121 BAD_SYMBOL`, `2202E array_subscript_error`,
# `-2021 Order cancel-replace partially failed`, or a code alone.
CODE_LINE = re.compile(r"(?P<code>[+-]?[0-9]+|[0-9][0-9A-Z]{2,})(?![^ \t])(?:[ \t]+(?P<name>.*\S))?[ \t]*")
# A code named in a heading: "Messages for -1010 ERROR_MSG_RECEIVED, -2010 NEW_ORDER_REJECTED".
MENTION = re.compile(r"(?<![0-9A-Za-z])(?P<code>[+-]?[0-9]+)[ \t]+(?P<name>[A-Z][A-Z0-9_]*)\b")
MAX_INPUT = 16 * 1024 * 1024


def decode(data: bytes) -> list[str]:
    """The file's lines, without their line ends; UTF-8 (a byte order mark is dropped)."""
    if len(data) > MAX_INPUT:
        raise fail(Position(1, 1), f"file is {len(data)} bytes; the limit is {MAX_INPUT} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode("utf-8")
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        raise fail(
            Position(line, column), f"invalid UTF-8 byte 0x{data[exc.start]:02x}; the file must be UTF-8"
        ) from None
    return text.removeprefix("\ufeff").split("\n")


def strip_end(line: str) -> str:
    """A line without its CR and trailing blanks: trailing spaces are layout on a page, not text."""
    return line.rstrip(" \t\r")


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


class Page:
    """The state both page readers walk a file with."""

    def __init__(self, fmt: str) -> None:
        self.source = Source(fmt)
        self.heading: Heading | None = None
        self.entry: Entry | None = None
        self.bullet: tuple[Message, int] | None = None  # the last message and its bullet's indent
        self.prose: list[str] = []  # the paragraph being read
        self.prose_at: Position | None = None
        self.preamble: list[str] = []
        self.started = False  # a heading or code has been seen

    def note(self, at: Position | None, topic: str, text: str) -> None:
        self.source.notes.append(Note(at, topic, text))

    def start_entry(self, match: re.Match[str], at: Position) -> None:
        self.flush()
        self.started = True
        name = match.group("name")
        self.entry = Entry(code=match.group("code"), at=at, name=name, heading=self.heading)
        self.source.entries.append(self.entry)
        self.bullet = None

    def start_heading(self, text: str, at: Position) -> None:
        self.flush()
        self.started = True
        self.heading = Heading(text, at)
        self.entry = None
        self.bullet = None

    def message(self, text: str, at: Position, bullet_indent: int) -> None:
        self.flush()
        if self.entry is None:
            self.note(at, "skipped", f"a bullet outside any code: {text!r}")
            self.bullet = None
            return
        message = Message(text, at)
        self.entry.messages.append(message)
        self.bullet = (message, bullet_indent)

    def continuation(self, line: str, at: Position) -> bool:
        """Whether `line` continues the last bullet (indented past it): joined with one space."""
        if self.bullet is None or self.prose or indent(line) <= self.bullet[1]:
            return False
        message = self.bullet[0]
        message.text += " " + line.strip()
        self.note(at, "joined", f"a line indented under a bullet continues its message: {message.text!r}")
        return True

    def text(self, line: str, at: Position) -> None:
        """A line of prose: the description of the code or heading above, or the preamble."""
        if not self.prose:
            self.prose_at = at
        self.prose.append(line.strip())
        self.bullet = None

    def blank(self) -> None:
        self.flush()

    def flush(self) -> None:
        """The paragraph read so far goes to the code it follows, or to the preamble."""
        if not self.prose:
            return
        paragraph = "\n".join(self.prose)
        self.prose = []
        if self.entry is not None:
            self.entry.description = _join(self.entry.description, paragraph)
            self.note(self.prose_at, "description", f"the text under {self.entry.code} is its description")
        elif self.started:
            where = f"the heading {self.heading.text!r}" if self.heading else "a heading"
            self.note(self.prose_at, "skipped", f"text under {where} (kept nowhere): {paragraph[:60]!r}")
        else:
            self.preamble.append(paragraph)

    def example(self, block: list[str], at: Position) -> bool:
        """An example payload in the preamble ({"code": -1121, "msg": "Invalid symbol."}): its two
        fields name the payload's code and message fields."""
        try:
            value = json.loads("\n".join(block))
        except json.JSONDecodeError:
            return False
        if self.source.payload is not None or not isinstance(value, dict) or len(value) != 2:
            return False
        (code_field, code), (message_field, message) = value.items()
        if isinstance(code, bool) or not isinstance(code, int | str) or not isinstance(message, str):
            return False
        self.source.payload = (code_field, message_field)
        self.source.example = (code, message)
        self.note(
            at,
            "payload",
            f"the example payload names the fields: code {code_field!r}, message {message_field!r}",
        )
        return True

    def finish(self) -> Source:
        self.flush()
        if self.preamble:
            self.source.description = "\n\n".join(self.preamble)
        if not self.source.entries:
            raise fail(Position(1, 1), "no codes found: expected lines such as `-1121 BAD_SYMBOL`")
        return self.source


def _join(first: str | None, paragraph: str) -> str:
    return paragraph if first is None else f"{first}\n\n{paragraph}"
