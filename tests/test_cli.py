"""The `errgen` command, run as a user runs it: a subprocess, with exit codes and output checked.

Every test works on a copy of the real spec in a tmp dir; /work/main/out is never touched.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import generator
from generator.render import TARGET_NAMES, render
from generator.validate import load_catalog
from generator.writer import MANIFEST
from tests.helpers import errgen, listing, tree

REPO = Path(__file__).resolve().parent.parent
REAL_SPEC = REPO / "spec" / "errors.yaml"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project directory holding a copy of the real spec at the default path."""
    (tmp_path / "spec").mkdir()
    shutil.copyfile(REAL_SPEC, tmp_path / "spec" / "errors.yaml")
    return tmp_path


@pytest.fixture
def generated(project: Path) -> Path:
    proc = errgen("generate", cwd=project)
    assert proc.returncode == EXIT_OK, proc.stderr
    return project


def expected_files(spec: Path, targets: tuple[str, ...] = TARGET_NAMES) -> dict[str, bytes]:
    catalog = load_catalog(spec.read_bytes())
    return {path: text.encode("utf-8") for path, text in render(catalog, targets).items()}


def python_init(project: Path) -> Path:
    (init,) = (project / "out" / "python").glob("*/__init__.py")
    return init


# --- the command itself -----------------------------------------------------------------


def test_console_script_reports_the_version() -> None:
    bin_dir = Path(sys.executable).parent
    script = shutil.which("errgen", path=str(bin_dir)) or shutil.which("errgen")
    assert script is not None, f"no errgen console script in {bin_dir} or on PATH"
    proc = subprocess.run([script, "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == EXIT_OK, proc.stderr
    assert proc.stdout.strip() == f"errgen {generator.__version__}"


def test_module_reports_the_version_and_help(tmp_path: Path) -> None:
    proc = errgen("--version", cwd=tmp_path)
    assert (proc.returncode, proc.stdout.strip()) == (EXIT_OK, f"errgen {generator.__version__}")
    proc = errgen("--help", cwd=tmp_path)
    assert proc.returncode == EXIT_OK
    assert "generate" in proc.stdout and "validate" in proc.stdout


# --- success ----------------------------------------------------------------------------


def test_validate_the_real_spec(project: Path) -> None:
    proc = errgen("validate", cwd=project)
    assert proc.returncode == EXIT_OK, proc.stderr
    assert "valid" in proc.stdout
    assert not (project / "out").exists(), "validate must not write anything"


def test_generate_the_real_spec(project: Path) -> None:
    proc = errgen("generate", cwd=project)
    assert proc.returncode == EXIT_OK, proc.stderr
    files = tree(project / "out")
    assert MANIFEST in files
    assert {k: v for k, v in files.items() if k != MANIFEST} == expected_files(project / "spec" / "errors.yaml")


def test_generate_with_explicit_absolute_paths(tmp_path: Path) -> None:
    out = tmp_path / "elsewhere" / "generated"
    proc = errgen("generate", "--spec", str(REAL_SPEC), "--out", str(out), cwd=tmp_path)
    assert proc.returncode == EXIT_OK, proc.stderr
    assert {k: v for k, v in tree(out).items() if k != MANIFEST} == expected_files(REAL_SPEC)


def test_second_generate_changes_nothing(generated: Path) -> None:
    before = listing(generated / "out")
    proc = errgen("generate", cwd=generated)
    assert proc.returncode == EXIT_OK, proc.stderr
    assert "up to date" in proc.stdout
    assert listing(generated / "out") == before


# --- check mode -------------------------------------------------------------------------


def test_check_on_up_to_date_output_is_silent_and_succeeds(generated: Path) -> None:
    before = listing(generated / "out")
    proc = errgen("generate", "--check", cwd=generated)
    assert proc.returncode == EXIT_OK, proc.stderr
    assert proc.stdout == ""
    assert listing(generated / "out") == before


def _run_fix_command(stderr: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the command the check told the user to run, exactly as a shell would split it."""
    assert "run: " in stderr, stderr
    words = shlex.split(stderr.split("run: ", 1)[1].strip().splitlines()[0])
    assert words[:2] == ["errgen", "generate"], words
    return errgen(*words[1:], cwd=cwd)


def test_check_after_a_hand_edit_fails_shows_the_diff_and_writes_nothing(generated: Path) -> None:
    init = python_init(generated)
    relative = init.relative_to(generated / "out").as_posix()
    init.write_text(init.read_text(encoding="utf-8") + "HAND_EDIT = True\n", encoding="utf-8")
    before = listing(generated / "out")

    proc = errgen("generate", "--check", cwd=generated)

    assert proc.returncode == EXIT_FAILED
    lines = proc.stdout.splitlines()
    assert f"--- a/{relative}" in lines and f"+++ b/{relative}" in lines
    assert "-HAND_EDIT = True" in lines
    assert any(line.startswith("@@ -") for line in lines)
    assert "errgen generate" in proc.stderr
    assert "errgen generate" not in proc.stdout, "the diff on stdout must stay a clean patch"
    assert listing(generated / "out") == before, "check mode wrote something"
    assert "HAND_EDIT = True" in init.read_text(encoding="utf-8")

    fix = _run_fix_command(proc.stderr, generated)
    assert fix.returncode == EXIT_OK, fix.stderr
    assert "HAND_EDIT" not in init.read_text(encoding="utf-8")
    assert errgen("generate", "--check", cwd=generated).returncode == EXIT_OK


def test_check_fix_command_survives_paths_with_spaces(tmp_path: Path) -> None:
    """The printed fix command must be copy-pasteable into a shell, whatever the paths."""
    project = tmp_path / "my project"
    (project / "my spec").mkdir(parents=True)
    shutil.copyfile(REAL_SPEC, project / "my spec" / "errors.yaml")
    args = ("--spec", "my spec/errors.yaml", "--out", "my out")
    assert errgen("generate", *args, cwd=project).returncode == EXIT_OK
    (init,) = (project / "my out" / "python").glob("*/__init__.py")
    init.write_text(init.read_text(encoding="utf-8") + "HAND_EDIT = True\n", encoding="utf-8")

    proc = errgen("generate", "--check", *args, cwd=project)
    assert proc.returncode == EXIT_FAILED
    fix = _run_fix_command(proc.stderr, project)
    assert fix.returncode == EXIT_OK, f"the suggested command fails: {proc.stderr.strip()}\n{fix.stderr}"
    assert "HAND_EDIT" not in init.read_text(encoding="utf-8")


def test_check_after_deleting_a_generated_file_names_it(generated: Path) -> None:
    victim = generated / "out" / "python" / "pyproject.toml"
    victim.unlink()
    proc = errgen("generate", "--check", cwd=generated)
    assert proc.returncode == EXIT_FAILED
    assert "+++ b/python/pyproject.toml" in proc.stdout.splitlines()
    assert not victim.exists()


def test_check_on_a_missing_out_dir_fails_and_creates_nothing(project: Path) -> None:
    proc = errgen("generate", "--check", cwd=project)
    assert proc.returncode == EXIT_FAILED
    assert "+++ b/python/pyproject.toml" in proc.stdout.splitlines()
    assert "errgen generate" in proc.stderr
    assert not (project / "out").exists(), "check mode created the output directory"
    proc = errgen("generate", "--check", "--out", "deep/er/out", cwd=project)
    assert proc.returncode == EXIT_FAILED
    assert not (project / "deep").exists()


# --- usage errors -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("bogus",),
        ("generate", "--target", "cobol"),
        ("generate", "--no-such-option"),
        ("validate", "--out", "x"),
    ],
    ids=["no-subcommand", "unknown-subcommand", "unknown-target", "unknown-option", "option-of-other-command"],
)
def test_usage_errors_exit_2_and_write_nothing(project: Path, args: tuple[str, ...]) -> None:
    before = listing(project)
    proc = errgen(*args, cwd=project)
    assert proc.returncode == EXIT_USAGE, proc.stderr
    assert "usage:" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    assert listing(project) == before


@pytest.mark.parametrize(
    "args",
    [("validate",), ("generate",), ("generate", "--check"), ("validate", "--spec", "nowhere/errors.yaml")],
)
def test_missing_spec_exits_2_with_a_clear_message(tmp_path: Path, args: tuple[str, ...]) -> None:
    proc = errgen(*args, cwd=tmp_path)
    assert proc.returncode == EXIT_USAGE
    spec = args[-1] if "--spec" in args else "spec/errors.yaml"
    assert spec in proc.stderr and "spec" in proc.stderr.lower()
    assert "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == [], "nothing may be written when the spec is missing"


@pytest.mark.parametrize("command", [("validate",), ("generate",), ("generate", "--check")])
def test_invalid_spec_exits_1_and_writes_nothing(project: Path, command: tuple[str, ...]) -> None:
    spec = project / "spec" / "errors.yaml"
    spec.write_text("catalog: [\n", encoding="utf-8")
    proc = errgen(*command, cwd=project)
    assert proc.returncode == EXIT_FAILED
    assert "spec/errors.yaml:" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (project / "out").exists()


def test_a_valid_spec_a_target_cannot_express_names_the_target_and_the_entry(generated: Path) -> None:
    """A code beyond 32 bits is valid (every target but Go holds it exactly): generating fails at
    once, naming Go and the entry, and no target's files change, not even Python's."""
    spec = generated / "spec" / "errors.yaml"
    text = spec.read_text(encoding="utf-8")
    text = text.replace("range: {min: -5999, max: -3000}", "range: {min: -3000000000, max: -3000}")
    spec.write_text(text.replace("code: -4055", "code: -3000000000"), encoding="utf-8")
    assert errgen("validate", cwd=generated).returncode == EXIT_OK
    before = listing(generated / "out")
    for command in (("generate",), ("generate", "--check"), ("generate", "--target", "go")):
        proc = errgen(*command, cwd=generated)
        assert proc.returncode == EXIT_FAILED, command
        assert proc.stderr == (
            "errgen: the go target cannot express the spec: the range of category FILTER: "
            "-3000000000 does not fit Go's int on every platform (32 bits)\n"
        ), proc.stderr
        assert listing(generated / "out") == before
    assert errgen("generate", "--target", "python", "--target", "typescript", cwd=generated).returncode == EXIT_OK


def test_unowned_file_in_the_way_fails_cleanly(project: Path) -> None:
    (project / "out" / "python").mkdir(parents=True)
    (project / "out" / "python" / "pyproject.toml").write_text("[project]\nname = 'mine'\n")
    before = listing(project / "out")
    proc = errgen("generate", cwd=project)
    assert proc.returncode == EXIT_FAILED
    assert "pyproject.toml" in proc.stderr and "Traceback" not in proc.stderr
    assert listing(project / "out") == before


def test_out_that_is_a_regular_file_fails_cleanly(project: Path) -> None:
    (project / "out").write_text("not a directory\n")
    proc = errgen("generate", cwd=project)
    assert proc.returncode in (EXIT_FAILED, EXIT_USAGE)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "errgen:" in proc.stderr
    assert (project / "out").read_text() == "not a directory\n"


# --- targets ----------------------------------------------------------------------------


def test_target_python_renders_only_python_and_keeps_other_targets(project: Path) -> None:
    out = project / "out"
    # Another target's file, owned by errgen from an earlier run.
    (out / "zz-other").mkdir(parents=True)
    (out / "zz-other" / "errors.txt").write_text("from another target\n")
    (out / MANIFEST).write_text('{"generator": "errgen", "files": ["zz-other/errors.txt"]}\n')

    proc = errgen("generate", "--target", "python", cwd=project)
    assert proc.returncode == EXIT_OK, proc.stderr

    files = tree(out)
    python = expected_files(project / "spec" / "errors.yaml", ("python",))
    assert python and all(path.startswith("python/") for path in python)
    assert {k: v for k, v in files.items() if k not in (MANIFEST, "zz-other/errors.txt")} == python
    assert files["zz-other/errors.txt"] == b"from another target\n"
    for other in set(TARGET_NAMES) - {"python"}:
        assert not (out / other).exists(), f"--target python also rendered {other}/"
    owned = json.loads(files[MANIFEST])["files"]
    assert sorted(owned) == sorted([*python, "zz-other/errors.txt"])
