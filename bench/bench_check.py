"""`errgen generate --check` against `errgen generate` on a big catalog where everything changed.

Writes a spec of 4,000 codes, generates it, changes every message, then times (best of 3)
`generate --check` (render + plan + diff of every file) against `generate` (render + write) of
the changed spec. Target: --check within twice the time of generate, for any change.

    python bench/bench_check.py [--codes 4000] [--repeat 3]

Run from a checkout (it imports the generator from there); everything happens in a tmp dir.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HEADER = """\
catalog:
  name: bench
  title: Bench API
  version: 1.0.0
  code_type: integer
  payload:
    code: code
    message: msg

categories:
  - name: GENERAL
    title: General issues
    range: {{min: 1, max: {max}}}

errors:
"""


def spec(codes: int, wording: str) -> str:
    """A catalog of `codes` codes, each with a placeholder variant and a literal one."""
    entries = [HEADER.format(max=codes)]
    for code in range(1, codes + 1):
        entries.append(
            f"  - code: {code}\n"
            f"    name: BENCH_CODE_{code}\n"
            f"    category: GENERAL\n"
            f"    messages:\n"
            f'      - "{wording} number {code} failed for %s."\n'
            f'      - "{wording} number {code} failed."\n'
        )
    return "".join(entries)


def errgen(*args: str, cwd: Path) -> float:
    """Seconds one `python -m generator` run takes (the interpreter start included, as a user sees it)."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"errgen {' '.join(args)} exited {proc.returncode}:\n{proc.stderr.decode(errors='replace')}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="errgen-bench-"))
    try:
        (work / "spec").mkdir()
        spec_file = work / "spec" / "errors.yaml"
        spec_file.write_text(spec(options.codes, "Request"), encoding="utf-8")
        errgen("generate", cwd=work)
        spec_file.write_text(spec(options.codes, "Changed request"), encoding="utf-8")
        lines = sum(len(p.read_bytes().splitlines()) for p in (work / "out").rglob("*") if p.is_file())
        print(f"{options.codes} codes, {lines} lines in out/, every message changed")

        check = min(errgen("generate", "--check", cwd=work) for _ in range(options.repeat))
        stat = min(errgen("generate", "--check", "--stat", cwd=work) for _ in range(options.repeat))
        generate = []
        for _ in range(options.repeat):
            copy = work / "copy"
            shutil.copytree(work / "out", copy / "out")
            shutil.copytree(work / "spec", copy / "spec")
            generate.append(errgen("generate", cwd=copy))
            shutil.rmtree(copy)
        best = min(generate)
        for label, seconds in (("generate", best), ("generate --check", check), ("generate --check --stat", stat)):
            print(f"{label:24s} {seconds:7.2f} s  {seconds / best:5.2f}x generate")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
