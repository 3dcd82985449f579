"""The Python packages against the shared conformance vectors (the TS and Go suites read the same files)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SPECS
from tests.test_python_target import load

MODULES = {
    "binance": "binance_options_errors",
    "minimal": "minimal_errors",
    "string_codes": "sqlstate_codes",
    "torture": "torture_test_errors",
    "formats": "formats_errors",
}


@pytest.mark.parametrize("name", SPECS)
def test_python_agrees_with_the_vectors(name: str, vector_files: dict[str, Path]) -> None:
    module = load(MODULES[name])
    cases = json.loads(vector_files[name].read_text(encoding="utf-8"))["cases"]
    assert len(cases) > 10
    for case in cases:
        expect: dict[str, Any] = case["expect"]
        if case["payload"] is None:  # exact bytes, no text
            inputs: list[str | bytes] = [base64.b64decode(case["payload_base64"])]
        else:
            inputs = [case["payload"], case["payload"].encode("utf-8")]
        if "error" in expect:
            for given in inputs:
                with pytest.raises(module.PayloadError):
                    module.from_payload(given)
            continue
        error = module.from_payload(case["payload"].encode("utf-8"))
        if "all" in case:
            every = [{"pointer": e.pointer, **_seen(e)} for e in module.every_error(case["payload"])]
            assert every == case["all"], case["name"]
        if expect.get("success"):
            assert error is None, case["name"]
            if "code" in expect:
                assert module.ErrorCode(expect["code"]).kind == "success"
            continue
        assert _seen(error) == expect, case["name"]
        if expect["variant"] is not None:
            member = module.ErrorCode[expect["name"]]
            if expect["matched"] == "exact":
                assert member.format(expect["variant"], *expect["params"]) == expect["message"], case["name"]
            rebuilt = member.error(expect["variant"], *expect["params"])
            assert module.from_payload(rebuilt.to_payload()).params == rebuilt.params, case["name"]


def _seen(error: Any) -> dict[str, Any]:
    """What a runtime reports of an error, in the vectors' terms."""
    return {
        "code": error.code,
        "name": error.error_code.name if error.error_code is not None else None,
        "class": type(error).__name__,
        "category": error.category.name if error.category is not None else None,
        "kind": error.kind,
        "variant": error.variant,
        "params": list(error.params),
        "params_by_name": error.params_by_name,
        "matched": error.matched,
        "detail": error.detail,
        "mismatch": error.mismatch,
        "message": error.message,
        "retryable": error.retryable,
        "http_status": error.http_status,
    }
