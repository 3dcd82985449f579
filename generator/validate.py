"""From spec bytes to a validated Catalog: schema first, then the semantic rules.

Every problem becomes a Diagnostic at the position of the value (or key) at
fault, and all of them are reported in one run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, cast

import jsonschema

from generator.diagnostics import Diagnostic, SpecError
from generator.loader import Document, Pointer, load_yaml
from generator.model import Catalog, Category, Code, ErrorDef, Packages, Payload, PlaceholderError, Template
from generator.naming import RESERVED, Name, default_packages, reserved_clashes

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "spec" / "errors.schema.json"

# Class names the targets define themselves, as the PascalCase stem before "Error".
_TARGET_OWN_STEMS = {"api": "ApiError", "payload": "PayloadError"}


@cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _where(pointer: Pointer) -> str:
    out = ""
    for part in pointer:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(top level)"


def _show(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


_TYPES = {
    "integer": "an integer",
    "string": "a string",
    "boolean": "true or false",
    "object": "a mapping",
    "array": "a list",
    "null": "null",
}


def _schema_diagnostics(doc: Document) -> Iterator[Diagnostic]:
    for error in _validator().iter_errors(doc.value):
        pointer: Pointer = tuple(error.absolute_path)
        where = _where(pointer)
        validator = error.validator
        if validator == "additionalProperties":
            instance = cast(dict[str, Any], error.instance)
            allowed = cast(dict[str, Any], error.schema.get("properties", {}))
            for key in sorted(k for k in instance if k not in allowed):
                yield Diagnostic(
                    doc.key_positions[(*pointer, key)],
                    f"{where}: unknown field {key!r} (expected one of: {', '.join(allowed)})",
                )
            continue
        if validator == "required":
            missing = str(error.message).split("'")[1]
            yield Diagnostic(doc.position(pointer), f"{where}: missing required field {missing!r}")
            continue
        if validator == "type":
            expected = error.validator_value
            names = [expected] if isinstance(expected, str) else list(expected)
            message = f"{where}: expected {' or '.join(_TYPES[n] for n in names)}, got {_show(error.instance)}"
            if pointer in doc.plain and "string" in names:
                message += " (quote it to make it a string)"
        elif validator == "enum":
            message = f"{where}: {_show(error.instance)} is not one of {', '.join(map(_show, error.validator_value))}"
        elif validator == "pattern":
            described = error.schema.get("description", "")
            message = f"{where}: {_show(error.instance)} is not valid here" + (f": {described}" if described else "")
            if "#/$defs/name" in str(error.schema_path) or pointer[-1:] == ("name",):
                message = f"{where}: {_show(error.instance)} is not a SCREAMING_SNAKE_CASE name"
        else:
            message = f"{where}: {error.message}"
        yield Diagnostic(doc.position(pointer), message)


class _Semantics:
    """The rules a schema cannot say; builds the Catalog as it checks."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.diagnostics: list[Diagnostic] = []

    def error(self, pointer: Pointer, message: str, *, key: bool = False) -> None:
        position = self.doc.key_positions[pointer] if key else self.doc.position(pointer)
        self.diagnostics.append(Diagnostic(position, f"{_where(pointer)}: {message}"))

    def text(self, pointer: Pointer, value: str | None, *, multiline: bool = False) -> str | None:
        if value is not None and not multiline and any(c in value for c in "\t\n\r"):
            self.error(pointer, "must be a single line without tabs")
        return value

    def code(self, pointer: Pointer, value: Any, code_type: str) -> Code:
        if code_type == "string" and not isinstance(value, str):
            hint = " (quote it, so leading zeros and the exact text are kept)" if pointer in self.doc.plain else ""
            self.error(pointer, f"codes of this catalog are strings; got {_show(value)}{hint}")
        elif code_type == "integer" and not isinstance(value, int):
            self.error(pointer, f"codes of this catalog are integers; got {_show(value)}")
        return cast(Code, value)

    def name(self, pointer: Pointer, value: str) -> Name:
        name = Name(value)
        clashes = reserved_clashes(name)
        if clashes:
            self.error(pointer, f"name {value!r} becomes a reserved word or builtin: {', '.join(clashes)}")
        stem = name.pascal.lower()
        if stem in _TARGET_OWN_STEMS:
            self.error(pointer, f"name {value!r} would collide with the generated class {_TARGET_OWN_STEMS[stem]}")
        return name

    def distinct_names(self, named: list[tuple[Pointer, Name]]) -> None:
        """No two names may map to the same identifier once case-converted."""
        seen: dict[str, tuple[Pointer, Name]] = {}
        for pointer, name in named:
            key = name.pascal.casefold()
            if key in seen:
                first_pointer, first = seen[key]
                pos = self.doc.position(first_pointer)
                if first == name:
                    self.error(pointer, f"duplicate name {name!r}, first at {pos.line}:{pos.column}")
                else:
                    self.error(
                        pointer,
                        f"name {name!r} collides with {first!r} at {pos.line}:{pos.column}: "
                        f"both become {name.pascal} in the targets",
                    )
            else:
                seen[key] = (pointer, name)

    def catalog(self) -> Catalog:
        data = cast(dict[str, Any], self.doc.value)
        meta = data["catalog"]
        code_type = meta["code_type"]
        for key in ("title", "source"):
            self.text(("catalog", key), meta.get(key))

        categories: dict[str, Category] = {}
        named: list[tuple[Pointer, Name]] = []
        for index, raw in enumerate(data["categories"]):
            at: Pointer = ("categories", index)
            name = self.name((*at, "name"), raw["name"])
            named.append(((*at, "name"), name))
            self.text((*at, "title"), raw["title"])
            self.text((*at, "label"), raw.get("label"))
            bounds = raw.get("range")
            if code_type == "integer":
                if bounds is None or "prefix" in raw:
                    self.error(at, "categories of an integer-coded catalog need a range {min, max} and no prefix")
                elif bounds["min"] > bounds["max"]:
                    self.error((*at, "range"), f"min {bounds['min']} is greater than max {bounds['max']}")
            elif "prefix" not in raw or bounds is not None:
                self.error(at, "categories of a string-coded catalog need a prefix and no range")
            category = Category(
                name=name,
                title=raw["title"],
                label=raw.get("label"),
                description=raw.get("description"),
                range=(bounds["min"], bounds["max"]) if bounds else None,
                prefix=raw.get("prefix"),
            )
            for other_index, other in enumerate(categories.values()):
                if _overlap(category, other):
                    self.error(
                        at, f"codes of category {name!r} overlap those of {other.name!r} (categories[{other_index}])"
                    )
            categories.setdefault(name, category)

        errors: list[ErrorDef] = []
        codes: dict[Code, Pointer] = {}
        for index, raw in enumerate(data["errors"]):
            at = ("errors", index)
            code = self.code((*at, "code"), raw["code"], code_type)
            name = self.name((*at, "name"), raw["name"])
            named.append(((*at, "name"), name))
            if code in codes:
                first = self.doc.position(codes[code])
                self.error((*at, "code"), f"duplicate code {_show(code)}, first at {first.line}:{first.column}")
            codes.setdefault(code, (*at, "code"))
            owner = categories.get(raw["category"])
            if owner is None:
                self.error(
                    (*at, "category"), f"unknown category {_show(raw['category'])} (declared: {', '.join(categories)})"
                )
            elif not owner.contains(code):
                bounds_text = f"{owner.range[0]}..{owner.range[1]}" if owner.range else f"prefix {_show(owner.prefix)}"
                self.error((*at, "code"), f"code {_show(code)} is outside its category {owner.name} ({bounds_text})")
            templates = self.messages((*at, "messages"), raw["messages"])
            deprecated, retired = _flag(raw.get("deprecated")), _flag(raw.get("retired"))
            if deprecated is not None and retired is not None:
                self.error((*at, "retired"), "an entry is either deprecated or retired, not both")
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
                    )
                )
        self.distinct_names(named)

        example = meta.get("example")
        if example is not None:
            self.code(("catalog", "example", "code"), example["code"], code_type)
        packages = self.packages(meta["name"], data.get("targets", {}))
        payload = meta["payload"]
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
            packages=packages,
        )

    def packages(self, catalog_name: str, targets: dict[str, Any]) -> Packages:
        names = default_packages(catalog_name)
        python, typescript, go = (targets.get(t, {}) for t in ("python", "typescript", "go"))
        names["python"] = python.get("package", names["python"])
        names["typescript"] = typescript.get("package", names["typescript"])
        names["go_module"] = go.get("module", names["go_module"])
        names["go_package"] = go.get("package", names["go_package"])
        for language, key, pointer in (
            ("Python", "python", ("targets", "python", "package")),
            ("Go", "go_package", ("targets", "go", "package")),
        ):
            if names[key] in RESERVED[language]:
                where = pointer if pointer in self.doc.positions else ("catalog", "name")
                self.error(where, f"package name {names[key]!r} is a reserved word in {language}")
        return Packages(**names)

    def messages(self, at: Pointer, raw: list[str]) -> tuple[Template, ...]:
        templates: list[Template] = []
        seen: dict[str, int] = {}
        for index, text in enumerate(raw):
            pointer = (*at, index)
            self.text(pointer, text)
            if text in seen:
                self.error(pointer, f"duplicate message, same as variant {seen[text]}")
            seen.setdefault(text, index)
            try:
                templates.append(Template.parse(text))
            except PlaceholderError as exc:
                self.error(pointer, str(exc))
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
    problems = list(_schema_diagnostics(doc))
    if problems:
        raise SpecError(problems)
    semantics = _Semantics(doc)
    catalog = semantics.catalog()
    if semantics.diagnostics:
        raise SpecError(semantics.diagnostics)
    return catalog
