"""The spec format's v2 rules, in process: what each feature accepts, and what it refuses and how.

Each case is a small spec written here; expected values are read off the spec's text.
"""

from __future__ import annotations

import pytest

from generator.diagnostics import SpecError
from generator.model import Catalog
from generator.naming import Name, forget_names, identifier
from generator.validate import load_catalog

HEAD = """\
catalog:
  name: demo
  title: Demo
  version: 1.0.0
  code_type: {code_type}
  payload: {{code: code, message: msg}}
"""


def load(body: str, code_type: str = "integer") -> Catalog:
    return load_catalog((HEAD.format(code_type=code_type) + body).encode())


def problems(body: str, code_type: str = "integer") -> list[str]:
    with pytest.raises(SpecError) as raised:
        load(body, code_type)
    return [f"{d.position.line}:{d.position.column}: {d.message}" for d in raised.value.diagnostics]


@pytest.mark.parametrize(
    ("name", "code", "expected"),
    [
        ("BAD_SYMBOL", -1121, "BAD_SYMBOL"),  # an identifier already is its own
        ("A1B", 1, "A1B"),
        ("Request Throttled", 1, "REQUEST_THROTTLED"),  # spaces (Stripe-like titles)
        ("Exceed_Maximum_Modify_Order_Limit", 1, "EXCEED_MAXIMUM_MODIFY_ORDER_LIMIT"),
        ("ThrottlingException", 1, "THROTTLING_EXCEPTION"),  # AWS error codes
        ("HTTPError", 1, "HTTP_ERROR"),
        ("invalid_request_error", 1, "INVALID_REQUEST_ERROR"),  # Stripe error types
        ("ER_DUP_ENTRY", 1062, "ER_DUP_ENTRY"),  # MySQL
        ("Operation failed.", 1, "OPERATION_FAILED"),  # a period
        ("401 Unauthorized", 401, "E_401_UNAUTHORIZED"),
        (None, -1121, "E_MINUS_1121"),  # numbered only (OKX)
        (None, 50011, "E_50011"),
        (None, "2202E", "E_2202E"),
        ("éàü", 7, "E_7"),  # nothing ASCII to make words of
    ],
)
def test_identifiers_derive_by_the_documented_rule(name: str | None, code: int | str, expected: str) -> None:
    assert identifier(name, code) == expected


@pytest.mark.parametrize(
    ("name", "pascal"),
    [
        ("BAD_SYMBOL", "BadSymbol"),
        ("ER_DUP_ENTRY", "ErDupEntry"),  # MySQL
        ("E_2202E", "E2202e"),  # a PostgreSQL SQLSTATE
        ("A1B", "A1b"),
        ("A__B", "AB"),
    ],
)
def test_a_name_makes_its_class_names_the_same_before_and_after_its_catalog_is_let_go(name: str, pascal: str) -> None:
    """What a name makes is kept by errgen's naming, not in each of 100,000 names (no __dict__)."""
    made = Name(name)
    assert not hasattr(made, "__dict__")
    assert (made.pascal, made.error_class) == (pascal, pascal + "Error")
    forget_names()
    assert (made.pascal, made.error_class) == (pascal, pascal + "Error")


def test_upstream_names_are_kept_and_identifiers_overridable() -> None:
    catalog = load(
        "errors:\n"
        '  - {code: 1, name: "Request Throttled"}\n'
        '  - {code: 2, name: "Request Throttled.", identifier: THROTTLED_AGAIN}\n'
        "  - {code: 3}\n"
    )
    assert [(e.name, e.upstream_name, e.title) for e in catalog.errors] == [
        ("REQUEST_THROTTLED", "Request Throttled", "Request Throttled"),
        ("THROTTLED_AGAIN", "Request Throttled.", "Request Throttled."),
        ("E_3", None, "E_3"),
    ]
    assert [e.messages for e in catalog.errors] == [(), (), ()] and catalog.categories == ()


def test_names_that_derive_alike_are_reported_not_renamed() -> None:
    assert problems(
        'errors:\n  - {code: 1, name: "Request Throttled"}\n  - {code: 2, name: "request-throttled"}\n'
    ) == [
        "9:21: errors[1].name: duplicate identifier 'REQUEST_THROTTLED' (the identifier derived from "
        "errors[1].name), first at 8:21; keep the upstream name and give one of them `identifier: ...`"
    ]


def test_aliases_are_names_like_any_other() -> None:
    catalog = load(
        "errors:\n"
        "  - code: 2202E\n"
        "    name: ERRCODE_ARRAY_ELEMENT_ERROR\n"
        "    aliases: [ERRCODE_ARRAY_SUBSCRIPT_ERROR, {name: array subscript error, identifier: SUBSCRIPT}]\n".replace(
            "2202E", '"2202E"'
        ),
        code_type="string",
    )
    (error,) = catalog.errors
    assert [(a.name, a.upstream) for a in error.aliases] == [
        ("ERRCODE_ARRAY_SUBSCRIPT_ERROR", "ERRCODE_ARRAY_SUBSCRIPT_ERROR"),
        ("SUBSCRIPT", "array subscript error"),
    ]
    clash = problems("errors:\n  - {code: 1, name: ONE}\n  - {code: 2, name: TWO, aliases: [ONE]}\n")
    assert clash == [
        "9:36: errors[1].aliases[0]: duplicate identifier 'ONE', first at 8:21; keep the upstream name and "
        "give one of them `identifier: ...`"
    ]


def test_kinds_and_what_a_success_code_cannot_have() -> None:
    catalog = load("errors:\n  - {code: 0, name: OK, kind: success}\n  - {code: 1, name: W, kind: warning}\n")
    assert [e.kind for e in catalog.errors] == ["success", "warning"]
    assert [e.name for e in catalog.exceptions] == ["W"] and catalog.has_success
    assert problems("errors:\n  - {code: 0, name: OK, kind: success, class: OkError}\n") == [
        "8:47: errors[0].class: a success code has no exception class to name"
    ]


CATEGORIES = """\
categories:
  - name: OPERATION
    title: Operation
    ranges: [{min: 50000, max: 50999}, {min: 51000, max: 51999}]
  - name: ORDER
    title: Order
    range: {min: 51000, max: 51099}
"""


def test_ranges_nest_the_narrowest_wins_and_membership_is_explicit() -> None:
    catalog = load(CATEGORIES + "errors:\n  - {code: -6001, name: FAR, category: ORDER}\n")
    assert catalog.errors[0].category is not None and catalog.errors[0].category.name == "ORDER"
    assert [(c and c.name) for c in map(catalog.category_of, (51000, 51099, 51100, 50000, -6001))] == [
        "ORDER",
        "ORDER",
        "OPERATION",
        "OPERATION",
        None,
    ]


def test_ranges_that_would_tie_are_refused() -> None:
    other = "  - name: OTHER\n    title: Other\n    range: {ranges}\nerrors:\n  - {{code: 1, name: X}}\n"
    tie = "without one holding the other: the category of an unlisted code"
    assert problems(CATEGORIES + other.format(ranges="{min: 51050, max: 52050}")) == [
        f"16:12: categories[2].range: codes of category 'OTHER' overlap those of 'OPERATION' (categories[0], at 8:5) "
        f"{tie} 51050 would be ambiguous",
        f"16:12: categories[2].range: codes of category 'OTHER' overlap those of 'ORDER' (categories[1], at 11:5) "
        f"{tie} 51050 would be ambiguous",
    ]
    assert problems(CATEGORIES + other.format(ranges="{min: 51000, max: 51099}")) == [
        f"16:12: categories[2].range: codes of category 'OTHER' overlap those of 'ORDER' (categories[1], at 11:5) "
        f"{tie} 51000 would be ambiguous",
    ]


def test_prefixes_nest_the_longest_wins() -> None:
    catalog = load(
        "categories:\n"
        '  - {name: DATA, title: Data exception, prefix: "22"}\n'
        '  - {name: OTHER, title: Other, prefixes: ["2F", "220"]}\n'
        'errors:\n  - {code: "22012", name: DIVISION_BY_ZERO, category: DATA}\n',
        code_type="string",
    )
    assert [(c and c.name) for c in map(catalog.category_of, ("22000", "22100", "2F001", "XX"))] == [
        "OTHER",
        "DATA",
        "OTHER",
        None,
    ]
    assert problems(
        'categories:\n  - {name: A, title: A, prefix: "22"}\n  - {name: B, title: B, prefix: "22"}\n'
        'errors:\n  - {code: "22012", name: X}\n',
        code_type="string",
    ) == [
        "9:33: categories[1].prefix: codes of category 'B' overlap those of 'A' (categories[0], at 8:5) "
        'without one holding the other: the category of an unlisted code starting with "22" would be ambiguous'
    ]


def test_placeholder_styles_and_types() -> None:
    catalog = load(
        "  placeholders: braces\n"
        "errors:\n"
        "  - code: 1\n"
        "    name: X\n"
        "    messages:\n"
        '      - "Parameter {param0} error; 100% of {ccy}, {%min}, {} and {not a name}"\n'
        '      - {text: "Need %d more, %f left, %b or %s; 100%% sure", placeholders: printf}\n'
        '      - {text: "Literal %d and {x}", placeholders: none}\n'
    )
    braces, printf, literal = catalog.errors[0].messages
    assert [(p.text, p.type, p.name) for p in braces.placeholders] == [
        ("{param0}", "s", "param0"),
        ("{ccy}", "s", "ccy"),
        ("{%min}", "s", "%min"),
        ("{}", "s", None),
    ]
    assert braces.parts == ("Parameter ", " error; 100% of ", ", ", ", ", " and {not a name}")
    assert [p.type for p in printf.placeholders] == ["d", "f", "b", "s"] and printf.parts[-1] == "; 100% sure"
    assert literal.parts == ("Literal %d and {x}",)
    assert printf.match("Need 3 more, 2.5 left, true or x; 100% sure") == ("3", "2.5", "true", "x")
    assert printf.match("Need 3.5 more, 2.5 left, true or x; 100% sure") is None


def test_variants_keep_the_upstream_order_the_most_specific_wins() -> None:
    """The order that forced eight reorders of a real catalog: a general variant listed first."""
    catalog = load(
        "errors:\n  - code: 1\n    name: X\n    messages:\n"
        '      - "Invalid %s."\n      - "Invalid symbol."\n      - "Invalid symbol %s."\n      - "Invalid %d."\n'
    )
    error = catalog.errors[0]
    assert error.match_order == (2, 1, 3, 0)  # 16 literal characters, 15, then typed before untyped
    assert error.match("Invalid symbol.") == (1, ())
    assert error.match("Invalid symbol BTC.") == (2, ("BTC",))
    assert error.match("Invalid 42.") == (3, ("42",))
    assert error.match("Invalid thing.") == (0, ("thing",))


def test_message_sets_are_shared_with_their_descriptions() -> None:
    catalog = load(
        "message_sets:\n"
        "  REJECTIONS:\n"
        '    - {text: "Unknown order sent.", description: "Not found."}\n'
        '    - "Market is closed."\n'
        "errors:\n"
        '  - {code: 1, name: A, messages: [{include: REJECTIONS}, "Own %s."]}\n'
        "  - {code: 2, name: B, messages: [{include: REJECTIONS}]}\n"
    )
    a, b = catalog.errors
    assert [(t.text, t.description) for t in a.messages] == [
        ("Unknown order sent.", "Not found."),
        ("Market is closed.", None),
        ("Own %s.", None),
    ]
    assert b.messages == a.messages[:2]
    assert problems("errors:\n  - {code: 1, name: A, messages: [{include: NOPE}]}\n") == [
        '8:45: errors[0].messages[0].include: unknown message set "NOPE" (declared: none)'
    ]
    assert problems(
        'message_sets:\n  S: ["Same."]\nerrors:\n  - {code: 1, name: A, messages: [{include: S}, "Same."]}\n'
    ) == [
        '10:49: errors[0].messages[1]: duplicate message "Same.", same as variant 0 '
        "(errors[0].messages[0].include at 10:45)"
    ]


def test_extensions_are_declared_and_typed() -> None:
    head = "  extensions:\n    condition_name: {type: string}\n    ws_close: {type: integer}\nerrors:\n"
    catalog = load(head + "  - {code: 1, name: A, extensions: {condition_name: division_by_zero, ws_close: 4008}}\n")
    assert dict(catalog.errors[0].extensions) == {"condition_name": "division_by_zero", "ws_close": 4008}
    assert [e.name for e in catalog.extensions] == ["condition_name", "ws_close"]
    assert problems(head + "  - {code: 1, name: A, extensions: {ws_close: closed, sqlstate: x}}\n") == [
        '11:47: errors[0].extensions.ws_close: expected integer, got "closed"',
        "11:65: errors[0].extensions.sqlstate: extension 'sqlstate' is not declared in catalog.extensions "
        "(declared: condition_name, ws_close)",
    ]


def test_payload_locations_as_json_pointers() -> None:
    catalog = (
        load(
            "errors:\n  - {code: 1, name: A}\n",
        )
        if False
        else load_catalog(
            HEAD.format(code_type="integer")
            .replace(
                "  payload: {code: code, message: msg}\n",
                "  payload:\n    code: /error/code\n    message: /error/msg\n"
                "    also: [{code: /data/*/sCode, message: /data/*/sMsg}, {code: /a~1b, message: /m~0}]\n"
                "    numeric_strings: true\n",
            )
            .encode()
            + b"errors:\n  - {code: 1, name: A}\n"
        )
    )
    payload = catalog.payload
    assert [(loc.code, loc.message) for loc in payload.locations] == [
        (("error", "code"), ("error", "msg")),
        (("data", "*", "sCode"), ("data", "*", "sMsg")),
        (("a/b",), ("m~",)),
    ]
    document = {
        "error": {"code": "1", "msg": "x"},
        "data": [{"sCode": 7, "sMsg": "y"}, {"other": 1}, {"sCode": 8, "sMsg": "z"}],
    }
    assert [(f.pointer, f.code, f.message) for f in payload.read(document, False)] == [
        ("/error/code", 1, "x"),
        ("/data/0/sCode", 7, "y"),
        ("/data/2/sCode", 8, "z"),
    ]


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (
            "{code: error.code, message: msg}",
            '6:19: catalog.payload.code: "error.code" would be read as one field of that name; for a field inside '
            'another, write a JSON Pointer ("/error/code"), and for a top-level field whose name holds a dot, '
            '"/error.code"',
        ),
        (
            "{code: /data/*/sCode, message: /data/*/sMsg}",
            "6:19: catalog.payload.code: one location must take no *: a server's error is written at the first "
            "such (to_payload)",
        ),
        (
            "{code: code, message: msg, also: [{code: /data/*/sCode, message: /list/*/sMsg}]}",
            '6:77: catalog.payload.also[0].message: "/list/*/sMsg" must take the items "/data/*/sCode" takes: the '
            "same path up to its last *, so each item's message is read in that item",
        ),
        ("{code: /a~2, message: msg}", '6:19: catalog.payload.code: "/a~2" is not a JSON Pointer: ~ must be ~0 or ~1'),
        (
            "{code: /error, message: /error/msg}",
            '6:36: catalog.payload.message: "/error" and "/error/msg" nest one in the other: no payload could '
            "carry both",
        ),
    ],
)
def test_payload_settings_are_validated(payload: str, expected: str) -> None:
    text = HEAD.format(code_type="integer").replace("{code: code, message: msg}", payload)
    with pytest.raises(SpecError) as raised:
        load_catalog((text + "errors:\n  - {code: 1, name: A}\n").encode())
    assert [f"{d.position.line}:{d.position.column}: {d.message}" for d in raised.value.diagnostics] == [expected]


def test_drifted_messages_match_tolerantly_and_say_so() -> None:
    text = HEAD.format(code_type="integer").replace(
        "{code: code, message: msg}",
        "{code: code, message: msg, tolerate: [whitespace, punctuation, backticks, detail]}",
    )
    catalog = load_catalog(
        (
            text
            + 'errors:\n  - {code: 1, name: A, messages: ["Unread parameters `%s`.", "Invalid symbol."]}\n'
            + "  - {code: 2}\n"
        ).encode()
    )
    error, empty = catalog.errors
    tolerate = catalog.payload.tolerate
    seen = {
        m: error.match_loosely(m, tolerate)
        for m in (
            "Invalid symbol.",
            "Invalid symbol",
            "Invalid symbol. ",
            "Unread parameters x",
            "Invalid symbol. Symbol BTC",
            "",
            "Other",
        )
    }
    assert [(m.variant, m.params, m.how, m.detail, m.reason) for m in seen.values()] == [
        (1, (), "exact", None, None),
        (1, (), "tolerant", None, None),
        (1, (), "tolerant", None, None),
        (0, ("x",), "tolerant", None, None),
        (1, (), "tolerant", " Symbol BTC", None),
        (None, (), "none", None, "empty"),
        (None, (), "none", None, "unmatched"),
    ]
    assert empty.match_loosely("anything", tolerate).reason == "undocumented"
    assert error.match_loosely("Invalid symbol", frozenset()).how == "none"  # tolerances are opt-in
