"""Shared conformance vectors: payload in, expected error out, for every target's test suite.

Built from the validated catalog with the reference rules of generator.model (not from
any generated code), so the Python, TypeScript and Go suites are all held to one answer.
`python -m tests.vectors SPEC OUT.json` writes them. A vectors file holds:

* cases: payload -> the error it reads as (or {"error": "payload"}: refused; {"success": true}:
  a success code, read as no error);
* matches: (code, message) -> (variant in spec order, params, params_by_name), the matcher alone;
* codes: what the catalog says of each active code (title, kind, aliases, category, class, ...);
* lookups: [name, code or None], what a lookup by name finds (see lookup_names);
* categories: each category, and codes with the category their value gives (category_of) and
  the categories that contain them;
* retired: [code, former name];
* fits: [type, value, whether a placeholder of the type may hold the value].
"""

from __future__ import annotations

import json
import sys
from base64 import b64encode
from collections.abc import Callable
from itertools import cycle
from pathlib import Path
from typing import Any

from generator.model import PLACEHOLDER_TYPES, WILDCARD, Catalog, Category, Code, ErrorDef, Location, fits, pointer_text
from generator.validate import load_catalog

# How deeply a payload's JSON text may nest arrays and objects (the top-level object is 1); each
# runtime states the same number and refuses one level more.
MAX_PAYLOAD_DEPTH = 128

# Values a server might fill in, and values meant to trip a naive matcher.
FILL_VALUES = (
    "100",
    "10 SECOND",
    "with spaces",
    ".*+?[](){}|^$\\d",
    "100%",
    "%s",
    "'single' \"double\"",
    "héllo。",
    "🎉",
    "${x} */ </script>",
    "",
)

MALFORMED = {
    "not JSON": "not json",
    "a JSON array": "[1, 2]",
    "JSON null": "null",
    "a JSON string": '"text"',
    "an empty object": "{}",
    "deeply nested JSON": "[" * 100_000 + "]" * 100_000,
}


def _expect_known(error: ErrorDef, message: str, tolerate: frozenset[str]) -> dict[str, Any]:
    """What every runtime gives for a listed code: a success code gives no error at all."""
    if not error.is_exception:
        return {"success": True, "code": error.code, "name": error.name}
    match = error.match_loosely(message, tolerate)
    variant, params = match.variant, match.params
    named: dict[str, str] = {}
    if variant is not None:
        for placeholder, value in zip(error.messages[variant].placeholders, params, strict=True):
            if placeholder.name is not None:
                named.setdefault(placeholder.name, value)
    return {
        "code": error.code,
        "name": error.name,
        "class": error.class_name,
        "category": error.category.name if error.category is not None else None,
        "kind": error.kind,
        "variant": variant,
        "params": list(params),
        "params_by_name": named,
        "matched": match.how,
        "detail": match.detail,
        "mismatch": match.reason,
        "message": message,
        "retryable": error.retryable,
        "http_status": error.http_status,
    }


def _unused_code(catalog: Catalog, candidates: list[Code]) -> Code | None:
    known = {e.code for e in catalog.errors}
    return next((c for c in candidates if c not in known), None)


def build(catalog: Catalog) -> dict[str, Any]:
    code_key, message_key = catalog.payload.code_field, catalog.payload.message_field

    def payload(code: object, message: object) -> str:
        return json.dumps({code_key: code, message_key: message}, ensure_ascii=False)

    cases: list[dict[str, Any]] = []
    values = cycle(FILL_VALUES)
    for error in catalog.active:
        for index, template in enumerate(error.messages):
            message = template.format(*(next(values) for _ in range(template.arity)))
            cases.append(
                {
                    "name": f"{error.name} variant {index}",
                    "payload": payload(error.code, message),
                    "expect": _expect_known(error, message, catalog.payload.tolerate),
                }
            )
        unknown = "A message this catalog has never seen."
        cases.append(
            {
                "name": f"{error.name} with an unknown message",
                "payload": payload(error.code, unknown),
                "expect": _expect_known(error, unknown, catalog.payload.tolerate),
            }
        )

    string_codes = catalog.code_type == "string"
    # An unlisted code in each declared range (prefix), at both ends: nested ranges must give
    # the narrowest, whichever end.
    for low, high, category in catalog.category_ranges:
        for candidates in ([*range(high, max(low, high - 1000) - 1, -1)], [*range(low, min(high, low + 1000) + 1)]):
            code = _unused_code(catalog, candidates)
            if code is not None:
                cases.append(
                    {
                        "name": f"unknown code {code} in {category.name}",
                        "payload": payload(code, "Something new."),
                        "expect": _unknown(code, "Something new.", catalog.category_of(code)),
                    }
                )
    for prefix, category in catalog.category_prefixes:
        code = _unused_code(catalog, [f"{prefix}{suffix}" for suffix in ("ZZZ", "YYY", "XXX", "Z9Z")])
        if code is not None:
            cases.append(
                {
                    "name": f"unknown code {code} in {category.name}",
                    "payload": payload(code, "Something new."),
                    "expect": _unknown(code, "Something new.", catalog.category_of(code)),
                }
            )
    outside: list[Code] = ["ZZZZZ", "_"] if string_codes else [0, 1, -1, 999_999, -999_999]
    code = next(c for c in outside if catalog.category_of(c) is None and c not in {e.code for e in catalog.errors})
    cases.append(
        {"name": "code outside every category", "payload": payload(code, "?"), "expect": _unknown(code, "?", None)}
    )

    # The first code with a message that is an error: the payload-reading cases all use it.
    first = next(e for e in catalog.exceptions if e.messages)
    sample = first.code
    wrong_code: list[tuple[str, object]] = [("a boolean code", True), ("a float code", 1.5), ("a null code", None)]
    if string_codes:
        wrong_code.append(("a numeric code", 12345))
    elif not catalog.payload.numeric_strings:  # else read as the integer: see _location_cases
        wrong_code.append(("a numeric-string code", str(sample)))
    else:  # never leading zeros, a sign but "-", or spaces: JSON's own integers only
        wrong_code += [
            ("a numeric string with a leading zero", f"0{abs(sample)}"),
            ("a padded numeric string", f" {sample}"),
        ]
    if not string_codes:  # codes beyond what JavaScript holds exactly are refused by every target
        wrong_code += [("a code of 2**53", 2**53), ("a code of -(2**53)", -(2**53)), ("a code of 2**64", 2**64)]
        largest = 2**53 - 1
        cases.append(
            {
                "name": "the largest code every target holds",
                "payload": payload(largest, "?"),
                "expect": _unknown(largest, "?", catalog.category_of(largest)),
            }
        )
    for name, bad in wrong_code:
        cases.append({"name": name, "payload": payload(bad, "x"), "expect": {"error": "payload"}})
    cases.append({"name": "a number as message", "payload": payload(sample, 5), "expect": {"error": "payload"}})
    cases.append({"name": "no message", "payload": json.dumps({code_key: sample}), "expect": {"error": "payload"}})
    cases.append({"name": "no code", "payload": json.dumps({message_key: "x"}), "expect": {"error": "payload"}})
    # Not JSON by RFC 8259, though some parsers read it: every target must refuse it alike.
    valid = json.dumps({code_key: sample, message_key: first.messages[0].text}, ensure_ascii=False)
    for name, constant in (("NaN", "NaN"), ("Infinity", "Infinity"), ("-Infinity", "-Infinity")):
        cases.append(
            {
                "name": f"{name} in another field",
                "payload": valid[:-1] + f', "x": {constant}}}',
                "expect": {"error": "payload"},
            }
        )
    # JSON texts that say the same payload in other ways: every target must read them alike.
    first_message = first.messages[0].format(*["v"] * first.messages[0].arity)
    expected = _expect_known(first, first_message, catalog.payload.tolerate)

    def escaped(text: str) -> str:
        return '"' + "".join(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else c for c in text) + '"'

    same_code, same_message = json.dumps(first.code), json.dumps(first_message, ensure_ascii=False)
    keys = (json.dumps(code_key, ensure_ascii=False), json.dumps(message_key, ensure_ascii=False))
    unknown_code = json.dumps(outside[0] if string_codes else 424242)
    variants = {
        "duplicate fields: the last one counts": f"{{{keys[0]}: {unknown_code}, {keys[1]}: 1, "
        f"{keys[0]}: {same_code}, {keys[1]}: {same_message}}}",
        "escaped field names and message": f"{{{escaped(code_key)}: {same_code}, {escaped(message_key)}: "
        f"{escaped(first_message)}}}",
        "fields of nested objects do not count": f'{{"x": {{{keys[0]}: {unknown_code}, {keys[1]}: "y"}}, '
        f'"y": [{{{keys[0]}: 1}}], {keys[0]}: {same_code}, {keys[1]}: {same_message}, "z": {{}}}}',
        "whitespace everywhere": f" \n\t{{ {keys[0]} :\r\n{same_code} ,\n {keys[1]}\t: {same_message} }}\n ",
    }
    for name, text in variants.items():
        cases.append({"name": name, "payload": text, "expect": expected})

    # A lone surrogate escape decodes to no Unicode text: every target reads it as U+FFFD.
    lone = json.dumps({code_key: first.code, message_key: "\x00"}).replace("\\u0000", "a\\ud800b\\udc00")
    cases.append(
        {
            "name": "lone surrogate escapes in the message",
            "payload": lone,
            "expect": _expect_known(first, "a\ufffdb\ufffd", catalog.payload.tolerate),
        }
    )
    # Bytes that are no UTF-8 JSON text, though some parsers guess their way through (these cases
    # carry "payload_base64" and a null "payload": suites feed them as bytes only).
    encoded = {
        "a UTF-8 byte order mark": b"\xef\xbb\xbf" + valid.encode("utf-8"),
        "UTF-16 with a byte order mark": valid.encode("utf-16"),
        "UTF-32": valid.encode("utf-32-le"),
        "invalid UTF-8 in the message": valid.encode("utf-8")[:-2] + b'\xff"}',
    }
    for name, data in encoded.items():
        cases.append(
            {"name": name, "payload": None, "payload_base64": b64encode(data).decode(), "expect": {"error": "payload"}}
        )
    if not string_codes:  # JavaScript's JSON.parse reads both as integers; the text decides
        for name, written in (("a fraction", f"{sample}.0"), ("an exponent", f"{sample}e0")):
            text = json.dumps({code_key: 0, message_key: first.messages[0].text}, ensure_ascii=False)
            text = text.replace(": 0,", f": {written},", 1)
            cases.append({"name": f"a code written with {name}", "payload": text, "expect": {"error": "payload"}})
    for name, text in MALFORMED.items():
        cases.append({"name": name, "payload": text, "expect": {"error": "payload"}})
    cases += _nesting_cases(catalog, valid)
    cases += _matcher_cases(catalog, payload)
    cases += _location_cases(catalog)
    cases += _drift_cases(catalog, payload)
    return {
        "catalog": catalog.name,
        "code_type": catalog.code_type,
        "cases": cases,
        "matches": _matches(catalog),
        "codes": _codes(catalog),
        "lookups": _lookups(catalog),
        "categories": _categories(catalog),
        "retired": [[error.code, error.name] for error in catalog.retired],
        "fits": fits_table(),
    }


def _nesting_cases(catalog: Catalog, valid: str) -> list[dict[str, Any]]:
    """Every target reads JSON text nested up to MAX_PAYLOAD_DEPTH and refuses one level more,
    wherever the depth is: in an ignored field, or in the code or message field itself."""
    first = next(e for e in catalog.exceptions if e.messages)
    expected = _expect_known(first, first.messages[0].text, catalog.payload.tolerate)
    code_key, message_key = (
        json.dumps(k, ensure_ascii=False) for k in (catalog.payload.code_field, catalog.payload.message_field)
    )

    def nested(levels: int, inner: str = "0") -> str:  # `levels` arrays and objects, alternating, around 0
        opening = "".join('{"a":' if level % 2 else "[" for level in range(levels))
        closing = "".join("}" if level % 2 else "]" for level in reversed(range(levels)))
        return opening + inner + closing

    def with_extra(levels: int) -> str:
        return valid[:-1] + f', "extra": {nested(levels)}}}'

    brackets_in_text = "[{" * MAX_PAYLOAD_DEPTH + '\\"[{' * 3
    return [
        {
            "name": "nested to the limit in an ignored field",
            "payload": with_extra(MAX_PAYLOAD_DEPTH - 1),
            "expect": expected,
        },
        {
            "name": "nested one past the limit in an ignored field",
            "payload": with_extra(MAX_PAYLOAD_DEPTH),
            "expect": {"error": "payload"},
        },
        {
            "name": "nested ten thousand deep in an ignored field",
            "payload": with_extra(10_000),
            "expect": {"error": "payload"},
        },
        {
            "name": "a code nested 200,000 deep",
            "payload": f'{{{code_key}: {nested(200_000)}, {message_key}: "x"}}',
            "expect": {"error": "payload"},
        },
        {
            "name": "a message nested 200,000 deep",
            "payload": f"{{{code_key}: {json.dumps(first.code)}, {message_key}: {nested(200_000)}}}",
            "expect": {"error": "payload"},
        },
        {
            "name": "brackets inside strings do not nest",
            "payload": json.dumps(
                {
                    catalog.payload.code_field: first.code,
                    catalog.payload.message_field: brackets_in_text,
                    "x": brackets_in_text,
                },
                ensure_ascii=False,
            ),
            "expect": _expect_known(first, brackets_in_text, catalog.payload.tolerate),
        },
    ]


def _matcher_cases(catalog: Catalog, payload: Callable[[object, object], str]) -> list[dict[str, Any]]:
    """Messages that make a naive matcher guess wrong or backtrack: values made of the template's own
    literals, placeholders filled with the next literal, and near misses cut or padded at either end."""
    cases: list[dict[str, Any]] = []
    for error in catalog.active:
        for index, template in enumerate(error.messages):
            if template.arity == 0:
                continue
            literals = [p for p in template.parts if p] or ["x"]
            fills = {
                "its own literals": [literals[(i + 1) % len(literals)] for i in range(template.arity)],
                "every literal twice": ["".join(literals) * 2] * template.arity,
            }
            for how, values in fills.items():
                message = template.format(*values)
                for variant, text in (("", message), (" cut short", message[:-1]), (" padded", message + " ")):
                    cases.append(
                        {
                            "name": f"{error.name} variant {index} filled with {how}{variant}",
                            "payload": payload(error.code, text),
                            "expect": _expect_known(error, text, catalog.payload.tolerate),
                        }
                    )
    return cases


# A value of each placeholder type, for the placeholders not under test.
TYPED_FILL = {"s": "v", "d": "7", "i": "7", "f": "2.5", "b": "true"}

# Values to give a typed placeholder: of its type and of the others, at the edges of each.
TYPED_VALUES = (
    *("0", "-12", "007", "-0", "1.5", "-0.5e-3", "2E+10", "1.", ".5", "1e", "+1", "true", "false", "True"),
    *("", "-", "x", " 1", "1 ", "\uff11"),
)


def _matches(catalog: Catalog) -> list[dict[str, Any]]:
    """The matcher alone, (code, message) -> (variant in spec order or None, params, params by
    name), by the reference rules: each typed placeholder of a template holding each of
    TYPED_VALUES, the others a value of their type (a value not of its type falls through to a
    less specific variant), and each template with a named placeholder filled with distinct values."""
    found: list[dict[str, Any]] = []
    for error in catalog.active:
        messages: dict[str, None] = {}  # each message once per code
        for template in error.messages:
            base = [TYPED_FILL[p.type] for p in template.placeholders]
            for at, placeholder in enumerate(template.placeholders):
                if placeholder.type != "s":
                    messages.update({template.format(*base[:at], v, *base[at + 1 :]): None for v in TYPED_VALUES})
            if template.names():
                messages[template.format(*(f"v{i}" for i in range(template.arity)))] = None
        for message in messages:
            matched = error.match(message)
            variant, params = matched if matched is not None else (None, ())
            named = {n: params[i] for n, i in error.messages[variant].names().items()} if variant is not None else {}
            found.append(
                {
                    "code": error.code,
                    "message": message,
                    "variant": variant,
                    "params": [*params],
                    "params_by_name": named,
                }
            )
    return found


def _placed(location: Location, index: int, code: object, message: object) -> dict[str, Any]:
    """A payload holding code and message at `location`, wildcards taking array item `index`
    (earlier items are success-less fillers: objects without the code field)."""
    payload: dict[str, Any] = {}
    for pointer, value in ((location.code, code), (location.message, message)):
        node: Any = payload
        for depth, token in enumerate(pointer):
            last = depth == len(pointer) - 1
            if token == WILDCARD:
                while len(node) <= index:
                    node.append({})
                node = node[index]
                continue
            if last:
                node[token] = value
            else:
                following = pointer[depth + 1]
                node = node.setdefault(token, [] if following == WILDCARD else {})
    return payload


def _expect_all(catalog: Catalog, data: object) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The primary error of a payload and every error in it, by the model's reference rules."""
    found = catalog.payload.read(data, catalog.code_type == "string")
    by_code = {e.code: e for e in catalog.active}
    errors = []
    for item in found:
        error = by_code.get(item.code)
        if error is not None and not error.is_exception:
            continue
        expected = (
            _expect_known(error, item.message, catalog.payload.tolerate)
            if error is not None
            else _unknown(item.code, item.message, catalog.category_of(item.code))
        )
        errors.append({"pointer": item.pointer, **expected})
    primary = {k: v for k, v in errors[0].items() if k != "pointer"} if errors else {"success": True}
    return primary, errors


def _location_cases(catalog: Catalog) -> list[dict[str, Any]]:
    """Errors at every location the catalog declares, and a batch of an error and a success."""
    cases: list[dict[str, Any]] = []
    errors = [e for e in catalog.exceptions if e.messages]
    success = next((e for e in catalog.active if not e.is_exception), None)
    for number, location in enumerate(catalog.payload.locations):
        error = errors[number % len(errors)]
        message = error.messages[0].format(*("7" for _ in error.messages[0].placeholders))
        payloads = {"an error": _placed(location, 1 if location.wildcards else 0, error.code, message)}
        if catalog.payload.numeric_strings and isinstance(error.code, int):
            payloads["an error with a numeric-string code"] = _placed(location, 0, str(error.code), message)
        if success is not None:
            payloads["a success"] = _placed(location, 0, success.code, "")
            if location.wildcards:  # a batch: one item failed, one succeeded, the envelope succeeded
                batch = _placed(location, 0, success.code, "")
                for key, value in _placed(location, 1, error.code, message).items():
                    _merge(batch, key, value)
                first = catalog.payload.locations[0]
                if not first.wildcards:
                    for key, value in _placed(first, 0, success.code, "").items():
                        _merge(batch, key, value)
                payloads["a batch of a success and an error"] = batch
        for how, data in payloads.items():
            primary, every = _expect_all(catalog, data)
            cases.append(
                {
                    "name": f"{how} at {pointer_text(location.code)}",
                    "payload": json.dumps(data, ensure_ascii=False),
                    "expect": primary,
                    "all": every,
                }
            )
    return cases


def _merge(into: Any, key: Any, value: Any) -> None:
    """Deep-merge `value` at `key`: dicts key by key, lists item by item (non-empty items win)."""
    if key not in into if isinstance(into, dict) else key >= len(into):
        into[key] = value
        return
    current = into[key]
    if isinstance(current, dict) and isinstance(value, dict):
        for inner, item in value.items():
            _merge(current, inner, item)
    elif isinstance(current, list) and isinstance(value, list):
        for index, item in enumerate(value):
            if index >= len(current):
                current.append(item)
            elif item:
                _merge(current, index, item) if isinstance(current[index], dict) and current[
                    index
                ] else current.__setitem__(index, item)
    else:
        into[key] = value


def _drift_cases(catalog: Catalog, payload: Callable[[object, object], str]) -> list[dict[str, Any]]:
    """Each message drifted as real payloads drift it from the docs: a trailing space, a final
    period missing or added, backticks dropped, detail appended, and empty; every runtime must
    say how it matched (exact, tolerant, none) as the model does."""
    cases: list[dict[str, Any]] = []
    for error in catalog.exceptions:
        for index, template in enumerate(error.messages):
            message = template.format(*("5" for _ in template.placeholders))
            drifts = {
                "a trailing space": message + " ",
                "the final period missing": message[:-1] if message.endswith(".") else message + ".",
                "backticks dropped": message.replace("`", ""),
                "detail appended": message + " (order 42)",
            }
            for how, text in drifts.items():
                if text == message:
                    continue
                cases.append(
                    {
                        "name": f"{error.name} variant {index} with {how}",
                        "payload": payload(error.code, text),
                        "expect": _expect_known(error, text, catalog.payload.tolerate),
                    }
                )
        cases.append(
            {
                "name": f"{error.name} with an empty message",
                "payload": payload(error.code, ""),
                "expect": _expect_known(error, "", catalog.payload.tolerate),
            }
        )
    return cases


# What the fits table asks of fits(): TYPED_VALUES and more near misses of each type.
FITS_VALUES = (
    *TYPED_VALUES,
    *("7", "-7", "+7", "--7", "1E+3", "1e-3", "1.5e3", "1e+", "1.e3", "\u0661", "0x1F", "1_000", "1,5"),
    *("NaN", "Infinity", "FALSE", "truex", "\U0001f389"),
)


def fits_table() -> list[list[Any]]:
    """[type, value, whether a placeholder of that type may hold the value] (generator.model.fits)."""
    return [[kind, value, fits(kind, value)] for kind in PLACEHOLDER_TYPES for value in FITS_VALUES]


def lookup_names(catalog: Catalog) -> dict[str, Code]:
    """What a lookup by name finds (the reference rule for every target's by-name lookup): each
    active code's identifier and its aliases' identifiers first, then its upstream name (its title)
    and its aliases' upstream texts; of two codes with one name, the first in catalog order."""
    found: dict[str, Code] = {}
    for error in catalog.active:
        for name in (error.name, *(alias.name for alias in error.aliases)):
            found.setdefault(str(name), error.code)
    for error in catalog.active:
        for text in (error.title, *(alias.upstream for alias in error.aliases)):
            found.setdefault(text, error.code)
    return found


def _lookups(catalog: Catalog) -> list[list[Any]]:
    """[name, code or None]: every name a lookup finds, and names it must not (JavaScript's
    inherited properties, a wrong case, retired names)."""
    found = lookup_names(catalog)
    misses = ["", "toString", "constructor", "__proto__", "hasOwnProperty", catalog.active[0].name.lower()]
    misses += [error.name for error in catalog.retired]
    return [[name, code] for name, code in found.items()] + [[name, None] for name in misses if name not in found]


def _codes(catalog: Catalog) -> list[dict[str, Any]]:
    """What the catalog says of each active code, as every target's lookups show it."""
    return [
        {
            "code": error.code,
            "name": error.name,
            "title": error.title,
            "aliases": [{"name": alias.name, "title": alias.upstream} for alias in error.aliases],
            "kind": error.kind,
            "category": error.category.name if error.category is not None else None,
            "class": error.class_name if error.is_exception else None,
            "parent": error.category.class_name if error.category is not None else "ApiError",
            "messages": [template.text for template in error.messages],
            "parts": [list(template.parts) for template in error.messages],
            "retryable": error.retryable,
            "http_status": error.http_status,
            "deprecated": error.is_deprecated,
            "description": error.description,
        }
        for error in catalog.active
    ]


def _categories(catalog: Catalog) -> dict[str, Any]:
    """Each category, and codes around every range (prefix) with the category the reference rule
    gives them by their value (`category_of`) and the categories that contain them."""
    if catalog.code_type == "string":
        probes: list[Code] = [e.code for e in catalog.errors] + ["", "Z", "ZZZZZ"]
        for prefix, _ in catalog.category_prefixes:
            probes += [prefix, prefix + "Z", prefix[:-1], "Z" + prefix]
    else:
        probes = [e.code for e in catalog.errors] + [0, 2**53 - 1, -(2**53 - 1)]
        for low, high, _ in catalog.category_ranges:
            probes += [low - 1, low, high, high + 1]
    codes = []
    for code in dict.fromkeys(probes):
        found = catalog.category_of(code)
        codes.append(
            {
                "code": code,
                "category": found.name if found is not None else None,
                "in": [c.name for c in catalog.categories if c.contains(code)],
            }
        )
    listed = [
        {
            "name": c.name,
            "title": c.title,
            "class": c.class_name,
            "ranges": [list(r) for r in c.ranges],
            "prefixes": list(c.prefixes),
        }
        for c in catalog.categories
    ]
    return {"categories": listed, "codes": codes}


def _unknown(code: Code, message: str, category: Category | None) -> dict[str, Any]:
    return {
        "code": code,
        "name": None,
        "class": category.class_name if category else "ApiError",
        "category": category.name if category else None,
        "kind": "error",
        "variant": None,
        "params": [],
        "params_by_name": {},
        "matched": "none",
        "detail": None,
        "mismatch": "unknown_code",
        "message": message,
        "retryable": False,
        "http_status": None,
    }


def write(spec: Path, out: Path) -> Path:
    return write_catalog(load_catalog(spec.read_bytes()), out)


def write_catalog(catalog: Catalog, out: Path) -> Path:
    out.write_text(json.dumps(build(catalog), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    write(Path(sys.argv[1]), Path(sys.argv[2]))
