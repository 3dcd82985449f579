"""Shared conformance vectors: payload in, expected error out, for every target's test suite.

Built from the validated catalog with the reference rules of generator.model (not from
any generated code), so the Python, TypeScript and Go suites are all held to one answer.
`python -m tests.vectors SPEC OUT.json` writes them.

Two kinds of vectors:

* `cases`: a payload and what `from_payload` gives for it: `{"error": "payload"}` when it is no
  error payload, null for a code of the success kind (no error), else the error's fields;
* `matches`: a known code and a message, and the variant (index in spec order, null for none),
  the params and the params by name (first placeholder of a name wins; {} for printf) its match
  gives: typed placeholders filled with values of their type and of others, named ones.
"""

from __future__ import annotations

import json
import sys
from base64 import b64encode
from collections.abc import Callable
from itertools import cycle
from pathlib import Path
from typing import Any

from generator.model import Catalog, Category, Code, ErrorDef, Template, fits
from generator.validate import load_catalog

# How deeply a payload's JSON text may nest arrays and objects (the top-level object is 1); each
# runtime states the same number and refuses one level more.
MAX_PAYLOAD_DEPTH = 128

# A value of each placeholder type, for a placeholder that is not the one under test.
TYPED_FILL = {"s": "v", "d": "7", "i": "7", "f": "2.5", "b": "true"}

# Values to try in a typed placeholder: of its type and of the others, at the edges of each.
TYPED_VALUES = (
    "0",
    "-12",
    "007",
    "-0",
    "1.5",
    "-0.5e-3",
    "2E+10",
    "1.",
    ".5",
    "1e",
    "+1",
    "true",
    "false",
    "True",
    "",
    "-",
    "x",
    " 1",
    "1 ",
)

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


def _expect_known(error: ErrorDef, message: str) -> dict[str, Any] | None:
    if not error.is_exception:
        return None  # a success code: from_payload gives no error
    matched = error.match(message)
    variant, params = matched if matched is not None else (None, ())
    return {
        "code": error.code,
        "name": error.name,
        "class": error.class_name,
        "category": error.category.name if error.category is not None else None,
        "variant": variant,
        "params": list(params),
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
                    "expect": _expect_known(error, message),
                }
            )
        unknown = "A message this catalog has never seen."
        cases.append(
            {
                "name": f"{error.name} with an unknown message",
                "payload": payload(error.code, unknown),
                "expect": _expect_known(error, unknown),
            }
        )

    string_codes = catalog.code_type == "string"
    # An unknown code near either end and in the middle of every range, and under every prefix:
    # its category is that of the narrowest range, the longest prefix, that holds it
    # (Catalog.category_of), which nested ranges make another than the one it was picked from.
    unknown_codes: dict[Code, str] = {}
    for category in catalog.categories:
        for low, high in category.ranges:
            middle = (low + high) // 2
            for where, candidates in (
                ("at the top of", range(high, max(low, high - 1000) - 1, -1)),
                ("in the middle of", range(middle, max(low, middle - 1000) - 1, -1)),
                ("at the bottom of", range(low, min(high, low + 1000) + 1)),
            ):
                code = _unused_code(catalog, [c for c in candidates if c not in unknown_codes])
                if code is not None:
                    unknown_codes[code] = f"unknown code {where} {low}..{high} of {category.name}"
        for prefix in category.prefixes:
            found = _unused_code(catalog, [f"{prefix}{end}" for end in ("ZZZ", "YYY", "XXX", "Z9Z", "")])
            if found is not None and found not in unknown_codes:
                unknown_codes[found] = f"unknown code under {prefix!r} of {category.name}"
    for code, name in unknown_codes.items():
        message = "Something new."
        cases.append(
            {
                "name": name,
                "payload": payload(code, message),
                "expect": _unknown(code, message, catalog.category_of(code)),
            }
        )
    outside: list[Code] = ["ZZZZZ", "_", "~~~~~"] if string_codes else [0, 1, -1, 999_999, -999_999, 2**31 - 1]
    code = next(c for c in outside if catalog.category_of(c) is None and c not in {e.code for e in catalog.errors})
    cases.append(
        {"name": "code outside every category", "payload": payload(code, "?"), "expect": _unknown(code, "?", None)}
    )

    sample_error, sample_message = sample_code(catalog)
    sample = sample_error.code
    wrong_code: list[tuple[str, object]] = [("a boolean code", True), ("a float code", 1.5), ("a null code", None)]
    wrong_code.append(("a numeric code", 12345) if string_codes else ("a numeric-string code", str(sample)))
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
    valid = json.dumps({code_key: sample, message_key: sample_message}, ensure_ascii=False)
    for name, constant in (("NaN", "NaN"), ("Infinity", "Infinity"), ("-Infinity", "-Infinity")):
        cases.append(
            {
                "name": f"{name} in another field",
                "payload": valid[:-1] + f', "x": {constant}}}',
                "expect": {"error": "payload"},
            }
        )
    # JSON texts that say the same payload in other ways: every target must read them alike.
    first_message = _fill(sample_error.messages[0], "v") if sample_error.messages else sample_message
    expected = _expect_known(sample_error, first_message)

    def escaped(text: str) -> str:
        return '"' + "".join(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else c for c in text) + '"'

    same_code, same_message = json.dumps(sample), json.dumps(first_message, ensure_ascii=False)
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
    first = sample_error
    lone = json.dumps({code_key: first.code, message_key: "\x00"}).replace("\\u0000", "a\\ud800b\\udc00")
    cases.append(
        {
            "name": "lone surrogate escapes in the message",
            "payload": lone,
            "expect": _expect_known(first, "a\ufffdb\ufffd"),
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
            text = json.dumps({code_key: 0, message_key: sample_message}, ensure_ascii=False)
            text = text.replace(": 0,", f": {written},", 1)
            cases.append({"name": f"a code written with {name}", "payload": text, "expect": {"error": "payload"}})
    for name, text in MALFORMED.items():
        cases.append({"name": name, "payload": text, "expect": {"error": "payload"}})
    cases += _nesting_cases(catalog, valid)
    cases += _matcher_cases(catalog, payload)
    return {"catalog": catalog.name, "code_type": catalog.code_type, "cases": cases, "matches": _matches(catalog)}


def sample_code(catalog: Catalog) -> tuple[ErrorDef, str]:
    """The code the payload-shape cases use, an error with a message when there is one, and its
    first message (a fixed one for a code without any)."""
    candidates = [e for e in catalog.exceptions if e.messages] or [*catalog.exceptions] or [*catalog.active]
    error = candidates[0]
    return error, error.messages[0].text if error.messages else "Something."


def _fill(template: Template, value: str) -> str:
    """The template with every placeholder holding `value`, or a value of its type when that one
    is not (so that the message is one of the template's own)."""
    return template.format(*(value if fits(p.type, value) else TYPED_FILL[p.type] for p in template.placeholders))


def _nesting_cases(catalog: Catalog, valid: str) -> list[dict[str, Any]]:
    """Every target reads JSON text nested up to MAX_PAYLOAD_DEPTH and refuses one level more,
    wherever the depth is: in an ignored field, or in the code or message field itself."""
    first = catalog.active[0]
    expected = _expect_known(first, first.messages[0].text)
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
            "expect": _expect_known(first, brackets_in_text),
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
                            "expect": _expect_known(error, text),
                        }
                    )
    return cases


def _matches(catalog: Catalog) -> list[dict[str, Any]]:
    """For each template with a typed or a named placeholder: each typed placeholder holding each
    of TYPED_VALUES (the others a value of their type), and every placeholder a distinct value, as
    the reference rules match them (ErrorDef.match: the most specific variant that fits wins)."""
    found: list[dict[str, Any]] = []
    for error in catalog.active:
        tried: dict[str, str] = {}  # each message once per code, named after the first way to it
        for index, template in enumerate(error.messages):
            if not template.typed and not template.names():
                continue
            base = [TYPED_FILL[p.type] for p in template.placeholders]
            for at, placeholder in enumerate(template.placeholders):
                if placeholder.type != "s":
                    for value in TYPED_VALUES:
                        message = template.format(*base[:at], value, *base[at + 1 :])
                        tried.setdefault(message, f"variant {index}, {placeholder.text} {at} holding {value!r}")
            distinct = [f"v{i}" if p.type == "s" else TYPED_FILL[p.type] for i, p in enumerate(template.placeholders)]
            tried.setdefault(template.format(*distinct), f"variant {index}, distinct values")
        for message, how in tried.items():
            found.append(
                {"name": f"{error.name} {how}", "code": error.code, "message": message, **_matched(error, message)}
            )
    return found


def _matched(error: ErrorDef, message: str) -> dict[str, Any]:
    matched = error.match(message)
    if matched is None:
        return {"variant": None, "params": [], "params_by_name": {}}
    variant, params = matched
    names = error.messages[variant].names()
    return {"variant": variant, "params": list(params), "params_by_name": {n: params[i] for n, i in names.items()}}


def _unknown(code: Code, message: str, category: Category | None) -> dict[str, Any]:
    return {
        "code": code,
        "name": None,
        "class": category.class_name if category else "ApiError",
        "category": category.name if category else None,
        "variant": None,
        "params": [],
        "message": message,
        "retryable": False,
        "http_status": None,
    }


def write(spec: Path, out: Path) -> Path:
    out.write_text(
        json.dumps(build(load_catalog(spec.read_bytes())), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return out


if __name__ == "__main__":
    write(Path(sys.argv[1]), Path(sys.argv[2]))
