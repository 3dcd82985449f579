"""The Go module of a catalog of 10,000 codes builds, vets and tests, once, with the real toolchain.

Every code's data is a constant or a composite literal of constants (generator/targets/go.py), so
the compiler lays the tables out as static data and the package runs nothing per code when it is
initialised. The peak memory of each go command (its compiler and linker included) is checked
against a bound with a wide margin; its time is not (speed is measured by `make bench`, never in
a timed test), only shown in the summary.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from generator.model import Alias, Catalog, Category, ErrorDef, Payload, Template
from generator.naming import Name
from generator.render import render
from tests.toolchains import GO_ENV

CODES = 10_000
# What one go command may take at its peak, the compiler and the linker included (they take about
# 300 MB at 10,000 codes today; the bound of the build this guards is 1 GB).
MAX_MEMORY = 1024**3


def scale_catalog(size: int = CODES) -> Catalog:
    """A catalog of `size` integer codes with every kind of entry the format has: typed, named and
    literal messages, several per code, aliases, upstream names, warnings and successes, codes
    without a category or a message, categories with several and nested ranges."""
    width = size // 10 + 1
    categories = [
        Category(Name(f"GROUP_{i}"), f"Group {i}", None, None, ((i * width, i * width + width - 1), (-i - 1, -i - 1)))
        for i in range(10)
    ]
    categories.append(Category(Name("NESTED"), "Nested", None, None, ((0, 99),)))
    errors = []
    for i in range(size):
        messages = (
            (Template.parse(f"Error {i} happened."), Template.parse(f"Error {i}: %s over %d, %f or %b."))
            if i % 3 == 0
            else (Template.parse(f"Order {i} of {{0}} in {{ccy}}.", "braces"),)
            if i % 3 == 1
            else ()
        )
        errors.append(
            ErrorDef(
                code=i,
                name=Name(f"ERROR_{i}"),
                category=categories[i // width] if i % 11 else None,
                messages=messages,
                description=f"The *{i}th* error." if i % 4 == 0 else None,
                retryable=i % 5 == 0,
                http_status=400 + i % 100 if i % 2 else None,
                deprecated="" if i % 97 == 0 else None,
                retired="" if i % 101 == 0 else None,
                upstream_name=f"Error number {i}" if i % 2 else None,
                aliases=(Alias(Name(f"ALIAS_{i}"), f"alias {i}"),) if i % 10 == 0 else (),
                kind="warning" if i % 7 == 0 else "success" if i % 13 == 0 else "error",
            )
        )
    return Catalog(
        name="scale",
        title="Scale",
        version="1.0.0",
        source=None,
        description=None,
        code_type="integer",
        payload=Payload("code", "msg"),
        example=None,
        categories=tuple(categories),
        errors=tuple(errors),
    )


# Runs a command and prints its exit status and the peak memory, in KiB, of it and every process it
# waited for. A fresh interpreter runs it: a process forked from the test's own would count the
# test's memory too (its pages until the exec).
_MEASURE = """
import resource, subprocess, sys
status = subprocess.run(sys.argv[1:], stdout=sys.stderr).returncode
print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _run_measured(command: list[str], cwd: Path) -> tuple[int, int, float, str]:
    """Exit status, peak memory in bytes of the command and the processes it waited for (the
    compiler, the linker), seconds, and what it printed."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command],
        cwd=cwd,
        env={**os.environ, **GO_ENV},
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    seconds = time.monotonic() - started
    status, peak = result.stdout.split() if result.returncode == 0 else (str(result.returncode), "0")
    return int(status), int(peak) * 1024, seconds, result.stderr


def test_ten_thousand_codes_build_vet_and_test(go: str, tmp_path: Path, summary: list[str]) -> None:
    catalog = scale_catalog()
    module = tmp_path / "scale"
    module.mkdir()
    for path, text in render(catalog, ["go"]).items():
        (module / path.removeprefix("go/")).write_text(text, encoding="utf-8")
    assert (module / "errors.go").read_text(encoding="utf-8").count("\nconst Code") == len(catalog.active) + sum(
        len(e.aliases) for e in catalog.active
    )
    shown = []
    for command in ([go, "vet", "./..."], [go, "test", "-count=1", "./..."]):  # go test builds it
        status, memory, seconds, printed = _run_measured(command, module)
        assert status == 0, printed
        assert memory < MAX_MEMORY, f"{' '.join(command[1:])} took {memory / 2**20:.0f} MiB"
        shown.append(f"go {command[1]} {seconds:.1f} s, {memory / 2**20:.0f} MiB")
    summary.append(f"Go at {CODES:,} codes: " + "; ".join(shown))
