"""The generated Python package at scale: import time, classification, first use of a lazily
made class, output size and mypy --strict, each against a floor measured in the same run.

    python bench/bench_python_scale.py [--codes 47,1000,10000] [--json PATH]

The floors: importing a module that holds the same codes as one dict literal (code -> name and
messages); `dict.get` of a class plus raising and catching it; making a class with type(); the
bytes of that dict module; mypy --strict on that dict module. Imports run in fresh interpreters
(`-I`, bytecode already cached), best of several; the rest runs in one fresh interpreter per size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, generated, row, save, scale_spec, show

from generator.validate import load_catalog

PACKAGE = "scale_errors"
FLOOR = "scale_floor"
IMPORTS = 9  # fresh interpreters per import measure; the best one counts
# Bytecode is written (and then read) by every import measured: a real install compiles it too.
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}

IMPORT_PROBE = """
import sys, time
sys.path.insert(0, sys.argv[1])
start = time.perf_counter()
__import__(sys.argv[2])
print(time.perf_counter() - start)
"""

# Run in a fresh interpreter per size: prints one JSON object of nanosecond figures.
WORKER = r"""
import json, sys, time, timeit
sys.path.insert(0, sys.argv[1])
import scale_errors as pkg
codes = [m.value for m in pkg.ErrorCode]
literal_code = codes[-4 - len(codes) % 4]  # index % 4 == 0: "Operation <index> failed."
literal_index = literal_code - 50000
placeholder_code = literal_code + 1  # index % 4 == 1: "Too many requests for <index>; limit is %d per %s."
LITERAL = {"code": literal_code, "msg": f"Operation {literal_index} failed."}
PLACEHOLDER = {"code": placeholder_code, "msg": f"Too many requests for {literal_index + 1}; limit is 5 per SECOND."}

class Floor(Exception):
    pass

table = {code: Floor for code in codes}
ns = {"pkg": pkg, "LITERAL": LITERAL, "PLACEHOLDER": PLACEHOLDER, "table": table}

# Nanoseconds per run of each statement, the best of `rounds` rounds that time each in turn
# (so a machine's load weighs on a measure and on its floor alike).
def best(statements, number=20_000, rounds=15):
    timers = [timeit.Timer(statement, globals=ns) for statement in statements]
    times = [min(t) for t in zip(*([timer.timeit(number) for timer in timers] for _ in range(rounds)))]
    return [time / number * 1e9 for time in times]

FLOOR = '''
try:
    raise table.get(LITERAL["code"])(LITERAL["msg"])
except Floor as e:
    e.args
'''
ns["Floor"] = Floor
CLASSIFY = '''
try:
    raise pkg.from_payload(%s)
except pkg.ApiError as e:
    e.variant, e.params
'''
pkg.from_payload(LITERAL), pkg.from_payload(PLACEHOLDER)  # their classes made before timing
floor, literal, placeholder = best([FLOOR, CLASSIFY % "LITERAL", CLASSIFY % "PLACEHOLDER"])
result = {"floor": floor, "literal": literal, "placeholder": placeholder}
assert pkg.from_payload(PLACEHOLDER).params == ("5", "SECOND")

# First access of a class nothing has touched yet: up to 2,000 codes' classes but the two above.
members = [m for m in pkg.ErrorCode if m.value not in (literal_code, placeholder_code)][:2000]
class_names = ["".join(part.capitalize() for part in m.name.split("_")) + "Error" for m in members]
start = time.perf_counter_ns()
for name in class_names:
    getattr(pkg, name)
result["first_access"] = (time.perf_counter_ns() - start) / len(class_names)
start = time.perf_counter_ns()
for name in class_names:
    type(name, (Floor,), {"__slots__": ()})
result["first_access_floor"] = (time.perf_counter_ns() - start) / len(class_names)
print(json.dumps(result))
"""


def floor_module(codes: int) -> Path:
    """A module of the same codes as one dict literal: code -> (name, messages)."""
    catalog = load_catalog(scale_spec(codes).read_bytes())
    folder = scale_spec(codes).parent / "floor"
    folder.mkdir(exist_ok=True)
    lines = ["CODES = {"]
    for error in catalog.active:
        messages = "".join(f"{t.text!r}, " for t in error.messages)
        lines.append(f"    {error.code!r}: ({str(error.name)!r}, ({messages})),")
    lines.append("}")
    (folder / f"{FLOOR}.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def import_times(*modules: tuple[Path, str]) -> list[float]:
    """Seconds to import each module in a fresh interpreter, the best of IMPORTS runs taken in turn
    (bytecode cached first)."""
    commands = [[sys.executable, "-I", "-c", IMPORT_PROBE, str(folder), module] for folder, module in modules]
    for command in commands:
        subprocess.run(command, env=ENV, check=True, capture_output=True)
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(IMPORTS):
        for command, taken in zip(commands, times, strict=True):
            done = subprocess.run(command, env=ENV, check=True, capture_output=True, text=True)
            taken.append(float(done.stdout))
    return [min(taken) for taken in times]


def mypy_time(folder: Path, module: str) -> float:
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-version", "3.10"]
    command += ["--cache-dir", os.devnull, module]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=folder, env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"mypy failed on {folder / module}:\n{done.stdout[-2000:]}")
    return elapsed


def bench(codes: int, with_mypy: bool) -> list[dict[str, object]]:
    package = generated(codes) / "python"
    floor = floor_module(codes)
    rows = []
    floor_what = "import of a module holding the codes as one dict literal"
    imported, floor_imported = import_times((package, PACKAGE), (floor, FLOOR))
    rows.append(row("python", "import", codes, imported, "s", floor_imported, floor_what, "< floor + 0.05 s"))
    worker = subprocess.run(
        [sys.executable, "-I", "-c", WORKER, str(package)], env=ENV, check=True, capture_output=True, text=True
    )
    ns = json.loads(worker.stdout)
    floor_what = "dict.get of a class, raise and catch it"
    for what in ("literal", "placeholder"):
        rows.append(
            row("python", f"classify {what} (from_payload, raise, except)", codes, ns[what], "ns",
                ns["floor"], floor_what, "< 2x floor" if what == "literal" else None)
        )  # fmt: skip
    rows.append(
        row("python", "first access of a code's class", codes, ns["first_access"], "ns",
            ns["first_access_floor"], "type(name, (Exception subclass,), {})")
    )  # fmt: skip
    files = [package / "pyproject.toml", *(package / PACKAGE).glob("*.py*"), *(package / PACKAGE).glob("py.typed")]
    size = sum(p.stat().st_size for p in files)
    rows.append(
        row("python", "package bytes", codes, size, "B", (floor / f"{FLOOR}.py").stat().st_size,
            "the dict module's source", "<= 2.2 MB at 10,000 codes")
    )  # fmt: skip
    if with_mypy:
        rows.append(
            row("python", "mypy --strict", codes, mypy_time(package, PACKAGE), "s",
                mypy_time(floor, FLOOR + ".py"), "mypy --strict on the dict module")
        )  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", default="47,1000,10000", help="catalog sizes, comma-separated")
    parser.add_argument("--json", help="append the rows to this JSON list")
    parser.add_argument("--no-mypy", action="store_true", help="leave out the mypy rows (the slowest)")
    args = parser.parse_args()
    rows: list[dict[str, object]] = []
    for codes in (int(n) for n in args.codes.split(",")):
        rows += bench(codes, not args.no_mypy)
    show(rows)
    save(rows, args.json)


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
