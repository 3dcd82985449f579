"""The reviewed goldens of a realistic evolution of the Binance catalog (tests/fixtures/evolution:
1.0.0 as released, 2.0.0 as the upstream page has grown): the diff as text and as JSON, the
version check of two wrong bumps, and the changelog. `python -m tests.snapshots` rewrites them
(with the target goldens); read the diff before committing it.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from generator.cli import main as errgen

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "evolution"
GOLDEN = ROOT / "tests" / "golden" / "evolution"
OLD = "tests/fixtures/evolution/binance-1.0.0.yaml"
NEW = "tests/fixtures/evolution/binance-2.0.0.yaml"
DATE = "2025-06-01"


@contextlib.contextmanager
def _in(directory: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(before)


def run(*args: str, cwd: Path = ROOT) -> tuple[int, str, str]:
    """errgen in this process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with _in(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = errgen(list(args))
    return status, out.getvalue(), err.getvalue()


def _session(*args: str, cwd: Path = ROOT, stdout: bool = True) -> str:
    status, out, err = run(*args, cwd=cwd)
    return f"$ errgen {' '.join(args)}\n" + (out if stdout else "") + err + f"(exit {status})\n"


def _wrong_bumps() -> str:
    """2.0.0's changes released as 1.1.0, and as 2.0.0 with the Go module path of 1.x."""
    new = (FIXTURES / "binance-2.0.0.yaml").read_text(encoding="utf-8")
    module = "example.com/binance-options-errors"
    as_minor = new.replace("version: 2.0.0", "version: 1.1.0").replace(f"{module}/v2", module)
    no_suffix = new.replace(f"{module}/v2", module)
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        shutil.copyfile(FIXTURES / "binance-1.0.0.yaml", work / "binance-1.0.0.yaml")
        (work / "binance-1.1.0.yaml").write_text(as_minor, encoding="utf-8")
        (work / "binance-2.0.0-no-v2.yaml").write_text(no_suffix, encoding="utf-8")
        return _session(
            "diff", "binance-1.0.0.yaml", "binance-1.1.0.yaml", "--allow-breaking", cwd=work, stdout=False
        ) + _session(
            "diff", "binance-1.0.0.yaml", "binance-2.0.0-no-v2.yaml", "--allow-breaking", cwd=work, stdout=False
        )


def outputs() -> dict[str, str]:
    return {
        "diff.txt": _session("diff", OLD, NEW),
        "diff.json": run("diff", OLD, NEW, "--format", "json", "--allow-breaking")[1],
        "version.txt": _wrong_bumps(),
        "CHANGELOG.md": run("changelog", OLD, NEW, "--date", DATE)[1],
    }


def update() -> int:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, text in outputs().items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(update())
