"""How an SDK uses the generated package; type-checked with mypy --strict against it."""

from __future__ import annotations

import binance_options_errors
from binance_options_errors import (
    ApiError,
    BadSymbolError,
    Category,
    ErrorCode,
    PayloadError,
    RequestError,
    TooManyOrdersError,
    from_payload,
)
from formats_errors import ErrorCode as Codes
from formats_errors import OrderError, RequestThrottledError
from formats_errors import from_payload as read


def describe(body: bytes) -> str:
    try:
        raise from_payload(body)
    except TooManyOrdersError as exc:
        limit: str = exc.params[0] if exc.variant == 1 else "?"
        return f"slow down to {limit}"
    except BadSymbolError as exc:
        code: int = exc.code
        return f"bad symbol ({code})"
    except RequestError as exc:
        category: Category | None = exc.category
        return f"request problem in {category}"
    except ApiError as exc:
        known: ErrorCode | None = exc.error_code
        retry: bool = exc.retryable
        return f"{known} retry={retry} variant={exc.variant}"
    except PayloadError:
        return "not an error payload"


def limits() -> list[str]:
    variant: int = 1
    message: str = ErrorCode.TOO_MANY_ORDERS.format(variant, 100, "10 SECOND")
    matched = ErrorCode.TOO_MANY_ORDERS.match(message)
    params: tuple[str, ...] = matched[1] if matched is not None else ()
    return [message, *params, *ErrorCode.BAD_SYMBOL.messages]


def members() -> list[str]:
    """ErrorCode as an enumeration: every member typed ErrorCode, an int."""
    by_name: ErrorCode = ErrorCode["BAD_SYMBOL"]
    by_code: ErrorCode = ErrorCode(-1121)
    code: int = ErrorCode.BAD_SYMBOL + 0
    cls_code: ErrorCode = BadSymbolError.CODE
    # mypy knows every name of the package, and no other (the ignores would be unused otherwise)
    ErrorCode.NOT_A_CODE  # type: ignore[attr-defined]  # noqa: B018
    binance_options_errors.NoSuchError  # type: ignore[attr-defined]  # noqa: B018
    return [m.name for m in ErrorCode] + [str(len(ErrorCode)), by_name.name, by_code.name, str(code), cls_code.name]


def outcome(body: bytes) -> str:
    """A catalog with a success code: from_payload says "no failure" as None, never raises it."""
    error = read(body)
    if error is None:
        return "ok"
    if isinstance(error, RequestThrottledError):
        window: str | None = error.params_by_name.get("window")
        return f"throttled for {window}"
    kind: str = error.kind
    alias: Codes | None = Codes.by_name("Duplicate clOrdId")
    same: bool = Codes.DUPLICATE_CL_ORD_ID.value == Codes.DUPLICATED_ORDER_ID.value
    return f"{kind} {alias} {same} {isinstance(error, OrderError)}"
