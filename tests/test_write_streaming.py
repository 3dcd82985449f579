"""writer.write, which `generate` uses: each file compared and staged as it is rendered, so that
no run holds all its texts at once; all or nothing as plan and apply are (test_writer runs every
test of a run both ways); and plan over the same stream, keeping what differs alone."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from unittest.mock import ANY

import pytest

from generator.writer import MANIFEST, apply, diff, locked, plan, write
from tests.helpers import listing
from tests.test_writer import OLD, generated, temp_files


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "work" / "out"


def first(root: Path) -> None:
    with locked(root):
        apply(plan(root, OLD, ("python",)))


def test_write_stages_each_file_before_the_next_is_produced(root: Path) -> None:
    """What keeps a 100,000-code run small: a text is on disk, staged, before the next is asked for."""
    first(root)
    staged_when_asked: list[list[str]] = []

    def produced() -> Iterator[tuple[str, str]]:
        for path, text in sorted(OLD.items()):
            staged_when_asked.append(temp_files(root))
            yield path, text + "# changed\n"

    with locked(root):
        result = write(root, produced(), ("python",))
    assert [len(staged) for staged in staged_when_asked] == [0, 2, 4]  # a temp and a backup (a link) per earlier file
    assert temp_files(root) == []
    assert result.changed == sorted([*OLD])
    assert list(result.files) == [MANIFEST], "no file's bytes are held but the manifest's"
    assert generated(root) == {path: (text + "# changed\n").encode() for path, text in OLD.items()}


@pytest.mark.parametrize("first_run", [True, False], ids=["first-run", "later-run"])
def test_a_target_failing_midway_leaves_the_output_as_it_was(tmp_path: Path, root: Path, first_run: bool) -> None:
    """A target that raises after others' files were staged: what was staged goes, and the output
    is as it was, to the directories' times (or not there at all, on a first run)."""
    if not first_run:
        first(root)
    before = listing(tmp_path)
    time.sleep(0.01)

    def produced() -> Iterator[tuple[str, str]]:
        yield "python/pkg/__init__.py", "VALUE = 2\n"
        yield "python/new/deeper/module.py", "NEW = 1\n"
        raise RuntimeError("the next target cannot render")

    with pytest.raises(RuntimeError, match="cannot render"), locked(root):
        write(root, produced(), ("python",))
    assert listing(tmp_path) == before


def test_a_plan_keeps_the_bytes_of_the_changed_files_alone(root: Path) -> None:
    """What `--check` and `--stat` hold of a big output: the files that differ, for the diff."""
    first(root)
    changed = {"python/pkg/codes.py": "CODES = {1: 'one'}\n"}
    asked: list[str] = []

    def produced() -> Iterator[tuple[str, str]]:
        for path, text in sorted((OLD | changed).items()):
            asked.append(path)
            yield path, text

    result = plan(root, produced(), ("python",))
    assert asked == sorted(OLD) and result.changed == ["python/pkg/codes.py"]
    assert result.files == {"python/pkg/codes.py": changed["python/pkg/codes.py"].encode(), MANIFEST: ANY}
    assert "+CODES = {1: 'one'}" in diff(result)
    with locked(root):
        apply(result)
    assert generated(root) == {path: text.encode() for path, text in (OLD | changed).items()}
