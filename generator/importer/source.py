"""What a reader makes of an upstream catalog: its entries as the upstream writes them, each
with the place it came from, before any decision is taken (see plan.py for those)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Position

Scalar = str | int | float | bool


@dataclass
class Message:
    """One message variant, verbatim, or (include set) every message of a named set."""

    text: str
    at: Position
    description: str | None = None
    include: bool = False  # text names a message set (MessageSet.key)
    style: str | None = None  # placeholders the input gives this message (a table's mapping)


@dataclass
class Heading:
    """A heading, or a category column's value: `10xx - General Server or Network issues`."""

    text: str
    at: Position


@dataclass
class Entry:
    code: str | int  # as written: text from pages and CSV, an integer or text from JSON and YAML
    at: Position
    name: str | None = None
    heading: Heading | None = None
    messages: list[Message] = field(default_factory=list)
    description: str | None = None
    kind: str | None = None
    identifier: str | None = None
    aliases: list[tuple[str, Position]] = field(default_factory=list)
    fields: dict[str, Scalar] = field(default_factory=dict)  # retryable, http_status, deprecated, retired
    extensions: dict[str, tuple[Scalar, Position]] = field(default_factory=dict)
    mentioned: bool = False  # only named in a message set's heading, not listed on its own


@dataclass
class MessageSet:
    """Messages several codes share: a table under a heading that names the codes (Binance's
    "Messages for -1010 ERROR_MSG_RECEIVED, -2010 NEW_ORDER_REJECTED, ...")."""

    key: str  # how entries include it (the heading text, or the set's name in a table file)
    at: Position
    messages: list[Message] = field(default_factory=list)
    codes: list[tuple[str, str | None, Position]] = field(default_factory=list)  # code, name, where
    note: str | None = None  # prose under the heading: kept as a comment
    name: str | None = None  # given by a table file
    index: int = 0  # where a code it names that no entry lists is put among the entries


@dataclass
class Note:
    """One decision the importer took, or something it left out, where the input shows it."""

    at: Position | None
    topic: str  # identifier, range, alias, style, category, set, payload, catalog, kept, skipped, ...
    text: str

    def format(self, path: str) -> str:
        where = f"{path}:{self.at.line}:{self.at.column}" if self.at else path
        return f"{where}: {self.topic}: {self.text}"


@dataclass
class Source:
    """Everything one reader found."""

    format: str  # json, yaml, csv, text, markdown
    entries: list[Entry] = field(default_factory=list)
    sets: list[MessageSet] = field(default_factory=list)
    title: str | None = None
    description: str | None = None
    payload: tuple[str, str] | None = None  # code field, message field
    example: tuple[str | int, str] | None = None
    catalog: dict[str, object] = field(default_factory=dict)  # metadata a table file gives
    notes: list[Note] = field(default_factory=list)


class ImportFailed(Exception):
    """The input cannot be imported; carries every problem found, in input order."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = sorted(set(diagnostics))
        super().__init__(f"{len(self.diagnostics)} problem(s) in the input")

    def format(self, path: str) -> list[str]:
        return [d.format(path) for d in self.diagnostics]


def fail(at: Position, message: str) -> ImportFailed:
    return ImportFailed([Diagnostic(at, message, "import")])
