"""Classifying an error payload with the generated Python package, against the floor of
doing it by hand: one dict.get for the code plus one compiled-regex fullmatch.

Run by `make bench`. Target (issue): from_payload within 3x of that floor.
"""

from __future__ import annotations

import re
import sys
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "out" / "python"))

import binance_options_errors as errors  # noqa: E402

PLACEHOLDER = {"code": -1015, "msg": "Too many new orders; current limit is 100 orders per 10 SECOND."}
LITERAL = {"code": -1121, "msg": "Invalid symbol."}
FLOOR_SETUP = r"""
import re
patterns = {-1015: re.compile(r"Too many new orders; current limit is (.*?) orders per (.*?)\.", re.DOTALL)}
payload = PLACEHOLDER
"""
FLOOR = "patterns.get(payload['code']).fullmatch(payload['msg']).groups()"


def best(statement: str, setup: str, namespace: dict[str, object], number: int = 100_000) -> float:
    """Best of 7 repeats, in nanoseconds per call (the minimum is the least disturbed run)."""
    timer = timeit.Timer(statement, setup, globals=namespace)
    return min(timer.repeat(repeat=7, number=number)) / number * 1e9


def main() -> None:
    namespace: dict[str, object] = {"PLACEHOLDER": PLACEHOLDER, "LITERAL": LITERAL, "errors": errors, "re": re}
    floor = best(FLOOR, FLOOR_SETUP, namespace)
    rows = [("floor: dict.get + regex fullmatch", floor)]
    for name, payload in (("placeholder", "PLACEHOLDER"), ("literal", "LITERAL")):
        ns = best(f"e = errors.from_payload({payload}); e.variant; e.params", "", namespace)
        rows.append((f"from_payload, {name} message", ns))
    ns = best("errors.ErrorCode.TOO_MANY_ORDERS.match(PLACEHOLDER['msg'])", "", namespace)
    rows.append(("ErrorCode.match, placeholder message", ns))
    for label, value in rows:
        print(f"{label:40s} {value:8.0f} ns  {value / floor:5.2f}x floor")


if __name__ == "__main__":
    main()
