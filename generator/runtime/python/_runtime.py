"""The catalog-independent half of a generated errgen package: copied verbatim into each one.

The generated __init__.py holds the catalog's data (codes, names, classes, message templates
already split at their placeholders) and thin typed wrappers over what is here: reading a
payload, matching a message to its variant, filling a template in. Nothing here knows a catalog,
and nothing here imports anything beyond the standard library.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Generic, Literal, TypeVar, overload

MAX_DEPTH = 128
"""How deeply a payload's JSON text may nest arrays and objects (its top-level object is 1).

Every target refuses a deeper text alike, whatever its parser or the caller's stack allows."""

Parts = tuple[str, ...]
"""A message template as the literals around its %s placeholders (%% already a literal %)."""

C = TypeVar("C")  # a generated package's Category enum


class PayloadError(ValueError):
    """The payload is not an error payload of this API (not JSON, not an object, bad fields)."""


def template_text(parts: Parts, types: str | None = None, names: tuple[str | None, ...] | None = None) -> str:
    """The template as the catalog writes it, from its parts and its placeholders' types and names:
    {name} between the parts when a placeholder has a name (the braces style, parts verbatim), else
    %s, or %d for a placeholder of type "d" and so on, with each % of the parts written %%. A
    package gives the texts themselves for the templates this does not write back exactly."""
    if names is not None and any(name is not None for name in names):
        return parts[0] + "".join(f"{{{name or ''}}}{part}" for name, part in zip(names, parts[1:], strict=True))
    kinds = types if types is not None else "s" * (len(parts) - 1)
    rest = "".join(f"%{kind}{part.replace('%', '%%')}" for kind, part in zip(kinds, parts[1:], strict=True))
    return parts[0].replace("%", "%%") + rest


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


def fits(kind: str, value: str) -> bool:
    """Whether a placeholder of type `kind` may hold `value`, in one pass (no regex): "s" any
    text; "d" an integer, -?[0-9]+; "f" a number, -?[0-9]+(.[0-9]+)?([eE][-+]?[0-9]+)?; "b"
    true or false."""
    if kind == "s":
        return True
    if kind == "b":
        return value == "true" or value == "false"
    if kind == "d":  # the common typed case, in C: isdigit() alone would take other scripts' digits
        digits = value[1:] if value[:1] == "-" else value
        return digits.isascii() and digits.isdigit()
    at = _digits(value, 1 if value.startswith("-") else 0)
    if at < 0:
        return False
    if kind == "d":
        return at == len(value)
    if at < len(value) and value[at] == ".":
        at = _digits(value, at + 1)
    if 0 <= at < len(value) and value[at] in "eE":
        at = _digits(value, at + 2 if value[at + 1 : at + 2] in ("+", "-") and at + 2 <= len(value) else at + 1)
    return at == len(value)


def _digits(value: str, at: int) -> int:
    """The end of a non-empty run of ASCII digits from `at`, or -1 when there is none."""
    start = at
    while at < len(value) and "0" <= value[at] <= "9":
        at += 1
    return at if at > start else -1


Matched = tuple[int | None, tuple[str, ...], str, str | None, str | None]
"""A match: variant, params, how ("exact", "tolerant", "none"), detail, and why not ("empty",
"undocumented", "unmatched")."""


class Info(Generic[C]):
    """What the catalog says about one code, and its message matcher."""

    __slots__ = (
        "_templates",
        "category",
        "deprecated",
        "exact",
        "http_status",
        "kind",
        "messages",
        "names",
        "order",
        "parts",
        "retryable",
        "types",
        "upstream_name",
    )

    def __init__(
        self,
        category: C | None,
        parts: tuple[Parts, ...],
        retryable: bool = False,
        http_status: int | None = None,
        deprecated: bool = False,
        kind: str = "error",
        texts: tuple[str, ...] | None = None,
        types: tuple[str, ...] | None = None,
        names: tuple[tuple[str | None, ...], ...] | None = None,
        order: tuple[int, ...] | None = None,
        upstream_name: str | None = None,
    ) -> None:
        """`parts` are each variant's literals; `texts` the variants as written, when
        template_text does not write them back; `types` each variant's placeholder types ("sd"), when any is
        typed; `names` each variant's placeholder names, in the braces style; `order` the order
        to try variants in, when it is not spec order (the catalog's most-specific-wins rule)."""
        self.category = category
        self.parts = parts
        self.messages = (
            texts
            if texts is not None
            else tuple(
                template_text(template, types[variant] if types else None, names[variant] if names else None)
                for variant, template in enumerate(parts)
            )
        )
        self.names = names
        self.types = types
        self.order = order if order is not None else tuple(range(len(parts)))
        self.retryable = retryable
        self.http_status = http_status
        self.deprecated = deprecated
        self.kind = kind
        self.upstream_name = upstream_name
        # Variants without placeholders are found by one dict lookup: the catalog's rule lets
        # such a variant win over every other that fits its text.
        self.exact: dict[str, int] = {}
        """Each variant without placeholders by its text."""
        # The others, in the order to try them, as (variant, first literal, last literal,
        # len(first), len(last), middle literals, (index, type) of each placeholder whose type is
        # not "s", or None): fit() unrolled, since this is every client's hot path.
        self._templates: list[tuple[int, str, str, int, int, Parts, tuple[tuple[int, str], ...] | None]] = []
        for variant in order if order is not None else range(len(parts)):
            template = parts[variant]
            if len(template) == 1:
                self.exact.setdefault(template[0], variant)
                continue
            kinds = types[variant] if types is not None else ""
            # Only the placeholders that are not "s" (any text) have a type to check.
            typed = tuple((at, kind) for at, kind in enumerate(kinds) if kind != "s") or None
            first, last = template[0], template[-1]
            self._templates.append((variant, first, last, len(first), len(last), template[1:-1], typed))

    def match(self, message: str) -> tuple[int, tuple[str, ...]] | None:
        """The variant `message` matches and the values in it (the rule of fit(), each value
        then fitting its placeholder's type), trying variants most specific first."""
        variant = self.exact.get(message)
        if variant is not None:
            return variant, ()
        for variant, first, last, start, tail, middles, typed in self._templates:
            end = len(message) - tail
            if end < start or not message.startswith(first) or not message.endswith(last):
                continue
            if not middles:
                values: tuple[str, ...] = (message[start:end],)
            elif len(middles) == 1:  # two placeholders, the most common shape after one
                found = message.find(middles[0], start, end)
                if found < 0:
                    continue
                values = (message[start:found], message[found + len(middles[0]) : end])
            else:
                collected = []
                at = start
                for part in middles:
                    found = message.find(part, at, end)
                    if found < 0:
                        break
                    collected.append(message[at:found])
                    at = found + len(part)
                else:
                    collected.append(message[at:end])
                if len(collected) != len(middles) + 1:
                    continue
                values = tuple(collected)
            if typed is None:
                return variant, values
            for at, kind in typed:
                value = values[at]
                if kind == "d":  # fits(), inlined for the most common typed placeholder
                    digits = value[1:] if value[:1] == "-" else value
                    if not (digits.isascii() and digits.isdigit()):
                        break
                elif not fits(kind, value):
                    break
            else:
                return variant, values
        return None

    def match_loosely(self, message: str, tolerate: frozenset[str]) -> Matched:
        """The rule of generator.model.ErrorDef.match_loosely: exact first, then the message and
        the variants normalized by the catalog's tolerances, then a variant with extra detail."""
        exact = self.match(message)
        if exact is not None:
            return exact[0], exact[1], "exact", None, None
        if not self.parts:
            return None, (), "none", None, "undocumented"
        if message == "":
            return None, (), "none", None, "empty"
        if tolerate - {"detail"}:
            wanted = normalized(message, tolerate)
            for variant in self.order:
                values = fit(loose_parts(self.parts[variant], tolerate), wanted)
                if values is not None and self._typed(variant, values):
                    return variant, values, "tolerant", None, None
        if "detail" in tolerate:
            for variant in self.order:
                values = fit((*loose_parts(self.parts[variant], tolerate - {"punctuation"}), ""), message)
                if values is not None and values[-1] and self._typed(variant, values[:-1]):
                    return variant, values[:-1], "tolerant", values[-1], None
        return None, (), "none", None, "unmatched"

    def _typed(self, variant: int, values: tuple[str, ...]) -> bool:
        return self.types is None or all(map(fits, self.types[variant], values))

    def fill(self, variant: int, params: tuple[object, ...], named: Mapping[str, object]) -> str:
        """The message of `variant` with its values given by position, or by name (braces style)."""
        if named:
            names = self.names[variant] if self.names is not None else ()
            unknown = sorted(set(named) - {n for n in names if n is not None})
            if unknown or params:
                raise ValueError(
                    f"{self.messages[variant]!r} takes no value named {', '.join(unknown)}"
                    if unknown
                    else "give the values by position or by name, not both"
                )
            try:
                params = tuple(named[name] for name in names)  # type: ignore[index]
            except KeyError as missing:
                raise ValueError(f"{self.messages[variant]!r} needs a value for {missing.args[0]}") from None
        return self.format(variant, params)

    def params_by_name(self, variant: int | None, params: tuple[str, ...]) -> dict[str, str]:
        """The values of a match by placeholder name (the first of a repeated name wins)."""
        named: dict[str, str] = {}
        if variant is None or self.names is None:
            return named
        for name, value in zip(self.names[variant], params, strict=False):
            if name is not None:
                named.setdefault(name, value)
        return named

    def format(self, variant: int, params: tuple[object, ...]) -> str:
        parts = self.parts[variant]
        if len(params) != len(parts) - 1:
            raise ValueError(f"{self.messages[variant]!r} takes {len(parts) - 1} value(s), got {len(params)}")
        out = [parts[0]]
        for param, part in zip(params, parts[1:], strict=True):
            out += [str(param), part]
        return "".join(out)


Row = tuple[Any, ...]
"""One code in a generated package's table: its identifier, its templates' parts, then what Info
takes beyond them as keyword, value, keyword, value ..., only those it needs; with "aliases"
((identifier, upstream name) pairs), "description", "deprecated" (its reason, "" for none) and
"category" (its name, or None, when it is not the one its code's range or prefix gives) besides."""

K = TypeVar("K")  # a generated package's code type, int or str

_NOT_INFO = frozenset(("aliases", "description", "deprecated", "category"))
_UNSET: Any = object()


def class_name(identifier: str) -> str:
    """A code's exception class as errgen names it when the spec names none (BAD_SYMBOL ->
    BadSymbolError): a package lists only the classes this does not give."""
    return "".join(map(str.capitalize, identifier.split("_"))) + "Error"


# A digit followed by a letter in an identifier: str.title() would capitalize that letter.
_LETTER_AFTER_DIGIT = re.compile(r"[0-9][A-Z]")


def class_names(identifiers: list[str]) -> list[str]:
    """class_name of every identifier, in C where str.title() gives the same (no letter after a
    digit: it would capitalize that one), so the index of every class costs little."""
    joined = "\n".join(identifiers)
    if _LETTER_AFTER_DIGIT.search(joined) is not None:
        return [class_name(identifier) for identifier in identifiers]
    return (joined.title().replace("_", "").replace("\n", "Error\n") + "Error").split("\n")


class Table(Generic[K, C]):
    """A generated package's one table of codes, read on demand: a code's Info, and each lookup by
    name, is made the first time it is asked for, so importing the package costs no work per code."""

    __slots__ = ("_category", "_category_of", "_classes", "_given", "_identifiers", "_names", "infos", "rows")

    def __init__(
        self,
        rows: dict[K, Row],
        category: Callable[[str], C],
        category_of: Callable[[K], C | None],
        classes: dict[K, str | None],
    ) -> None:
        """`category` gives a category by name, `category_of` the one a code's range or prefix
        gives; `classes` are the codes whose class is not class_name(identifier): the spec's
        choice, or None for a code of the success kind."""
        self.rows = rows
        self._category = category
        self._category_of = category_of
        self._given = classes
        self.infos: dict[K, Info[C]] = {}
        """The Info of every code asked for so far (see info)."""
        self._identifiers: dict[str, K] | None = None
        self._names: dict[str, K] | None = None
        self._classes: dict[str, K] | None = None

    def info(self, code: K) -> Info[C] | None:
        """The Info of a code of the table, or None for a code it does not hold."""
        info = self.infos.get(code)
        if info is None:
            row = self.rows.get(code)
            if row is None:
                return None
            options = dict(zip(row[2::2], row[3::2], strict=True))
            named = options.get("category", _UNSET)
            if named is _UNSET:
                category = self._category_of(code)
            else:
                category = self._category(named) if named is not None else None
            deprecated = "deprecated" in options
            for key in _NOT_INFO.intersection(options):
                del options[key]
            info = Info(category, row[1], deprecated=deprecated, **options)
            self.infos[code] = info
        return info

    def option(self, code: K, name: str) -> Any:
        """A code's option from its row (None when it has none)."""
        row = self.rows[code]
        for at in range(2, len(row), 2):
            if row[at] == name:
                return row[at + 1]
        return None

    def deprecation(self, code: K) -> str | None:
        """Why a code is deprecated ("" when no reason is given), or None when it is not."""
        reason: str | None = self.option(code, "deprecated")
        return reason

    def class_name(self, code: K) -> str | None:
        """A code's own exception class, None for a success code."""
        given = self._given
        return given[code] if code in given else class_name(self.rows[code][0])

    def identifiers(self) -> dict[str, K]:
        """Every member's identifier and its aliases' identifiers -> code (ErrorCode["NAME"])."""
        if self._identifiers is None:
            found = {row[0]: code for code, row in self.rows.items()}
            for code, row in self.rows.items():
                if len(row) > 2 and "aliases" in row[2::2]:
                    for alias, _ in self.option(code, "aliases"):
                        found[alias] = code
            self._identifiers = found
        return self._identifiers

    def names(self) -> dict[str, K]:
        """Every name of every code (identifier, upstream name, its aliases' both) -> code; the
        first code to use a name keeps it (ErrorCode.by_name)."""
        if self._names is None:
            found: dict[str, K] = {}
            for code, row in self.rows.items():
                found.setdefault(row[0], code)
                # Its options, read where they are (a dict of each row's costs more than the rest).
                upstream: str | None = None
                aliases: tuple[tuple[str, str], ...] = ()
                for at in range(2, len(row), 2):
                    if row[at] == "upstream_name":
                        upstream = row[at + 1]
                    elif row[at] == "aliases":
                        aliases = row[at + 1]
                if upstream is not None:
                    found.setdefault(upstream, code)
                if aliases:
                    for name in (*(a for a, _ in aliases), *(u for _, u in aliases)):
                        found.setdefault(name, code)
            self._names = found
        return self._names

    def classes(self) -> dict[str, K]:
        """Every code's own exception class name -> code."""
        if self._classes is None:
            rows, given = self.rows, self._given
            names = class_names([row[0] for row in rows.values()])
            if given:
                found = {name: code for name, code in zip(names, rows, strict=True) if code not in given}
                found.update({name: code for code, name in given.items() if name is not None})
            else:
                found = dict(zip(names, rows, strict=True))
            self._classes = found
        return self._classes

    def doc(self, code: K) -> str:
        """The docstring of a code's class: the code, its title and first message, its description
        and why it is deprecated."""
        row = self.rows[code]
        info = self.info(code)
        assert info is not None
        doc = f"{code} {info.upstream_name or row[0]}" + (f": {info.messages[0]}" if info.messages else ".")
        description = self.option(code, "description")
        if description:
            doc += "\n\n" + description
        reason = self.deprecation(code)
        if reason is not None:
            doc += "\n\nDeprecated" + (f": {reason}" if reason else ".")
        return doc


E = TypeVar("E", bound=BaseException)


def error_class(base: type[E], name: str, module: str, code: K, default: str, doc: str, **constants: object) -> type[E]:
    """A code's own exception class under `base`, made on first use: `name(message=default)` is
    `base(code, message)`; `constants` (its CODE ...) become class attributes."""
    make = base.__init__

    def __init__(self: E, message: str = default) -> None:
        make(self, code, message)

    __init__.__qualname__ = f"{name}.__init__"
    namespace = {"__slots__": (), "__doc__": doc, "__module__": module, "__qualname__": name, "__init__": __init__}
    return type(name, (base,), {**namespace, **constants})


M = TypeVar("M")


class CodeType(type):
    """The metaclass of a generated ErrorCode: what Enum's gives (ErrorCode["NAME"], iteration in
    catalog order, len, `in`, __members__) over members each made the first time it is asked for.
    The class gives `_table` (its Table) and makes a member by being called with its code."""

    _table: Table[Any, Any]

    def __getitem__(cls: type[M], name: str) -> M:
        code = _table(cls).identifiers().get(name)
        if code is None:
            raise KeyError(name)
        member: M = _call(cls, code)
        return member

    def __iter__(cls: type[M]) -> Iterator[M]:
        return (_call(cls, code) for code in _table(cls).rows)

    def __reversed__(cls: type[M]) -> Iterator[M]:
        return (_call(cls, code) for code in reversed(_table(cls).rows))

    def __len__(cls) -> int:
        return len(cls._table.rows)

    def __contains__(cls, value: object) -> bool:
        return isinstance(value, cls) or (isinstance(value, (int, str)) and value in cls._table.rows)

    @property
    def __members__(cls: type[M]) -> Mapping[str, M]:
        """Every identifier, aliases' too, -> its member (as Enum's __members__)."""
        return MappingProxyType({name: _call(cls, code) for name, code in _table(cls).identifiers().items()})

    def __dir__(cls) -> list[str]:
        return sorted({*super().__dir__(), *cls._table.identifiers()})


def _table(cls: object) -> Table[Any, Any]:
    table: Table[Any, Any] = getattr(cls, "_table")  # noqa: B009 - a self-typed metaclass method's class
    return table


def _call(cls: Callable[[Any], M], code: object) -> M:
    return cls(code)


def _member_by_name(cls: type, name: str) -> object:
    """ErrorCode.NAME: a class attribute lookup that found nothing else (set as CodeType's
    __getattr__, which type checkers do not see: they know every member's name, and no other)."""
    if not name.startswith("_"):
        code = _table(cls).identifiers().get(name)
        if code is not None:
            member = cls(code)
            type.__setattr__(cls, name, member)  # found in the class from now on
            return member
    raise AttributeError(f"type object {cls.__name__!r} has no attribute {name!r}")


setattr(CodeType, "__getattr__", _member_by_name)  # noqa: B010 - hidden from type checkers on purpose


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
    data: Any = payload if type(payload) is dict else parse(payload)  # a dict costs no call
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
        shown_at = code_field if code_field.startswith("/") else repr(code_field)
        raise PayloadError(f"payload field {shown_at} must be an integer within ±(2**53 - 1)")


def build_payload(location: Location, code: int | str, message: str) -> dict[str, object]:
    """The payload that carries `code` and `message` at `location` (no wildcard in it)."""
    payload: dict[str, object] = {}
    for pointer, value in zip(location, (code, message), strict=True):
        node = payload
        for token in pointer[:-1]:
            child = node.setdefault(token, {})
            assert isinstance(child, dict)
            node = child
        node[pointer[-1]] = value
    return payload


Location = tuple[tuple[str, ...], tuple[str, ...]]
"""Where a payload may hold an error: its code's and its message's JSON Pointer tokens ("*" is
every item of an array)."""

Found = tuple[str, int | str, str]
"""An error (or success) a payload holds: its code's concrete JSON Pointer, its code, its message."""

_MISSING = object()


def parse(payload: Payload) -> object:
    """A payload as JSON data: a dict as it is, or its JSON as text or UTF-8 bytes."""
    data: Any = payload
    if type(data) is dict:
        return data
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
    return data


def _child(node: object, token: str) -> object:
    if isinstance(node, Mapping):
        return node.get(token, _MISSING)
    if isinstance(node, list) and token.isascii() and token.isdigit() and (token == "0" or token[0] != "0"):
        index = int(token)
        return node[index] if index < len(node) else _MISSING
    return _MISSING


def _resolve(
    node: object, pointer: tuple[str, ...], at: str, found: list[tuple[str, object, list[str]]], items: list[str]
) -> None:
    """Every (concrete pointer, value, wildcard indexes) `pointer` reaches from `node`."""
    for depth, token in enumerate(pointer):
        if token == "*" and isinstance(node, list):
            rest = pointer[depth + 1 :]
            for index, item in enumerate(node):
                _resolve(item, rest, f"{at}/{index}", found, [*items, str(index)])
            return
        if token == "*":  # not an array: a member named "*", as the message's pointer reads it too
            items = [*items, "*"]
        node = _child(node, token)
        if node is _MISSING:
            return
        at += "/" + token.replace("~", "~0").replace("/", "~1")
    found.append((at, node, items))


def _code_of(value: object, where: str, string_codes: bool, numeric_strings: bool) -> int | str:
    if string_codes:
        if isinstance(value, str):
            return value
        raise PayloadError(f"payload field {where} must be a string, got {shown(value)}")
    if type(value) is int:
        return value
    if numeric_strings and isinstance(value, str):
        digits = value[1:] if value.startswith("-") else value
        if digits.isascii() and digits.isdigit() and (digits == "0" or digits[0] != "0"):
            return int(value)
    raise PayloadError(f"payload field {where} must be an integer, got {shown(value)}")


@overload
def read_errors(
    payload: Payload, locations: tuple[Location, ...], string_codes: Literal[True], numeric_strings: bool
) -> Sequence[tuple[str, str, str]]: ...
@overload
def read_errors(
    payload: Payload, locations: tuple[Location, ...], string_codes: Literal[False], numeric_strings: bool
) -> Sequence[tuple[str, int, str]]: ...
def read_errors(
    payload: Payload, locations: tuple[Location, ...], string_codes: bool, numeric_strings: bool
) -> Sequence[Found]:
    """Every code the catalog's locations hold in a payload, in location order and array items in
    order, each with its message (the reference rule of generator.model.Payload.read).

    Raises PayloadError when the payload is not JSON, or holds no code at any location, or holds
    one (or its message) of the wrong type.
    """
    data = parse(payload)
    found: list[Found] = []
    for code_at, message_at in locations:
        hits: list[tuple[str, object, list[str]]] = []
        _resolve(data, code_at, "", hits, [])
        for where, value, items in hits:
            indexes = iter(items)
            concrete = [next(indexes) if token == "*" else token for token in message_at]
            message: object = data
            for token in concrete:
                message = _child(message, token)
                if message is _MISSING:
                    shown_at = "/" + "/".join(concrete)
                    raise PayloadError(f"payload has a code at {where} but no message at {shown_at}")
            if not isinstance(message, str):
                raise PayloadError(f"payload field {'/' + '/'.join(concrete)} must be a string, got {shown(message)}")
            if not message.isascii():
                message = _SURROGATE.sub("\ufffd", message)
            code = _code_of(value, where, string_codes, numeric_strings)
            check_code(code, where)
            found.append((where, code, message))
    if not found:
        places = ", ".join("/" + "/".join(code_at) for code_at, _ in locations)
        raise PayloadError(f"payload holds no code at {places}")
    return found


_WHITESPACE = " \t\n\r"


def _trimmed_end(text: str, tolerate: frozenset[str]) -> str:
    if "whitespace" in tolerate:
        text = text.rstrip(_WHITESPACE)
    if "punctuation" in tolerate and text[-1:] in (".", "。"):
        text = text[:-1]
        if "whitespace" in tolerate:
            text = text.rstrip(_WHITESPACE)
    return text


def normalized(message: str, tolerate: frozenset[str]) -> str:
    """A message as the tolerances compare it (generator.model.normalized)."""
    if "whitespace" in tolerate:
        message = message.lstrip(_WHITESPACE)
    return _trimmed_end(message, tolerate)


def loose_parts(parts: Parts, tolerate: frozenset[str]) -> Parts:
    """A template's parts as the tolerances compare them (generator.model.loose_parts)."""
    out = list(parts)
    if "backticks" in tolerate:
        for index in range(len(out) - 1):
            if out[index].endswith("`") and out[index + 1].startswith("`"):
                out[index], out[index + 1] = out[index][:-1], out[index + 1][1:]
    if "whitespace" in tolerate:
        out[0] = out[0].lstrip(_WHITESPACE)
    out[-1] = _trimmed_end(out[-1], tolerate)
    return tuple(out)
