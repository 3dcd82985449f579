"""`errgen generate` against its floor (bench/floor.py), as processes paired in one run, and by stage.

For each size of the scale catalog (tests/scale.py):
  * generate into an empty directory, CPU seconds (user + system of the process, the least of a
    few runs: it does not count the time another process takes the core) and peak RSS, beside
    the floor's, with the ratio; the goal is 1.5x the floor and under 3 KB of memory per code;
  * a no-op re-run and a clean --check (the goal: under 0.3 s at 10,000 codes);
  * the stages in process: load (fast path), the semantic checks, each target's rendering, the
    plan and write;
  * the size of out/.

    python bench/bench_generate.py [--codes 47,1000,10000,100000] [--json PATH] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from common import ROOT, row, save, scale_spec, show

FLOOR = Path(__file__).resolve().parent / "floor.py"


# As a user's shell runs them: compiled modules are cached (a session that sets
# PYTHONDONTWRITEBYTECODE would otherwise compile errgen's sources on every run).
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def run(command: list[str], cwd: Path) -> tuple[float, float]:
    """CPU seconds (user + system) and peak RSS in MiB of one process."""
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    assert process.stderr is not None
    error = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed:\n{error}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def best(command: list[str], cwd: Path, repeat: int, before: Any = None) -> tuple[float, float]:
    results = []
    for _ in range(repeat):
        if before is not None:
            before()
        results.append(run(command, cwd))
    return min(r[0] for r in results), max(r[1] for r in results)


def errgen(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator", *args]


def floor_validator(folder: Path) -> Path:
    """The project's schema compiled by fastjsonschema into a module the floor imports (ahead of
    the timed runs, as errgen's cache holds its compiled validator)."""
    import fastjsonschema

    folder.mkdir(parents=True, exist_ok=True)
    schema = json.loads((ROOT / "spec" / "errors.schema.json").read_text())
    code = fastjsonschema.compile_to_code(schema)
    entry = code.split("def ", 1)[1].split("(", 1)[0]
    (folder / "floor_schema.py").write_text(f"{code}\nvalidate = {entry}\n")
    return folder


def tree_bytes(root: Path) -> int:
    """The bytes of the files a run wrote (not the bytecode other benches leave beside them)."""
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def stages(spec: Path, codes: int) -> list[dict[str, Any]]:
    """Each stage of one generate, in this process (the imports already paid)."""
    sys.path.insert(0, str(ROOT))
    from generator import validate
    from generator.loader import load_yaml_fast
    from generator.schema_fast import accepts
    from generator.targets import available
    from generator.writer import apply, plan

    data = spec.read_bytes()
    rows = []

    def timed(what: str, action: Any) -> Any:
        start = time.process_time()
        result = action()
        rows.append(row("generate", f"stage: {what}", codes, time.process_time() - start, "s"))
        return result

    value = timed("load (libyaml events)", lambda: load_yaml_fast(data))
    timed("schema (compiled)", lambda: accepts(validate._schema_json(), value))
    catalog = timed("checks and model", lambda: validate._fast_checked(value))
    files: dict[str, str] = {}
    for name, target in available().items():
        rendered = timed(f"render {name}", lambda target=target: target.render(catalog))
        files.update({f"{name}/{path}": text for path, text in rendered.items()})
    out = spec.parent / "stage-out"
    shutil.rmtree(out, ignore_errors=True)
    timed("plan and write", lambda: apply(plan(out, dict(sorted(files.items())), tuple(available()))))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", default="47,1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json")
    parser.add_argument("--no-stages", action="store_true", help="processes only (an older checkout has no stages)")
    options = parser.parse_args()
    rows: list[dict[str, Any]] = []
    for codes in map(int, options.codes.split(",")):
        spec = scale_spec(codes)
        folder = spec.parent
        validator = floor_validator(folder / "floor-validator")
        out, floor_out = folder / "out", folder / "floor-out"
        repeat = 1 if codes >= 100_000 else options.repeat
        generate = errgen("generate", "--spec", str(spec), "--out", str(out))
        run(generate, ROOT)  # errgen's cache (compiled schema, templates) warm, as on every build

        def fresh(path: Path = out) -> None:
            shutil.rmtree(path, ignore_errors=True)

        cpu, rss = best(generate, ROOT, repeat, fresh)
        floor_cpu, floor_rss = best(
            [sys.executable, str(FLOOR), str(spec), str(floor_out), str(validator)],
            ROOT,
            repeat,
            lambda path=floor_out: fresh(path),
        )
        rows.append(row("generate", "generate, CPU", codes, cpu, "s", floor_cpu, "floor.py", "< 1.5x floor"))
        rows.append(row("generate", "generate, peak RSS", codes, rss, "MiB", floor_rss, "floor.py", "< 3 KB per code"))
        rows.append(row("generate", "peak RSS per code", codes, rss * 1024 / codes, "KiB"))
        noop, _ = best(generate, ROOT, repeat)
        rows.append(row("generate", "no-op re-run, CPU", codes, noop, "s", goal="< 0.3 s at 10,000"))
        check, _ = best(errgen("generate", "--check", "--spec", str(spec), "--out", str(out)), ROOT, repeat)
        rows.append(row("generate", "clean --check, CPU", codes, check, "s", goal="< 0.3 s at 10,000"))
        rows.append(row("generate", "out/ size", codes, tree_bytes(out) / 1e6, "MB", goal="< 12 MB at 10,000"))
        rows.append(row("generate", "floor's output size", codes, tree_bytes(floor_out) / 1e6, "MB"))
        if codes <= 10_000 and not options.no_stages:
            rows += stages(spec, codes)
    show(rows)
    save(rows, options.json)


if __name__ == "__main__":
    main()
