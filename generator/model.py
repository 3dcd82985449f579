"""The validated catalog: what every target renders from."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .naming import Name

Code = int | str

_PLACEHOLDER = re.compile(r"%(.|$)", re.DOTALL)
# A printf-style sequence, shown whole in errors: flags, width, precision, length, conversion (%-5.2ls).
_SEQUENCE = re.compile(r"%[-+ #0-9.*$']*(?:hh|ll|[hlLqjztI])?[a-zA-Z%@]?")


class PlaceholderError(ValueError):
    """A message uses a % sequence other than %s and %%."""


@dataclass(frozen=True)
class Template:
    """One message variant: literal parts around the %s placeholders.

    `text` is the spec's text, verbatim; `parts` are the literals between the
    placeholders with %% already turned into %, so len(parts) == arity + 1.
    """

    text: str
    parts: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Template:
        parts: list[str] = []
        literal: list[str] = []
        last = 0
        for match in _PLACEHOLDER.finditer(text):
            literal.append(text[last : match.start()])
            last = match.end()
            if match.group(1) == "%":
                literal.append("%")
            elif match.group(1) == "s":
                parts.append("".join(literal))
                literal = []
            else:
                shown = _SEQUENCE.match(text, match.start()).group()  # type: ignore[union-attr]
                raise PlaceholderError(
                    f"unsupported placeholder {shown!r} at character {match.start() + 1}: "
                    "use %s for a value and %% for a literal percent sign"
                )
        literal.append(text[last:])
        parts.append("".join(literal))
        return cls(text, tuple(parts))

    @property
    def arity(self) -> int:
        return len(self.parts) - 1

    def match(self, message: str) -> tuple[str, ...] | None:
        """The reference matching rule every target implements: literal parts exact, each %s
        the shortest run of any characters that lets the whole message match; the values of
        the placeholders, or None when the message does not fit.

        Taking each middle literal at its leftmost occurrence is that rule: any later choice
        only leaves less room for the parts after it. So one left-to-right pass of substring
        searches decides it, in time linear in the message (no backtracking, whatever the text).
        """
        parts = self.parts
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

    def covers(self, other: Template) -> bool:
        """Whether every message `other` matches is matched by this template too.

        `other` with each placeholder replaced by a character no spec text can hold
        (NUL) is matched only if this template's placeholders can absorb every
        possible value of `other`'s: an exact test for patterns whose only
        wildcard is "any string".
        """
        return self.match("\x00".join(other.parts)) is not None

    def format(self, *params: str) -> str:
        if len(params) != self.arity:
            raise ValueError(f"{self.text!r} takes {self.arity} value(s), got {len(params)}")
        return "".join(part + param for part, param in zip(self.parts, (*params, ""), strict=True))


@dataclass(frozen=True)
class Category:
    name: Name
    title: str
    label: str | None
    description: str | None
    range: tuple[int, int] | None  # inclusive (min, max), integer catalogs
    prefix: str | None  # string catalogs
    class_given: str | None = None  # the spec's `class`, when it chooses one

    @property
    def class_name(self) -> str:
        """Its exception class in the targets that have classes: the spec's choice, or RequestError."""
        return self.class_given or self.name.error_class

    def contains(self, code: Code) -> bool:
        if isinstance(code, int) and self.range is not None:
            return self.range[0] <= code <= self.range[1]
        if isinstance(code, str) and self.prefix is not None:
            return code.startswith(self.prefix)
        return False


@dataclass(frozen=True)
class ErrorDef:
    code: Code
    name: Name
    category: Category
    messages: tuple[Template, ...]
    description: str | None
    retryable: bool
    http_status: int | None
    deprecated: str | None  # "" when deprecated without a reason
    retired: str | None  # "" when retired without a reason
    class_given: str | None = None  # the spec's `class`, when it chooses one

    @property
    def class_name(self) -> str:
        """Its exception class in the targets that have classes: the spec's choice, or BadSymbolError."""
        return self.class_given or self.name.error_class

    def match(self, message: str) -> tuple[int, tuple[str, ...]] | None:
        """The reference rule every target implements: the first variant, in spec order, that
        `message` fits, with the values of its placeholders; None when it fits none."""
        for variant, template in enumerate(self.messages):
            params = template.match(message)
            if params is not None:
                return variant, params
        return None

    @property
    def is_deprecated(self) -> bool:
        return self.deprecated is not None

    @property
    def is_retired(self) -> bool:
        return self.retired is not None


@dataclass(frozen=True)
class Payload:
    code_field: str
    message_field: str


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
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def active(self) -> tuple[ErrorDef, ...]:
        """Errors the API may still send: these get constants and classes."""
        return tuple(e for e in self.errors if not e.is_retired)

    @property
    def retired(self) -> tuple[ErrorDef, ...]:
        return tuple(e for e in self.errors if e.is_retired)
