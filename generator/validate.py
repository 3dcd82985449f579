"""From spec bytes to a validated Catalog: schema first, then the semantic rules.

Every problem becomes a Diagnostic at the position of the value (or key) at
fault, and all of them are reported in one run.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any, cast

import jsonschema

from .characters import LINE_BREAKS
from .diagnostics import Diagnostic, SpecError
from .loader import Document, Pointer, load_yaml
from .model import Catalog, Category, Code, ErrorDef, Payload, PlaceholderError, Template
from .naming import Name
from .resources import schema_text
from .targets import available
from .targets.base import Subject

_NAME_PATTERN = "^[A-Z]([A-Z0-9_]*[A-Z0-9])?$"


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(schema_text())
    # The file states the built-in targets' options (for editors); installed targets add theirs.
    options = schema["properties"]["targets"]["properties"]
    for name, target in available().items():
        options.setdefault(name, dict(target.options))
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
        # Report the branch whose type fitted; if none did, the types all branches allow.
        fitting = [sub for sub in error.context or [] if sub.validator != "type"]
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


def _line_diagnostics(doc: Document, rejected: set[Pointer]) -> Iterator[tuple[Pointer, Diagnostic]]:
    """Every text but Markdown is one line: a name, version or package name with a newline would
    break the line or the path it is written into."""
    stack: list[tuple[Pointer, object]] = [((), doc.value)]
    while stack:
        pointer, value = stack.pop()
        if pointer in rejected:
            continue
        if isinstance(value, dict):
            stack += [((*pointer, key), item) for key, item in value.items()]
        elif isinstance(value, list):
            stack += [((*pointer, index), item) for index, item in enumerate(value)]
        elif isinstance(value, str) and _LINE_BREAK.search(value):
            field = next((part for part in reversed(pointer) if isinstance(part, str)), "")
            if field not in _MARKDOWN_FIELDS:
                where = _where(pointer)
                yield (
                    pointer,
                    Diagnostic(
                        doc.position(pointer),
                        f"{where}: must be a single line, without line breaks or tabs",
                        "single-line",
                    ),
                )


class _Semantics:
    """The rules a schema cannot say; builds the Catalog as it checks.

    Values the schema already rejected (`rejected` pointers, with everything inside
    and around them) are left out, so one run reports schema and semantic problems
    together without follow-on noise.
    """

    def __init__(self, doc: Document, rejected: set[Pointer]) -> None:
        self.doc = doc
        self.rejected = rejected
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

    def distinct_names(self, named: list[tuple[Pointer, Name]]) -> None:
        """No two names may map to the same identifier once case-converted."""
        seen: dict[str, tuple[Pointer, Name]] = {}
        for pointer, name in named:
            key = name.pascal.casefold()
            if key not in seen:
                seen[key] = (pointer, name)
                continue
            first_pointer, first = seen[key]
            if first == name:
                self.error("duplicate-name", pointer, f"duplicate name {name!r}, first at {self.at(first_pointer)}")
            else:
                self.error(
                    "name-collision",
                    pointer,
                    f"name {name!r} collides with {first!r} at {self.at(first_pointer)}: "
                    f"both become {name.pascal} in the targets",
                )

    def category(self, at: Pointer, raw: dict[str, Any], code_type: str) -> tuple[Category, bool]:
        """The category and whether its codes are well declared."""
        name = Name(raw["name"])
        bounds = raw.get("range")
        valid = True
        if code_type == "integer" and (bounds is None or "prefix" in raw):
            self.error(
                "category-codes", at, "categories of an integer-coded catalog need a range {min, max} and no prefix"
            )
            valid = False
        elif code_type == "string" and ("prefix" not in raw or bounds is not None):
            self.error("category-codes", at, "categories of a string-coded catalog need a prefix and no range")
            valid = False
        elif bounds is not None and bounds["min"] > bounds["max"]:
            self.error("range-order", (*at, "range"), f"min {bounds['min']} is greater than max {bounds['max']}")
            valid = False
        category = Category(
            name=name,
            title=raw["title"],
            label=raw.get("label"),
            description=raw.get("description"),
            range=(bounds["min"], bounds["max"]) if bounds else None,
            prefix=raw.get("prefix"),
            class_given=raw.get("class"),
        )
        return category, valid

    def catalog(self) -> Catalog:
        data = cast(dict[str, Any], self.doc.value)
        meta = data["catalog"]
        code_type = meta["code_type"]
        named: list[tuple[Pointer, Name]] = []

        categories: dict[str, Category] = {}
        well_declared: set[str] = set()
        unchecked: set[object] = set()  # names of categories the schema rejected
        declared: list[tuple[Pointer, Category]] = []
        for index, raw in enumerate(data["categories"]):
            at: Pointer = ("categories", index)
            if not self.sound(at):
                unchecked.add(raw.get("name") if isinstance(raw, dict) else None)
                continue
            category, valid = self.category(at, raw, code_type)
            named.append(((*at, "name"), category.name))
            field = (*at, "range" if category.range else "prefix")
            for other_at, other in declared:
                if valid and other.name in well_declared and _overlap(category, other):
                    self.error(
                        "category-overlap",
                        field,
                        f"codes of category {category.name!r} overlap those of {other.name!r} "
                        f"({_where(other_at)}, at {self.at(other_at)})",
                    )
            declared.append((at, category))
            if category.name not in categories:
                categories[category.name] = category
                if valid:
                    well_declared.add(category.name)

        errors: list[ErrorDef] = []
        codes: dict[Code, Pointer] = {}
        for index, raw in enumerate(data["errors"]):
            at = ("errors", index)
            if not self.sound(at):
                self.sound_parts(at, raw, code_type, codes, named)
                continue
            code = raw["code"]
            code_ok = self.code((*at, "code"), code, code_type)
            name = Name(raw["name"])
            named.append(((*at, "name"), name))
            self.unique_code((*at, "code"), code, codes)
            owner = categories.get(raw["category"])
            if owner is None and raw["category"] not in unchecked:
                self.error(
                    "unknown-category",
                    (*at, "category"),
                    f"unknown category {_show(raw['category'])} (declared: {', '.join(categories)})",
                )
            elif owner is not None and code_ok and owner.name in well_declared and not owner.contains(code):
                bounds_text = f"{owner.range[0]}..{owner.range[1]}" if owner.range else f"prefix {_show(owner.prefix)}"
                self.error(
                    "code-outside-category",
                    (*at, "code"),
                    f"code {_show(code)} is outside its category {owner.name} ({bounds_text})",
                )
            templates = self.messages((*at, "messages"), raw["messages"])
            deprecated, retired = _flag(raw.get("deprecated")), _flag(raw.get("retired"))
            if deprecated is not None and retired is not None:
                self.error(
                    "deprecated-and-retired", (*at, "retired"), "an entry is either deprecated or retired, not both"
                )
            if owner is not None:
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
                    )
                )
        self.distinct_names(named)

        example = meta.get("example")
        if example is not None:
            self.code(("catalog", "example", "code"), example["code"], code_type)
        payload = meta["payload"]
        if payload["code"] == payload["message"]:
            self.error(
                "payload-fields",
                ("catalog", "payload", "message"),
                f"the message field is the code field ({_show(payload['code'])}): no payload could carry both",
            )
        return Catalog(
            name=meta["name"],
            title=meta["title"],
            version=meta["version"],
            source=meta.get("source"),
            description=meta.get("description"),
            code_type=code_type,
            payload=Payload(code_field=payload["code"], message_field=payload["message"]),
            example=(example["code"], example["message"]) if example else None,
            categories=tuple(categories.values()),
            errors=tuple(errors),
            options=data.get("targets", {}),
        )

    def unique_code(self, pointer: Pointer, code: Code, codes: dict[Code, Pointer]) -> None:
        if code in codes:
            self.error("duplicate-code", pointer, f"duplicate code {_show(code)}, first at {self.at(codes[code])}")
        codes.setdefault(code, pointer)

    def sound_parts(
        self, at: Pointer, raw: Any, code_type: str, codes: dict[Code, Pointer], named: list[tuple[Pointer, Name]]
    ) -> None:
        """The checks that still apply to an entry the schema partly rejected."""
        if not isinstance(raw, dict):
            return
        if "code" in raw and self.sound((*at, "code")) and self.code((*at, "code"), raw["code"], code_type):
            self.unique_code((*at, "code"), raw["code"], codes)
        if "name" in raw and self.sound((*at, "name")):
            named.append(((*at, "name"), Name(raw["name"])))
        if "messages" in raw and self.sound((*at, "messages")):
            self.messages((*at, "messages"), raw["messages"])

    def messages(self, at: Pointer, raw: list[str]) -> tuple[Template, ...]:
        templates: list[Template] = []
        with_placeholders: list[tuple[int, Template]] = []
        seen: dict[str, Pointer] = {}
        for index, text in enumerate(raw):
            pointer = (*at, index)
            if text in seen:
                self.error(
                    "duplicate-message",
                    pointer,
                    f"duplicate message, same as {_where(seen[text])} at {self.at(seen[text])}",
                )
            seen.setdefault(text, pointer)
            try:
                template = Template.parse(text)
            except PlaceholderError as exc:
                self.error("placeholder", pointer, str(exc))
                continue
            # Only a variant with a placeholder can cover another (a literal one covers only its own
            # text, a duplicate reported above), so literal variants cost nothing here.
            shadow = next((i for i, earlier in with_placeholders if earlier.covers(template)), None)
            if shadow is not None and seen[text] == pointer:
                self.error(
                    "unreachable-variant",
                    pointer,
                    f"variant {index} can never match: every message it fits is matched first by variant {shadow} "
                    f"({_where((*at, shadow))} at {self.at((*at, shadow))}); put the more specific one first",
                )
            templates.append(template)
            if template.arity:
                with_placeholders.append((index, template))
        return tuple(templates)


def _flag(value: bool | str | None) -> str | None:
    """deprecated/retired: true or a reason -> the reason ("" for none); false/absent -> None."""
    if value is None or value is False:
        return None
    return "" if value is True else str(value)


def _overlap(a: Category, b: Category) -> bool:
    if a.range and b.range:
        return a.range[0] <= b.range[1] and b.range[0] <= a.range[1]
    if a.prefix is not None and b.prefix is not None:
        return a.prefix.startswith(b.prefix) or b.prefix.startswith(a.prefix)
    return False


def load_catalog(data: bytes) -> Catalog:
    """Load, validate and model a spec; raise SpecError listing every problem."""
    doc = load_yaml(data)
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


def _subject_pointer(catalog: Catalog, subject: Subject, field: str) -> Pointer:
    """Where in the spec a problem's subject is (the catalog's lists keep the spec's order)."""
    if isinstance(subject, tuple):
        return subject
    if isinstance(subject, Category):
        at: Pointer = ("categories", catalog.categories.index(subject))
    else:
        at = ("errors", catalog.errors.index(subject))
    return (*at, field)


def _class_diagnostics(doc: Document, catalog: Catalog) -> list[Diagnostic]:
    """No two classes alike (a chosen `class` may repeat one a name makes), case aside."""
    seen: dict[str, Pointer] = {}
    found = []
    subjects: list[ErrorDef | Category] = [*catalog.categories, *catalog.active]
    for subject in subjects:
        pointer = _subject_pointer(catalog, subject, "class" if subject.class_given else "name")
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
    for target in available().values():
        for problem in target.problems(catalog):
            pointer = _subject_pointer(catalog, problem.subject, problem.field)
            message = f"{_where(pointer)}: {problem.message}"
            found.append(Diagnostic(doc.position(pointer), message, problem.rule))
    return found
