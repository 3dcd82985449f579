"""Catalogs of every format v2 feature, built as the model has them (not from a spec), for the
target suites: typed, named and literal placeholders, most-specific variants, kinds, aliases,
upstream names, codes without a category or messages, nested and several ranges or prefixes per
category, a code outside its category's codes."""

from __future__ import annotations

from typing import Any

from generator.model import Alias, Catalog, Category, Code, ErrorDef, Payload, Style, Template
from generator.naming import Name


def _error(
    code: Code,
    name: str,
    messages: list[str | tuple[str, Style]],
    category: Category | None,
    style: Style = "printf",
    **fields: Any,
) -> ErrorDef:
    """An entry: each message in `style` or, as (text, style), in a style of its own."""
    templates = tuple(Template.parse(m, style) if isinstance(m, str) else Template.parse(*m) for m in messages)
    given: dict[str, Any] = {"description": None, "retryable": False, "http_status": None, "deprecated": None}
    return ErrorDef(code, Name(name), category, templates, **{**given, "retired": None, **fields})


def build(code_type: str = "integer") -> Catalog:
    """The feature catalog of one code type (integer or string)."""
    strings = code_type == "string"

    def codes(integer: int, string: str) -> Code:
        return string if strings else integer

    def category(name: str, title: str, ranges: list[tuple[int, int]], prefixes: list[str]) -> Category:
        return Category(
            Name(name), title, None, None, () if strings else tuple(ranges), tuple(prefixes) if strings else ()
        )

    general = category("GENERAL", "General", [(-1099, -1000)], ["08"])
    inner = category("INNER", "Inner", [(-1019, -1010)], ["081"])
    request = category("REQUEST", "Request", [(-1199, -1100), (-6099, -6000)], ["22", "2F"])
    errors = (
        _error(
            codes(-1003, "08003"),
            "TOO_MANY_REQUESTS",
            ["Too many requests.", "Too many; %s per %s."],
            general,
            retryable=True,
            http_status=429,
        ),
        _error(
            codes(-1121, "22012"),
            "BAD_SYMBOL",
            ["Invalid symbol."],
            request,
            deprecated="",
            description="The symbol is *unknown*.",
            upstream_name="Bad symbol — «ticker»",
            aliases=(Alias(Name("BAD_TICKER"), "bad ticker"), Alias(Name("ERRCODE_BAD_SYMBOL"), "ERRCODE_BAD_SYMBOL")),
        ),
        _error(
            codes(-1013, "08100"),
            "LIMIT",
            ["Limit %s.", "Limit %d.", "Limit %f.", "Limit %b.", "Limit 5.", "Limit %d of %s %i", "Limit 100%% %s"],
            inner,
        ),
        _error(
            codes(-1004, "08004"),
            "NAMED",
            ["Order {0} of {ccy} and {0}.", "Order {}.", "Price {%min} to {max.v}: {ccy}", ("Raw {0} %d", "none")],
            general,
            style="braces",
        ),
        _error(codes(-6001, "2F001"), "OUT_OF_RANGE", ["Out %s"], general, upstream_name="out of range"),
        _error(codes(-1060, "08050"), "WARN", ["Careful: %s."], None, kind="warning"),
        _error(codes(0, "00000"), "OK", ["Done.", "Done in %d ms."], None, kind="success"),
        _error(codes(5, "5"), "BARE", [], None),
        _error(codes(-1130, "22999"), "OLD", ["Old."], request, retired=""),
    )
    return Catalog(
        name="features",
        title="Every feature",
        version="2.0.0",
        source=None,
        description=None,
        code_type=code_type,
        payload=Payload("code", "msg"),
        example=None,
        categories=(general, request, inner),
        errors=errors,
        placeholders="printf",
    )
