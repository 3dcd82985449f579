"""How an SDK uses the generated package; type-checked with mypy --strict against it."""

from __future__ import annotations

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
