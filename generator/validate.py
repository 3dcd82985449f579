"""From spec bytes to a validated Catalog: schema first, then the semantic rules.

Every problem becomes a Diagnostic at the position of the value (or key) at
fault, and all of them are reported in one run.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator, Mapping
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

from .characters import LINE_BREAKS
from .diagnostics import Diagnostic, Position, SpecError
from .limits import MAX_BYTES
from .loader import Document, Pointer, Value, load_yaml, load_yaml_fast
from .model import (
    WILDCARD,
    Alias,
    Catalog,
    Category,
    Code,
    ErrorDef,
    Extension,
    Location,
    Payload,
    PlaceholderError,
    Style,
    Template,
    literal_braces,
    match_order,
    parse_pointer,
)
from .naming import Name, forget_names, identifier
from .resources import schema_text
from .schema_fast import accepts
from .targets import available
from .targets.base import Subject

if TYPE_CHECKING:
    import jsonschema

_NAME_PATTERN = "^[A-Z]([A-Z0-9_]*[A-Z0-9])?$"  # $defs/name


@cache
def _schema_json() -> str:
    """The spec's schema as errgen applies it: the file states the built-in targets' options (for
    editors); installed targets add theirs."""
    schema = json.loads(schema_text())
    options = schema["properties"]["targets"]["properties"]
    for name, target in available().items():
        options.setdefault(name, dict(target.options))
    return json.dumps(schema)


@cache
def _validator() -> jsonschema.protocols.Validator:
    import jsonschema  # only a spec the fast path rejects needs it (its import alone costs 0.1 s)

    schema = json.loads(_schema_json())
    base = jsonschema.Draft202012Validator
    base.check_schema(schema)
    # JSON Schema counts 400.0 as an integer; a spec that says 400.0 did not mean one.
    checker = base.TYPE_CHECKER.redefine(
        "integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool)
    )
    strict = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        base, type_checker=checker, validators={"pattern": _ecma_pattern}
    )
    return cast(jsonschema.protocols.Validator, strict(schema))


def _ecma_pattern(
    _validator: object, pattern: str, instance: object, _schema: object
) -> Iterator[jsonschema.ValidationError]:
    """The `pattern` keyword as JSON Schema defines it (ECMA-262), where `$` matches only at the
    very end: Python's `$` also matches before a final newline, which let "1.0.0\n" through."""
    import jsonschema

    if isinstance(instance, str) and not _compiled_pattern(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _compiled_pattern(pattern: str) -> re.Pattern[str]:
    # The schema's patterns are all ^...$ with no other $ (a test holds it to that).
    return re.compile(pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern)


def _where(pointer: Pointer) -> str:
    out = ""
    for part in pointer:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(top level)"


def _show(value: object) -> str:
    """A value as JSON, with every character that prints as nothing or as a break escaped."""
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
        for c in json.dumps(value, ensure_ascii=False)
    )


_TYPES = {
    "integer": "an integer",
    "string": "a string",
    "boolean": "true or false",
    "object": "a mapping",
    "array": "a list",
    "null": "null",
}


def _describe(error: jsonschema.ValidationError, doc: Document, pointer: Pointer) -> str:
    """A schema error in the spec author's terms (JSON values, YAML hints)."""
    validator, instance = error.validator, error.instance
    value: Any = error.validator_value
    schema = cast(dict[str, Any], error.schema)
    if validator == "type":
        names = [value] if isinstance(value, str) else list(value)
        message = f"expected {' or '.join(_TYPES[n] for n in names)}, got {_show(instance)}"
        if names == ["string"] and pointer in doc.plain:
            message += " (quote it to make it a string)"
        elif names == ["string"] and isinstance(instance, dict):
            message += " (unquoted text containing ': ' is read as a mapping; quote it)"
        return message
    if validator == "anyOf":
        # Report the branch whose type fitted; if none did, the types all branches allow. A
        # mapping with none of the keys a mapping branch needs was most likely meant as text.
        fitting = [sub for sub in error.context or [] if sub.validator != "type"]
        needs = [set(sub.schema.get("required", [])) for sub in fitting if isinstance(sub.schema, dict)]
        if isinstance(instance, dict) and not any(keys & instance.keys() for keys in needs):
            strings = [
                sub for sub in error.context or [] if sub.validator == "type" and sub.validator_value == "string"
            ]
            if strings:
                return _describe(strings[0], doc, pointer)
        if fitting:
            return _describe(fitting[0], doc, pointer)
        types = [str(sub.validator_value) for sub in error.context or []]
        return f"expected {' or '.join(_TYPES[t] for t in types)}, got {_show(instance)}"
    if validator == "enum":
        return f"{_show(instance)} is not one of {', '.join(map(_show, value))}"
    if validator == "pattern":
        if value == _NAME_PATTERN:
            return f"{_show(instance)} is not a SCREAMING_SNAKE_CASE name"
        return f"{_show(instance)} does not have the expected form: {schema.get('description', value)}"
    if validator in ("minItems", "minLength") and value == 1:
        return "must not be empty"
    if validator == "maxLength":
        return f"is longer than {value} characters"
    if validator == "minimum":
        return f"{_show(instance)} is below the minimum {value}"
    if validator == "maximum":
        return f"{_show(instance)} is above the maximum {value}"
    return str(error.message)


def _schema_diagnostics(doc: Document) -> Iterator[tuple[Pointer, Diagnostic]]:
    for error in _validator().iter_errors(doc.value):
        pointer: Pointer = tuple(error.absolute_path)
        where = _where(pointer)
        if error.validator == "additionalProperties":
            instance = cast(dict[str, Any], error.instance)
            allowed = list(cast(dict[str, Any], error.schema).get("properties", {}))
            for key in sorted(k for k in instance if k not in allowed):
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"expected one of: {', '.join(allowed)}"
                yield (
                    pointer,
                    Diagnostic(
                        doc.key_positions[(*pointer, key)],
                        f"{where}: unknown field {key!r}; {hint}",
                        "schema.unknown-field",
                    ),
                )
        elif error.validator == "required":
            missing = str(error.message).split("'")[1]
            yield (
                pointer,
                Diagnostic(doc.position(pointer), f"{where}: missing required field {missing!r}", "schema.required"),
            )
        else:
            yield (
                pointer,
                Diagnostic(
                    doc.position(pointer), f"{where}: {_describe(error, doc, pointer)}", f"schema.{error.validator}"
                ),
            )


# Fields that hold Markdown, the only texts that may span lines or hold a tab.
_MARKDOWN_FIELDS = frozenset({"description", "deprecated", "retired"})
_LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")


def _line_breaks(value: Value, rejected: set[Pointer]) -> Iterator[Pointer]:
    """Where a text other than Markdown holds a line break, outside what the schema rejected.
    One pass; a pointer is made only for a container or a text that holds one."""
    stack: list[tuple[Pointer, Value]] = [((), value)]
    while stack:
        pointer, item = stack.pop()
        if pointer in rejected:
            continue
        children = item.items() if isinstance(item, dict) else enumerate(item) if isinstance(item, list) else ()
        for key, child in children:
            if isinstance(child, (dict, list)):
                stack.append(((*pointer, key), child))
            elif isinstance(child, str) and _LINE_BREAK.search(child):
                at = (*pointer, key)
                field = next((part for part in reversed(at) if isinstance(part, str)), "")
                if at not in rejected and field not in _MARKDOWN_FIELDS:
                    yield at


def _line_diagnostics(doc: Document, rejected: set[Pointer]) -> Iterator[tuple[Pointer, Diagnostic]]:
    """Every text but Markdown is one line: a name, version or package name with a newline would
    break the line or the path it is written into."""
    for pointer in _line_breaks(doc.value, rejected):
        message = f"{_where(pointer)}: must be a single line, without line breaks or tabs"
        yield pointer, Diagnostic(doc.position(pointer), message, "single-line")


class _Semantics:
    """The rules a schema cannot say; builds the Catalog as it checks.

    Values the schema already rejected (`rejected` pointers, with everything inside
    and around them) are left out, so one run reports schema and semantic problems
    together without follow-on noise.
    """

    def __init__(self, doc: Document, rejected: set[Pointer], *, consume: bool = False) -> None:
        self.doc = doc
        self.rejected = rejected
        self.consume = consume  # drop each entry's data once modelled: nothing reads it after
        self.diagnostics: list[Diagnostic] = []

    def sound(self, pointer: Pointer) -> bool:
        """Whether the schema accepted the value at pointer and all that contains it."""
        return not any(pointer[: len(bad)] == bad or bad[: len(pointer)] == pointer for bad in self.rejected)

    def error(self, rule: str, pointer: Pointer, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.doc.position(pointer), f"{_where(pointer)}: {message}", rule))

    def at(self, pointer: Pointer) -> str:
        position = self.doc.position(pointer)
        return f"{position.line}:{position.column}"

    def code(self, pointer: Pointer, value: Any, code_type: str) -> bool:
        """Whether `value` has the catalog's code type (reported if not)."""
        if code_type == "string" and not isinstance(value, str):
            hint = " (quote it, so leading zeros and the exact text are kept)" if pointer in self.doc.plain else ""
            self.error("code-type", pointer, f"codes of this catalog are strings; got {_show(value)}{hint}")
            return False
        if code_type == "integer" and not isinstance(value, int):
            self.error("code-type", pointer, f"codes of this catalog are integers; got {_show(value)}")
            return False
        return True

    def category(self, at: Pointer, raw: dict[str, Any], code_type: str) -> tuple[Category, bool]:
        """The category and whether its codes are well declared."""
        name = Name(raw["name"])
        bounds = [raw["range"]] if "range" in raw else raw.get("ranges", [])
        prefixes = [raw["prefix"]] if "prefix" in raw else raw.get("prefixes", [])
        valid = True
        given = [key for key in ("range", "ranges", "prefix", "prefixes") if key in raw]
        if len(given) > 1:
            self.error("category-codes", (*at, given[1]), f"give one of {given[0]!r} and {given[1]!r}, not both")
            valid = False
        elif code_type == "integer" and prefixes:
            self.error(
                "category-codes", (*at, given[0]), "categories of an integer-coded catalog take ranges, not prefixes"
            )
            valid = False
        elif code_type == "string" and bounds:
            self.error(
                "category-codes", (*at, given[0]), "categories of a string-coded catalog take prefixes, not ranges"
            )
            valid = False
        for index, bound in enumerate(bounds):
            if bound["min"] > bound["max"]:
                where = (*at, "range") if "range" in raw else (*at, "ranges", index)
                self.error("range-order", where, f"min {bound['min']} is greater than max {bound['max']}")
                valid = False
        category = Category(
            name=name,
            title=raw["title"],
            label=raw.get("label"),
            description=raw.get("description"),
            ranges=tuple((b["min"], b["max"]) for b in bounds) if valid else (),
            prefixes=tuple(prefixes) if valid else (),
            class_given=raw.get("class"),
        )
        return category, valid

    def catalog(self) -> Catalog:
        data = cast(dict[str, Any], self.doc.value)
        meta = data["catalog"]
        code_type = meta["code_type"]
        self.meta = meta
        self.style = cast(Style, meta.get("placeholders", "printf"))
        self.sets = cast(dict[str, list[Any]], data.get("message_sets", {}))
        self.set_templates: dict[str, tuple[Template, ...]] = {}
        extensions = tuple(
            Extension(name, raw["type"], raw.get("description")) for name, raw in meta.get("extensions", {}).items()
        )
        named: list[tuple[Pointer, Name, str]] = []  # (where, identifier, what made it)

        categories: dict[str, Category] = {}
        unchecked: set[object] = set()  # names of categories the schema rejected
        declared: list[tuple[Pointer, Category]] = []
        for index, raw in enumerate(data.get("categories", [])):
            at: Pointer = ("categories", index)
            if not self.sound(at):
                unchecked.add(raw.get("name") if isinstance(raw, dict) else None)
                continue
            category, _valid = self.category(at, raw, code_type)
            named.append(((*at, "name"), category.name, "category"))
            self.overlaps(at, raw, category, declared)
            declared.append((at, category))
            categories.setdefault(category.name, category)

        errors: list[ErrorDef] = []
        codes: dict[Code, Pointer] = {}
        raws = data["errors"]
        for index, raw in enumerate(raws):
            at = ("errors", index)
            if self.consume:  # its memory then holds the entries modelled after it
                raws[index] = None
            if not self.sound(at):
                self.sound_parts(at, raw, code_type, codes, named)
                continue
            code = raw["code"]
            code_ok = self.code((*at, "code"), code, code_type)
            name = self.identifier(at, raw, code, named)
            self.unique_code((*at, "code"), code, codes)
            owner = categories.get(raw["category"]) if "category" in raw else None
            if "category" in raw and owner is None and raw["category"] not in unchecked:
                self.error(
                    "unknown-category",
                    (*at, "category"),
                    f"unknown category {_show(raw['category'])} (declared: {', '.join(categories) or 'none'})",
                )
                continue
            templates = self.messages((*at, "messages"), raw.get("messages", []))
            deprecated, retired = _flag(raw.get("deprecated")), _flag(raw.get("retired"))
            if deprecated is not None and retired is not None:
                self.error(
                    "deprecated-and-retired", (*at, "retired"), "an entry is either deprecated or retired, not both"
                )
            if raw.get("kind") == "success" and "class" in raw:
                self.error("class-of-success", (*at, "class"), "a success code has no exception class to name")
            if not code_ok or ("category" in raw and owner is None):
                continue
            errors.append(
                ErrorDef(
                    code=code,
                    name=name,
                    category=owner,
                    messages=templates,
                    description=raw.get("description"),
                    retryable=raw.get("retryable", False),
                    http_status=raw.get("http_status"),
                    deprecated=deprecated,
                    retired=retired,
                    class_given=raw.get("class"),
                    upstream_name=raw.get("name"),
                    aliases=self.aliases(at, raw, code, named),
                    kind=raw.get("kind", "error"),
                    extensions=self.extensions(at, raw.get("extensions", {}), extensions),
                )
            )
        self.distinct_names(named)

        example = meta.get("example")
        if example is not None:
            self.code(("catalog", "example", "code"), example["code"], code_type)
        payload = self.payload(meta["payload"])
        for set_name in self.sets:
            if set_name not in self.set_templates:  # still checked once, though no code uses it
                self.set_messages(set_name)
        return Catalog(
            name=meta["name"],
            title=meta["title"],
            version=meta["version"],
            source=meta.get("source"),
            description=meta.get("description"),
            code_type=code_type,
            payload=payload,
            example=(example["code"], example["message"]) if example else None,
            categories=tuple(categories.values()),
            errors=tuple(errors),
            options=data.get("targets", {}),
            placeholders=self.style,
            extensions=extensions,
        )

    def payload(self, raw: dict[str, Any]) -> Payload:
        at: Pointer = ("catalog", "payload")
        given = [(at, raw), *(((*at, "also", i), item) for i, item in enumerate(raw.get("also", [])))]
        locations: list[Location] = []
        for where, item in given:
            location = self.location(where, item["code"], item["message"])
            if location is None:
                continue
            if location in locations:
                first = given[locations.index(location)][0]
                self.error("payload-location", (*where, "code"), f"the same location as {_where(first)}")
            locations.append(location)
        if locations and all(location.wildcards for location in locations):
            self.error(
                "payload-wildcards",
                (*at, "code"),
                "one location must take no *: a server's error is written at the first such (to_payload)",
            )
        return Payload(
            tuple(locations) or (Location(("code",), ("message",)),),
            numeric_strings=raw.get("numeric_strings", False),
            tolerate=frozenset(raw.get("tolerate", ())),
        )

    def location(self, at: Pointer, code: str, message: str) -> Location | None:
        """A location's two fields as JSON Pointers; a plain field name is a top-level field."""
        code_at, message_at = self.field((*at, "code"), code), self.field((*at, "message"), message)
        if code_at is None or message_at is None:
            return None
        if code_at == message_at:
            self.error(
                "payload-fields",
                (*at, "message"),
                f"the message field is the code field ({_show(message)}): no payload could carry both",
            )
            return None
        shorter, longer = sorted((code_at, message_at), key=len)
        if longer[: len(shorter)] == shorter:
            self.error(
                "payload-fields",
                (*at, "message"),
                f"{_show(code)} and {_show(message)} nest one in the other: no payload could carry both",
            )
            return None
        stars = [i for i, token in enumerate(code_at) if token == WILDCARD]
        if stars != [i for i, token in enumerate(message_at) if token == WILDCARD] or (
            stars and code_at[: stars[-1]] != message_at[: stars[-1]]
        ):
            self.error(
                "payload-wildcards",
                (*at, "message"),
                f"{_show(message)} must take the items {_show(code)} takes: the same path up to its last *, "
                "so each item's message is read in that item",
            )
            return None
        return Location(code_at, message_at)

    def field(self, pointer: Pointer, text: str) -> tuple[str, ...] | None:
        """A payload field as pointer tokens; a dotted path is refused, as it reads as one name."""
        if not text.startswith("/"):
            if "." in text or "[" in text:
                path = "/" + "/".join(part for part in re.split(r"[.\[\]]+", text) if part)
                self.error(
                    "payload-field",
                    pointer,
                    f"{_show(text)} would be read as one field of that name; for a field inside another, "
                    f"write a JSON Pointer ({_show(path)}), and for a top-level field whose name holds a dot, "
                    f"{_show('/' + text)}",
                )
                return None
            return (text,)
        if re.search(r"~(?![01])", text):
            self.error("payload-field", pointer, f"{_show(text)} is not a JSON Pointer: ~ must be ~0 or ~1")
            return None
        return parse_pointer(text)

    def overlaps(
        self, at: Pointer, raw: dict[str, Any], category: Category, declared: list[tuple[Pointer, Category]]
    ) -> None:
        """Ranges (prefixes) of two categories may nest, the narrowest winning, but a partial
        overlap or an identical pair would leave an unknown code's category a tie."""
        field = next((key for key in ("range", "ranges", "prefix", "prefixes") if key in raw), "name")
        for other_at, other in declared:
            if other.name == category.name:
                continue
            clash = _ambiguous(category, other)
            if clash is not None:
                self.error(
                    "category-overlap",
                    (*at, field),
                    f"codes of category {category.name!r} overlap those of {other.name!r} "
                    f"({_where(other_at)}, at {self.at(other_at)}) without one holding the other: "
                    f"the category of an unlisted code {clash} would be ambiguous",
                )

    def identifier(self, at: Pointer, raw: dict[str, Any], code: Code, named: list[tuple[Pointer, Name, str]]) -> Name:
        """The entry's identifier: its `identifier`, or the one its name (or code) makes."""
        if "identifier" in raw:
            name = Name(raw["identifier"])
            named.append(((*at, "identifier"), name, "identifier"))
        else:
            name = identifier(raw.get("name"), code)
            how = "name" if raw.get("name") == name else "derived"
            named.append(((*at, "name") if "name" in raw else (*at, "code"), name, how))
        return name

    def aliases(
        self, at: Pointer, raw: dict[str, Any], code: Code, named: list[tuple[Pointer, Name, str]]
    ) -> tuple[Alias, ...]:
        found = []
        for index, item in enumerate(raw.get("aliases", [])):
            pointer = (*at, "aliases", index)
            upstream = item if isinstance(item, str) else item["name"]
            if isinstance(item, dict) and "identifier" in item:
                name = Name(item["identifier"])
                named.append(((*pointer, "identifier"), name, "identifier"))
            else:
                name = identifier(upstream, code)
                named.append((pointer, name, "name" if upstream == name else "derived"))
            found.append(Alias(name, upstream))
        return tuple(found)

    def extensions(self, at: Pointer, raw: dict[str, Any], declared: tuple[Extension, ...]) -> Mapping[str, object]:
        types = {e.name: e.type for e in declared}
        for key, value in raw.items():
            pointer = (*at, "extensions", key)
            if key not in types:
                known = ", ".join(types) or "none"
                self.error(
                    "unknown-extension",
                    pointer,
                    f"extension {key!r} is not declared in catalog.extensions (declared: {known})",
                )
            elif not _JSON_TYPES[types[key]](value):
                self.error("extension-type", pointer, f"expected {types[key]}, got {_show(value)}")
        return dict(raw) if raw else _NO_EXTENSIONS

    def distinct_names(self, named: list[tuple[Pointer, Name, str]]) -> None:
        """No two identifiers alike, nor alike once case-converted (BAD_SYMBOL, BAD__SYMBOL)."""
        seen: dict[str, tuple[Pointer, Name]] = {}
        for pointer, name, how in named:
            key = name.pascal.casefold()
            if key not in seen:
                seen[key] = (pointer, name)
                continue
            first_pointer, first = seen[key]
            made = f" (the identifier derived from {_where(pointer)})" if how == "derived" else ""
            hint = (
                "; keep the upstream name and give one of them `identifier: ...`" if how in ("name", "derived") else ""
            )
            if first == name:
                what = "name" if how == "category" else "identifier"
                self.error(
                    "duplicate-name",
                    pointer,
                    f"duplicate {what} {name!r}{made}, first at {self.at(first_pointer)}{hint}",
                )
            else:
                self.error(
                    "name-collision",
                    pointer,
                    f"identifier {name!r}{made} collides with {first!r} at {self.at(first_pointer)}: "
                    f"both become {name.pascal} in the targets{hint}",
                )

    def unique_code(self, pointer: Pointer, code: Code, codes: dict[Code, Pointer]) -> None:
        if code in codes:
            self.error(
                "duplicate-code",
                pointer,
                f"duplicate code {_show(code)}, first at {self.at(codes[code])}; a code with two names is "
                "one entry with the second under `aliases:`",
            )
        codes.setdefault(code, pointer)

    def sound_parts(
        self,
        at: Pointer,
        raw: Any,
        code_type: str,
        codes: dict[Code, Pointer],
        named: list[tuple[Pointer, Name, str]],
    ) -> None:
        """The checks that still apply to an entry the schema partly rejected."""
        if not isinstance(raw, dict):
            return
        code_ok = "code" in raw and self.sound((*at, "code")) and self.code((*at, "code"), raw["code"], code_type)
        if code_ok:
            self.unique_code((*at, "code"), raw["code"], codes)
        if "identifier" in raw and self.sound((*at, "identifier")):
            named.append(((*at, "identifier"), Name(raw["identifier"]), "identifier"))
        elif code_ok and ("name" not in raw or self.sound((*at, "name"))):
            self.identifier(at, {k: raw[k] for k in ("name",) if k in raw}, raw["code"], named)
        if "messages" in raw and self.sound((*at, "messages")):
            self.messages((*at, "messages"), raw["messages"])

    def set_messages(self, name: str) -> tuple[Template, ...]:
        if name not in self.set_templates:
            self.set_templates[name] = ()  # a set cannot include another, so no cycle; see schema
            self.set_templates[name] = self.messages(("message_sets", name), self.sets[name], expand=False)
        return self.set_templates[name]

    def messages(self, at: Pointer, raw: list[Any], expand: bool = True) -> tuple[Template, ...]:
        """The variants, message sets included, each checked where the spec writes it."""
        templates: list[Template] = []
        where: list[Pointer] = []  # where each variant is written (a set's item for included ones)
        seen: dict[str, int] = {}
        for index, item in enumerate(raw):
            pointer: Pointer = (*at, index)
            if isinstance(item, dict) and "include" in item:
                if not expand:
                    self.error("nested-include", (*pointer, "include"), "a message set cannot include another")
                    continue
                if item["include"] not in self.sets:
                    known = ", ".join(self.sets) or "none"
                    self.error(
                        "unknown-message-set",
                        (*pointer, "include"),
                        f"unknown message set {_show(item['include'])} (declared: {known})",
                    )
                    continue
                included = self.set_messages(item["include"])
                found = [((*pointer, "include"), t) for t in included]
            else:
                text = item if isinstance(item, str) else item["text"]
                style = cast(Style, self.style if isinstance(item, str) else item.get("placeholders", self.style))
                text_at = pointer if isinstance(item, str) else (*pointer, "text")
                description = None if isinstance(item, str) else item.get("description")
                chosen = "placeholders" in self.meta or (isinstance(item, dict) and "placeholders" in item)
                template = self.template(text_at, text, style, description, chosen)
                if template is None:
                    continue
                found = [(text_at, template)]
            for text_at, template in found:
                first = seen.setdefault(template.text, len(templates))
                if first != len(templates):
                    self.error(
                        "duplicate-message",
                        text_at,
                        f"duplicate message {_show(template.text)}, same as variant {first} "
                        f"({_where(where[first])} at {self.at(where[first])})",
                    )
                templates.append(template)
                where.append(text_at)
        if expand:
            self.reachable(templates, where)
        return tuple(templates)

    def template(
        self, pointer: Pointer, text: str, style: Style, description: str | None, chosen: bool
    ) -> Template | None:
        try:
            template = Template.parse(text, style, description)
        except PlaceholderError as exc:
            self.error("placeholder", pointer, str(exc))
            return None
        # {0} in a catalog that never chose a style is most likely a value that would never match.
        braces = literal_braces(text) if style == "printf" and not chosen else None
        if braces is not None:
            self.error(
                "placeholder-style",
                pointer,
                f"{braces} would be literal text, as messages are printf-style by default; if it marks a "
                "value, set `placeholders: braces` (in catalog, or on this message as "
                "{text: ..., placeholders: braces}); to keep it literal, say `placeholders: printf` there",
            )
        return template

    def reachable(self, templates: list[Template], where: list[Pointer]) -> None:
        """Reject a variant only when it can never be chosen: one tried before it (see
        model.specificity) fits every message it fits."""
        if len(templates) < 2:  # most codes: no variant to shadow another
            return
        order = match_order(tuple(templates))
        tried: list[int] = []
        for variant in order:
            template = templates[variant]
            if template.text in (templates[i].text for i in tried):
                continue  # a duplicate, reported already
            shadow = next((i for i in tried if templates[i].arity and templates[i].covers(template)), None)
            if shadow is not None:
                self.error(
                    "unreachable-variant",
                    where[variant],
                    f"variant {variant} can never match: every message it fits is matched first by variant "
                    f"{shadow} ({_where(where[shadow])} at {self.at(where[shadow])}), which is as specific "
                    "(literal characters, then typed placeholders) and comes first; remove one of them",
                )
            tried.append(variant)


# The extensions of an entry that declares none: one read-only mapping for them all (100,000 empty dicts are 6 MB).
_NO_EXTENSIONS: Mapping[str, object] = MappingProxyType({})

_JSON_TYPES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
}


def _flag(value: bool | str | None) -> str | None:
    """deprecated/retired: true or a reason -> the reason ("" for none); false/absent -> None."""
    if value is None or value is False:
        return None
    return "" if value is True else str(value)


def _ambiguous(a: Category, b: Category) -> str | None:
    """An unlisted code the two categories' ranges (prefixes) would tie on, shown, or None."""
    for low, high in a.ranges:
        for other_low, other_high in b.ranges:
            if low > other_high or other_low > high:
                continue  # disjoint
            nested = (low <= other_low and other_high <= high) or (other_low <= low and high <= other_high)
            if not nested or (low, high) == (other_low, other_high):
                return str(max(low, other_low))
    for prefix in a.prefixes:
        if prefix in b.prefixes:
            return f"starting with {_show(prefix)}"
    return None


def load_catalog(data: bytes, limit: int = MAX_BYTES) -> Catalog:
    """Load, validate and model a spec of at most `limit` bytes; raise SpecError listing every problem.

    The fast path (libyaml, the compiled schema, no positions) proves a valid spec valid; a spec it
    rejects, for any reason, is loaded again on the located path, which explains every problem.
    """
    forget_names()  # an earlier catalog's, which a long-lived process would otherwise keep
    return _fast_catalog(data, limit) or _located_catalog(data, limit)


class _Unlocated(Exception):
    """The fast path reached a problem: only the located path can say where it is."""


class _UnlocatedDocument(Document):
    def position(self, pointer: Pointer) -> Position:
        raise _Unlocated


def _fast_catalog(data: bytes, limit: int) -> Catalog | None:
    value = load_yaml_fast(data, limit)
    if value is None or not accepts(_schema_json(), value):
        return None
    return _fast_checked(value)


def _fast_checked(value: Value) -> Catalog | None:
    """The catalog of data the schema holds, when every semantic rule holds too. It consumes the
    entries of `value` (each is dropped once modelled, so the two are never held whole at once):
    a spec this rejects is loaded again from its bytes, by the located path."""
    doc = _UnlocatedDocument(value)
    try:
        if next(_line_breaks(value, set()), None) is not None:
            return None
        semantics = _Semantics(doc, set(), consume=True)
        catalog = semantics.catalog()
        if semantics.diagnostics or _class_diagnostics(doc, catalog) or _target_diagnostics(doc, catalog):
            return None
    except _Unlocated:
        return None
    return catalog


def _located_catalog(data: bytes, limit: int) -> Catalog:
    doc = load_yaml(data, limit)
    schema = list(_schema_diagnostics(doc))
    # Semantic rules need a sound skeleton: the catalog metadata and the two lists.
    rejected = {pointer for pointer, _ in schema}
    schema += _line_diagnostics(doc, rejected)  # a text with a line break is still well typed
    if any(len(pointer) < 2 or pointer[0] not in ("categories", "errors") for pointer in rejected):
        raise SpecError([diagnostic for _, diagnostic in schema])
    semantics = _Semantics(doc, rejected)
    catalog = semantics.catalog()
    problems = [diagnostic for _, diagnostic in schema] + semantics.diagnostics
    if not problems:  # what the targets cannot hold, once the catalog itself is sound
        problems = _class_diagnostics(doc, catalog) + _target_diagnostics(doc, catalog)
    if problems:
        raise SpecError(problems)
    return catalog


class _Places:
    """Where in the spec each category and entry is (the catalog's lists keep the spec's order),
    by identity: comparing the dataclasses field by field made this quadratic in time."""

    def __init__(self, catalog: Catalog) -> None:
        self.at: dict[int, Pointer] = {id(c): ("categories", i) for i, c in enumerate(catalog.categories)}
        self.at.update({id(e): ("errors", i) for i, e in enumerate(catalog.errors)})

    def pointer(self, subject: Subject, field: str) -> Pointer:
        return subject if isinstance(subject, tuple) else (*self.at[id(subject)], field)


def _class_diagnostics(doc: Document, catalog: Catalog) -> list[Diagnostic]:
    """No two classes alike (a chosen `class` may repeat one a name makes), case aside."""
    seen: dict[str, Pointer] = {}
    found = []
    places = _Places(catalog)
    subjects: list[ErrorDef | Category] = [*catalog.categories, *catalog.exceptions]
    for subject in subjects:
        pointer = places.pointer(subject, "class" if subject.class_given else "name")
        first = seen.setdefault(subject.class_name.casefold(), pointer)
        if first != pointer:
            where = doc.position(first)
            found.append(
                Diagnostic(
                    doc.position(pointer),
                    f"{_where(pointer)}: class {subject.class_name} is already the class of {_where(first[:-1])} "
                    f"(at {where.line}:{where.column}); choose another with `class: ...`",
                    "class-collision",
                )
            )
    return found


def _target_diagnostics(doc: Document, catalog: Catalog) -> list[Diagnostic]:
    found = []
    places = _Places(catalog)
    for target in available().values():
        for problem in target.problems(catalog):
            pointer = places.pointer(problem.subject, problem.field)
            message = f"{_where(pointer)}: {problem.message}"
            found.append(Diagnostic(doc.position(pointer), message, problem.rule))
    return found
