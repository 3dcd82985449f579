"""The writer's contract: the only code that touches the output directory.

Everything runs on tmp dirs with small hand-made {path: text} dicts, through the public
functions the CLI uses: plan, apply, diff and locked.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from generator.writer import MANIFEST, Plan, WriteError, apply, diff, locked, plan, stat, write
from tests.helpers import entries, listing, tree

REPO = Path(__file__).resolve().parent.parent
REAL_SPEC = REPO / "spec" / "errors.yaml"
TEMP_SUFFIX = ".errgen-tmp"

OLD = {
    "python/pkg/__init__.py": "VALUE = 1\n",
    "python/pkg/codes.py": "CODES = {}\n",
    "python/README.md": "# old readme\n",
}


# --- helpers ----------------------------------------------------------------------------


WAYS = ("plan-and-apply", "write")  # generate --stat plans, then applies; generate writes each file as it comes
_way = WAYS[0]


@pytest.fixture(autouse=True, params=WAYS)
def way(request: pytest.FixtureRequest) -> Iterator[str]:
    """Every test of a generate run, both ways: they keep the same contract."""
    global _way
    _way = request.param
    yield _way
    _way = WAYS[0]


def run(root: Path, rendered: dict[str, str], targets: tuple[str, ...] = ("python",)) -> Plan:
    """What the CLI does for `generate`, one way or the other."""
    with locked(root):
        if _way == "write":
            return write(root, iter(rendered.items()), targets)
        result = plan(root, rendered, targets)
        apply(result)
    return result


def inodes(root: Path) -> dict[str, tuple[int, int]]:
    return {path: (entry[1], entry[2]) for path, entry in listing(root).items() if entry[0] == "file"}


def manifest_files(root: Path) -> list[str]:
    data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    files = data["files"]
    assert isinstance(files, list)
    return files


def manifest_bytes(paths: list[str]) -> bytes:
    """A manifest as an earlier errgen run would have written it (for planting tampered ones)."""
    body = {"generator": "errgen", "note": "Files errgen owns in this directory.", "files": sorted(paths)}
    return (json.dumps(body, indent=2) + "\n").encode("utf-8")


def generated(root: Path) -> dict[str, bytes]:
    """The tree without the manifest (whose exact formatting is not the contract; its list is)."""
    return {path: data for path, data in tree(root).items() if path != MANIFEST}


def encoded(rendered: dict[str, str]) -> dict[str, bytes]:
    return {path: text.encode("utf-8") for path, text in rendered.items()}


def temp_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if TEMP_SUFFIX in p.name)


@contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "work" / "out"


# --- first write, idempotence, minimal rewrites -----------------------------------------


def test_first_write_creates_files_and_manifest(root: Path) -> None:
    result = run(root, OLD)
    assert sorted(result.changed) == sorted([*OLD, MANIFEST])
    assert result.stale == []
    assert generated(root) == encoded(OLD)
    assert manifest_files(root) == sorted(OLD)
    data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    assert data["generator"] == "errgen"


def test_second_identical_apply_changes_nothing(root: Path) -> None:
    run(root, OLD)
    before = listing(root)
    time.sleep(0.01)  # a rewrite would get a later mtime as well as a new inode
    result = run(root, dict(OLD))
    assert result.up_to_date
    assert result.changed == [] and result.stale == []
    assert listing(root) == before


def test_changing_one_file_rewrites_only_that_file(root: Path) -> None:
    run(root, OLD)
    before = inodes(root)
    time.sleep(0.01)
    result = run(root, OLD | {"python/pkg/codes.py": "CODES = {1: 'one'}\n"})
    assert result.changed == ["python/pkg/codes.py"]
    after = inodes(root)
    assert (root / "python/pkg/codes.py").read_text() == "CODES = {1: 'one'}\n"
    assert after["python/pkg/codes.py"] != before["python/pkg/codes.py"]
    for path in ("python/pkg/__init__.py", "python/README.md"):
        assert after[path] == before[path], f"{path} was rewritten although its bytes did not change"


def test_manifest_is_not_rewritten_when_its_bytes_do_not_change(root: Path) -> None:
    """The module promises every file is replaced only when its bytes change; the manifest is a file too."""
    run(root, OLD)
    manifest_before = (root / MANIFEST).read_bytes()
    before = inodes(root)[MANIFEST]
    time.sleep(0.01)
    run(root, OLD | {"python/pkg/codes.py": "CODES = {1: 'one'}\n"})
    assert (root / MANIFEST).read_bytes() == manifest_before
    assert inodes(root)[MANIFEST] == before, "the manifest was rewritten with identical bytes"


# --- deletion and ownership -------------------------------------------------------------


def test_dropped_file_is_deleted_with_its_empty_parents_but_unowned_neighbours_stay(root: Path) -> None:
    rendered = OLD | {"python/sub/deep/gone.py": "X = 1\n", "python/keep/gone_too.py": "Y = 2\n"}
    run(root, rendered)
    (root / "python/keep/user.txt").write_text("mine\n")
    (root / "python/notes.txt").write_text("also mine\n")
    users_before = {p: v for p, v in listing(root).items() if p in ("python/keep/user.txt", "python/notes.txt")}

    result = run(root, OLD)

    assert result.stale == ["python/keep/gone_too.py", "python/sub/deep/gone.py"]
    assert not (root / "python/sub/deep/gone.py").exists()
    assert not (root / "python/sub").exists(), "empty parent directories of a deleted file must go too"
    assert not (root / "python/keep/gone_too.py").exists()
    assert (root / "python/keep").is_dir(), "a directory holding a file errgen does not own must stay"
    assert {p: v for p, v in listing(root).items() if p in users_before} == users_before
    assert manifest_files(root) == sorted(OLD)
    assert generated(root) == encoded(OLD) | {"python/keep/user.txt": b"mine\n", "python/notes.txt": b"also mine\n"}


def test_unowned_file_in_the_way_is_refused_and_nothing_changes(root: Path) -> None:
    run(root, OLD)
    (root / "python/pkg/extra.py").write_text("# written by a human\n")
    before = listing(root)
    with pytest.raises(WriteError, match=r"extra\.py"):
        run(root, OLD | {"python/pkg/extra.py": "# generated\n", "python/pkg/__init__.py": "VALUE = 2\n"})
    assert listing(root) == before


def test_unowned_file_in_the_way_is_refused_on_a_first_run(root: Path) -> None:
    (root / "python").mkdir(parents=True)
    (root / "python/README.md").write_text("# my own readme\n")
    before = listing(root)
    with pytest.raises(WriteError):
        run(root, OLD)
    assert listing(root) == before
    assert not (root / MANIFEST).exists()


def test_identical_unowned_file_is_adopted(root: Path) -> None:
    (root / "python").mkdir(parents=True)
    (root / "python/README.md").write_text(OLD["python/README.md"])
    ino_before = inodes(root)["python/README.md"]
    result = run(root, OLD)
    assert "python/README.md" not in result.changed
    assert inodes(root)["python/README.md"] == ino_before, "an identical file must not be rewritten"
    assert "python/README.md" in manifest_files(root)
    # Adopted means owned: once it is no longer rendered it is deleted like any other generated file.
    remaining = {k: v for k, v in OLD.items() if k != "python/README.md"}
    run(root, remaining)
    assert not (root / "python/README.md").exists()


# --- paths stay inside the root ---------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "../x",
        "python/../../x",
        "python/../x",
        "a/../../b",
        "/abs",
        "/tmp/errgen-escape-test",
        "python\\..\\..\\x",
        "python\\x",
        "python//x",
        "python/",
        "python/./x",
        "./python/x",
        "",
        ".",
        "..",
        "python/x\x00y",
        MANIFEST,
        "rust/x.rs",  # a target that is not being rendered
    ],
)
def test_paths_that_escape_the_root_are_refused(tmp_path: Path, root: Path, path: str) -> None:
    root.mkdir(parents=True)
    before = listing(tmp_path)
    with pytest.raises(WriteError):
        run(root, {"python/ok.py": "OK = 1\n", path: "pwned\n"})
    assert listing(tmp_path) == before
    assert not Path("/tmp/errgen-escape-test").exists()


@pytest.mark.parametrize("entry", ["../victim.txt", "python/../../victim.txt", "/tmp/errgen-victim", "python\\x", ""])
def test_manifest_entries_that_escape_the_root_are_refused(tmp_path: Path, root: Path, entry: str) -> None:
    """A tampered manifest must never make errgen delete a file outside its root."""
    root.mkdir(parents=True)
    victim = root.parent / "victim.txt"
    victim.write_text("precious\n")
    (root / MANIFEST).write_bytes(manifest_bytes([entry]))
    before = listing(tmp_path)
    with pytest.raises(WriteError):
        run(root, {})
    assert listing(tmp_path) == before
    assert victim.read_text() == "precious\n"


def test_symlinked_directory_pointing_outside_is_refused(tmp_path: Path, root: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root.mkdir(parents=True)
    (root / "python").symlink_to(outside, target_is_directory=True)
    before = listing(tmp_path)
    with pytest.raises(WriteError, match="symlink"):
        run(root, OLD)
    assert list(outside.iterdir()) == []
    assert listing(tmp_path) == before


def test_nested_symlinked_directory_is_refused(tmp_path: Path, root: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "python").mkdir(parents=True)
    (root / "python/pkg").symlink_to(outside, target_is_directory=True)
    with pytest.raises(WriteError, match="symlink"):
        run(root, OLD)
    assert list(outside.iterdir()) == []


def test_symlinked_file_is_refused_and_its_target_untouched(tmp_path: Path, root: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("precious\n")
    run(root, OLD)
    (root / "python/README.md").unlink()
    (root / "python/README.md").symlink_to(target)
    with pytest.raises(WriteError, match="symlink"):
        run(root, OLD | {"python/README.md": "# new readme\n"})
    assert target.read_text() == "precious\n"
    assert (root / "python/README.md").is_symlink()


def test_stale_file_behind_a_symlink_is_not_deleted(tmp_path: Path, root: Path) -> None:
    """An owned file whose directory was swapped for a symlink must not be deleted through it."""
    run(root, OLD | {"python/extra/old.py": "OLD = 1\n"})
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "old.py").write_text("someone else's file\n")
    shutil.rmtree(root / "python/extra")
    (root / "python/extra").symlink_to(outside, target_is_directory=True)
    with pytest.raises(WriteError, match="symlink"):
        run(root, OLD)
    assert (outside / "old.py").read_text() == "someone else's file\n"


@pytest.mark.parametrize("obstacle", ["directory", "file-as-parent"])
def test_something_other_than_a_file_in_the_way_is_a_write_error(root: Path, obstacle: str) -> None:
    """Where a file must go there is a directory (or a parent is a file): a WriteError, not a crash."""
    run(root, OLD)
    if obstacle == "directory":
        (root / "python/pkg/new.py").mkdir()
        rendered = OLD | {"python/pkg/new.py": "NEW = 1\n"}
    else:
        (root / "python/data").write_text("a file, not a directory\n")
        rendered = OLD | {"python/data/new.py": "NEW = 1\n"}
    before = listing(root)
    with pytest.raises(WriteError):
        run(root, rendered)
    assert listing(root) == before


@pytest.mark.parametrize(
    ("manifest", "reason"),
    [
        ("directory", r"\.errgen-manifest\.json: unreadable manifest \(a directory is in the way\)"),
        (b"{not json", r"\.errgen-manifest\.json: unreadable manifest \(Expecting property name"),
        (
            b'{"files": ["\xff"]}',
            r"\.errgen-manifest\.json: unreadable manifest \('utf-8' codec can't decode byte 0xff",
        ),
        (b'{"files": "python/x"}', r"\.errgen-manifest\.json: unreadable manifest \(no list of files\)"),
        (b"[]", r"\.errgen-manifest\.json: unreadable manifest \(no list of files\)"),
        (manifest_bytes([*OLD, "python/pkg"]), r"python/pkg: the manifest lists a file, but a directory is there"),
    ],
    ids=["directory", "not-json", "not-utf8", "files-not-a-list", "not-an-object", "lists-a-directory"],
)
def test_a_bad_manifest_is_a_write_error_and_nothing_changes(root: Path, manifest: str | bytes, reason: str) -> None:
    run(root, OLD)
    (root / MANIFEST).unlink()
    if manifest == "directory":
        (root / MANIFEST).mkdir()
    else:
        assert isinstance(manifest, bytes)
        (root / MANIFEST).write_bytes(manifest)
    before = listing(root)
    with pytest.raises(WriteError, match=f"^cannot write \\S+{reason}"):
        run(root, OLD | {"python/README.md": "# new\n"})
    assert listing(root) == before


def test_a_failed_first_run_leaves_no_output_root(tmp_path: Path) -> None:
    """The root (and its missing parents) that a failed run made are removed again."""
    root = tmp_path / "new" / "deeper" / "out"
    with pytest.raises(WriteError):
        run(root, {"python/ok.py": "OK = 1\n", "python/../x": "pwned\n"})
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "file").write_text("in the way\n")
    with pytest.raises(WriteError, match="a file is in the way where a directory must be"):
        run(tmp_path / "file" / "out", OLD)
    assert listing(tmp_path) == {"file": listing(tmp_path)["file"]}


# --- targets ----------------------------------------------------------------------------


def test_rendering_one_target_keeps_the_other_targets_files(root: Path) -> None:
    ts = {"typescript/index.ts": "export const A = 1;\n", "typescript/package.json": "{}\n"}
    run(root, OLD | ts, ("python", "typescript"))
    ts_before = {p: v for p, v in listing(root).items() if p.startswith("typescript/")}

    new_python = {k: v for k, v in OLD.items() if k != "python/README.md"} | {"python/pkg/new.py": "N = 1\n"}
    result = run(root, new_python, ("python",))

    assert result.stale == ["python/README.md"]
    assert {p: v for p, v in listing(root).items() if p.startswith("typescript/")} == ts_before
    assert manifest_files(root) == sorted([*new_python, *ts])
    assert generated(root) == encoded(new_python | ts)


def test_rendering_a_target_with_no_files_deletes_only_that_targets_files(root: Path) -> None:
    ts = {"typescript/index.ts": "export const A = 1;\n"}
    run(root, OLD | ts, ("python", "typescript"))
    run(root, {}, ("typescript",))
    assert not (root / "typescript").exists()
    assert generated(root) == encoded(OLD)
    assert manifest_files(root) == sorted(OLD)


# --- check mode: plan + diff, no apply --------------------------------------------------


def _make_out_of_date(root: Path) -> dict[str, str]:
    """A generated tree, then a rendered set that changes one file, adds one and drops one."""
    run(root, OLD)
    return {
        "python/pkg/__init__.py": "VALUE = 1\n",
        "python/pkg/codes.py": "CODES = {1: 'one'}\n",
        "python/pkg/added.py": "ADDED = True\n",
    }


def test_check_mode_writes_nothing(tmp_path: Path, root: Path) -> None:
    rendered = _make_out_of_date(root)
    (root / "python/pkg/__init__.py").write_text("VALUE = 1  # hand edit\n")
    before = listing(tmp_path)
    time.sleep(0.01)
    result = plan(root, rendered, ("python",))
    text = diff(result)
    assert not result.up_to_date and text
    assert listing(tmp_path) == before


def test_check_mode_on_a_missing_root_creates_nothing(tmp_path: Path, root: Path) -> None:
    result = plan(root, OLD, ("python",))
    text = diff(result)
    assert sorted(result.changed) == sorted([*OLD, MANIFEST])
    assert "+++ b/python/pkg/__init__.py" in text
    assert not root.exists() and not root.parent.exists()


def test_diff_is_a_valid_unified_diff_naming_each_changed_file(tmp_path: Path, root: Path) -> None:
    rendered = _make_out_of_date(root)
    (root / "python/pkg/__init__.py").write_text("VALUE = 1  # hand edit\n")
    result = plan(root, rendered, ("python",))
    text = diff(result)
    lines = text.splitlines()

    assert "--- a/python/pkg/codes.py" in lines and "+++ b/python/pkg/codes.py" in lines
    assert "-CODES = {}" in lines and "+CODES = {1: 'one'}" in lines
    assert "--- a/python/pkg/__init__.py" in lines and "-VALUE = 1  # hand edit" in lines
    assert "--- /dev/null" in lines and "+++ b/python/pkg/added.py" in lines
    assert "--- a/python/README.md" in lines and "+++ /dev/null" in lines
    assert all(line[:1] in {"-", "+", " ", "@", "\\"} for line in lines), "not a unified diff"
    assert sum(line.startswith("@@ ") for line in lines) >= 4

    # The real test of validity: patch(1) applied to a copy gives exactly what apply() writes.
    _assert_patch_gives_what_apply_writes(tmp_path, root, text, rendered)


def _assert_patch_gives_what_apply_writes(tmp_path: Path, root: Path, text: str, rendered: dict[str, str]) -> None:
    patch = shutil.which("patch")
    if patch is None:
        pytest.fail("this test needs patch(1), which was not found on PATH", pytrace=False)
    patched = tmp_path / "patched"
    shutil.copytree(root, patched, symlinks=True)
    proc = subprocess.run(
        [patch, "-p1", "-E", "--batch", "--forward", "-d", str(patched)],
        input=text,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-5000:]
    assert "fuzz" not in proc.stdout and "offset" not in proc.stdout, "the hunks do not fit exactly: " + proc.stdout
    applied = tmp_path / "applied"
    shutil.copytree(root, applied, symlinks=True)
    apply(plan(applied, rendered, ("python",)))
    assert tree(patched) == tree(applied)
    assert generated(applied) == encoded(rendered)
    assert manifest_files(applied) == sorted(rendered)


BIG = 20_000


def _big_change(case: str) -> tuple[str, str]:
    old = [f"line {i}: {'x' * (i % 7)}" for i in range(BIG)]
    if case == "every-line":
        new = [f"changed {i}" for i in range(BIG)]
    elif case == "every-other-line":
        new = [f"changed {i}" if i % 2 else line for i, line in enumerate(old)]
    elif case == "reordered":  # worst case for anchoring: each pass finds one anchor
        new = old[::-1]
    elif case == "repeated-lines":  # no line unique: braces and blank lines, as in generated code
        old = ["{", "    x", "}", ""] * (BIG // 4)
        new = ["{", "    y", "}", ""] * (BIG // 4)
    else:  # "moved-blocks"
        blocks = [old[i : i + 100] for i in range(0, BIG, 100)]
        new = [line for block in blocks[1::2] + blocks[0::2] for line in block]
    return "\n".join(old) + "\n", "\n".join(new) + "\n"


@pytest.mark.parametrize("case", ["every-line", "every-other-line", "reordered", "repeated-lines", "moved-blocks"])
def test_diff_of_a_big_change_is_valid(tmp_path: Path, root: Path, case: str) -> None:
    """--check diffs any change in near-linear time (bench/bench_check.py measures it): the diff of
    20,000 lines changed in every way patch(1) applies exactly, and it changes no line twice."""
    old, new = _big_change(case)
    run(root, OLD | {"python/big.txt": old})
    rendered = OLD | {"python/big.txt": new}
    text = diff(plan(root, rendered, ("python",)))
    lines = text.splitlines()
    removed = sum(line.startswith("-") and not line.startswith("---") for line in lines)
    added = sum(line.startswith("+") and not line.startswith("+++") for line in lines)
    assert removed <= BIG and added <= BIG
    if case in ("every-line", "every-other-line", "repeated-lines"):  # the shortest diff is obvious
        wanted = sum(a != b for a, b in zip(old.splitlines(), new.splitlines(), strict=True))
        assert (removed, added) == (wanted, wanted)
    _assert_patch_gives_what_apply_writes(tmp_path, root, text, rendered)


def test_stat_sums_up_the_diff(root: Path) -> None:
    rendered = _make_out_of_date(root)
    (root / "python/pkg/__init__.py").write_text("VALUE = 1  # hand edit\n")
    assert stat(plan(root, rendered, ("python",))) == (
        " .errgen-manifest.json  | +1 -1\n"
        " python/pkg/__init__.py | +1 -1\n"
        " python/pkg/added.py    | +1 -0 (new)\n"
        " python/pkg/codes.py    | +1 -1\n"
        " python/README.md       | +0 -1 (deleted)\n"
        " 5 files changed, 4 insertions(+), 4 deletions(-)\n"
    )


@pytest.mark.parametrize("case", ["new", "deleted-by-hand"])
def test_diff_names_a_missing_empty_file(root: Path, case: str) -> None:
    """An empty file (a py.typed marker, say) that is missing is a change; the diff must have its header."""
    with_marker = OLD | {"python/pkg/py.typed": ""}
    run(root, OLD if case == "new" else with_marker)
    if case == "deleted-by-hand":
        (root / "python/pkg/py.typed").unlink()
    result = plan(root, with_marker, ("python",))
    assert "python/pkg/py.typed" in result.changed
    lines = diff(result).splitlines()
    assert "+++ b/python/pkg/py.typed" in lines, "check mode would fail without saying which file is missing"


def test_diff_names_a_stale_empty_file(root: Path) -> None:
    run(root, OLD | {"python/pkg/py.typed": ""})
    result = plan(root, OLD, ("python",))
    assert result.stale == ["python/pkg/py.typed"]
    assert "--- a/python/pkg/py.typed" in diff(result).splitlines()


def test_diff_handles_a_missing_final_newline(root: Path) -> None:
    run(root, OLD)
    result = plan(root, OLD | {"python/README.md": "# no newline at the end"}, ("python",))
    lines = diff(result).splitlines()
    assert "+# no newline at the end" in lines
    assert "\\ No newline at end of file" in lines


# --- modes, temp files, interruption ----------------------------------------------------


def test_files_are_created_0644_under_umask_022(root: Path) -> None:
    with umask(0o022):
        run(root, OLD)
        for path in [*OLD, MANIFEST]:
            assert (root / path).stat().st_mode & 0o7777 == 0o644, path
        run(root, OLD | {"python/README.md": "# changed\n"})  # a rewritten file keeps the mode too
        assert (root / "python/README.md").stat().st_mode & 0o7777 == 0o644


def test_file_modes_follow_the_umask(root: Path) -> None:
    with umask(0o027):
        run(root, OLD)
    for path in [*OLD, MANIFEST]:
        assert (root / path).stat().st_mode & 0o7777 == 0o640, path


def test_no_temp_files_are_left_behind(root: Path) -> None:
    run(root, OLD)
    run(root, OLD | {"python/README.md": "# changed\n", "python/pkg/new.py": "N = 1\n"})
    run(root, {"python/pkg/__init__.py": "VALUE = 3\n"})
    assert temp_files(root) == []
    assert set(tree(root)) == {"python/pkg/__init__.py", MANIFEST}


NEW = {
    "python/pkg/__init__.py": "VALUE = 2\n",  # changed
    "python/pkg/codes.py": OLD["python/pkg/codes.py"],  # unchanged
    "python/pkg/sub/added.py": "ADDED = 1\n",  # new, in a new directory
    "python/added.md": "# added\n",  # new
}  # python/README.md is dropped


def _calls_in_a_full_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> int:
    """How many times a run from OLD to NEW calls os.<name>."""
    reference = tmp_path / f"count-{name}"
    run(reference, OLD)
    calls = 0
    real = getattr(os, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, counting)
    run(reference, NEW)
    monkeypatch.setattr(os, name, real)
    return calls


def _fail_calls(monkeypatch: pytest.MonkeyPatch, name: str, fail: Callable[[int], BaseException | None]) -> None:
    """Make os.<name> raise fail(n) on its n-th call (1-based) where that is not None."""
    real = getattr(os, name)
    calls = 0

    def failing(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        exc = fail(calls)
        if exc is not None:
            raise exc
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, failing)


def _assert_old_or_new_and_all_owned(root: Path, when: str) -> None:
    on_disk = {path: data for path, data in tree(root).items() if TEMP_SUFFIX not in path}
    for path in sorted(set(OLD) | set(NEW)):
        versions = {OLD[path].encode() if path in OLD else None, NEW[path].encode() if path in NEW else None}
        assert on_disk.get(path) in versions, f"{path} is neither old nor new {when}"
    owned = set(manifest_files(root))  # the manifest is always valid JSON
    unowned = set(on_disk) - owned - {MANIFEST}
    assert not unowned, f"files on disk errgen does not own {when}: {unowned}"


@pytest.mark.parametrize("exception", [OSError, KeyboardInterrupt])
def test_interrupted_write_leaves_old_or_new_files_and_the_next_run_repairs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exception: type[BaseException]
) -> None:
    """Every rename from the n-th on fails, so that putting things back fails too: the weakest case."""
    total = _calls_in_a_full_run(tmp_path, monkeypatch, "replace")
    assert total >= 4  # manifest, three changed files, manifest
    fresh = tmp_path / "fresh"
    run(fresh, NEW)
    wanted = tree(fresh)

    for survive in range(total):
        root = tmp_path / f"crash-{survive}" / "out"
        run(root, OLD)
        _fail_calls(monkeypatch, "replace", lambda n, s=survive: exception("simulated crash") if n > s else None)
        with pytest.raises(WriteError if exception is OSError else exception):
            run(root, NEW)
        monkeypatch.undo()

        assert temp_files(root) == [], f"after {survive} renames"
        _assert_old_or_new_and_all_owned(root, f"after {survive} renames")

        run(root, NEW)
        assert tree(root) == wanted, f"the next run did not repair a crash after {survive} renames"
        assert temp_files(root) == []
        assert not (root / "python/README.md").exists()


@pytest.mark.parametrize("exception", [OSError, KeyboardInterrupt])
@pytest.mark.parametrize("call", ["replace", "open", "fsync", "chmod", "mkdir"])
def test_a_failure_at_any_step_undoes_the_whole_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str, exception: type[BaseException]
) -> None:
    """Staging (open, fsync, chmod, mkdir) or renaming (replace) fails once, anywhere: the run undoes
    everything, down to the inodes and mtimes of the files (only directory mtimes move), removes
    what it staged and the directories it made, and the next run repairs."""
    total = _calls_in_a_full_run(tmp_path, monkeypatch, call)
    assert total >= 1, call
    fresh = tmp_path / "fresh"
    run(fresh, NEW)

    for failing in range(1, total + 1):
        root = tmp_path / f"{call}-{failing}" / "out"
        run(root, OLD)
        (root / "python/leftover").mkdir()
        (root / f"python/leftover/.x.py.abc{TEMP_SUFFIX}").write_text("from a killed run\n")
        before = entries(root)
        _fail_calls(
            monkeypatch, call, lambda n, f=failing: exception(errno.EIO, "simulated failure") if n == f else None
        )
        if exception is OSError:
            with pytest.raises(WriteError, match=r"^cannot write \S*/out(/\S+)?: simulated failure$"):
                run(root, NEW)
        else:
            with pytest.raises(KeyboardInterrupt):
                run(root, NEW)
        monkeypatch.undo()

        assert entries(root) == before, f"the {failing}th {call} failed and the run did not undo itself"
        assert not (root / "python/pkg/sub").exists(), "a directory the failed run made is left"
        run(root, NEW)
        assert tree(root) == tree(fresh), f"the next run did not repair the {failing}th failing {call}"


def test_temp_files_that_cannot_be_removed_after_a_run_are_removed_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Temp files (backups, stale files set aside, leftovers) go once everything is in place;
    where one cannot, the run has still succeeded and the next run removes it."""
    root = tmp_path / "out"
    run(root, OLD)
    (root / f"python/.x.py.abc{TEMP_SUFFIX}").write_text("from a killed run\n")
    _fail_calls(monkeypatch, "unlink", lambda n: OSError(errno.EIO, "simulated failure"))
    run(root, NEW)
    monkeypatch.undo()
    assert {p: data for p, data in generated(root).items() if TEMP_SUFFIX not in p} == encoded(NEW)
    assert temp_files(root), "the simulated failures left no temp file: the test tests nothing"
    assert not run(root, NEW).up_to_date
    assert temp_files(root) == []
    assert generated(root) == encoded(NEW)


def test_without_hard_links_backups_are_copies_and_a_failure_still_undoes_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some file systems have no hard links: the files a run replaces are backed up by copying."""
    root = tmp_path / "out"
    run(root, OLD)
    os.chmod(root / "python/pkg/__init__.py", 0o600)
    before = {path: entry[3:] for path, entry in entries(root).items()}  # modes and bytes
    mtimes = {path: entry[2] for path, entry in entries(root).items()}
    _fail_calls(monkeypatch, "link", lambda n: OSError(errno.EPERM, "Operation not permitted"))
    _fail_calls(monkeypatch, "replace", lambda n: OSError(errno.EPERM, "immutable") if n == 3 else None)
    with pytest.raises(WriteError, match="immutable"):
        run(root, NEW)
    assert {path: entry[3:] for path, entry in entries(root).items()} == before
    assert {path: entry[2] for path, entry in entries(root).items()} == mtimes
    assert temp_files(root) == []
    monkeypatch.undo()
    _fail_calls(monkeypatch, "link", lambda n: OSError(errno.EPERM, "Operation not permitted"))
    run(root, NEW)
    assert generated(root) == encoded(NEW)
    assert temp_files(root) == []


HARD_KILL = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from generator.writer import apply, locked, plan

    root, call, survive, rendered = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), eval(sys.argv[4])
    real, calls = getattr(os, call), 0

    def dying(*args, **kwargs):
        global calls
        calls += 1
        if calls > survive:
            os._exit(9)  # like SIGKILL or a power cut: no except or finally clause runs
        return real(*args, **kwargs)

    setattr(os, call, dying)
    with locked(root):
        apply(plan(root, rendered, ("python",)))
    """
)


@pytest.mark.parametrize("call", ["replace", "fsync", "link"])
def test_a_killed_run_leaves_no_stray_temp_files_after_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    """The module promises a run killed at any point leaves each file old or new, nothing unowned,
    and that the next run repairs the rest."""
    total = _calls_in_a_full_run(tmp_path, monkeypatch, call)
    fresh = tmp_path / "fresh"
    run(fresh, NEW)
    for survive in range(total):
        root = tmp_path / f"killed-{call}-{survive}" / "out"
        run(root, OLD)
        proc = subprocess.run(
            [sys.executable, "-c", HARD_KILL, str(root), call, str(survive), repr(NEW)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=REPO,
        )
        assert proc.returncode == 9, proc.stderr
        _assert_old_or_new_and_all_owned(root, f"killed after {survive} calls of {call}")
        run(root, NEW)
        assert temp_files(root) == [], f"killed after {survive} {call}s: stray temp files survive the next run"
        assert tree(root) == tree(fresh)


# --- locking and real concurrency -------------------------------------------------------


LOCKER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from generator.writer import locked

    with locked(Path(sys.argv[1])):
        print("acquired", flush=True)
    """
)


def test_locked_excludes_a_second_process(root: Path) -> None:
    with locked(root):
        proc = subprocess.Popen([sys.executable, "-c", LOCKER, str(root)], stdout=subprocess.PIPE, text=True, cwd=REPO)
        try:
            time.sleep(1.5)
            assert proc.poll() is None, "a second process took the lock while the first one held it"
        except BaseException:
            proc.kill()
            raise
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0 and out == "acquired\n"


def _generate(out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "generate", "--spec", str(REAL_SPEC), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=out.parent,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def test_two_concurrent_generate_runs_equal_a_single_run(tmp_path: Path) -> None:
    single = tmp_path / "single" / "out"
    single.parent.mkdir()
    proc = _generate(single)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    wanted = tree(single)
    assert MANIFEST in wanted and len(wanted) > 1

    for attempt in range(3):
        shared = tmp_path / f"shared-{attempt}" / "out"
        shared.parent.mkdir()
        procs = [_generate(shared), _generate(shared)]
        results = [p.communicate(timeout=120) for p in procs]
        for p, (out, err) in zip(procs, results, strict=True):
            assert p.returncode == 0, f"attempt {attempt}: exit {p.returncode}\n{out}\n{err}"
            assert "Traceback" not in err
        assert tree(shared) == wanted, f"attempt {attempt}: concurrent output differs from a single run"
        assert temp_files(shared) == []
