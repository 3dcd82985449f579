"""Reviewable diffs: adding or removing one code changes only lines about that code, in every file.

Reviewers read the out/ diff of every spec change, so a new code must not renumber, reflow or
reorder anything else. Each case inserts one code in the middle of the real catalog and diffs
every generated file line by line.
"""

from __future__ import annotations

import difflib

import pytest

from generator.render import render
from generator.validate import load_catalog
from tests.helpers import SPEC

# One new code in the middle of the REQUEST category, between -1104 and -1105.
ANCHOR = "  - code: -1105\n"
NEW_CODE = """\
  - code: -1199
    name: BRAND_NEW_PROBLEM
    category: REQUEST
    messages:
      - "A brand new problem with %s."
"""


def _outputs(text: str) -> dict[str, list[str]]:
    return {path: body.splitlines() for path, body in render(load_catalog(text.encode())).items()}


def _changes(old: dict[str, list[str]], new: dict[str, list[str]]) -> dict[str, tuple[list[str], list[str]]]:
    """Per file: (removed lines, added lines)."""
    assert old.keys() == new.keys()
    changes = {}
    for path in old:
        removed, added = [], []
        for line in difflib.unified_diff(old[path], new[path], lineterm="", n=0):
            if line.startswith(("---", "+++", "@@")):
                continue
            (removed if line.startswith("-") else added).append(line[1:])
        if removed or added:
            changes[path] = (removed, added)
    return changes


@pytest.fixture(scope="module")
def outputs() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    text = SPEC.read_text(encoding="utf-8")
    assert text.count(ANCHOR) == 1 and "-1199" not in text
    return _outputs(text), _outputs(text.replace(ANCHOR, NEW_CODE + ANCHOR))


def _version_line(line: str) -> bool:
    """The line that states the catalog's version (the docs' also counts its codes)."""
    return "Catalog version:" in line


# The most lines one code may bring into a file: its constant, class, table entry, docs section...
MOST_LINES_PER_CODE = 40


def test_adding_one_code_only_adds_lines_about_it(outputs: tuple[dict[str, list[str]], dict[str, list[str]]]) -> None:
    before, after = outputs
    changes = _changes(before, after)
    targets = {path.split("/")[0] for path in changes}
    assert targets == {"python", "typescript", "go", "docs"}, sorted(changes)
    for path, (removed, added) in changes.items():
        removed = [line for line in removed if not _version_line(line)]
        assert removed == [], f"{path}: adding a code rewrote {len(removed)} line(s): {removed[:5]}"
        assert 0 < len(added) <= MOST_LINES_PER_CODE, f"{path}: {len(added)} lines added"
        assert any("1199" in line or "BRAND" in line.upper() or "Brand" in line for line in added), path


def test_removing_one_code_only_removes_lines_about_it(
    outputs: tuple[dict[str, list[str]], dict[str, list[str]]],
) -> None:
    before, after = outputs
    for path, (removed, added) in _changes(after, before).items():
        added = [line for line in added if not _version_line(line)]
        assert added == [], f"{path}: removing a code rewrote {len(added)} line(s): {added[:5]}"
        assert 0 < len(removed) <= MOST_LINES_PER_CODE, f"{path}: {len(removed)} lines removed"
