"""The line diff behind --check: always correct, whatever the input; patience-quality where it can be.

Big inputs (and patch(1) applying the result) are tested in test_writer.py; speed is measured
by bench/bench_check.py, never here.
"""

from __future__ import annotations

import difflib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import linediff

# Few distinct lines, so that repeats, moves and near-misses are the rule.
LINES = st.lists(st.sampled_from(["a\n", "b\n", "c\n", "}\n", "\n", "x", "dé\n"]), max_size=40)
HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n")


def patch(a: list[str], diff: list[str]) -> list[str]:
    """Apply a unified diff strictly: every context and deleted line must be where the hunk says."""
    out: list[str] = []
    position = 0
    index = 2 if diff else 0
    while index < len(diff):
        match = HUNK.fullmatch(diff[index])
        assert match, diff[index]
        old_start, old_length = int(match[1]), int(match[2] or 1)
        new_start, new_length = int(match[3]), int(match[4] or 1)
        start = old_start - 1 if old_length else old_start
        assert start >= position, "hunks overlap or are out of order"
        out += a[position:start]
        position = start
        assert len(out) == (new_start - 1 if new_length else new_start), "the new range starts elsewhere"
        index += 1
        seen_old = seen_new = 0
        while index < len(diff) and not diff[index].startswith("@@"):
            tag, line = diff[index][0], diff[index][1:]
            if tag in " -":
                assert a[position] == line
                position += 1
                seen_old += 1
            if tag in " +":
                out.append(line)
                seen_new += 1
            index += 1
        assert (seen_old, seen_new) == (old_length, new_length), "the hunk header miscounts"
    return out + a[position:]


@settings(max_examples=500, deadline=None)
@given(LINES, LINES, st.sampled_from([0, 4, linediff.SMALL_GAP]))
def test_the_diff_turns_a_into_b(a: list[str], b: list[str], small_gap: int) -> None:
    """With difflib for small gaps or without it (anchors all the way down), the opcodes and the
    unified diff are exact, and a change is never reported where there is none."""
    saved = linediff.SMALL_GAP
    linediff.SMALL_GAP = small_gap
    try:
        codes = linediff.opcodes(a, b)
        diff = linediff.unified_diff(a, b, "a", "b")
    finally:
        linediff.SMALL_GAP = saved
    rebuilt: list[str] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
        else:
            assert (i1, j1) != (i2, j2)
        rebuilt += b[j1:j2]
    assert rebuilt == b
    assert patch(a, diff) == b
    assert (diff == []) == (a == b)
    added, deleted = linediff.counts(a, b)
    assert added - deleted == len(b) - len(a)


@settings(max_examples=300, deadline=None)
@given(LINES, LINES)
def test_a_small_change_diffs_as_difflib_does(a: list[str], b: list[str]) -> None:
    """A small input with different ends is one small gap: it is left to difflib, hunks and all."""
    if a[:1] == b[:1] or a[-1:] == b[-1:]:
        a, b = ["start\n", *a, "end\n"], ["START\n", *b, "END\n"]
    assert linediff.unified_diff(a, b, "a/f", "b/f") == list(difflib.unified_diff(a, b, "a/f", "b/f"))


def test_hunks_have_three_lines_of_context_and_join_when_close() -> None:
    a = [f"{i}\n" for i in range(30)]
    b = list(a)
    b[5] = "five\n"
    b[12] = "twelve\n"  # 6 equal lines between: one hunk
    b[25] = "twenty-five\n"  # 12 equal lines before it: a hunk of its own
    diff = linediff.unified_diff(a, b, "a/f", "b/f")
    assert [line for line in diff if line.startswith("@@")] == ["@@ -3,14 +3,14 @@\n", "@@ -23,7 +23,7 @@\n"]
    assert diff == list(difflib.unified_diff(a, b, "a/f", "b/f"))
