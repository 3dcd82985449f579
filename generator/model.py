"""The validated catalog: what every target renders from, and the reference rules they implement.

The rules every runtime must apply identically live here, stated once:

* `Template.match`: how one message variant fits a message (split, then type-check);
* `specificity`/`ErrorDef.match_order`: which variant wins when several fit;
* `Catalog.category_of`: which category an unknown code falls in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from .naming import Name

Code = int | str
Style = Literal["printf", "braces", "none"]
Kind = Literal["error", "warning", "success"]

# What a placeholder of each printf conversion may hold; "s" anything, the others a value of
# their type written as printf or Java's String.format write it (see fits()).
PLACEHOLDER_TYPES = {"s": "text", "d": "integer", "i": "integer", "f": "number", "b": "boolean"}

_PRINTF = re.compile(r"%(.|$)", re.DOTALL)
# A printf-style sequence, shown whole in errors: flags, width, precision, length, conversion (%-5.2ls).
_SEQUENCE = re.compile(r"%[-+ #0-9.*$']*(?:hh|ll|[hlLqjztI])?[a-zA-Z%@]?")
# A braces placeholder: {0}, {param0}, {ccy}, {%min}, or {} (positional, unnamed). Any other
# brace (JSON in a message, "{ }") is literal text.
_BRACES = re.compile(r"\{([A-Za-z0-9_.%-]*)\}")


class PlaceholderError(ValueError):
    """A message uses a placeholder its style does not have."""


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One value in a message: its type letter ("s", "d", "f", "b") and, in the braces style, its
    name ("0", "ccy", "%min"; None for "{}" and for printf placeholders)."""

    text: str  # as the spec writes it: "%d", "{ccy}"
    type: str = "s"  # "s", "d" (%d and %i), "f" or "b"
    name: str | None = None


def fits(kind: str, value: str) -> bool:
    """Whether a placeholder of type `kind` may hold `value`, in one pass over it (no regex):

    * s: any text, empty included;
    * d, i: an integer, `-?[0-9]+`;
    * f: a number, `-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?`;
    * b: `true` or `false`.
    """
    if kind == "s":
        return True
    if kind == "b":
        return value in ("true", "false")
    at = 1 if value.startswith("-") else 0
    at, digits = _digits(value, at)
    if not digits:
        return False
    if kind in ("d", "i"):
        return at == len(value)
    if at < len(value) and value[at] == ".":
        at, digits = _digits(value, at + 1)
        if not digits:
            return False
    if at < len(value) and value[at] in "eE":
        at += 1
        if at < len(value) and value[at] in "+-":
            at += 1
        at, digits = _digits(value, at)
        if not digits:
            return False
    return at == len(value)


def _digits(value: str, at: int) -> tuple[int, bool]:
    """The end of the run of ASCII digits from `at`, and whether there was one."""
    start = at
    while at < len(value) and "0" <= value[at] <= "9":
        at += 1
    return at, at > start


def split(parts: tuple[str, ...], message: str) -> tuple[str, ...] | None:
    """The placeholder values of `message` for a template of these literal parts, or None.

    Literal parts are exact and each value is the shortest run that lets the whole message
    match: each middle literal is taken at its leftmost occurrence, which is that rule (any later
    choice only leaves less room for the parts after it). One left-to-right pass of substring
    searches decides it, in time linear in the message: no backtracking, whatever the text.
    """
    first, last = parts[0], parts[-1]
    if len(parts) == 1:
        return () if message == first else None
    end = len(message) - len(last)  # where the last literal must start
    if end < len(first) or not message.startswith(first) or not message.endswith(last):
        return None
    values: list[str] = []
    at = len(first)
    for part in parts[1:-1]:
        found = message.find(part, at, end)
        if found < 0:
            return None
        values.append(message[at:found])
        at = found + len(part)
    values.append(message[at:end])
    return tuple(values)


@dataclass(frozen=True, slots=True)
class Template:
    """One message variant: literal parts around its placeholders.

    `text` is the spec's text, verbatim; `parts` are the literals between the placeholders
    (%% already a literal %), so len(parts) == len(placeholders) + 1.
    """

    text: str
    parts: tuple[str, ...]
    placeholders: tuple[Placeholder, ...] = ()
    style: Style = "printf"
    description: str | None = None  # Markdown: what this variant means, when the docs say

    @classmethod
    def parse(cls, text: str, style: Style = "printf", description: str | None = None) -> Template:
        if style == "printf":
            parts, placeholders = _parse_printf(text)
        elif style == "braces":
            parts, placeholders = _parse_braces(text)
        else:
            parts, placeholders = [text], []
        return cls(text, tuple(parts), tuple(placeholders), style, description)

    @property
    def arity(self) -> int:
        return len(self.parts) - 1

    @property
    def literal_chars(self) -> int:
        return sum(map(len, self.parts))

    @property
    def typed(self) -> int:
        """How many of its placeholders take only values of a type (not any text)."""
        return sum(p.type != "s" for p in self.placeholders)

    def match(self, message: str) -> tuple[str, ...] | None:
        """The reference rule every target implements: the values split as `split` does, each
        then fitting its placeholder's type (`fits`); None when the message does not fit."""
        values = split(self.parts, message)
        if values is None:
            return None
        for value, placeholder in zip(values, self.placeholders, strict=True):
            if not fits(placeholder.type, value):
                return None
        return values

    def covers(self, other: Template) -> bool:
        """Whether every message `other` matches is proven to be matched by this template too.

        With only untyped placeholders here, `other` with each of its placeholders replaced by
        a character no spec text holds (NUL) fits only if these placeholders can absorb every
        value of `other`'s: exact. A typed placeholder here is not proven to absorb a value, so
        such a template covers only literal variants (false means "not proven", never "reachable
        for sure"; the validator rejects only what is proven unreachable).
        """
        if not self.typed:
            return split(self.parts, "\x00".join(other.parts)) is not None
        return not other.arity and self.match(other.text) is not None

    def format(self, *params: object) -> str:
        if len(params) != self.arity:
            raise ValueError(f"{self.text!r} takes {self.arity} value(s), got {len(params)}")
        return "".join(part + str(param) for part, param in zip(self.parts, (*params, ""), strict=True))

    def names(self) -> dict[str, int]:
        """Each placeholder name, with the index of its first placeholder."""
        found: dict[str, int] = {}
        for index, placeholder in enumerate(self.placeholders):
            if placeholder.name is not None:
                found.setdefault(placeholder.name, index)
        return found


def _parse_printf(text: str) -> tuple[list[str], list[Placeholder]]:
    parts: list[str] = []
    placeholders: list[Placeholder] = []
    literal: list[str] = []
    last = 0
    for match in _PRINTF.finditer(text):
        literal.append(text[last : match.start()])
        last = match.end()
        conversion = match.group(1)
        if conversion == "%":
            literal.append("%")
        elif conversion in PLACEHOLDER_TYPES:
            parts.append("".join(literal))
            literal = []
            placeholders.append(Placeholder(match.group(), "d" if conversion == "i" else conversion))
        else:
            shown = _SEQUENCE.match(text, match.start()).group()  # type: ignore[union-attr]
            raise PlaceholderError(
                f"unsupported placeholder {shown!r} at character {match.start() + 1}: "
                "use %s for any value, %d for an integer, %f for a number, %b for true or false, "
                "and %% for a literal percent sign (or `placeholders: none` to keep every % literal)"
            )
    literal.append(text[last:])
    parts.append("".join(literal))
    return parts, placeholders


def _parse_braces(text: str) -> tuple[list[str], list[Placeholder]]:
    parts: list[str] = []
    placeholders: list[Placeholder] = []
    last = 0
    for match in _BRACES.finditer(text):
        parts.append(text[last : match.start()])
        last = match.end()
        placeholders.append(Placeholder(match.group(), "s", match.group(1) or None))
    parts.append(text[last:])
    return parts, placeholders


def literal_braces(text: str) -> str | None:
    """The first {name} in a printf-style text, which is literal there but looks like a value."""
    found = _BRACES.search(text)
    return found.group() if found else None


def specificity(template: Template, index: int) -> tuple[int, int, int, int]:
    """The reference rule for which variant wins when several fit a message, as a sort key:
    the most literal characters, then the most typed placeholders, then the fewest
    placeholders, then spec order. A variant without placeholders therefore always wins when
    its text is the message, which lets the runtimes try those with one dictionary lookup."""
    return (-template.literal_chars, -template.typed, template.arity, index)


def match_order(templates: tuple[Template, ...]) -> tuple[int, ...]:
    """Variant indexes in the order the runtimes try them (first fit wins)."""
    if len(templates) < 2:  # most codes: nothing to sort
        return tuple(range(len(templates)))
    return tuple(sorted(range(len(templates)), key=lambda i: specificity(templates[i], i)))


@dataclass(frozen=True, slots=True)
class Match:
    """How a message matched a code's variants: `how` is "exact", "tolerant" or "none"; a
    tolerant match may leave `detail` (text after the documented one); no match has a `reason`:
    "empty" (no message), "undocumented" (the code documents none) or "unmatched"."""

    variant: int | None
    params: tuple[str, ...]
    how: str
    detail: str | None = None
    reason: str | None = None


def normalized(message: str, tolerate: frozenset[str]) -> str:
    """A wire message as the tolerances compare it: edge whitespace (ASCII, alike in every
    runtime) and one final period (. or 。) removed, as each is tolerated."""
    if "whitespace" in tolerate:
        message = message.lstrip(_WHITESPACE)
    return _trimmed_end(message, tolerate)


def _trimmed_end(text: str, tolerate: frozenset[str]) -> str:
    if "whitespace" in tolerate:
        text = text.rstrip(_WHITESPACE)
    if "punctuation" in tolerate and text[-1:] in (".", "。"):
        text = text[:-1]
        if "whitespace" in tolerate:
            text = text.rstrip(_WHITESPACE)
    return text


def loose_parts(parts: tuple[str, ...], tolerate: frozenset[str]) -> tuple[str, ...]:
    """A template's literal parts as the tolerances compare them: its ends normalized as a
    message is, and with "backticks" the backtick that docs put on either side of a placeholder
    (`%s`) dropped."""
    out = list(parts)
    if "backticks" in tolerate:
        for index in range(len(out) - 1):  # around the placeholder after part `index`
            if out[index].endswith("`") and out[index + 1].startswith("`"):
                out[index], out[index + 1] = out[index][:-1], out[index + 1][1:]
    if "whitespace" in tolerate:
        out[0] = out[0].lstrip(_WHITESPACE)
    out[-1] = _trimmed_end(out[-1], tolerate)
    return tuple(out)


def _typed(template: Template, values: tuple[str, ...]) -> bool:
    return all(fits(p.type, v) for p, v in zip(template.placeholders, values, strict=True))


@dataclass(frozen=True)
class Category:
    name: Name
    title: str
    label: str | None
    description: str | None
    ranges: tuple[tuple[int, int], ...] = ()  # inclusive (min, max), integer catalogs
    prefixes: tuple[str, ...] = ()  # string catalogs
    class_given: str | None = None  # the spec's `class`, when it chooses one

    @property
    def class_name(self) -> str:
        """Its exception class in the targets that have classes: the spec's choice, or RequestError."""
        return self.class_given or self.name.error_class

    def contains(self, code: Code) -> bool:
        """Whether `code` lies in the codes this category declares (an entry may still name a
        category its code lies outside of: membership in the spec is explicit)."""
        if isinstance(code, int):
            return any(low <= code <= high for low, high in self.ranges)
        return any(code.startswith(prefix) for prefix in self.prefixes)


@dataclass(frozen=True, slots=True)
class Alias:
    """A further name of a code: the upstream's text and the identifier made of it."""

    name: Name
    upstream: str


@dataclass(frozen=True, slots=True)  # slots: 100,000 codes are held at once
class ErrorDef:
    code: Code
    name: Name  # the identifier every target derives its names from
    category: Category | None
    messages: tuple[Template, ...]
    description: str | None
    retryable: bool
    http_status: int | None
    deprecated: str | None  # "" when deprecated without a reason
    retired: str | None  # "" when retired without a reason
    class_given: str | None = None  # the spec's `class`, when it chooses one
    upstream_name: str | None = None  # the name as the upstream writes it, verbatim, if it has one
    aliases: tuple[Alias, ...] = ()
    kind: Kind = "error"
    extensions: Mapping[str, object] = field(default_factory=dict)
    # The variants' indexes in the order the runtimes try them (see `match_order`).
    match_order: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "match_order", match_order(self.messages))

    @property
    def class_name(self) -> str:
        """Its exception class in the targets that have classes: the spec's choice, or BadSymbolError."""
        return self.class_given or self.name.error_class

    @property
    def title(self) -> str:
        """How docs and lookups show it: the upstream name verbatim, else the identifier."""
        return self.upstream_name if self.upstream_name is not None else self.name

    def match(self, message: str) -> tuple[int, tuple[str, ...]] | None:
        """The reference rule every target implements: of the variants `message` fits, the most
        specific (see `specificity`), with the values of its placeholders; None when none fits."""
        for variant in self.match_order:
            params = self.messages[variant].match(message)
            if params is not None:
                return variant, params
        return None

    def match_loosely(self, message: str, tolerate: frozenset[str]) -> Match:
        """The reference rule for a message that may have drifted from the docs: exact first
        (`match`); then, with the catalog's tolerances, the message and the variants normalized
        alike (see `normalized`); then, with "detail", a variant followed by extra text. A match
        says how it was made; no match says why (`Match.reason`)."""
        exact = self.match(message)
        if exact is not None:
            return Match(exact[0], exact[1], "exact")
        if not self.messages:
            return Match(None, (), "none", reason="undocumented")
        if message == "":
            return Match(None, (), "none", reason="empty")
        if tolerate - {"detail"}:
            wanted = normalized(message, tolerate)
            for variant in self.match_order:
                template = self.messages[variant]
                values = split(loose_parts(template.parts, tolerate), wanted)
                if values is not None and _typed(template, values):
                    return Match(variant, values, "tolerant")
        if "detail" in tolerate:
            for variant in self.match_order:
                template = self.messages[variant]
                values = split((*loose_parts(template.parts, tolerate - {"punctuation"}), ""), message)
                if values is not None and values[-1] and _typed(template, values[:-1]):
                    return Match(variant, values[:-1], "tolerant", detail=values[-1])
        return Match(None, (), "none", reason="unmatched")

    @property
    def is_deprecated(self) -> bool:
        return self.deprecated is not None

    @property
    def is_retired(self) -> bool:
        return self.retired is not None

    @property
    def is_exception(self) -> bool:
        """Whether the targets give it an exception class: every kind but success."""
        return self.kind != "success"


Pointer = tuple[str, ...]  # a JSON Pointer's reference tokens, decoded; "*" is every item of an array
WILDCARD = "*"


def parse_pointer(text: str) -> Pointer:
    """RFC 6901: "/error/code" -> ("error", "code"); "~1" is "/" and "~0" is "~" in a token."""
    if not text.startswith("/"):
        raise ValueError(f"{text!r} is not a JSON Pointer: it starts with /")
    return tuple(token.replace("~1", "/").replace("~0", "~") for token in text[1:].split("/"))


def pointer_text(pointer: Pointer) -> str:
    return "".join("/" + token.replace("~", "~0").replace("/", "~1") for token in pointer)


@dataclass(frozen=True)
class Location:
    """Where a payload may hold an error: the code's and the message's JSON Pointers. Both have
    the same wildcards at the same places, so a batch item's message is read in its own item."""

    code: Pointer
    message: Pointer

    @property
    def wildcards(self) -> bool:
        return WILDCARD in self.code


@dataclass(frozen=True)
class Found:
    """One error (or success) a payload holds: the concrete JSON Pointer of its code, and its
    code and message as read."""

    pointer: str
    code: Code
    message: str


class PayloadShapeError(ValueError):
    """The payload holds no code where the catalog says one is, or holds one of the wrong type."""


TOLERANCES = ("whitespace", "punctuation", "backticks", "detail")
_WHITESPACE = " \t\n\r"  # ASCII only, alike in every runtime


@dataclass(frozen=True)
class Payload:
    """How the API's payloads carry errors: locations tried in order, whether an integer catalog
    reads a numeric string ("-2015") as its code, and which drifts of a message it tolerates."""

    locations: tuple[Location, ...]
    numeric_strings: bool = False
    tolerate: frozenset[str] = frozenset()

    @property
    def written(self) -> Location:
        """Where a server writes an error (to_payload): the first location without a wildcard."""
        return next(location for location in self.locations if not location.wildcards)

    @property
    def code_field(self) -> str:
        """The written location's code field (its last token), for docs and messages."""
        return self.written.code[-1]

    @property
    def message_field(self) -> str:
        return self.written.message[-1]

    def read(self, document: object, string_codes: bool) -> list[Found]:
        """The reference rule every runtime implements: every code the locations hold, in
        location order, array items in order, as (concrete pointer, code, message)."""
        found: list[Found] = []
        for location in self.locations:
            for where, code in _resolve(document, location.code, ()):
                message = _get(document, _concrete(location.message, where))
                found.append(
                    Found(
                        pointer_text(where),
                        self._code(code, where, string_codes),
                        self._message(message, where, location),
                    )
                )
        return found

    def _code(self, value: object, where: Pointer, string_codes: bool) -> Code:
        shown = pointer_text(where)
        if string_codes:
            if isinstance(value, str):
                return value
            raise PayloadShapeError(f"payload field {shown} must be a string")
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if self.numeric_strings and isinstance(value, str) and _canonical_integer(value):
            return int(value)
        raise PayloadShapeError(f"payload field {shown} must be an integer")

    @staticmethod
    def _message(value: object, where: Pointer, location: Location) -> str:
        if isinstance(value, str):
            return value
        raise PayloadShapeError(f"payload field {pointer_text(_concrete(location.message, where))} must be a string")


def _canonical_integer(text: str) -> bool:
    """-?(0|[1-9][0-9]*): the only way JSON itself writes an integer."""
    digits = text[1:] if text.startswith("-") else text
    return bool(digits) and digits.isascii() and digits.isdigit() and (digits == "0" or digits[0] != "0")


_MISSING = object()


def _get(document: object, pointer: Pointer) -> object:
    node = document
    for token in pointer:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif (
            isinstance(node, list)
            and _canonical_integer(token)
            and not token.startswith("-")
            and int(token) < len(node)
        ):
            node = node[int(token)]
        else:
            return _MISSING
    return node


def _resolve(node: object, pointer: Pointer, at: Pointer) -> list[tuple[Pointer, object]]:
    """Every (concrete pointer, value) the pointer reaches; "*" takes each item of an array."""
    if not pointer:
        return [(at, node)]
    token, rest = pointer[0], pointer[1:]
    if token == WILDCARD and isinstance(node, list):
        return [hit for index, item in enumerate(node) for hit in _resolve(item, rest, (*at, str(index)))]
    child = _get(node, (token,))
    return [] if child is _MISSING else _resolve(child, rest, (*at, token))


def _concrete(pointer: Pointer, where: Pointer) -> Pointer:
    """`pointer` with each wildcard replaced by the index the code's pointer took there."""
    return tuple(where[i] if token == WILDCARD else token for i, token in enumerate(pointer))


@dataclass(frozen=True)
class Extension:
    """An upstream field errgen does not model, declared by the catalog with its JSON type."""

    name: str
    type: str  # "string", "integer", "number", "boolean"
    description: str | None = None


@dataclass(frozen=True)
class Catalog:
    name: str
    title: str
    version: str
    source: str | None
    description: str | None
    code_type: str  # "integer" or "string"
    payload: Payload
    example: tuple[Code, str] | None
    categories: tuple[Category, ...]
    errors: tuple[ErrorDef, ...]
    # The spec's `targets` block as validated: each target's own settings, read by that target.
    options: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    placeholders: Style = "printf"
    extensions: tuple[Extension, ...] = ()

    @cached_property  # targets ask for it in loops: computed once per catalog
    def active(self) -> tuple[ErrorDef, ...]:
        """Errors the API may still send: these get constants."""
        return tuple(e for e in self.errors if not e.is_retired)

    @cached_property
    def exceptions(self) -> tuple[ErrorDef, ...]:
        """Active codes that get an exception class (all but the success kind)."""
        return tuple(e for e in self.errors if not e.is_retired and e.is_exception)

    @cached_property
    def retired(self) -> tuple[ErrorDef, ...]:
        return tuple(e for e in self.errors if e.is_retired)

    @cached_property
    def has_success(self) -> bool:
        return any(e.kind == "success" for e in self.active)

    @cached_property
    def category_ranges(self) -> tuple[tuple[int, int, Category], ...]:
        """Every (min, max, category), narrowest first: the order the runtimes look in."""
        found = [(low, high, c) for c in self.categories for low, high in c.ranges]
        return tuple(sorted(found, key=lambda r: r[1] - r[0]))

    @cached_property
    def category_prefixes(self) -> tuple[tuple[str, Category], ...]:
        """Every (prefix, category), longest first: the order the runtimes look in."""
        found = [(p, c) for c in self.categories for p in c.prefixes]
        return tuple(sorted(found, key=lambda r: -len(r[0])))

    def category_of(self, code: Code) -> Category | None:
        """The reference rule for a code the catalog does not list: the category whose declared
        range holding it is narrowest (whose prefix of it is longest). The validator rejects
        ranges that would leave this a tie."""
        if isinstance(code, int):
            return next((c for low, high, c in self.category_ranges if low <= code <= high), None)
        return next((c for prefix, c in self.category_prefixes if code.startswith(prefix)), None)
