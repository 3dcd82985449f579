"""Catalogs of format v2 built directly from the model (generator/model.py), for the target suites.

Each one exercises what a spec of format v2 can say: typed and named placeholders, variants whose
most specific one is not the first, kinds, aliases, upstream names, several and nested ranges or
prefixes per category, codes without a category or without messages. The validator (spec -> model)
is tested on its own; these skip it.
"""

from __future__ import annotations

from generator.model import Alias, Catalog, Category, Code, ErrorDef, Kind, Location, Payload, Style, Template
from generator.naming import Name


def _category(
    name: str, title: str, *, ranges: tuple[tuple[int, int], ...] = (), prefixes: tuple[str, ...] = ()
) -> Category:
    return Category(Name(name), title, None, None, ranges=ranges, prefixes=prefixes)


def _payload(code: str, message: str) -> Payload:
    """A payload with the code and the message as top-level fields."""
    return Payload((Location((code,), (message,)),))


def _error(
    code: Code,
    name: str,
    category: Category | None,
    *messages: str | tuple[str, Style],
    upstream: str | None = None,
    aliases: tuple[tuple[str, str], ...] = (),
    kind: Kind = "error",
    retryable: bool = False,
    http_status: int | None = None,
    deprecated: str | None = None,
    retired: str | None = None,
    style: Style = "printf",
) -> ErrorDef:
    templates = tuple(
        Template.parse(*message) if isinstance(message, tuple) else Template.parse(message, style)
        for message in messages
    )
    return ErrorDef(
        code=code,
        name=Name(name),
        category=category,
        messages=templates,
        description=None,
        retryable=retryable,
        http_status=http_status,
        deprecated=deprecated,
        retired=retired,
        upstream_name=upstream,
        aliases=tuple(Alias(Name(alias), text) for alias, text in aliases),
        kind=kind,
    )


def integers() -> Catalog:
    """Integer codes: nested and split ranges, typed printf and named braces placeholders, kinds."""
    general = _category("GENERAL", "General issues", ranges=((-1099, -1000), (-6099, -6000)))
    request = _category("REQUEST", "Request issues", ranges=((-2999, -1100),))
    # Nested in REQUEST: its codes are ORDER's, the rest of -2999..-1100 REQUEST's.
    order = _category("ORDER", "Order issues", ranges=((-2199, -2100),))
    # Nested in ORDER, narrower still.
    cancel = _category("CANCEL", "Cancel issues", ranges=((-2110, -2101),))
    errors = (
        _error(-1000, "UNKNOWN", general, "An unknown error occurred.", upstream="Unknown error"),
        _error(
            -1003,
            "TOO_MANY_REQUESTS",
            general,
            "Too many requests.",
            "Too many requests; current limit is %d requests per %s.",
            "Too many requests; %s.",
            "Way too many requests; IP banned until %d.",
            upstream="Too many requests",
            aliases=(("RATE_LIMITED", "rate limited"), ("THROTTLED", "Throttled")),
            retryable=True,
            http_status=429,
        ),
        _error(
            -1013,
            "FILTER_FAILURE",
            general,
            # Spec order is not the order they are tried in: the last is the most specific.
            "Filter failure: %s",
            "Filter failure: %s %s",
            "Filter failure: PRICE_FILTER %f",
            "Filter failure: LOT_SIZE %d %b",
            "Filter failure: PRICE_FILTER",
        ),
        _error(
            -1100,
            "ILLEGAL_CHARS",
            request,
            ("Illegal characters found in parameter '{param}'; legal range is '{range}'.", "braces"),
            ("Illegal characters found in parameter '{param}'.", "braces"),
            ("Parameter {0} and {1} and {0} again {} {__proto__}", "braces"),
            ('JSON {"a": 1} is literal, {x y} too: {}', "braces"),
        ),
        _error(-1101, "PERCENTS", request, ("100% sure, %s stays literal", "none"), "%d%% of %s"),
        _error(-2010, "NEW_ORDER_REJECTED", order, "New order rejected: %s", upstream="NEW_ORDER_REJECTED"),
        _error(-2105, "CANCEL_REJECTED", cancel, "Cancel rejected."),
        # Outside its category's ranges: the entry says where it belongs.
        _error(-6001, "OUTSIDE_ITS_RANGE", request, "Placed in REQUEST by the catalog."),
        _error(7, "NO_CATEGORY", None, "No category %s."),
        _error(8, "NO_MESSAGES", None),
        _error(9, "QUIET_WARNING", general, "Careful: %s", kind="warning", deprecated=""),
        _error(0, "OK", None, "Success.", "Done in %d ms.", kind="success", upstream="OK!"),
        _error(-1004, "SUCCESS_IN_A_CATEGORY", general, kind="success"),
        _error(-1005, "GONE", general, "Gone.", retired="Removed in 2.0."),
    )
    return Catalog(
        name="v2-integers",
        title="Format v2 integer catalog",
        version="2.0.0",
        source=None,
        description=None,
        code_type="integer",
        payload=_payload("code", "msg"),
        example=None,
        categories=(general, request, order, cancel),
        errors=errors,
    )


def strings() -> Catalog:
    """String codes: several and nested prefixes, a category whose codes lie in another's prefix."""
    success = _category("SUCCESS", "Successful completion", prefixes=("00",))
    data = _category("DATA", "Data exception", prefixes=("22", "2F"))
    invalid = _category("INVALID_TEXT", "Invalid text", prefixes=("22P",))
    errors = (
        _error("00000", "SUCCESSFUL_COMPLETION", success, kind="success", upstream="successful_completion"),
        _error("01000", "WARNING", None, kind="warning"),
        _error(
            "22012",
            "DIVISION_BY_ZERO",
            data,
            "division by zero",
            "division of %f by zero",
            aliases=(("ERRCODE_DIVISION_BY_ZERO", "ERRCODE_DIVISION_BY_ZERO"),),
            upstream="division_by_zero",
        ),
        _error(
            "22P02",
            "INVALID_TEXT_REPRESENTATION",
            invalid,
            ('invalid input syntax for type {type}: "{value}"', "braces"),
        ),
        _error("2F005", "NO_RETURN", data, "function %s ended without RETURN"),
        _error("XX000", "INTERNAL_ERROR", None),
    )
    return Catalog(
        name="v2-strings",
        title="Format v2 string catalog",
        version="2.0.0",
        source=None,
        description=None,
        code_type="string",
        payload=_payload("sqlstate", "message"),
        example=None,
        categories=(success, data, invalid),
        errors=errors,
    )


def grpc() -> Catalog:
    """gRPC's status codes: no categories, no messages but one, a success code."""
    names = ("OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND")
    errors = tuple(
        _error(
            code,
            name,
            None,
            *(("The service is unavailable: %s",) if code == 2 else ()),
            kind="success" if code == 0 else "error",
        )
        for code, name in enumerate(names)
    )
    return Catalog(
        name="grpc",
        title="gRPC status codes",
        version="1.0.0",
        source=None,
        description=None,
        code_type="integer",
        payload=_payload("code", "message"),
        example=None,
        categories=(),
        errors=errors,
    )


CATALOGS = {"v2_integers": integers, "v2_strings": strings, "grpc": grpc}
