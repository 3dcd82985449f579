"""Every target at 10,000 codes (OKX has 1,056; MySQL and Windows several thousand), judged by its
real toolchain once. The toolchains run side by side, as their own processes, so the test costs
the slowest of them, not their sum. Speed itself is measured in bench/, never here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.scale import spec

CODES = 10_000


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scale")
    (root / "errors.yaml").write_text(spec(CODES), encoding="utf-8")
    assert (
        main(["generate", "--spec", str(root / "errors.yaml"), "--out", str(root / "out"), "--target", "python"]) == 0
    )
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


def test_every_target_builds_and_runs_at_ten_thousand_codes(generated: Path) -> None:
    checks = _python_checks(generated)
    running = [
        (name, subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
        for name, command, cwd in checks
    ]
    failed = []
    for name, process in running:
        output, _ = process.communicate(timeout=600)
        if process.returncode != 0:
            failed.append(f"{name} failed:\n{output[-3000:]}")
    assert not failed, "\n".join(failed)
