"""The TypeScript runtime, generator/runtime/typescript/: its committed build, its tests, its copies.

runtime.ts is written by hand; runtime.js and runtime.d.ts beside it are tsc's build of it, committed
so that rendering never runs tsc. `make runtime` rebuilds them; a stale build fails here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.resources import runtime_file
from generator.targets.typescript import RUNTIME_FILES
from tests import vectors
from tests.helpers import ROOT
from tests.test_typescript_target import HERE, PACKAGES
from tests.toolchains import STRICT, Tools, output, run

RUNTIME = ROOT / "generator" / "runtime" / "typescript"
BUILT = ("runtime.js", "runtime.d.ts")


def _config() -> dict[str, Any]:
    config: dict[str, Any] = json.loads((RUNTIME / "tsconfig.json").read_text(encoding="utf-8"))
    return config


def test_the_build_is_at_least_as_strict_as_the_packages_are_judged() -> None:
    options = _config()["compilerOptions"]
    assert {key: options.get(key) for key in STRICT} == STRICT
    assert options["declaration"] is True
    assert _config()["files"] == ["runtime.ts"]
    assert json.loads((RUNTIME / "package.json").read_text(encoding="utf-8"))["type"] == "module"


def test_the_committed_build_is_what_tsc_builds_from_runtime_ts(tools: Tools, tmp_path: Path) -> None:
    """runtime.js and runtime.d.ts, byte for byte, as the locked tsc builds them from runtime.ts now."""
    out = tmp_path / "build"
    command = [tools.tsc, "-p", str(RUNTIME / "tsconfig.json"), "--outDir", str(out), "--pretty", "false"]
    result = run(command, cwd=ROOT)
    assert result.returncode == 0, output(result)
    assert sorted(path.name for path in out.iterdir()) == sorted(BUILT)
    for name in BUILT:
        built = (out / name).read_bytes()
        assert (RUNTIME / name).read_bytes() == built, f"{RUNTIME / name} is stale: rebuild it with `make runtime`"


def test_the_runtime_under_node(tools: Tools, tmp_path: Path) -> None:
    """runtime.test.mjs, with the reference rule's answers for placeholder values (generator.model.fits)."""
    table = tmp_path / "fits.json"
    table.write_text(json.dumps(vectors.fits_table()), encoding="utf-8")
    command = [tools.node, "--test", "--test-reporter=spec", str(HERE / "runtime.test.mjs")]
    result = run(command, cwd=ROOT, env={"ERRGEN_FITS": str(table)})
    assert result.returncode == 0, output(result)
    assert "✖" not in result.stdout, result.stdout


@pytest.mark.parametrize("path", RUNTIME_FILES)
def test_every_package_carries_the_runtime_verbatim(path: str) -> None:
    name = path.rpartition("/")[2]
    source = (RUNTIME / name).read_text(encoding="utf-8")
    assert runtime_file("typescript", name) == source
    for package in PACKAGES.values():
        assert (package / path).read_text(encoding="utf-8") == source, package / path
