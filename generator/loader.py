"""Strict YAML loading: plain data plus the file position of every value.

Two front ends feed one iterative composer of our own (never a recursive one: deep nesting must
not exhaust a stack), so that:

* only mappings with string keys, sequences and scalars exist: no anchors,
  aliases, explicit tags, merge keys or duplicate keys;
* plain scalars follow the YAML 1.2 core schema, and the ones YAML 1.1 reads
  differently (yes/on/0123/1:20/1_000/0x1F ...) are rejected rather than
  silently turned into booleans or numbers;
* the input is bounded in size and depth, and must be UTF-8 without a BOM;
* characters that cannot be seen (controls, default-ignorable characters such as bidi
  overrides and zero-width joiners, noncharacters) are rejected, named by code point.

`load_yaml` is the located path: PyYAML's pure-Python scanner and parser, every value's position
recorded, every error explained. `load_yaml_fast` reads libyaml's events (about 20 times faster
to scan) and records no positions: it proves a valid spec valid, and the caller takes the located
path for anything it rejects, so what a user is told never depends on which path ran.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import yaml
from yaml.error import MarkedYAMLError
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from .characters import ASCII_FORBIDDEN, FORBIDDEN, shown
from .diagnostics import Diagnostic, Position, SpecError
from .limits import MAX_BYTES

try:
    from yaml._yaml import CParser as _CParser

    CParser: type[_CParser] | None = _CParser
except ImportError:  # PyYAML built without libyaml: every load takes the located path
    CParser = None

MAX_DEPTH = 32
MAX_DIGITS = 30

Key = str | int
Pointer = tuple[Key, ...]
Value = None | bool | int | float | str | list["Value"] | dict[str, "Value"]

# Characters rejected anywhere in the file (generator.characters), and in the raw file also the
# line breaks that YAML counts but editors and grep do not (they would shift every position
# reported after them), and a CR that ends a line alone. Each has its ASCII part beside it, for
# the texts that are all ASCII (_search).
_INVISIBLE = (re.compile(f"[{FORBIDDEN}\r]"), re.compile(f"[{ASCII_FORBIDDEN}\r]"))
_RAW_FORBIDDEN = (re.compile(f"[{FORBIDDEN}\u2028\u2029]|\r(?!\n)"), re.compile(f"[{ASCII_FORBIDDEN}]|\r(?!\n)"))

# YAML 1.2 core schema, restricted to what is unambiguous in YAML 1.1 too.
_NULL = re.compile(r"~|null|Null|NULL")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_YAML11_BOOLEANS = {"y", "n", "yes", "no", "on", "off"}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
# Plain scalars that YAML 1.1 and 1.2 read differently, or that look like a
# number or boolean to a reader but would not be one: the author must quote them.
# Each alternative reads its text one way only (no two quantifiers compete for a
# character), so a fullmatch is linear in the scalar's length.
_AMBIGUOUS = re.compile(
    r"""(?x)
    y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF   # YAML 1.1 booleans
    | [-+]?0[0-9_]+                                     # YAML 1.1 octal, 1.2 decimal
    | [-+]?0[xob][0-9a-fA-F_]+                          # hex/octal/binary
    | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?      # YAML 1.1 sexagesimal
    | [-+]?[0-9]+_[0-9_]*(\.[0-9_]*)?                   # YAML 1.1 digit groups
    | [-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)              # special floats
    | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?          # YAML 1.1 timestamps
    | <<                                                # merge key
    | =                                                 # YAML 1.1 value key
    """
)


@dataclass
class Document:
    """Loaded data with the position of every value and of every mapping key."""

    value: Value
    positions: dict[Pointer, Position] = field(default_factory=dict)
    key_positions: dict[Pointer, Position] = field(default_factory=dict)
    # Pointers of values written as plain (unquoted) scalars, for better hints.
    plain: set[Pointer] = field(default_factory=set)

    def position(self, pointer: Pointer) -> Position:
        """Position of the value at pointer, or of its closest existing parent."""
        while pointer not in self.positions:
            pointer = pointer[:-1]
        return self.positions[pointer]


class _Mark(Protocol):
    line: int
    column: int


def _position(mark: _Mark | None) -> Position:
    if mark is None:
        return Position(1, 1)
    return Position(mark.line + 1, mark.column + 1)


def _position_of_index(text: str, index: int) -> Position:
    line = text.count("\n", 0, index) + 1
    return Position(line, index - (text.rfind("\n", 0, index) + 1) + 1)


def _decode(data: bytes, limit: int) -> str:
    if len(data) > limit:
        raise SpecError([Diagnostic(Position(1, 1), f"file is {len(data)} bytes; the limit is {limit} bytes")])
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        raise SpecError(
            [Diagnostic(Position(1, 1), "file starts with a byte order mark; save it as UTF-8 without BOM")]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode("utf-8")
        raise SpecError(
            [
                Diagnostic(
                    _position_of_index(prefix, len(prefix)),
                    f"invalid UTF-8 byte 0x{data[exc.start]:02x}; the file must be UTF-8",
                )
            ]
        ) from None
    _reject_invisible(text, _RAW_FORBIDDEN, lambda index: _position_of_index(text, index))
    return text


_Patterns = tuple[re.Pattern[str], re.Pattern[str]]


def _search(text: str, patterns: _Patterns) -> re.Match[str] | None:
    """The first match in text of a pattern, or of its ASCII part when text is all ASCII."""
    return patterns[1 if text.isascii() else 0].search(text)


def _reject_invisible(text: str, forbidden: _Patterns, where: Callable[[int], Position]) -> None:
    bad = _search(text, forbidden)
    if bad:
        char = ord(bad.group()[0])
        what = "line break" if char in (0x0D, 0x2028, 0x2029) else "invisible or control character"
        hint = "; write it as an escape in a double-quoted string" if char in (0x2028, 0x2029) else ""
        if char == 0x0D:
            hint = "; use LF or CRLF line endings"
        raise SpecError([Diagnostic(where(bad.start()), f"{what} {shown(bad.group()[0])} is not allowed here{hint}")])


def _scalar(event: ScalarEvent) -> Value:
    text = str(event.value)
    # Escapes in quoted scalars ("\\u202e") can produce what the raw text may not hold.
    _reject_invisible(text, _INVISIBLE, lambda _index: _position(event.start_mark))
    if event.style:  # quoted or block scalar: always a string (plain is None, or '' from libyaml)
        return text
    if text == "" or _NULL.fullmatch(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _AMBIGUOUS.fullmatch(text):
        kind = "a boolean" if text.lower() in _YAML11_BOOLEANS else "a number or date"
        advice = "true/false for a boolean" if kind == "a boolean" else "a plain decimal number"
        raise SpecError(
            [
                Diagnostic(
                    _position(event.start_mark),
                    f"plain value {text!r} is {kind} in YAML 1.1 but not in YAML 1.2: "
                    f"write {advice}, or quote it for text",
                )
            ]
        )
    if _INT.fullmatch(text):
        if len(text) > MAX_DIGITS:
            raise SpecError([Diagnostic(_position(event.start_mark), f"integer {text[:12]}... is too large")])
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


class _Parser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """PyYAML's pure-Python front end, without composer or constructor."""

    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


class _Frame:
    """An open mapping or sequence while composing."""

    __slots__ = ("container", "pending_key", "pointer")

    def __init__(self, pointer: Pointer, container: list[Value] | dict[str, Value]) -> None:
        self.pointer = pointer
        self.container = container
        self.pending_key: str | None = None


class _Events(Protocol):
    def get_event(self) -> object: ...


def _compose(parser: _Events, doc: Document) -> Value:
    """The document's data from its events, and the position of every value and key in doc."""
    stack: list[_Frame] = []
    root: Value = None
    documents = 0
    no_pointer: Pointer = ()

    def child_pointer(frame: _Frame) -> Pointer:
        if isinstance(frame.container, list):
            return (*frame.pointer, len(frame.container))
        assert frame.pending_key is not None
        return (*frame.pointer, frame.pending_key)

    def attach(value: Value, start: Position, pointer: Pointer) -> None:
        nonlocal root
        doc.positions[pointer] = start
        if not stack:
            root = value
            return
        frame = stack[-1]
        if isinstance(frame.container, list):
            frame.container.append(value)
        else:
            assert frame.pending_key is not None
            frame.container[frame.pending_key] = value
            frame.pending_key = None

    while True:
        event = parser.get_event()
        if isinstance(event, (StreamStartEvent, DocumentEndEvent)):
            continue
        if isinstance(event, StreamEndEvent):
            break
        assert isinstance(event, Event)
        if isinstance(event, DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise SpecError([Diagnostic(_position(event.start_mark), "only one YAML document is allowed")])
            if event.version is not None or event.tags:
                directive = "YAML directives (%YAML, %TAG) are not allowed"
                raise SpecError([Diagnostic(_position(event.start_mark), directive)])
            continue
        if isinstance(event, (MappingEndEvent, SequenceEndEvent)):
            stack.pop()
            continue
        start = _position(event.start_mark)
        if isinstance(event, AliasEvent):
            raise SpecError(
                [
                    Diagnostic(
                        _position(event.start_mark), f"aliases (*{event.anchor}) are not allowed; write the value out"
                    )
                ]
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise SpecError(
                [Diagnostic(_position(event.start_mark), f"anchors (&{anchor}) are not allowed; write the value out")]
            )
        tag = getattr(event, "tag", None)
        if tag is not None and not (isinstance(event, ScalarEvent) and tag == "!" and event.style):
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise SpecError([Diagnostic(_position(event.start_mark), f"explicit tags ({shown}) are not allowed")])

        frame = stack[-1] if stack else None
        if frame is not None and isinstance(frame.container, dict) and frame.pending_key is None:
            # This event is a mapping key.
            if not isinstance(event, ScalarEvent):
                where = _position(event.start_mark)
                raise SpecError([Diagnostic(where, "mapping keys must be plain strings, not collections")])
            key = _scalar(event)
            if not isinstance(key, str):
                where = _position(event.start_mark)
                raise SpecError([Diagnostic(where, f"mapping keys must be strings; quote {event.value!r}")])
            if key in frame.container:
                first = doc.key_positions.get((*frame.pointer, key), Position(1, 1))
                raise SpecError(
                    [
                        Diagnostic(
                            _position(event.start_mark),
                            f"duplicate key {key!r} (first defined at {first.line}:{first.column})",
                        )
                    ]
                )
            frame.pending_key = key
            doc.key_positions[(*frame.pointer, key)] = start
            continue

        pointer = child_pointer(frame) if frame is not None else no_pointer
        if len(stack) >= MAX_DEPTH:
            raise SpecError([Diagnostic(_position(event.start_mark), f"nesting is deeper than {MAX_DEPTH} levels")])
        if isinstance(event, ScalarEvent):
            if not event.style:
                doc.plain.add(pointer)
            attach(_scalar(event), start, pointer)
        elif isinstance(event, MappingStartEvent):
            mapping: dict[str, Value] = {}
            attach(mapping, start, pointer)
            stack.append(_Frame(pointer, mapping))
        elif isinstance(event, SequenceStartEvent):
            sequence: list[Value] = []
            attach(sequence, start, pointer)
            stack.append(_Frame(pointer, sequence))
    return root


def load_yaml(data: bytes, limit: int = MAX_BYTES) -> Document:
    """Load one YAML document strictly; raise SpecError with a position on any problem."""
    text = _decode(data, limit)
    doc = Document(value=None)
    try:
        doc.value = _compose(_Parser(text), doc)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if "'\\t'" in problem:
            problem = "tab characters cannot indent YAML; use spaces"
        elif "'%'" in problem or "'@'" in problem or "'`'" in problem:
            problem += "; quote the value"
        raise SpecError([Diagnostic(_position(mark), f"YAML syntax error: {problem}")]) from None
    except yaml.reader.ReaderError as exc:  # no mark, but the index of the character in the text
        char = exc.character if isinstance(exc.character, int) else 0
        position = _position_of_index(text, exc.position)
        raise SpecError([Diagnostic(position, f"character U+{char:04X} is not allowed in YAML")]) from None
    except yaml.YAMLError as exc:
        raise SpecError([Diagnostic(Position(1, 1), f"YAML error: {exc}")]) from None
    if doc.value is None:
        raise SpecError([Diagnostic(Position(1, 1), "the spec is empty")])
    return doc


class _Declined(Exception):
    """The fast path's answer to anything out of the ordinary: the located path says what."""


# The first characters of every plain scalar that is not simply a string: null, booleans, numbers
# and everything _AMBIGUOUS holds (each of its alternatives starts with one of these).
_NOT_ONLY_TEXT = frozenset("~nNtTfFyYoO+-.0123456789<=")


def _plain_unlocated(text: str) -> Value:
    """A plain scalar's value as _scalar reads it, most of them without a regex."""
    if text and text[0] not in _NOT_ONLY_TEXT:
        return text
    if "\r" in text:
        raise _Declined
    if text == "" or _NULL.fullmatch(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _AMBIGUOUS.fullmatch(text):
        raise _Declined
    if _INT.fullmatch(text):
        if len(text) > MAX_DIGITS:
            raise _Declined
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def _compose_unlocated(parser: _Events) -> Value:
    """The data _compose returns for a document it accepts, without positions and at a fraction
    of the cost per event; _Declined for anything _compose would reject or that needs a closer
    look (anchors, tags, a second document, a YAML 1.1 reading)."""
    containers: list[list[Value] | dict[str, Value]] = []
    keys: list[str | None] = []  # per open container: a mapping's pending key, None when none
    root: Value = None
    documents = 0
    while True:
        event = parser.get_event()
        kind = type(event)
        if kind is ScalarEvent:
            assert isinstance(event, ScalarEvent)
            if event.anchor is not None or event.tag is not None:
                raise _Declined
            text = event.value
            if event.style:  # quoted or block: a string; only escapes can make what the raw text may not hold
                if (event.style == '"' and _search(text, _INVISIBLE)) or "\r" in text:
                    raise _Declined
                value: Value = text
            else:
                value = _plain_unlocated(text)
            if not containers:
                root = value
                continue
            top = containers[-1]
            if type(top) is list:
                top.append(value)
                continue
            assert isinstance(top, dict)
            key = keys[-1]
            if key is None:  # this scalar is a key
                if type(value) is not str or value in top:
                    raise _Declined
                keys[-1] = value
            else:
                top[key] = value
                keys[-1] = None
            continue
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            containers.pop()
            keys.pop()
            continue
        if kind is MappingStartEvent or kind is SequenceStartEvent:
            assert isinstance(event, (MappingStartEvent, SequenceStartEvent))
            if event.anchor is not None or event.tag is not None or len(containers) >= MAX_DEPTH:
                raise _Declined
            made: list[Value] | dict[str, Value] = {} if kind is MappingStartEvent else []
            if not containers:
                root = made
            else:
                top = containers[-1]
                if type(top) is list:
                    top.append(made)
                else:
                    assert isinstance(top, dict)
                    key = keys[-1]
                    if key is None:  # a collection as a key
                        raise _Declined
                    top[key] = made
                    keys[-1] = None
            containers.append(made)
            keys.append(None)
            continue
        if kind is DocumentStartEvent:
            assert isinstance(event, DocumentStartEvent)
            documents += 1
            if documents > 1 or event.version is not None or event.tags:
                raise _Declined
            continue
        if kind is StreamEndEvent:
            return root
        if kind is not StreamStartEvent and kind is not DocumentEndEvent:
            raise _Declined  # an alias, or an event this composer does not know


def load_yaml_fast(data: bytes, limit: int = MAX_BYTES) -> Value | None:
    """The data of a spec that `load_yaml` would load, without positions; None when libyaml is
    missing or anything is wrong (the caller then takes the located path, which says what).

    libyaml's parser keeps its stacks on the heap and yields events one at a time, so deep
    nesting stops at MAX_DEPTH here as on the located path; its C composer (recursive) is not used.
    """
    if CParser is None or b"\t" in data:  # libyaml and PyYAML read tabs differently ("a\t")
        return None
    try:
        text = _decode(data, limit)
        value = _compose_unlocated(CParser(text))
    except (SpecError, yaml.YAMLError, _Declined):
        return None
    return value
