"""`make bench`: every bench script in one run, one table, one JSON file.

Each script measures its part against a floor measured in the same run (bench/common.py) and
appends its rows to one JSON list; this prints them grouped and writes bench/results/bench.json
(or --json PATH). Scripts that time hostile input and single calls on the real spec's packages
(bench_python.py, bench_hostile_python.py, bench_check.py, bench_typescript.mjs, bench/go) print
their own tables after it.

    python bench/run.py [--codes 47,1000,10000,100000] [--quick] [--json PATH]

--quick: 47, 1,000 and 10,000 codes only (100,000 takes a few minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from common import ROOT, show

BENCH = Path(__file__).resolve().parent
SCALE_SCRIPTS = [  # (command, what it covers); each takes --codes and --json
    ([sys.executable, str(BENCH / "bench_generate.py")], "the generator, as a process and by stage"),
    ([sys.executable, str(BENCH / "bench_python_scale.py")], "the generated Python package"),
    ([sys.executable, str(BENCH / "bench_typescript_scale.py")], "the generated TypeScript package"),
    ([sys.executable, str(BENCH / "bench_go_scale.py")], "the generated Go module"),
    ([sys.executable, str(BENCH / "bench_html.py")], "the HTML reference page"),
]
# Runtimes share these sizes (building and type-checking 100,000 codes in every toolchain takes long).
RUNTIME_CODES = "47,1000,10000"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", default="47,1000,10000,100000")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", default=str(BENCH / "results" / "bench.json"))
    options = parser.parse_args()
    codes = RUNTIME_CODES if options.quick else options.codes
    target = Path(options.json)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("[]\n")
    failed = []
    for command, what in SCALE_SCRIPTS:
        script = Path(command[-1])
        if not script.exists():
            failed.append(f"{script.name}: missing")
            continue
        sizes = codes if script.name == "bench_generate.py" else RUNTIME_CODES
        print(f"== {what} ({script.name}, codes {sizes})", flush=True)
        done = subprocess.run([*command, "--codes", sizes, "--json", str(target)], cwd=ROOT, check=False)
        if done.returncode != 0:
            failed.append(f"{script.name}: exit {done.returncode}")
    rows = json.loads(target.read_text())
    print("\n== all rows, each with its floor from the same run")
    for group in dict.fromkeys(r["group"] for r in rows):
        show([r for r in rows if r["group"] == group])
    print(f"\nwrote {os.path.relpath(target, ROOT)}")
    if failed:
        sys.exit("bench scripts that failed: " + ", ".join(failed))


if __name__ == "__main__":
    main()
