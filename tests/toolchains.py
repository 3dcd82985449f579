"""The toolchains that judge the generated packages (Node.js, npm, tsc, Go), found once for every
test module: a missing or too old one fails the tests, it never skips them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT

TSC = ROOT / "node_modules" / ".bin" / "tsc"

# Stricter than --strict, so that no consumer's settings can reject a generated package.
STRICT = {
    "strict": True,
    "noUncheckedIndexedAccess": True,
    "exactOptionalPropertyTypes": True,
    "noImplicitOverride": True,
    "noImplicitReturns": True,
    "noFallthroughCasesInSwitch": True,
    "noPropertyAccessFromIndexSignature": True,
    "noUnusedLocals": True,
    "noUnusedParameters": True,
    "erasableSyntaxOnly": True,  # only annotations to strip: what dist/index.js is rendered without
    "isolatedModules": True,
    "verbatimModuleSyntax": True,
    "skipLibCheck": False,
    "target": "es2022",
    "module": "nodenext",
    "moduleResolution": "nodenext",
    "lib": ["es2022"],  # no DOM, no Node types: the package must not need them
    "types": [],
    "noEmitOnError": True,
}

# Go runs offline: the generated modules need nothing but the standard library.
GO_ENV = {"GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local", "CGO_ENABLED": "0"}


@dataclass(frozen=True)
class Tools:
    node: str
    npm: str
    tsc: str


def _missing(what: str, fix: str) -> None:
    pytest.fail(f"these tests need {what}, which was not found: {fix}", pytrace=False)


def node_tools() -> Tools:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None:
        _missing("Node.js 18 or later (`node`)", "install it and put it on PATH")
    if npm is None:
        _missing("npm", "it comes with Node.js")
    if not TSC.is_file():
        _missing(f"TypeScript at {TSC.relative_to(ROOT)}", "run `npm ci` in the repository (`make test` does)")
    assert node is not None and npm is not None
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    major = re.fullmatch(r"v(\d+)\..*", version)
    if major is None or int(major.group(1)) < 18:
        _missing("Node.js 18 or later", f"`node --version` says {version!r}")
    return Tools(node=node, npm=npm, tsc=str(TSC))


def go_command() -> str:
    found = shutil.which("go")
    if found is None:
        _missing("Go 1.22 or later (`go`)", "install it and put it on PATH")
    assert found is not None
    version = subprocess.run([found, "env", "GOVERSION"], capture_output=True, text=True, check=False).stdout.strip()
    numbers = re.match(r"go(\d+)\.(\d+)", version)
    if numbers is None or (int(numbers.group(1)), int(numbers.group(2))) < (1, 22):
        _missing("Go 1.22 or later", f"`go env GOVERSION` says {version!r}")
    return found


def gofmt(go: str) -> str:
    return shutil.which("gofmt") or str(Path(go).with_name("gofmt"))


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True, check=False, timeout=600
    )


def run_go(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run(command, cwd, {**GO_ENV, **(env or {})})


def output(result: subprocess.CompletedProcess[str]) -> str:
    """What a failed command said, for an assertion message."""
    return f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"


def tsc(tools: Tools, project: Path, config: dict[str, Any]) -> subprocess.CompletedProcess[str]:
    """tsc on a tsconfig.json written into project from config."""
    (project / "tsconfig.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    return run([tools.tsc, "-p", str(project / "tsconfig.json"), "--pretty", "false"], cwd=project)
