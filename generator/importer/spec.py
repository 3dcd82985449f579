"""A Plan as a spec file: YAML, commented, every upstream text double-quoted.

Texts are written as JSON strings, which YAML reads as the same double-quoted scalars (the
same escapes, nothing else special inside them), so any text round-trips exactly; multi-line
Markdown that needs no escape is a literal block instead. `written` loads the result back with
the spec loader and compares every value, so a text that would not come back is a bug caught
here, never a spec that says something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..characters import FORBIDDEN
from ..escaping import json_string
from ..loader import Value, load_yaml
from .plan import Plan
from .planned import PlannedCategory, PlannedEntry, PlannedMessage, PlannedSet

# What a comment line may not hold raw (the loader refuses it anywhere in the file).
_UNSAFE = re.compile(f"[{FORBIDDEN}\u2028\u2029]")


Subject = PlannedEntry | PlannedCategory | PlannedSet


@dataclass
class Written:
    text: str
    value: Value  # what the text loads as
    # (first line in the spec, the entry, category or set written from there), in order
    origins: list[tuple[int, Subject]] = field(default_factory=list)

    def subject(self, line: int) -> Subject | None:
        """The entry, category or set the spec's line belongs to."""
        found = None
        for start, subject in self.origins:
            if start > line:
                break
            found = subject
        return found


def quoted(text: str) -> str:
    return json_string(text)


# Identifiers YAML 1.1 reads as booleans or null: written quoted (the loader refuses them plain).
_NOT_PLAIN = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def word(text: str) -> str:
    """An identifier, plain unless a plain scalar of its spelling would not be text."""
    return quoted(text) if text.lower() in _NOT_PLAIN else text


def comment(text: str) -> str:
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.origins: list[tuple[int, Subject]] = []

    def add(self, line: str) -> None:
        self.lines.append(line)

    def origin(self, subject: Subject) -> None:
        self.origins.append((len(self.lines) + 1, subject))

    def markdown(self, indent: str, key: str, text: str) -> None:
        """A Markdown text: a literal block where it can be one, else a quoted line."""
        if _block_safe(text):
            chomp = "" if text.endswith("\n") else "-"
            self.add(f"{indent}{key}: |{chomp}")
            for line in text.removesuffix("\n").split("\n"):
                self.add(f"{indent}  {line}" if line else "")
        else:
            self.add(f"{indent}{key}: {quoted(text)}")


def _block_safe(text: str) -> bool:
    """Whether a literal block holds exactly `text`: no escapes needed, no leading blank,
    nothing its indentation or chomping would change, no trailing blanks an editor would strip."""
    if not text or text[0] in " \t\n" or text.endswith("\n\n") or "\t" in text or "\r" in text:
        return False
    if any(line != line.rstrip(" ") for line in text.split("\n")):
        return False
    return _UNSAFE.search(text) is None


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return quoted(str(value))


def _message(out: _Lines, indent: str, message: PlannedMessage) -> None:
    if message.include is not None:
        out.add(f"{indent}- include: {word(message.include)}")
    elif message.style is None and message.description is None:
        out.add(f"{indent}- {quoted(message.text)}")
    else:
        out.add(f"{indent}- text: {quoted(message.text)}")
        if message.style is not None:
            out.add(f"{indent}  placeholders: {message.style}")
        if message.description is not None:
            out.markdown(f"{indent}  ", "description", message.description)


def _catalog(out: _Lines, plan: Plan) -> None:
    out.add("catalog:")
    out.add(f"  name: {plan.name}")
    out.add(f"  title: {quoted(plan.title)}")
    out.add(f"  version: {quoted(plan.version)}")
    if plan.source is not None:
        out.add(f"  source: {quoted(plan.source)}")
    if plan.description is not None:
        out.markdown("  ", "description", plan.description)
    out.add(f"  code_type: {plan.code_type}")
    out.add(f"  placeholders: {plan.placeholders}")
    out.add("  payload:")
    out.add(f"    code: {quoted(plan.payload[0])}")
    out.add(f"    message: {quoted(plan.payload[1])}")
    if plan.numeric_strings:
        out.add("    numeric_strings: true  # the example sends its code as text")
    if plan.example is not None:
        out.add("  example:")
        out.add(f"    code: {_scalar(plan.example[0])}")
        out.add(f"    message: {quoted(plan.example[1])}")
    if plan.extensions:
        out.add("  extensions:  # upstream fields errgen does not model, typed by their values")
        for name, kind in plan.extensions:
            out.add(f"    {word(name)}: {{type: {kind}}}")


def _sets(out: _Lines, sets: list[PlannedSet]) -> None:
    out.add("")
    out.add("message_sets:")
    for found in sets:
        out.origin(found)
        if found.heading is not None:
            out.add(f"  # {comment(found.heading)} (line {found.at.line})")
        for line in (found.note or "").split("\n"):
            if line:
                out.add(f"  # {comment(line)}")
        out.add(f"  {word(found.name)}:")
        for message in found.messages:
            _message(out, "    ", message)


def _category(out: _Lines, category: PlannedCategory) -> None:
    out.origin(category)
    for heading in category.headings:
        out.add(f"  # {comment(heading)}")
    out.add(f"  - name: {word(category.name)}")
    if category.class_given is not None:
        out.add(f"    class: {category.class_given}  # errgen import: the class its name makes is taken")
    out.add(f"    title: {quoted(category.title)}")
    if category.label is not None:
        out.add(f"    label: {quoted(category.label)}")
    if len(category.ranges) == 1:
        ((low, high),) = category.ranges
        out.add(f"    range: {{min: {low}, max: {high}}}")
    elif category.ranges:
        out.add("    ranges:")
        for low, high in category.ranges:
            out.add(f"      - {{min: {low}, max: {high}}}")
    if len(category.prefixes) == 1:
        out.add(f"    prefix: {quoted(category.prefixes[0])}")
    elif category.prefixes:
        out.add(f"    prefixes: [{', '.join(map(quoted, category.prefixes))}]")


def _entry(out: _Lines, entry: PlannedEntry, first: bool) -> None:
    if not first:
        out.add("")
    out.origin(entry)
    out.add(f"  - code: {_scalar(entry.code)}")
    if entry.name is not None:
        out.add(f"    name: {quoted(entry.name)}")
    if entry.identifier is not None:
        out.add(f"    identifier: {word(entry.identifier)}  # errgen import: the name's own is taken, or too long")
    if entry.aliases:
        out.add("    aliases:")
        for alias in entry.aliases:
            if alias.identifier is None:
                out.add(f"      - {quoted(alias.name)}")
            else:
                out.add(f"      - {{name: {quoted(alias.name)}, identifier: {word(alias.identifier)}}}")
    if entry.kind is not None:
        out.add(f"    kind: {entry.kind}")
    if entry.category is not None:
        out.add(f"    category: {word(entry.category)}")
    if entry.class_given is not None:
        out.add(f"    class: {entry.class_given}  # errgen import: the class its name makes is taken")
    for key, value in entry.fields.items():
        out.add(f"    {key}: {_scalar(value)}")
    if entry.description is not None:
        out.markdown("    ", "description", entry.description)
    if entry.messages:
        out.add("    messages:")
        for message in entry.messages:
            _message(out, "      ", message)
    if entry.extensions:
        out.add("    extensions:")
        for key, value in entry.extensions.items():
            out.add(f"      {word(key)}: {_scalar(value)}")


def render(plan: Plan, fmt: str) -> tuple[str, list[tuple[int, Subject]]]:
    out = _Lines()
    out.add(f"# Imported by `errgen import` from {comment(plan.input_name)} ({fmt}).")
    out.add("# Every upstream text is kept verbatim: names as `name:`, messages double-quoted. Each decision")
    out.add("# the import took (identifiers, ranges, aliases, placeholder styles) is in its report.")
    out.add("# Check what the page could not say: version, payload fields, and any category without a range.")
    out.add("")
    _catalog(out, plan)
    if plan.sets:
        _sets(out, plan.sets)
    if plan.categories:
        out.add("")
        out.add("categories:")
        for category in plan.categories:
            _category(out, category)
    out.add("")
    out.add("errors:")
    for index, entry in enumerate(plan.entries):
        _entry(out, entry, index == 0)
    return "\n".join(out.lines) + "\n", out.origins


def written(plan: Plan, fmt: str) -> Written:
    """The spec text, loaded back: what it holds must be exactly what the plan says."""
    text, origins = render(plan, fmt)
    doc = load_yaml(text.encode("utf-8"))  # SpecError here is a bug: the caller reports it
    _compare(plan, doc.value)
    return Written(text, doc.value, origins)


def _compare(plan: Plan, value: Value) -> None:
    """Every text the plan holds, as the loaded spec holds it (a difference is a bug)."""
    assert isinstance(value, dict)
    errors = value["errors"]
    assert isinstance(errors, list) and len(errors) == len(plan.entries)
    for entry, loaded in zip(plan.entries, errors, strict=True):
        assert isinstance(loaded, dict)
        expected: dict[str, object] = {"code": entry.code}
        if entry.name is not None:
            expected["name"] = entry.name
        if entry.description is not None:
            expected["description"] = entry.description
        for key, want in expected.items():
            if loaded.get(key) != want:
                raise AssertionError(f"{key} of {entry.code} does not round-trip: {want!r} != {loaded.get(key)!r}")
        _compare_messages(entry.messages, loaded.get("messages", []), str(entry.code))
    sets = value.get("message_sets") or {}
    assert isinstance(sets, dict)
    for found in plan.sets:
        _compare_messages(found.messages, sets[found.name], found.name)


def _compare_messages(messages: list[PlannedMessage], loaded: Value, where: str) -> None:
    assert isinstance(loaded, list) and len(loaded) == len(messages), where
    for message, item in zip(messages, loaded, strict=True):
        if message.include is not None:
            continue
        text = item.get("text") if isinstance(item, dict) else item
        description = item.get("description") if isinstance(item, dict) else None
        if text != message.text or description != message.description:
            raise AssertionError(f"a message of {where} does not round-trip: {message.text!r} != {text!r}")
