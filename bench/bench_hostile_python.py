"""Classifying hostile messages with the generated Python package: milliseconds per MB.

For every message variant of the real catalog, messages of SIZE bytes built to defeat a
backtracking matcher: the template's first literal, then one of its later literals repeated
(with and without the final literal, so the message fits or nearly fits), and for variants
without a placeholder a near miss that starts like them. Goal (issue): each under 50 ms per MB.

    python bench/bench_hostile_python.py [--size BYTES] [--package DIR]

--package points at another generated out/python (an older build, to compare).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.model import Template  # noqa: E402
from generator.validate import load_catalog  # noqa: E402

MB = 1_000_000


def shapes(template: Template, size: int) -> dict[str, str]:
    """Adversarial messages of about `size` characters for one template."""
    parts = template.parts
    first, last = parts[0], parts[-1]
    if template.arity == 0:
        return {"literal, near miss": (first * (size // max(len(first), 1) + 1))[:size]}
    out: dict[str, str] = {}
    for index, literal in enumerate(dict.fromkeys(p for p in parts[1:] if p)):
        unit = literal + "x"
        body = first + unit * (size // len(unit))
        out[f"literal {index + 1} repeated, no end"] = body
        out[f"literal {index + 1} repeated, fitting"] = body + last
    out["filler, no end"] = first + "x" * size
    return out


def best_ms(function: object, message: str, repeat: int = 3) -> float:
    call = function  # type: ignore[assignment]
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        call(message)  # type: ignore[operator]
        timings.append(time.perf_counter() - start)
    return min(timings) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=MB)
    parser.add_argument("--package", default=str(ROOT / "out" / "python"))
    args = parser.parse_args()
    sys.path.insert(0, args.package)
    errors = importlib.import_module("binance_options_errors")
    catalog = load_catalog((ROOT / "spec" / "errors.yaml").read_bytes())
    worst = (0.0, "")
    count = 0
    for error in catalog.active:
        for variant, template in enumerate(error.messages):
            for shape, message in shapes(template, args.size).items():
                payload = json.dumps({"code": error.code, "msg": message})
                ms = best_ms(errors.from_payload, payload)
                per_mb = ms * MB / len(payload.encode())
                count += 1
                label = f"{error.code} variant {variant}: {shape}"
                if per_mb > worst[0]:
                    worst = (per_mb, label)
                if per_mb > 5:
                    print(f"{label:70s} {per_mb:9.1f} ms/MB")
    print(f"{count} hostile messages of {args.size} bytes; worst {worst[0]:.1f} ms/MB ({worst[1]})")


if __name__ == "__main__":
    main()
