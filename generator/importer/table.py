"""The neutral table: one entry per row (CSV) or per item (JSON, YAML), in upstream order.

Columns (keys) are matched by name, case and punctuation aside (`Error Code` is `error_code`):

* code (also error_code, sqlstate): the code, required;
* name (also error_name), identifier, category (also section), description, kind
  (error, warning, success, or E/W/S), http_status (also http_status_code), retryable,
  deprecated, retired, aliases (also alias);
* messages (also message, msg, error_message): in JSON and YAML a text or a list of texts,
  `{text, description, placeholders}` mappings and `{include: SET}`; in a CSV cell one message
  per line (a quoted cell may hold line breaks), and a row that repeats a code with the same name
  or none adds its messages to that code (one message per row);
* every other column is an extension field, typed by its values (see plan.py).

A JSON or YAML file is a list of entries, or a mapping with `errors` (the list) and optionally
`catalog` (name, title, version, source, description, payload, example) and `message_sets`
(name -> list of messages, as above).
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from ..diagnostics import Diagnostic, Position, SpecError
from ..loader import Document, Pointer, load_yaml
from .source import Entry, Heading, ImportFailed, Message, MessageSet, Note, Scalar, Source, fail

KNOWN = {
    "code": "code",
    "error_code": "code",
    "sqlstate": "code",
    "name": "name",
    "error_name": "name",
    "identifier": "identifier",
    "category": "category",
    "section": "category",
    "message": "messages",
    "messages": "messages",
    "msg": "messages",
    "error_message": "messages",
    "description": "description",
    "kind": "kind",
    "http_status": "http_status",
    "http_status_code": "http_status",
    "retryable": "retryable",
    "deprecated": "deprecated",
    "retired": "retired",
    "aliases": "aliases",
    "alias": "aliases",
}
CATALOG_KEYS = ("name", "title", "version", "source", "description", "payload", "example")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
# A surrogate pair as JSON escapes it, after an even run of backslashes (so it is an escape).
_PAIR = re.compile(r"(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})")


def column_key(header: str) -> str:
    """A column's name as matched and as an extension field is named: `HTTP Status` -> http_status."""
    return _NOT_WORD.sub("_", header.strip().lower()).strip("_")


class Rows:
    """Builds entries from named cells, collecting every problem before failing."""

    def __init__(self, source: Source, lines: bool = False) -> None:
        self.source = source
        self.problems: list[Diagnostic] = []
        self.lines = lines  # a text cell holds one message (or alias) per line: CSV

    def problem(self, at: Position, message: str) -> None:
        self.problems.append(Diagnostic(at, message, "import"))

    def finish(self) -> Source:
        if self.problems:
            raise ImportFailed(self.problems)
        return self.source

    def columns(self, headers: list[tuple[str, Position]]) -> list[str]:
        """Each header's field: a known one or `ext:<key>`; problems for duplicates."""
        fields: list[str] = []
        seen: dict[str, Position] = {}
        for header, at in headers:
            key = column_key(header)
            field = KNOWN.get(key, f"ext:{key}")
            if not key:
                self.problem(at, f"column {header!r} has no name errgen can use; name it")
            elif field in seen:
                first = seen[field]
                self.problem(at, f"column {header!r} is the same field as the column at {first.line}:{first.column}")
            else:
                seen[field] = at
                if field.startswith("ext:") and key != header:
                    self.source.notes.append(Note(at, "extension", f"column {header!r} is the extension field {key}"))
            fields.append(field)
        if "code" not in seen and not self.problems:
            self.problem(headers[0][1] if headers else Position(1, 1), "no code column (code, error_code or sqlstate)")
        return fields

    def entry(self, at: Position, cells: list[tuple[str, Any, Position]]) -> Entry | None:
        """One entry from (field, value, where) cells; None (and problems) when it has none."""
        entry: Entry | None = None
        for field, value, where in cells:
            if field == "code":
                if isinstance(value, bool) or not isinstance(value, int | str) or value == "":
                    self.problem(where, f"a code is an integer or a text, got {json.dumps(value)}")
                    return None
                entry = Entry(code=value, at=at)
        if entry is None:
            self.problem(at, "this entry has no code")
            return None
        for field, value, where in cells:
            if value is None or value == "" or field == "code":
                continue
            self.cell(entry, field, value, where)
        return entry

    def cell(self, entry: Entry, field: str, value: Any, where: Position) -> None:
        if field.startswith("ext:"):
            if isinstance(value, list | dict):
                self.problem(where, f"extension field {field[4:]} must hold one value, not a list or a mapping")
            else:
                entry.extensions[field[4:]] = (value, where)
        elif field == "messages":
            entry.messages += self.messages(value, where)
        elif field == "aliases":
            items = [(line, where) for line in self.split(value)] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(i, tuple) and isinstance(i[0], str) for i in items):
                self.problem(where, "aliases are a list of names (in CSV, one per line)")
            else:
                entry.aliases += [(text, at) for text, at in items if text.strip()]
        elif field in ("name", "identifier", "category", "description", "kind"):
            if not isinstance(value, str):
                self.problem(where, f"{field} must be a text, got {json.dumps(value)}")
            elif field == "category":
                entry.heading = Heading(value.strip(), where)
            elif field == "name":
                entry.name = value
            elif field == "description":
                entry.description = value
            else:
                setattr(entry, field, value.strip())
        else:  # http_status, retryable, deprecated, retired
            typed = _typed(field, value)
            if typed is None:
                expected = {"http_status": "an HTTP status (100..599)", "retryable": "true or false"}
                self.problem(where, f"{field} must be {expected.get(field, 'true, false or a reason')}")
            else:
                entry.fields[field] = typed

    def messages(self, value: Any, where: Position) -> list[Message]:
        if isinstance(value, str):  # one message, or (a CSV cell) one per line
            return [Message(line, where) for line in self.split(value) if line.strip()]
        if not isinstance(value, list):
            self.problem(where, "messages are a text or a list")
            return []
        found: list[Message] = []
        for item, item_at in value:
            if isinstance(item, str):
                found.append(Message(item, item_at))
            elif isinstance(item, dict) and set(item) == {"include"} and isinstance(item["include"], str):
                found.append(Message(item["include"], item_at, include=True))
            elif isinstance(item, dict) and isinstance(item.get("text"), str) and set(item) <= _MESSAGE_KEYS:
                description, style = item.get("description"), item.get("placeholders")
                if description is not None and not isinstance(description, str):
                    self.problem(item_at, "a message's description is a text")
                elif style is not None and style not in ("printf", "braces", "none"):
                    self.problem(item_at, "a message's placeholders are printf, braces or none")
                else:
                    found.append(Message(item["text"], item_at, description, style=style))
            else:
                self.problem(item_at, "a message is a text, {text, description, placeholders} or {include: SET}")
        return found

    def split(self, text: str) -> list[str]:
        return text.split("\n") if self.lines else [text]


_MESSAGE_KEYS = {"text", "description", "placeholders"}


def _typed(field: str, value: Any) -> Scalar | None:
    if isinstance(value, str):
        text = value.strip()
        if text in ("true", "false"):
            value = text == "true"
        elif field == "http_status" and text.isdigit() and text.isascii():
            value = int(text)
        elif field in ("deprecated", "retired"):
            return text
    if field == "http_status":
        return value if isinstance(value, int) and not isinstance(value, bool) and 100 <= value <= 599 else None
    if field == "retryable":
        return value if isinstance(value, bool) else None
    return value if isinstance(value, bool | str) else None


def read_csv(data: bytes) -> Source:
    source = Source("csv")
    text = _text(data)
    if text.startswith("\ufeff"):
        text = text[1:]
        source.notes.append(Note(Position(1, 1), "skipped", "the byte order mark at the start"))
    delimiter = "\t" if "\t" in text.split("\n", 1)[0] and "," not in text.split("\n", 1)[0] else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = Rows(source, lines=True)
    fields: list[str] | None = None
    line = 1
    try:
        for cells in reader:
            at = Position(line, 1)
            line = reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if fields is None:
                fields = rows.columns([(c, Position(at.line, 1)) for c in cells])
                if rows.problems:
                    break
                continue
            if len(cells) > len(fields):
                rows.problem(at, f"{len(cells)} cells, but the header names {len(fields)} columns")
                continue
            found = rows.entry(at, [(f, c.replace("\r\n", "\n"), at) for f, c in zip(fields, cells, strict=False)])
            if found is not None:
                source.entries.append(found)
    except csv.Error as exc:
        raise fail(Position(reader.line_num or 1, 1), f"CSV syntax error: {exc}") from None
    if fields is None:
        rows.problem(Position(1, 1), "the file has no header row")
    elif not source.entries and not rows.problems:
        rows.problem(Position(1, 1), "the file has no entries")
    return rows.finish()


def read_document(data: bytes, fmt: str) -> Source:
    """A JSON or YAML table; JSON is checked as JSON first (its own errors, its own rules)."""
    if fmt == "json":
        text = _text(data)
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            raise fail(Position(exc.lineno, exc.colno), f"JSON syntax error: {exc.msg}") from None
        # Outside strings JSON's tabs are whitespace; YAML refuses them, and a space keeps each column.
        # JSON spells a character beyond U+FFFF as two \u escapes, which YAML reads one by one (two
        # lone surrogates): they become one \U escape (columns after it on that line move by two).
        text = _PAIR.sub(_one_escape, text.replace("\t", " "))
        data = text.encode("utf-8")
    try:
        doc = load_yaml(data)
    except SpecError as exc:
        raise ImportFailed(exc.diagnostics) from None
    source = Source(fmt)
    rows = Rows(source)
    top = doc.value
    items: Any = top
    if isinstance(top, dict):
        for key in top:
            if key not in ("errors", "catalog", "message_sets"):
                rows.problem(doc.key_positions[(key,)], f"unknown key {key!r}; expected errors, catalog, message_sets")
        items = top.get("errors")
        _catalog(rows, doc, top.get("catalog"))
        _sets(rows, doc, top.get("message_sets"))
    if not isinstance(items, list) or not items:
        rows.problem(doc.position(("errors",) if isinstance(top, dict) else ()), "expected a list of entries")
        return rows.finish()
    for index, item in enumerate(items):
        pointer: Pointer = (*(("errors",) if isinstance(top, dict) else ()), index)
        at = doc.position(pointer)
        if not isinstance(item, dict):
            rows.problem(at, "an entry is a mapping (code, name, messages, ...)")
            continue
        names = rows.columns([(key, doc.key_positions[(*pointer, key)]) for key in item])
        cells = [
            (field, _positioned(doc, (*pointer, key), value), doc.position((*pointer, key)))
            for field, (key, value) in zip(names, item.items(), strict=True)
        ]
        found = rows.entry(at, cells)
        if found is not None:
            source.entries.append(found)
    return rows.finish()


def _positioned(doc: Document, pointer: Pointer, value: Any) -> Any:
    """A list's items paired with their positions (messages and aliases are lists)."""
    if isinstance(value, list):
        return [(item, doc.position((*pointer, i))) for i, item in enumerate(value)]
    return value


def _catalog(rows: Rows, doc: Document, meta: Any) -> None:
    if meta is None:
        return
    if not isinstance(meta, dict):
        rows.problem(doc.position(("catalog",)), "catalog is a mapping")
        return
    for key, value in meta.items():
        if key not in CATALOG_KEYS:
            rows.problem(
                doc.key_positions[("catalog", key)], f"unknown catalog key {key!r}; expected {', '.join(CATALOG_KEYS)}"
            )
        rows.source.catalog[key] = value


def _sets(rows: Rows, doc: Document, sets: Any) -> None:
    if sets is None:
        return
    if not isinstance(sets, dict):
        rows.problem(doc.position(("message_sets",)), "message_sets maps a name to a list of messages")
        return
    for name, value in sets.items():
        at = doc.position(("message_sets", name))
        messages = rows.messages(_positioned(doc, ("message_sets", name), value), at)
        rows.source.sets.append(MessageSet(key=name, at=at, messages=messages, name=name))


def _one_escape(match: re.Match[str]) -> str:
    high, low = int(match.group(2), 16), int(match.group(3), 16)
    return f"{match.group(1)}\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08X}"


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode("utf-8")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        raise fail(
            Position(line, column), f"invalid UTF-8 byte 0x{data[exc.start]:02x}; the file must be UTF-8"
        ) from None
