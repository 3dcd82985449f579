"""Catalogs at the edges of what is valid still generate packages every toolchain accepts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests import toolchains
from tests.helpers import ROOT, errgen

EVERY_CODE_RETIRED = (
    (ROOT / "tests" / "fixtures" / "minimal.yaml")
    .read_text(encoding="utf-8")
    .replace('      - "It failed."\n', '      - "It failed."\n    retired: "Gone in 0.2."\n')
)


def test_a_catalog_whose_every_code_is_retired(tmp_path: Path, tools: toolchains.Tools, go: str) -> None:
    """Was an IndexError in the Go target; now every target renders, and its toolchain agrees."""
    assert "retired:" in EVERY_CODE_RETIRED
    (tmp_path / "errors.yaml").write_text(EVERY_CODE_RETIRED, encoding="utf-8")
    proc = errgen("generate", "--spec", str(tmp_path / "errors.yaml"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "out"
    probe = (
        f"import sys; sys.path.insert(0, {str(out / 'python')!r}); import minimal_errors as m; "
        "print(dict(m.RETIRED_CODES), list(m.ErrorCode), type(m.from_payload({'code': 1, 'msg': 'x'})).__name__)"
    )
    run = subprocess.run([sys.executable, "-I", "-c", probe], capture_output=True, text=True, check=False)
    assert run.stdout == "{1: 'FAILED'} [] GeneralError\n", run.stderr
    mypy = toolchains.run([sys.executable, "-m", "mypy", "--strict", "minimal_errors"], cwd=out / "python")
    assert mypy.returncode == 0, toolchains.output(mypy)
    config = {"compilerOptions": {"strict": True, "noEmit": True, "target": "es2022", "module": "nodenext"}}
    compiled = toolchains.tsc(tools, out / "typescript", {**config, "include": ["src/*.ts"]})
    assert compiled.returncode == 0, toolchains.output(compiled)
    fmt = toolchains.run([toolchains.gofmt(go), "-l", "."], cwd=out / "go")
    assert (fmt.returncode, fmt.stdout) == (0, ""), toolchains.output(fmt)
    vet = toolchains.run_go([go, "vet", "./..."], cwd=out / "go")
    assert vet.returncode == 0, toolchains.output(vet)
