"""The catalog-independent half of a generated errgen package: copied verbatim into each one.

The generated __init__.py holds the catalog's data (codes, names, classes, message templates
already split at their placeholders) and thin typed wrappers over what is here: reading a
payload, matching a message to its variant, filling a template in. Nothing here knows a catalog,
and nothing here imports anything beyond the standard library.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Generic, Literal, TypeVar, overload

MAX_DEPTH = 128
"""How deeply a payload's JSON text may nest arrays and objects (its top-level object is 1).

Every target refuses a deeper text alike, whatever its parser or the caller's stack allows."""

Parts = tuple[str, ...]
"""A message template as the literals around its %s placeholders (%% already a literal %)."""

C = TypeVar("C")  # a generated package's Category enum


class PayloadError(ValueError):
    """The payload is not an error payload of this API (not JSON, not an object, bad fields)."""


def template_text(parts: Parts) -> str:
    """The template as the catalog writes it: %s between the parts, each % written %%."""
    return "%s".join(part.replace("%", "%%") for part in parts)


def fit(parts: Parts, message: str) -> tuple[str, ...] | None:
    """The values of a template's placeholders in `message`, or None when it does not fit.

    Literal parts are exact and each %s is the shortest run that lets the whole message
    match: each middle literal is taken at its leftmost occurrence, which one pass of
    substring searches finds. No regular expression, so the time is linear in the message.
    """
    first, last = parts[0], parts[-1]
    if len(parts) == 1:
        return () if message == first else None
    end = len(message) - len(last)
    if end < len(first) or not message.startswith(first) or not message.endswith(last):
        return None
    if len(parts) == 2:
        return (message[len(first) : end],)
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


class Info(Generic[C]):
    """What the catalog says about one code, and its message matcher."""

    __slots__ = ("_exact", "_templates", "category", "deprecated", "http_status", "messages", "parts", "retryable")

    def __init__(
        self,
        category: C,
        parts: tuple[Parts, ...],
        retryable: bool = False,
        http_status: int | None = None,
        deprecated: bool = False,
    ) -> None:
        self.category = category
        self.parts = parts
        self.messages = tuple(map(template_text, parts))
        self.retryable = retryable
        self.http_status = http_status
        self.deprecated = deprecated
        # Variants without placeholders are found by one dict lookup. The catalog's
        # validator guarantees no earlier variant matches their text, so trying them
        # first keeps the rule "the first variant in catalog order wins".
        self._exact: dict[str, int] = {}
        # The others, in catalog order, as (variant, first literal, last literal, len(first),
        # len(last), middle literals): fit() unrolled, since this is every client's hot path.
        self._templates: list[tuple[int, str, str, int, int, Parts]] = []
        for variant, template in enumerate(parts):
            if len(template) == 1:
                self._exact.setdefault(template[0], variant)
            else:
                first, last = template[0], template[-1]
                self._templates.append((variant, first, last, len(first), len(last), template[1:-1]))

    def match(self, message: str) -> tuple[int, tuple[str, ...]] | None:
        """The first variant `message` matches, and the values in it (the rule of fit())."""
        variant = self._exact.get(message)
        if variant is not None:
            return variant, ()
        for variant, first, last, start, tail, middles in self._templates:
            end = len(message) - tail
            if end < start or not message.startswith(first) or not message.endswith(last):
                continue
            if not middles:
                return variant, (message[start:end],)
            if len(middles) == 1:  # two placeholders, the most common shape after one
                found = message.find(middles[0], start, end)
                if found >= 0:
                    return variant, (message[start:found], message[found + len(middles[0]) : end])
                continue
            values = []
            at = start
            for part in middles:
                found = message.find(part, at, end)
                if found < 0:
                    break
                values.append(message[at:found])
                at = found + len(part)
            else:
                values.append(message[at:end])
                return variant, tuple(values)
        return None

    def format(self, variant: int, params: tuple[object, ...]) -> str:
        parts = self.parts[variant]
        if len(params) != len(parts) - 1:
            raise ValueError(f"{self.messages[variant]!r} takes {len(parts) - 1} value(s), got {len(params)}")
        out = [parts[0]]
        for param, part in zip(params, parts[1:], strict=True):
            out += [str(param), part]
        return "".join(out)


_BRACKET_OR_QUOTE = re.compile(r'[\[\]{}"]')
# The rest of a JSON string after its opening quote. Possessive quantifiers never backtrack,
# so each character is looked at once.
_STRING_REST = re.compile(r'(?:[^"\\]++|\\.)*+"', re.DOTALL)


def too_deep(text: str) -> bool:
    """Whether `text` nests deeper than MAX_DEPTH, in one pass (strings skipped whole)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:  # the common case, counted in C
        return False
    depth, at = 0, 0
    while True:
        found = _BRACKET_OR_QUOTE.search(text, at)
        if found is None:
            return False
        char, at = found.group(), found.end()
        if char == '"':
            rest = _STRING_REST.match(text, at)
            if rest is None:  # an unterminated string: json.loads reports it
                return False
            at = rest.end()
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        else:
            depth -= 1


def shown(value: object) -> str:
    """A field's value in an error message: short scalars as themselves, anything else by type
    (a repr of a deeply nested or huge value would itself fail or flood the message)."""
    if value is None or isinstance(value, (bool, int, float)) or (isinstance(value, str) and len(value) <= 40):
        return repr(value)
    return f"a value of type {type(value).__name__}"


def _not_json(constant: str) -> object:
    """NaN and Infinity are not JSON (RFC 8259), though Python's json reads them."""
    raise ValueError(f"{constant} is not a JSON value")


# A JSON escape like "\\ud800" decodes to a lone surrogate, which no UTF-8 text can hold: it
# becomes U+FFFD, as Go's decoder and the TypeScript package make it.
_SURROGATE = re.compile(r"[\ud800-\udfff]")

MAX_CODE = 2**53 - 1
"""The largest integer code every target holds exactly (JavaScript's safe integers)."""


Payload = Mapping[str, object] | str | bytes | bytearray


@overload
def read_payload(
    payload: Payload, code_field: str, message_field: str, string_codes: Literal[True]
) -> tuple[str, str]: ...
@overload
def read_payload(
    payload: Payload, code_field: str, message_field: str, string_codes: Literal[False]
) -> tuple[int, str]: ...
def read_payload(payload: Payload, code_field: str, message_field: str, string_codes: bool) -> tuple[int | str, str]:
    """The code and message of an error payload (a dict, or its JSON as text or UTF-8 bytes).

    Raises PayloadError when it is not one. An integer code outside ±MAX_CODE is refused too,
    after the caller has looked it up (see check_code), so known codes cost one test less.
    """
    data: Any = payload
    if type(data) is not dict:
        if isinstance(data, (bytes, bytearray)):
            # UTF-8 only, as RFC 8259 and every target say: json.loads would also guess UTF-16
            # or UTF-32 and skip a byte order mark.
            try:
                data = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise PayloadError(f"payload is not valid UTF-8: {exc}") from None
        if isinstance(data, str):
            if too_deep(data):
                raise PayloadError(f"payload nests deeper than {MAX_DEPTH} levels")
            try:
                data = json.loads(data, parse_constant=_not_json)
            except (ValueError, RecursionError) as exc:
                raise PayloadError(f"payload is not valid JSON: {exc}") from None
        if not isinstance(data, Mapping):
            raise PayloadError(f"payload must be a JSON object, got {type(data).__name__}")
    try:
        code = data[code_field]
        message = data[message_field]
    except KeyError as missing:
        raise PayloadError(f"payload has no {missing.args[0]!r} field") from None
    if string_codes:
        if not isinstance(code, str):
            raise PayloadError(f"payload field {code_field!r} must be a string, got {shown(code)}")
    elif type(code) is not int and (not isinstance(code, int) or isinstance(code, bool)):
        raise PayloadError(f"payload field {code_field!r} must be an integer, got {shown(code)}")
    if not isinstance(message, str):
        raise PayloadError(f"payload field {message_field!r} must be a string, got {shown(message)}")
    if not message.isascii():  # isascii() is a flag check: the common case costs nothing
        message = _SURROGATE.sub("\ufffd", message)
    return code, message


def check_code(code: int | str, code_field: str) -> None:
    """Refuse an integer code beyond what every target holds exactly."""
    if isinstance(code, int) and not -MAX_CODE <= code <= MAX_CODE:
        raise PayloadError(f"payload field {code_field!r} must be an integer within ±(2**53 - 1)")
