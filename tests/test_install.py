"""errgen as a user installs it: a wheel built from a clean copy, in a fresh venv, run elsewhere.

The wheel must carry the templates, the schema and the runtimes (package data under the import name errgen),
and the installed command must write exactly the committed out/ from a copy of the spec.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT, tree


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    proc = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert proc.returncode == 0, f"{args}: {proc.stdout}{proc.stderr}"
    return proc


def _clean_copy(dest: Path) -> Path:
    """The files git tracks (as they are in the work tree): what a clean clone would hold."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in listed.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    return dest


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ of a fresh venv with errgen installed from its wheel (not editable)."""
    base = tmp_path_factory.mktemp("install")
    source = _clean_copy(base / "source")
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        base / "dist",
        ".",
        cwd=source,
    )
    venv = base / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=base)
    (wheel,) = (base / "dist").glob("errgen-*.whl")
    pip = [venv / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    _run(*pip, "-c", ROOT / "constraints.txt", wheel, cwd=base)
    return venv / "bin"


def test_the_wheel_carries_the_templates_the_schema_and_the_runtimes(installed: Path) -> None:
    (wheel,) = installed.parent.parent.glob("dist/errgen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "errgen/schema/errors.schema.json" in names
    for template in (ROOT / "templates").rglob("*.jinja"):
        assert f"errgen/templates/{template.relative_to(ROOT / 'templates').as_posix()}" in names
    runtime = {name for name in names if name.startswith("errgen/runtime/")}
    assert runtime == {
        "errgen/runtime/python/_runtime.py",
        *(f"errgen/runtime/typescript/runtime.{ext}" for ext in ("ts", "js", "d.ts")),
        "errgen/runtime/go/runtime.go",  # not its own test module (go.mod, tests)
    }
    assert not any(name.startswith("generator/") for name in names)


def test_installed_errgen_generates_the_committed_out_from_anywhere(installed: Path, tmp_path: Path) -> None:
    work = tmp_path / "elsewhere" / "api-team"
    (work / "spec").mkdir(parents=True)
    shutil.copyfile(ROOT / "spec" / "errors.yaml", work / "spec" / "errors.yaml")
    _run(installed / "errgen", "validate", "--spec", "spec/errors.yaml", cwd=work)
    _run(installed / "errgen", "generate", cwd=work)
    assert tree(work / "out") == tree(ROOT / "out")
    _run(installed / "errgen", "generate", "--check", cwd=work)
    proc = _run(installed / "python", "-m", "errgen", "--version", cwd=work)
    assert proc.stdout.startswith("errgen ")


def test_installed_errgen_validates_a_fixture(installed: Path, tmp_path: Path) -> None:
    proc = _run(installed / "errgen", "validate", "--spec", ROOT / "tests" / "fixtures" / "minimal.yaml", cwd=tmp_path)
    assert "is valid" in proc.stdout


PLUGIN = '''
"""A target that lives in another package: every active code and its name, one a line."""
from errgen.targets import SimpleTarget


def render(catalog):
    title = catalog.options.get("codes", {}).get("title", catalog.title)
    return {"codes.txt": title + "\\n" + "".join(f"{e.code} {e.name}\\n" for e in catalog.active)}


TARGET = SimpleTarget(
    name="codes",
    summary="every code and its name, one a line",
    render_files=render,
    options={"type": "object", "additionalProperties": False, "properties": {"title": {"type": "string"}}},
)
'''


def test_a_target_from_another_package_is_used_by_name(installed: Path, tmp_path: Path) -> None:
    plugin = tmp_path / "plugin"
    plugin.mkdir()
    (plugin / "errgen_codes.py").write_text(PLUGIN, encoding="utf-8")
    (plugin / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n'
        '[project]\nname = "errgen-codes"\nversion = "0.1.0"\n\n'
        '[project.entry-points."errgen.targets"]\ncodes = "errgen_codes:TARGET"\n\n'
        '[tool.setuptools]\npy-modules = ["errgen_codes"]\n',
        encoding="utf-8",
    )
    _run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", tmp_path, ".", cwd=plugin
    )
    (wheel,) = tmp_path.glob("errgen_codes-*.whl")
    _run(installed / "python", "-m", "pip", "install", "-q", "--no-deps", wheel, cwd=tmp_path)
    try:
        listed = _run(installed / "errgen", "targets", cwd=tmp_path).stdout
        assert "codes       every code and its name, one a line (installed)" in listed.splitlines()
        work = tmp_path / "work"
        (work / "spec").mkdir(parents=True)
        spec = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")
        (work / "spec" / "errors.yaml").write_text(spec, encoding="utf-8")
        _run(installed / "errgen", "generate", "--target", "codes", cwd=work)
        assert (work / "out" / "codes" / "codes.txt").read_text(encoding="utf-8") == "Minimal API\n1 FAILED\n"
        # Named in the spec's targets block, it is generated by default, its options checked.
        (work / "spec" / "errors.yaml").write_text(spec + "\ntargets:\n  codes: {title: Ours}\n", encoding="utf-8")
        _run(installed / "errgen", "generate", cwd=work)
        assert (work / "out" / "codes" / "codes.txt").read_text(encoding="utf-8") == "Ours\n1 FAILED\n"
        assert (work / "out" / "python").is_dir()
        (work / "spec" / "errors.yaml").write_text(spec + "\ntargets:\n  codes: {titel: Ours}\n", encoding="utf-8")
        proc = subprocess.run(
            [installed / "errgen", "validate"], cwd=work, capture_output=True, text=True, check=False, timeout=120
        )
        assert proc.returncode == 1
        assert "targets.codes: unknown field 'titel'; did you mean 'title'?" in proc.stderr
    finally:
        _run(installed / "python", "-m", "pip", "uninstall", "-q", "-y", "errgen-codes", cwd=tmp_path)
