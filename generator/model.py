"""The validated catalog: what every target renders from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.naming import Name

Code = int | str

_PLACEHOLDER = re.compile(r"%(.|$)", re.DOTALL)
_SEQUENCE = re.compile(r"%[-+ #0-9.*]*[a-zA-Z%]?")  # a printf-style sequence, to show in errors


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

    @property
    def pattern(self) -> re.Pattern[str]:
        """The reference matching rule every target implements: literal parts exact,
        each %s the shortest run of any characters that lets the whole message match."""
        return re.compile("(.*?)".join(map(re.escape, self.parts)), re.DOTALL)

    def covers(self, other: Template) -> bool:
        """Whether every message `other` matches is matched by this template too.

        `other` with each placeholder replaced by a character no spec text can hold
        (NUL) is matched only if this template's placeholders can absorb every
        possible value of `other`'s: an exact test for patterns whose only
        wildcard is "any string".
        """
        return self.pattern.fullmatch("\x00".join(other.parts)) is not None

    def match(self, message: str) -> tuple[str, ...] | None:
        found = self.pattern.fullmatch(message)
        return found.groups() if found else None

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
class Packages:
    """What each target's package is called."""

    python: str  # import name
    python_distribution: str
    typescript: str  # npm name
    go_module: str
    go_package: str


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
    packages: Packages

    @property
    def active(self) -> tuple[ErrorDef, ...]:
        """Errors the API may still send: these get constants and classes."""
        return tuple(e for e in self.errors if not e.is_retired)

    @property
    def retired(self) -> tuple[ErrorDef, ...]:
        return tuple(e for e in self.errors if e.is_retired)
