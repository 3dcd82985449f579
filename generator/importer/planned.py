"""What plan.py decides, as the spec writer reads it, and what its parts share."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Position
from ..model import Style
from ..naming import Name
from .source import Note, Scalar

Code = int | str
MAX_NAME = 64


@dataclass
class PlannedMessage:
    text: str
    style: Style | None = None  # only when it is not the catalog's
    description: str | None = None
    include: str | None = None  # the name of a message set
    at: Position | None = None


@dataclass
class PlannedCategory:
    name: str
    title: str
    label: str | None
    at: Position
    ranges: list[tuple[int, int]] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)  # as written, for the comment
    class_given: str | None = None


@dataclass
class PlannedAlias:
    name: str
    identifier: str | None = None  # only when the one its name makes is taken


@dataclass
class PlannedEntry:
    code: Code
    at: Position
    name: str | None
    identifier: str | None = None
    aliases: list[PlannedAlias] = field(default_factory=list)
    kind: str | None = None  # warning or success; None for an error
    category: str | None = None
    messages: list[PlannedMessage] = field(default_factory=list)
    description: str | None = None
    fields: dict[str, Scalar] = field(default_factory=dict)
    extensions: dict[str, Scalar] = field(default_factory=dict)
    class_given: str | None = None


@dataclass
class PlannedSet:
    name: str
    at: Position
    messages: list[PlannedMessage]
    note: str | None
    heading: str | None


class Recorder:
    """Decisions (notes) and problems, collected as the planner goes."""

    def __init__(self, notes: list[Note]) -> None:
        self.notes = notes
        self.problems: list[Diagnostic] = []

    def note(self, at: Position | None, topic: str, text: str) -> None:
        self.notes.append(Note(at, topic, text))

    def problem(self, at: Position, message: str) -> None:
        self.problems.append(Diagnostic(at, message, "import"))


def compare_key(name: str) -> str:
    """What two names must not share: the validator compares names case- and underscore-blind."""
    return Name(name).pascal.casefold()


def has_words(text: str) -> bool:
    return any(c.isascii() and c.isalnum() for c in text)


def valid_name(text: str) -> bool:
    try:
        Name(text)
    except ValueError:
        return False
    return len(text) <= MAX_NAME


def shorten(name: str, limit: int = MAX_NAME) -> str:
    """A name cut to `limit` characters at a word boundary (whole words kept)."""
    if len(name) <= limit:
        return name
    cut = name[:limit]
    return cut[: cut.rfind("_")] if "_" in cut[1:] else cut
