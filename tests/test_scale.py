"""Every target at 10,000 codes (OKX has 1,056; MySQL and Windows several thousand), judged by its
real toolchain once. The toolchains run side by side, as their own processes, so the test costs
the slowest of them, not their sum. Speed itself is measured in bench/, never here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.helpers import ROOT
from tests.scale import spec
from tests.toolchains import GO_ENV, STRICT, Tools

CODES = 10_000


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scale")
    (root / "errors.yaml").write_text(spec(CODES), encoding="utf-8")
    targets = ["--target", "python", "--target", "typescript", "--target", "go"]
    assert main(["generate", "--spec", str(root / "errors.yaml"), "--out", str(root / "out"), *targets]) == 0
    return root / "out"


def _python_checks(out: Path) -> list[tuple[str, list[str], Path]]:
    package = out / "python"
    use = (
        "import scale_errors as s\n"
        f"assert len(s.ErrorCode) == {CODES}\n"
        'e = s.from_payload(b\'{"code": 59997, "msg": "Too many requests for 9997; limit is 5 per SECOND."}\')\n'
        "assert (type(e).__name__, e.variant, e.params) == ('ScaleError9997Error', 0, ('5', 'SECOND')), e\n"
        "e = s.from_payload({'code': 59998, 'msg': 'Parameter side of 9998 error'})\n"
        "assert e.params_by_name == {'param0': 'side'}, e.params_by_name\n"
        "assert s.ErrorCode.by_name('Scale error 9999') is s.ErrorCode.SCALE_ERROR_9999\n"
    )
    mypy = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-version", "3.10", "scale_errors"]
    return [("python import", [sys.executable, "-c", use], package), ("mypy --strict", mypy, package)]


# A consumer of the TypeScript declarations: the per-code typing of a normal catalog survives the
# scale (an array literal of every code's entry or class was TS2590, a union too complex to represent).
TYPESCRIPT_CONSUMER = """\
import { ApiError, ErrorCode, ScaleError9997Error, errorCodeByName, fromPayload } from "./dist/index.js";
import type { ErrorName } from "./dist/index.js";

export function describe(payload: unknown): string {
  const error: ApiError = fromPayload(payload);
  if (error instanceof ScaleError9997Error) {
    const code: typeof ErrorCode.SCALE_ERROR_9997 = error.code;
    return `${code} ${error.category}`;
  }
  return String(error.code);
}
export const found: ErrorCode | null = errorCodeByName("Scale error 5000");
export const name: ErrorName = "SCALE_ERROR_5000";
// @ts-expect-error not a name of the catalog
export const wrong: ErrorName = "SCALE_ERROR_10000";
"""

TYPESCRIPT_USE = """\
import assert from "node:assert/strict";
const pkg = await import("./dist/index.js");
assert.equal(Object.keys(pkg.ErrorCode).length, %d);
let e = pkg.fromPayload('{"code": 59997, "msg": "Too many requests for 9997; limit is 5 per SECOND."}');
assert.deepEqual([e.constructor.name, e.variant, e.params], ["ScaleError9997Error", 0, ["5", "SECOND"]]);
assert.equal(e.category, "GROUP_9");
e = pkg.fromPayload({ code: 59998, msg: "Parameter side of 9998 error" });
assert.deepEqual({ ...e.paramsByName }, { param0: "side" });
assert.equal(pkg.errorCodeByName("Scale error 9999"), pkg.ErrorCode.SCALE_ERROR_9999);
assert.equal(pkg.fromPayload({ code: 60000, msg: "x" }).constructor, pkg.ApiError);
"""


def _typescript_checks(out: Path, tools: Tools) -> list[tuple[str, list[str], Path]]:
    """tsc --strict without emit on the source, the declarations and a consumer of them (one
    program); node on the rendered build."""
    package = out / "typescript"
    (package / "consumer.ts").write_text(TYPESCRIPT_CONSUMER, encoding="utf-8")
    (package / "use.mjs").write_text(TYPESCRIPT_USE % CODES, encoding="utf-8")
    files = [str(package / name) for name in ("src/index.ts", "dist/index.d.ts", "consumer.ts")]
    config = {"compilerOptions": {**STRICT, "noEmit": True}, "files": files}
    (package / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    tsc = [tools.tsc, "-p", str(package / "tsconfig.json"), "--pretty", "false"]
    return [("tsc --strict", tsc, package), ("node", [tools.node, "use.mjs"], package)]


# What one go command may take at its peak, its compiler and linker included (about 300 MB at
# 10,000 codes: every code is a constant or a composite literal of constants, static data).
GO_MEMORY = 1024**3

# Runs a command, then fails when it or a process it waited for took more than argv[1] bytes at its
# peak. A fresh interpreter runs it: a process forked from the test's own would count the test's
# memory too (its pages until the exec).
_BOUNDED = """
import resource, subprocess, sys
status = subprocess.run(sys.argv[2:]).returncode
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
if peak > int(sys.argv[1]):
    sys.exit(f"{' '.join(sys.argv[2:])} took {peak // 2**20} MiB")
sys.exit(status)
"""


def _go_checks(out: Path, go: str) -> list[tuple[str, list[str], Path]]:
    """go vet, and go test, which builds the module and runs its examples and a test of it at
    scale (tests/go/scale_test.go); each within GO_MEMORY."""
    shutil.copy(ROOT / "tests" / "go" / "scale_test.go", out / "go" / "scale_test.go")
    bounded = [sys.executable, "-c", _BOUNDED, str(GO_MEMORY), go]
    return [
        ("go vet", [*bounded, "vet", "./..."], out / "go"),
        ("go test", [*bounded, "test", "-count=1", "./..."], out / "go"),
    ]


def test_every_target_builds_and_runs_at_ten_thousand_codes(generated: Path, tools: Tools, go: str) -> None:
    checks = _python_checks(generated) + _typescript_checks(generated, tools) + _go_checks(generated, go)
    env = {**os.environ, **GO_ENV}
    running = [
        (name, subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env))
        for name, command, cwd in checks
    ]
    failed = []
    for name, process in running:
        output, _ = process.communicate(timeout=600)
        if process.returncode != 0:
            failed.append(f"{name} failed:\n{output[-3000:]}")
    assert not failed, "\n".join(failed)
