"""The `errgen` command, run as a user runs it: a subprocess, with exit codes and output checked.

Every test works on a copy of the real spec in a tmp dir; /work/main/out is never touched.
"""

from __future__ import annotations

import errno
import json
import os
import resource
import shlex
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import generator
import generator.render
from generator import cli
from generator.limits import MAX_BYTES
from generator.render import TARGET_NAMES, render
from generator.validate import load_catalog
from generator.writer import MANIFEST
from tests.helpers import entries, errgen, listing, tree

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


@pytest.mark.parametrize("name", sorted(cli._ARGUMENTS))
def test_a_run_parses_its_command_as_the_whole_parser_would(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A run builds only its own command's parser (the others cost a run with nothing to do a tenth of
    it): that parser must be the one the whole parser holds, to its every option, default and word."""
    helps = []
    for parser in (cli._parser(), cli._parser(name)):
        with pytest.raises(SystemExit):
            parser.parse_args([name, "--help"])
        helps.append(capsys.readouterr().out)
    assert helps[0] == helps[1]
    assert helps[0].startswith(f"usage: errgen {name} ")
    other = next(command for command in cli._ARGUMENTS if command != name)
    with pytest.raises(SystemExit):
        cli._parser(name).parse_args([other])
    assert f"invalid choice: '{other}' (choose from '{name}')" in capsys.readouterr().err


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


def test_check_with_stat_sums_up_instead_of_the_diff(generated: Path) -> None:
    init = python_init(generated)
    relative = init.relative_to(generated / "out").as_posix()
    init.write_text(init.read_text(encoding="utf-8") + "HAND_EDIT = True\nMORE = 1\n", encoding="utf-8")
    (generated / "out" / "go" / "go.mod").unlink()
    proc = errgen("generate", "--check", "--stat", cwd=generated)
    assert proc.returncode == EXIT_FAILED
    width = max(len(relative), len("go/go.mod"))
    assert proc.stdout == (
        f" {'go/go.mod':<{width}} | +5 -0 (new)\n"
        f" {relative:<{width}} | +0 -2\n"
        " 2 files changed, 5 insertions(+), 2 deletions(-)\n"
    )
    assert "run: errgen generate" in proc.stderr

    proc = errgen("generate", "--stat", cwd=generated)
    assert proc.returncode == EXIT_OK, proc.stderr
    assert proc.stdout.endswith(
        " 2 files changed, 5 insertions(+), 2 deletions(-)\nerrgen: out/ updated, 2 file(s) changed\n"
    )
    assert errgen("generate", "--check", "--stat", cwd=generated).stdout == ""


def test_make_check_tells_to_run_make_generate(generated: Path) -> None:
    """errgen is not on a new user's PATH: `make check` names the command the README gives."""
    make = shutil.which("make")
    if make is None:
        pytest.fail("this test needs make, which was not found on PATH", pytrace=False)
    init = python_init(generated)
    init.write_text(init.read_text(encoding="utf-8") + "HAND_EDIT = True\n", encoding="utf-8")
    proc = subprocess.run(
        # The repository's Makefile, run in the project with this interpreter (its venv is not rebuilt).
        [make, "-s", "-f", str(REPO / "Makefile"), "-o", ".venv/.installed", "check", f"PY={sys.executable}"],
        cwd=generated,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode != 0
    assert "errgen: out/ is out of date with spec/errors.yaml; run: make generate\n" in proc.stderr
    assert "HAND_EDIT" in proc.stdout


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
        ("generate", "--out", ""),
        ("generate", "--check", "--out", ""),
        ("generate", "--spec", ""),
        ("validate", "--spec", ""),
    ],
    ids=[
        "no-subcommand",
        "unknown-subcommand",
        "unknown-target",
        "unknown-option",
        "option-of-other-command",
        "empty-out",
        "empty-out-check",
        "empty-spec",
        "empty-spec-validate",
    ],
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
    for command in (("generate",), ("generate", "--check")):
        proc = errgen(*command, cwd=project)
        assert proc.returncode == EXIT_FAILED
        assert proc.stderr == "errgen: cannot write out: it is a file where a directory must be\n"
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


def test_out_under_a_regular_file_fails_cleanly(project: Path) -> None:
    (project / "notadir").write_text("a file\n")
    before = listing(project)
    for command in (("generate",), ("generate", "--check")):
        proc = errgen(*command, "--out", "notadir/out", cwd=project)
        assert proc.returncode == EXIT_FAILED, command
        assert proc.stderr == "errgen: cannot write notadir/out: a file is in the way where a directory must be\n"
        assert listing(project) == before


@pytest.mark.parametrize("command", [("generate",), ("generate", "--check"), ("generate", "--target", "go")])
def test_a_failed_render_leaves_no_output_directory(project: Path, command: tuple[str, ...]) -> None:
    """Rendering comes before anything touches the disk: no empty out/ (nor its parents) is left."""
    spec = project / "spec" / "errors.yaml"
    text = spec.read_text(encoding="utf-8")
    text = text.replace("range: {min: -5999, max: -3000}", "range: {min: -3000000000, max: -3000}")
    spec.write_text(text.replace("code: -4055", "code: -3000000000"), encoding="utf-8")
    for out in ("out", "deep/er/out"):
        proc = errgen(*command, "--out", out, cwd=project)
        assert proc.returncode == EXIT_FAILED, proc.stderr
        assert proc.stderr.startswith("errgen: the go target cannot express the spec")
        assert sorted(p.name for p in project.iterdir()) == ["spec"]


# --- write failures: one line, exit 1, out/ exactly as it was; a later run repairs ------


MESSAGE = "An unknown error occurred while processing the request."


@pytest.fixture(scope="module")
def stale_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose out/ was generated before its spec changed in a way that rewrites a file in
    every directory of every target (a message reworded)."""
    project = tmp_path_factory.mktemp("stale")
    (project / "spec").mkdir()
    shutil.copyfile(REAL_SPEC, project / "spec" / "errors.yaml")
    proc = errgen("generate", cwd=project)
    assert proc.returncode == EXIT_OK, proc.stderr
    spec = project / "spec" / "errors.yaml"
    text = spec.read_text(encoding="utf-8")
    assert text.count(MESSAGE) == 1
    spec.write_text(text.replace(MESSAGE, MESSAGE.replace("request.", "request, sorry.")), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def repaired(stale_project: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """out/ as generating the changed spec writes it."""
    project = tmp_path_factory.mktemp("repaired")
    shutil.copytree(stale_project / "spec", project / "spec")
    proc = errgen("generate", cwd=project)
    assert proc.returncode == EXIT_OK, proc.stderr
    return tree(project / "out")


@dataclass
class Failure:
    """What makes a write fail, and how generate must report it."""

    message: str  # stderr, exactly
    out: str = "out"
    undo: Callable[[], None] = lambda: None  # removes the cause (then a run must repair)
    repairable: bool = True
    preexec: Callable[[], None] | None = None  # runs in the errgen process before it starts


def _chattr(flag: str, path: Path, request: pytest.FixtureRequest) -> None:
    """chattr +i (root on a file system that has the flag), undone when the test ends; else skip."""
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, flag, str(path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here (it needs root and a file system with the flag)")
    request.addfinalizer(lambda: subprocess.run([chattr, "-i", str(path)], check=False))


def _mutable(path: Path) -> Callable[[], None]:
    return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)


def _restore(path: Path) -> Callable[[], None]:
    data = path.read_bytes()

    def undo() -> None:
        if path.is_dir():
            path.rmdir()
        path.write_bytes(data)

    return undo


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # else the kernel kills the process: EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))


def _full_disk(project: Path, request: pytest.FixtureRequest) -> Failure:
    """out/ on a 1 MiB tmpfs that a filler file has filled up."""
    disk = project / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)]).returncode:
        pytest.skip("mounting a small tmpfs needs root")
    request.addfinalizer(lambda: subprocess.run(["umount", "-l", str(disk)], check=False))
    shutil.copytree(project / "out", disk / "out")
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    # The first changed file as the targets render (python first), each staged as it comes.
    message = "errgen: cannot write disk/out/python/binance_options_errors/__init__.py: No space left on device\n"
    return Failure(message, out="disk/out", undo=filler.unlink)


def _case(name: str, project: Path, request: pytest.FixtureRequest) -> Failure:
    out = project / "out"
    manifest = out / MANIFEST
    unreadable = "errgen: cannot write out/.errgen-manifest.json: unreadable manifest ({}); delete it to start over\n"
    if name == "directory-in-the-way":
        (out / "docs" / "README.md").unlink()
        (out / "docs" / "README.md").mkdir()
        return Failure(
            "errgen: cannot write out/docs/README.md: a directory is in the way\n",
            undo=(out / "docs" / "README.md").rmdir,
        )
    if name == "file-where-a-directory-must-be":
        shutil.rmtree(out / "typescript" / "dist")
        (out / "typescript" / "dist").write_text("a file\n")
        return Failure(
            "errgen: cannot write out/typescript/dist/catalog.d.ts: a file is in the way where a directory must be\n",
            undo=(out / "typescript" / "dist").unlink,
        )
    if name == "name-too-long":
        too_long = "x" * 300 + "/out"
        return Failure(f"errgen: cannot write {too_long}: File name too long\n", out=too_long, repairable=False)
    if name == "manifest-is-a-directory":
        undo = _restore(manifest)
        manifest.unlink()
        manifest.mkdir()
        return Failure(unreadable.format("a directory is in the way"), undo=undo)
    if name == "manifest-is-not-json":
        undo = _restore(manifest)
        manifest.write_text('{"files": [\n')
        return Failure(unreadable.format("Expecting value: line 2 column 1 (char 12)"), undo=undo)
    if name == "manifest-is-not-utf8":
        undo = _restore(manifest)
        manifest.write_bytes(b'{"files": ["\xff"]}\n')
        reason = "'utf-8' codec can't decode byte 0xff in position 12: invalid start byte"
        return Failure(unreadable.format(reason), undo=undo)
    if name == "manifest-lists-a-directory":
        undo = _restore(manifest)
        data = json.loads(manifest.read_text(encoding="utf-8"))
        data["files"].append("python/binance_options_errors")
        manifest.write_text(json.dumps(data), encoding="utf-8")
        reason = "the manifest lists a file, but a directory is there"
        return Failure(f"errgen: cannot write out/python/binance_options_errors: {reason}\n", undo=undo)
    if name == "file-size-limit":
        # The first file over the limit as the targets render (python first), each staged as it comes.
        message = "errgen: cannot write out/python/binance_options_errors/__init__.py: File too large\n"
        return Failure(message, preexec=_limit_file_size)
    if name == "disk-full":
        return _full_disk(project, request)
    if name == "immutable-directory":
        _chattr("+i", out / "typescript" / "dist", request)
        return Failure(
            "errgen: cannot write out/typescript/dist/catalog.js: Operation not permitted\n",
            undo=_mutable(out / "typescript" / "dist"),
        )
    if name == "immutable-file":  # docs/ and the manifest are replaced before it fails, then put back
        _chattr("+i", out / "go" / "table.go", request)
        return Failure(
            "errgen: cannot write out/go/table.go: Operation not permitted\n", undo=_mutable(out / "go" / "table.go")
        )
    assert name == "immutable-out"  # with a stale file to delete, the manifest must change
    (out / "python" / "old.py").write_text("OLD = 1\n")
    data = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps({**data, "files": sorted([*data["files"], "python/old.py"])}), encoding="utf-8")
    _chattr("+i", out, request)
    return Failure("errgen: cannot write out/.errgen-manifest.json: Operation not permitted\n", undo=_mutable(out))


WRITE_FAILURES = [
    "directory-in-the-way",
    "file-where-a-directory-must-be",
    "name-too-long",
    "manifest-is-a-directory",
    "manifest-is-not-json",
    "manifest-is-not-utf8",
    "manifest-lists-a-directory",
    "file-size-limit",
    "disk-full",
    "immutable-directory",
    "immutable-file",
    "immutable-out",
]


def _errgen_in(
    project: Path, *args: str, preexec: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real CLI in a fresh interpreter, as helpers.errgen runs it, optionally limited."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        preexec_fn=preexec,
    )


@pytest.mark.parametrize("case", WRITE_FAILURES)
def test_a_write_failure_is_one_line_changes_nothing_and_a_later_run_repairs(
    tmp_path: Path, stale_project: Path, repaired: dict[str, bytes], request: pytest.FixtureRequest, case: str
) -> None:
    project = tmp_path / "project"
    shutil.copytree(stale_project, project, symlinks=True)
    failure = _case(case, project, request)
    before = entries(project)

    proc = _errgen_in(project, "generate", "--out", failure.out, preexec=failure.preexec)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert (proc.returncode, proc.stderr, proc.stdout) == (EXIT_FAILED, failure.message, "")
    assert entries(project) == before, "a failed run changed the project"

    check = _errgen_in(project, "generate", "--check", "--out", failure.out, preexec=failure.preexec)
    assert "Traceback" not in check.stderr, check.stderr
    assert check.returncode == EXIT_FAILED and check.stderr.startswith("errgen: ")
    assert entries(project) == before, "check mode changed the project"

    failure.undo()
    if not failure.repairable:
        return
    proc = _errgen_in(project, "generate", "--out", failure.out)
    assert proc.returncode == EXIT_OK, proc.stderr
    assert tree(project / failure.out) == repaired, "the run after the cause was gone did not repair out/"
    assert _errgen_in(project, "generate", "--check", "--out", failure.out).returncode == EXIT_OK


# --- never a traceback ------------------------------------------------------------------


@pytest.mark.parametrize("command", [("validate",), ("generate",), ("generate", "--check")])
def test_a_spec_without_end_is_read_only_up_to_the_size_limit(tmp_path: Path, command: tuple[str, ...]) -> None:
    proc = errgen(*command, "--spec", "/dev/zero", cwd=tmp_path)
    assert proc.returncode == EXIT_FAILED
    assert proc.stderr == (
        f"/dev/zero:1:1: file is more than {MAX_BYTES} bytes; the limit is {MAX_BYTES} bytes "
        "(raise it with --max-spec-size)\n"
        "errgen: 1 problem(s); nothing was written\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_the_size_limit_is_a_setting(project: Path) -> None:
    size = (project / "spec" / "errors.yaml").stat().st_size
    small = _errgen_in(project, "validate", "--max-spec-size", "1K")
    assert small.returncode == EXIT_FAILED
    assert f"file is {size} bytes; the limit is 1024 bytes (raise it with --max-spec-size)" in small.stderr
    assert _errgen_in(project, "validate", "--max-spec-size", "1M").returncode == EXIT_OK
    assert _errgen_in(project, "validate", "--max-spec-size", "lots").returncode == EXIT_USAGE


def test_paths_that_are_not_utf8_are_printed_escaped(project: Path) -> None:
    """Paths are bytes; printing one that is not UTF-8 must not fail after the files were written."""
    spec, out = os.fsdecode(b"spec/errors\xff.yaml"), os.fsdecode(b"out\xff")
    shutil.copyfile(project / "spec" / "errors.yaml", project / spec)
    proc = errgen("validate", "--spec", spec, cwd=project)
    assert (proc.returncode, proc.stderr) == (EXIT_OK, "")
    assert proc.stdout.startswith("errgen: spec/errors\\xff.yaml is valid: ")

    proc = errgen("generate", "--spec", spec, "--out", out, cwd=project)
    assert (proc.returncode, proc.stderr) == (EXIT_OK, "")
    files = len(expected_files(project / spec))
    assert proc.stdout == f"errgen: out\\xff/ updated, {files} file(s) changed\n"
    assert {k: v for k, v in tree(project / out).items() if k != MANIFEST} == expected_files(project / spec)

    (init,) = (project / out / "python").glob("*/__init__.py")
    init.write_text("HAND_EDIT = True\n", encoding="utf-8")
    proc = errgen("generate", "--check", "--spec", spec, "--out", out, cwd=project)
    assert proc.returncode == EXIT_FAILED
    assert proc.stderr == (
        "errgen: out\\xff/ is out of date with spec/errors\\xff.yaml; "
        "run: errgen generate --spec 'spec/errors\\xff.yaml' --out 'out\\xff'\n"
    )
    (project / spec).write_text("catalog: [\n", encoding="utf-8")
    proc = errgen("generate", "--spec", spec, "--out", out, cwd=project)
    assert proc.returncode == EXIT_FAILED
    assert proc.stderr.startswith("spec/errors\\xff.yaml:") and "Traceback" not in proc.stderr


def test_an_unexpected_exception_is_one_line_asking_for_a_report(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The last resort, for bugs: every failure the tests know of has its own message."""

    def broken(*args: object) -> object:
        raise RuntimeError("boom\nand more")

    monkeypatch.chdir(project)
    monkeypatch.setattr(generator.render, "render_each", broken)
    assert cli.main(["generate"]) == EXIT_FAILED
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "errgen: internal error: RuntimeError: boom (please report it)\n")
    assert not (project / "out").exists()


def test_an_interrupted_run_says_so_in_one_line(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.chdir(project)
    monkeypatch.setattr(generator.render, "render_each", interrupted)
    assert cli.main(["generate"]) == 130
    assert capsys.readouterr().err == "errgen: interrupted\n"


def test_a_reader_that_goes_away_ends_the_diff_without_a_traceback(generated: Path) -> None:
    """`errgen generate --check | head -1`: the reader of the diff is gone before it is written."""
    (generated / "out" / "docs" / "README.md").write_text("HAND_EDIT\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "generate", "--check"],
        cwd=generated,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # long before errgen has rendered anything
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == EXIT_FAILED
    assert "Traceback" not in stderr and "Exception" not in stderr, stderr
