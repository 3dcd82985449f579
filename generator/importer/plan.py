"""Every decision `errgen import` takes, each one recorded as a Note where the input shows it.

* Codes: integers when every code is one (`-1121`), else text (`"0100C"`, leading zeros kept).
* A code listed twice is one entry: a second name becomes an alias, messages are added in order
  (one that repeats is dropped), other fields must agree.
* Identifiers are the validator's (`naming.identifier`) and never written, unless two names
  make the same one: the later code then gets `identifier: NAME_<code>` (BAD_SYMBOL_MINUS_1121).
* Categories: one per heading title (or category cell); the name is the title's first words, as
  few as tell it from the others, the last one singular (`Filters and other issues` -> FILTER);
  ranges come from the label (headings.py), their sign from the codes under it.
* Placeholders: each message's style is the one it has placeholders of (printf `%s`, braces
  `{0}`); the catalog's is the style most such messages have (printf on a tie), and a message
  of the other style, or with a `%` printf cannot read, says its own.
* Extension fields are typed by their values: integer, number, boolean, else string.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from ..characters import FORBIDDEN, LINE_BREAKS, shown
from ..diagnostics import Position
from ..model import PlaceholderError, Style, Template
from ..naming import identifier
from .categories import CategoryRules
from .planned import (
    MAX_NAME,
    Code,
    PlannedAlias,
    PlannedCategory,
    PlannedEntry,
    PlannedMessage,
    PlannedSet,
    compare_key,
    has_words,
    shorten,
    valid_name,
)
from .source import Entry, ImportFailed, Message, Note, Scalar, Source

_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_CATALOG_NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
_EXTENSION_KEY = re.compile(r"[a-z][a-z0-9_]*")
_KINDS = {"error": "error", "warning": "warning", "success": "success", "e": "error", "w": "warning", "s": "success"}
_FORBIDDEN = re.compile(f"[{FORBIDDEN}]")
_LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")
SAFE_INTEGER = 2**53 - 1


@dataclass
class Plan:
    name: str
    title: str
    version: str
    source: str | None
    description: str | None
    code_type: Literal["integer", "string"]
    payload: tuple[str, str]
    example: tuple[Code, str] | None
    numeric_strings: bool  # the example payload sends an integer code as text
    placeholders: Style
    extensions: list[tuple[str, str]]
    sets: list[PlannedSet]
    categories: list[PlannedCategory]
    entries: list[PlannedEntry]
    notes: list[Note]
    input_name: str


@dataclass(frozen=True)
class _Meta:
    name: str
    title: str
    version: str
    source: str | None
    description: str | None
    payload: tuple[str, str]
    example: tuple[Code, str] | None
    numeric_strings: bool


@dataclass(frozen=True)
class Options:
    name: str | None = None
    title: str | None = None
    code_type: str = "auto"  # auto, integer, string


class _Planner(CategoryRules):
    def __init__(self, source: Source, path: Path, options: Options) -> None:
        super().__init__(list(source.notes))
        self.source = source
        self.path = path
        self.options = options

    # -- codes -------------------------------------------------------------------------------

    def code_type(self) -> Literal["integer", "string"]:
        chosen = self.options.code_type
        if chosen in ("integer", "string"):
            return "integer" if chosen == "integer" else "string"
        for entry in self.source.entries:
            code = entry.code
            if isinstance(code, str) and not _INTEGER.fullmatch(code.strip()):
                self.note(entry.at, "codes", f"codes are text: {code!r} is not an integer as written")
                return "string"
        self.note(None, "codes", "codes are integers: every code is written as one")
        return "integer"

    def code(self, raw: str | int, at: Position, code_type: str) -> Code | None:
        if code_type == "integer":
            text = raw.strip() if isinstance(raw, str) else str(raw)
            if not _INTEGER.fullmatch(text.removeprefix("+")):
                self.problem(at, f"code {raw!r} is not an integer (use --code-type string for text codes)")
                return None
            value = int(text)
            if abs(value) > SAFE_INTEGER:
                self.problem(at, f"code {value} is beyond what every target holds exactly (±{SAFE_INTEGER})")
                return None
            return value
        text = raw.strip() if isinstance(raw, str) else str(raw)
        if not re.fullmatch(r"[!-~]{1,64}", text):
            self.problem(at, f"code {raw!r}: a text code is 1 to 64 printable ASCII characters, no spaces")
            return None
        return text

    # -- entries -----------------------------------------------------------------------------

    def entries(self, code_type: str) -> list[tuple[Entry, Code]]:
        """One (entry, code) per code, duplicates merged into the first, in upstream order."""
        merged: dict[Code, Entry] = {}
        order: list[tuple[Entry, Code]] = []
        for entry in self.source.entries:
            code = self.code(entry.code, entry.at, code_type)
            if code is None:
                continue
            first = merged.get(code)
            if first is None:
                merged[code] = entry
                order.append((entry, code))
            else:
                self.merge(first, entry, code)
        self.sets(merged, order, code_type)
        return order

    def merge(self, first: Entry, later: Entry, code: Code) -> None:
        names = {first.name, *(a for a, _ in first.aliases)}
        if first.name is None and later.name is not None:
            first.name = later.name
            self.note(later.at, "merged", f"{code} is named {later.name!r} where it is listed again")
        elif later.name is not None and later.name not in names:
            first.aliases.append((later.name, later.at))
            self.note(later.at, "alias", f"{code} is listed again as {later.name!r}: one entry, that name an alias")
        elif later.name is not None and later.messages:
            self.note(later.at, "merged", f"{code} {later.name!r} again: its messages join the first listing's")
        first.aliases += [a for a in later.aliases if a[0] not in names]
        seen = {(m.text, m.include) for m in first.messages}
        for message in later.messages:
            if (message.text, message.include) in seen:
                self.note(message.at, "dropped", f"message {message.text!r} of {code} repeats one listed before")
                continue
            seen.add((message.text, message.include))
            first.messages.append(message)
        for attribute in ("description", "kind", "identifier"):
            mine, theirs = getattr(first, attribute), getattr(later, attribute)
            if theirs is not None and mine is None:
                setattr(first, attribute, theirs)
            elif theirs is not None and theirs != mine:
                self.problem(later.at, f"{code} is listed twice with two {attribute}s (first at {self.at(first.at)})")
        for key, value in later.fields.items():
            if first.fields.setdefault(key, value) != value:
                self.problem(
                    later.at, f"{code} is listed twice with two values of {key} (first at {self.at(first.at)})"
                )
        for key, (value, at) in later.extensions.items():
            if first.extensions.setdefault(key, (value, at))[0] != value:
                self.problem(at, f"{code} is listed twice with two values of {key} (first at {self.at(first.at)})")
        if later.heading is not None and first.heading is not None and later.heading.text != first.heading.text:
            self.note(later.at, "category", f"{code} appears again under {later.heading.text!r}; it stays in the first")

    @staticmethod
    def at(position: Position) -> str:
        return f"{position.line}:{position.column}"

    def sets(self, merged: dict[Code, Entry], order: list[tuple[Entry, Code]], code_type: str) -> None:
        """Each code a set's heading names includes the set; a code no entry lists is added where
        the set stands (its category then follows from the ranges)."""
        rank = {id(entry): (float(index), 0) for index, entry in enumerate(self.source.entries)}
        for found in self.source.sets:
            for number, (raw, name, at) in enumerate(found.codes):
                code = self.code(raw, at, code_type)
                if code is None:
                    continue
                entry = merged.get(code)
                if entry is None:
                    entry = Entry(code=raw, at=at, name=name, mentioned=True)
                    merged[code] = entry
                    rank[id(entry)] = (found.index - 0.5, number)
                    order.append((entry, code))
                    self.note(at, "added", f"{raw} {name} is only named in this heading: an entry of its own")
                elif name is not None and name != entry.name and name not in (a for a, _ in entry.aliases):
                    entry.aliases.append((name, at))
                    self.note(at, "alias", f"the heading names {raw} {name!r}, listed as {entry.name!r}: an alias")
                entry.messages.append(Message(found.key, at, include=True))
        order.sort(key=lambda item: rank[id(item[0])])

    # -- identifiers -------------------------------------------------------------------------

    def identifiers(self, planned: list[PlannedEntry]) -> set[str]:
        """Identifiers for every entry and alias, unique the way the validator compares them."""
        taken: dict[str, str] = {}
        same = 0
        for entry in planned:
            if entry.identifier is not None:
                if not valid_name(entry.identifier):
                    self.problem(entry.at, f"identifier {entry.identifier!r} is not SCREAMING_SNAKE_CASE")
                    entry.identifier = None
                    continue
                taken.setdefault(compare_key(entry.identifier), entry.identifier)
                continue
            derived = identifier(entry.name, entry.code)
            chosen = self.unique(derived, entry.code, taken)
            if len(derived) > MAX_NAME:
                entry.identifier = chosen
                self.note(entry.at, "identifier", f"{entry.code}: {derived} is longer than {MAX_NAME}: {chosen}")
            elif chosen != derived:
                entry.identifier = chosen
                self.note(
                    entry.at, "identifier", f"{entry.code}: {derived} is taken by another name; this one is {chosen}"
                )
            elif entry.name is None:
                self.note(entry.at, "identifier", f"{entry.code} has no name: {derived}, from the code")
            elif derived != entry.name:
                self.note(entry.at, "identifier", f"{entry.code} {entry.name!r}: {derived}")
            else:
                same += 1
            taken[compare_key(chosen)] = chosen
        for entry in planned:
            for alias in entry.aliases:
                derived = identifier(alias.name, entry.code)
                chosen = self.unique(derived, entry.code, taken)
                if chosen != derived:
                    alias.identifier = chosen
                    self.note(
                        entry.at, "identifier", f"alias {alias.name!r} of {entry.code}: {derived} is taken; {chosen}"
                    )
                taken[compare_key(chosen)] = chosen
        if same:
            self.note(None, "identifier", f"{same} name(s) are identifiers as they are")
        return set(taken)

    @staticmethod
    def unique(derived: str, code: Code, taken: dict[str, str]) -> str:
        if len(derived) > MAX_NAME and compare_key(shorten(derived)) not in taken:
            return shorten(derived)
        if compare_key(derived) not in taken and len(derived) <= MAX_NAME:
            return derived
        suffix = identifier(None, code).removeprefix("E_")
        base = shorten(derived, MAX_NAME - len(suffix) - 4)
        candidate, count = f"{base}_{suffix}", 2
        while compare_key(candidate) in taken:
            candidate, count = f"{base}_{suffix}_{count}", count + 1
        return candidate

    # -- messages ----------------------------------------------------------------------------

    def style(self, messages: list[Message]) -> Style:
        votes: Counter[str] = Counter()
        for message in messages:
            if not message.include:
                given = message.style in ("printf", "braces")
                styles = [cast(Style, message.style)] if given else _styles(message.text)
                if len(styles) == 1:
                    votes[styles[0]] += 1
        printf, braces = votes["printf"], votes["braces"]
        chosen: Style = "braces" if braces > printf else "printf"
        self.note(None, "style", f"placeholders: {chosen} ({printf} message(s) use printf %s, {braces} braces {{0}})")
        return chosen

    def messages(self, messages: list[Message], style: Style, sets: dict[str, str], owner: str) -> list[PlannedMessage]:
        """The messages a code (or set) lists, a text it lists twice once: a variant is one text."""
        planned: list[PlannedMessage] = []
        seen: set[tuple[str, bool]] = set()
        for message in messages:
            if (message.text, message.include) in seen:
                self.note(message.at, "dropped", f"{owner} lists {message.text!r} twice: once is kept")
                continue
            seen.add((message.text, message.include))
            found = self.message(message, style, sets)
            if found is not None:
                planned.append(found)
        return planned

    def message(self, message: Message, style: Style, sets: dict[str, str]) -> PlannedMessage | None:
        if message.include:
            name = sets.get(message.text)
            if name is None:
                self.problem(message.at, f"no message set {message.text!r}")
                return None
            return PlannedMessage(message.text, include=name, at=message.at)
        text = message.text
        if not self.sound(text, message.at, "a message"):
            return None
        styles = _styles(text)
        own: Style | None = None
        if message.style is not None:  # the input says
            own = cast(Style, message.style) if message.style != style else None
        elif len(styles) == 1 and styles[0] != style:
            own = styles[0]
            self.note(message.at, "style", f"{text!r} has {own} placeholders: its own style")
        elif len(styles) > 1:
            self.note(message.at, "style", f"{text!r} reads as printf and as braces: the catalog's {style}")
        elif not styles and not _parses(text, style):
            own = "none"
            self.note(message.at, "style", f"{text!r} has a % printf cannot read: every character literal")
        return PlannedMessage(text, own, message.description, at=message.at)

    def sound(self, text: str, at: Position, what: str, markdown: bool = False) -> bool:
        """Whether a spec can hold `text` (no invisible characters; one line unless Markdown)."""
        bad = _FORBIDDEN.search(text)
        if bad is not None:
            self.problem(at, f"{what} holds {shown(bad.group())}, which no spec text may hold: {text[:60]!r}")
            return False
        if not markdown and _LINE_BREAK.search(text):
            self.problem(at, f"{what} must be one line, without line breaks or tabs: {text[:60]!r}")
            return False
        return True

    # -- extensions --------------------------------------------------------------------------

    def extensions(self, merged: list[Entry], planned: list[PlannedEntry]) -> list[tuple[str, str]]:
        keys: dict[str, list[tuple[Scalar, Position, PlannedEntry]]] = {}
        for entry, plan in zip(merged, planned, strict=True):
            for key, (value, at) in entry.extensions.items():
                keys.setdefault(key, []).append((value, at, plan))
        declared = []
        for key, values in keys.items():
            name = key if _EXTENSION_KEY.fullmatch(key) else "x_" + key
            if name != key:
                self.note(values[0][1], "extension", f"the field {key!r} is named {name} (a name starts with a letter)")
            kind, converted = _extension_type([v for v, _, _ in values])
            for (_, _, plan), value in zip(values, converted, strict=True):
                plan.extensions[name] = value
            declared.append((name, kind))
            self.note(values[0][1], "extension", f"{name}: {kind}, from its {len(values)} value(s)")
        return declared

    # -- the whole -----------------------------------------------------------------------------

    def plan(self) -> Plan:
        code_type = self.code_type()
        order = self.entries(code_type)
        set_names = self.set_names()
        every_message = [m for e, _ in order for m in e.messages] + [m for s in self.source.sets for m in s.messages]
        style = self.style(every_message)
        planned: list[PlannedEntry] = []
        spelled: set[str] = set()
        for entry, code in order:
            kind = None
            if entry.kind is not None:
                kind = _KINDS.get(entry.kind.strip().lower())
                if kind is None:
                    self.problem(entry.at, f"kind {entry.kind!r} is not error, warning or success (or E, W, S)")
                elif kind != entry.kind and entry.kind not in spelled:
                    spelled.add(entry.kind)
                    self.note(entry.at, "kind", f"kind {entry.kind!r} is {kind} (here and wherever it stands)")
            messages = self.messages(entry.messages, style, set_names, str(entry.code))
            if entry.name is not None:
                self.sound(entry.name, entry.at, "a name")
            for alias, at in entry.aliases:
                self.sound(alias, at, "a name")
            if entry.description is not None:
                self.sound(entry.description, entry.at, "a description", markdown=True)
            planned.append(
                PlannedEntry(
                    code=code,
                    at=entry.at,
                    name=entry.name,
                    identifier=entry.identifier,
                    aliases=[PlannedAlias(a) for a, _ in entry.aliases],
                    kind=kind if kind != "error" else None,
                    messages=messages,
                    description=entry.description,
                    fields=dict(entry.fields),
                )
            )
        taken = self.identifiers(planned)
        categories = self.categories(planned, [e.heading for e, _ in order], code_type, taken)
        self.place_mentioned(categories, planned, [e.mentioned for e, _ in order])
        extensions = self.extensions([e for e, _ in order], planned)
        sets = [
            PlannedSet(
                set_names[s.key],
                s.at,
                self.messages(s.messages, style, set_names, set_names[s.key]),
                s.note,
                s.key if s.name is None else None,
            )
            for s in self.source.sets
        ]
        for found in sets:
            if not any(m.include == found.name for e in planned for m in e.messages):
                self.note(found.at, "set", f"no code includes {found.name}: add `- include: {found.name}` to its code")
        meta = self.metadata(code_type)
        if self.problems:
            raise ImportFailed(self.problems)
        return Plan(
            name=meta.name,
            title=meta.title,
            version=meta.version,
            source=meta.source,
            description=meta.description,
            payload=meta.payload,
            example=meta.example,
            numeric_strings=meta.numeric_strings,
            code_type=code_type,
            placeholders=style,
            extensions=extensions,
            sets=sets,
            categories=categories,
            entries=planned,
            notes=self.notes,
            input_name=self.path.name,
        )

    def set_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        used: set[str] = set()
        for found in self.source.sets:
            if found.name is not None and valid_name(found.name):
                name = found.name
            else:
                text = found.name or found.key
                mention = next(iter(found.codes), None)
                if mention is not None and mention[1]:
                    before = text[: text.find(mention[0])] if mention[0] in text else ""
                    text = f"{before} {mention[1]}"
                name = shorten(identifier(text, 0)) if has_words(text) else "MESSAGES"
                self.note(found.at, "set", f"the messages under {found.key!r} are the message set {name}")
            chosen, count = name, 2
            while compare_key(chosen) in used:
                chosen, count = f"{name}_{count}", count + 1
            used.add(compare_key(chosen))
            names[found.key] = chosen
        return names

    def metadata(self, code_type: str) -> _Meta:
        given = self.source.catalog
        stem = self.path.name.split(".")[0]
        name = self.options.name or _text(given.get("name"))
        if name is None:
            words = re.findall(r"[a-z0-9]+", stem.lower())
            while len(words) > 1 and words[-1] in ("error", "errors", "code", "codes"):
                words.pop()  # binance-options-error-codes.txt -> binance-options
            name = "-".join(words).lstrip("0123456789-")[:MAX_NAME].rstrip("-") or "imported"
            self.note(None, "catalog", f"name {name!r}, from the file's name (--name chooses another)")
        if not _CATALOG_NAME.fullmatch(name) or len(name) > MAX_NAME:
            self.problem(Position(1, 1), f"catalog name {name!r} is not kebab-case (my-api); choose one with --name")
        title = self.options.title or _text(given.get("title")) or self.source.title
        if title is None:
            title = " ".join(w.capitalize() for w in re.findall(r"[A-Za-z0-9]+", stem)) or "Imported error catalog"
            self.note(None, "catalog", f"title {title!r}, from the file's name (--title chooses another)")
        version = _text(given.get("version")) or "1.0.0"
        if "version" not in given:
            self.note(None, "catalog", "version 1.0.0: set the catalog's own")
        payload = self.source.payload
        raw_payload = given.get("payload")
        if isinstance(raw_payload, dict) and isinstance(raw_payload.get("code"), str):
            payload = (str(raw_payload["code"]), str(raw_payload.get("message", "message")))
        if payload is None:
            payload = ("code", "message")
            self.note(None, "payload", "payload fields code and message: set the API's own")
        example: tuple[Code, str] | None = self.source.example
        numeric_strings = False
        raw_example = given.get("example")
        if isinstance(raw_example, dict) and isinstance(raw_example.get("message"), str):
            code = raw_example.get("code")
            if isinstance(code, int | str) and not isinstance(code, bool):
                example = (code, raw_example["message"])
        if example is not None:
            code = example[0]
            if code_type == "string" and not isinstance(code, str):
                example = (str(code), example[1])
            elif code_type == "integer" and isinstance(code, str):
                numeric_strings = _INTEGER.fullmatch(code) is not None
                example = (int(code), example[1]) if numeric_strings else None
                if numeric_strings:
                    self.note(None, "payload", f"the example sends its code as text ({code!r}): numeric_strings")
        source = _text(given.get("source")) or self.path.name
        description = _text(given.get("description")) or self.source.description
        return _Meta(name, title, version, source, description, payload, example, numeric_strings)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _styles(text: str) -> list[Style]:
    """The styles `text` has placeholders in."""
    found: list[Style] = []
    try:
        if Template.parse(text, "printf").arity:
            found.append("printf")
    except PlaceholderError:
        pass
    if Template.parse(text, "braces").arity:
        found.append("braces")
    return found


def _parses(text: str, style: Style) -> bool:
    try:
        Template.parse(text, style)
    except PlaceholderError:
        return False
    return True


def _extension_type(values: list[Scalar]) -> tuple[str, list[Scalar]]:
    """The type of a field's values, and the values as that type: CSV cells are read as what
    every one of them spells (42, 1.5, true); any other mix is text."""
    if all(isinstance(v, bool) for v in values):
        return "boolean", values
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer", values
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "number", values
    texts = [v for v in values if isinstance(v, str)]
    if len(texts) == len(values):
        cells = [v.strip() for v in texts]
        if all(c in ("true", "false") for c in cells):
            return "boolean", [c == "true" for c in cells]
        if all(_INTEGER.fullmatch(c) for c in cells):
            return "integer", [int(c) for c in cells]
        if all(_NUMBER.fullmatch(c) for c in cells):
            return "number", [float(c) for c in cells]
        return "string", values
    return "string", [v if isinstance(v, str) else _scalar_text(v) for v in values]


def _scalar_text(value: Scalar) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def plan(source: Source, path: Path, options: Options) -> Plan:
    return _Planner(source, path, options).plan()
