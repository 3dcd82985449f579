"""A line diff fast enough for any change, and unified diffs built from it.

difflib's SequenceMatcher is super-linear: a big file with every other line changed takes
minutes. Here the work is near-linear in the number of lines:

1. the lines common to both ends are matched first;
2. of what is left, the lines that occur exactly once on each side are anchors, and the
   longest increasing run of them (patience sorting, O(k log k)) is matched; where there are
   none, the lines that occur as often on both sides, in order, are the anchors;
3. each gap between anchors is diffed the same way, with its own ends and unique lines;
4. a small gap goes to difflib; a large gap with no anchor, or one found after the work budget
   is spent, becomes one replacement.

The result is always a correct diff (applying it to the old lines gives the new ones), though
for some inputs not the shortest one.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Iterator, Sequence

Opcode = tuple[str, int, int, int, int]  # as difflib's: tag, a[i1:i2], b[j1:j2]

# A gap with at most this many line pairs goes to difflib (quadratic, but small).
SMALL_GAP = 2500
# Gaps scanned for anchors, in lines, per line of input; beyond it large gaps are replaced whole.
WORK_PER_LINE = 16


def _anchors(
    a: Sequence[str], b: Sequence[str], alo: int, ahi: int, blo: int, bhi: int, *, unique: bool
) -> list[tuple[int, int]]:
    """The longest run of line pairs whose positions increase on both sides. The pairs are the
    lines that occur once on each side (patience diff) or, failing those, the lines that occur
    equally often on both sides, the k-th occurrence in a paired with the k-th in b."""
    count_a = Counter(a[alo:ahi])
    count_b = Counter(b[blo:bhi])
    if unique:
        where_a = {line: i for i, line in enumerate(a[alo:ahi], alo) if count_a[line] == 1}
        pairs = [(where_a[line], j) for j, line in enumerate(b[blo:bhi], blo) if count_b[line] == 1 and line in where_a]
    else:
        occurrences: dict[str, list[int]] = {}
        for i, line in enumerate(a[alo:ahi], alo):
            if count_a[line] == count_b[line]:
                occurrences.setdefault(line, []).append(i)
        seen: Counter[str] = Counter()
        pairs = []
        for j, line in enumerate(b[blo:bhi], blo):
            if line in occurrences:
                pairs.append((occurrences[line][seen[line]], j))
                seen[line] += 1
    if not pairs:
        return []
    # Longest increasing subsequence of the a positions (patience sorting with back links).
    tails: list[int] = []  # a position ending the best run of each length
    tail_index: list[int] = []  # its index in pairs
    back = [-1] * len(pairs)
    for index, (i, _) in enumerate(pairs):
        length = bisect.bisect_left(tails, i)
        if length == len(tails):
            tails.append(i)
            tail_index.append(index)
        else:
            tails[length] = i
            tail_index[length] = index
        back[index] = tail_index[length - 1] if length else -1
    run: list[tuple[int, int]] = []
    index = tail_index[-1]
    while index != -1:
        run.append(pairs[index])
        index = back[index]
    run.reverse()
    return run


def matching_blocks(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int, int]]:
    """Blocks (i, j, n) with a[i:i+n] == b[j:j+n], increasing in i and j, as difflib gives them:
    adjacent blocks merged, and a final (len(a), len(b), 0)."""
    blocks: list[tuple[int, int, int]] = []
    budget = WORK_PER_LINE * (len(a) + len(b)) + 100_000
    gaps = [(0, len(a), 0, len(b))]
    while gaps:
        alo, ahi, blo, bhi = gaps.pop()
        start_a, start_b = alo, blo
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            alo, blo = alo + 1, blo + 1
        if alo > start_a:
            blocks.append((start_a, start_b, alo - start_a))
        end_a = ahi
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            ahi, bhi = ahi - 1, bhi - 1
        if ahi < end_a:
            blocks.append((ahi, bhi, end_a - ahi))
        if alo == ahi or blo == bhi:
            continue  # only insertions or only deletions are left
        if ahi - alo == 1 or bhi - blo == 1:  # the common case of a changed line: spare difflib's set-up
            if ahi - alo == 1 and a[alo] in b[blo:bhi]:
                blocks.append((alo, b.index(a[alo], blo, bhi), 1))
            elif bhi - blo == 1 and b[blo] in a[alo:ahi]:
                blocks.append((a.index(b[blo], alo, ahi), blo, 1))
            continue
        if (ahi - alo) * (bhi - blo) <= SMALL_GAP:
            if set(a[alo:ahi]).isdisjoint(b[blo:bhi]):
                continue  # nothing in common: one replacement
            matcher = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            blocks += [(alo + i, blo + j, n) for i, j, n in matcher.get_matching_blocks() if n]
            continue
        budget -= (ahi - alo) + (bhi - blo)
        if budget < 0:
            continue  # one replacement
        previous_a, previous_b = alo, blo
        anchors = _anchors(a, b, alo, ahi, blo, bhi, unique=True) or _anchors(a, b, alo, ahi, blo, bhi, unique=False)
        for i, j in anchors:
            blocks.append((i, j, 1))
            gaps.append((previous_a, i, previous_b, j))
            previous_a, previous_b = i + 1, j + 1
        if previous_a != alo:  # there were anchors: the gap after the last one
            gaps.append((previous_a, ahi, previous_b, bhi))
    blocks.sort()
    merged: list[tuple[int, int, int]] = []
    for i, j, n in blocks:
        if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
            last_i, last_j, last_n = merged[-1]
            merged[-1] = (last_i, last_j, last_n + n)
        else:
            merged.append((i, j, n))
    merged.append((len(a), len(b), 0))
    return merged


def opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """How to turn a into b, as difflib's get_opcodes() says it."""
    codes: list[Opcode] = []
    i = j = 0
    for block_a, block_b, size in matching_blocks(a, b):
        if i < block_a and j < block_b:
            codes.append(("replace", i, block_a, j, block_b))
        elif i < block_a:
            codes.append(("delete", i, block_a, j, block_b))
        elif j < block_b:
            codes.append(("insert", i, block_a, j, block_b))
        i, j = block_a + size, block_b + size
        if size:
            codes.append(("equal", block_a, i, block_b, j))
    return codes


def _groups(codes: list[Opcode], context: int) -> Iterator[list[Opcode]]:
    """The changes in clusters, each with up to `context` equal lines around it (one hunk each)."""
    group: list[Opcode] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag != "equal":
            group.append((tag, i1, i2, j1, j2))
            continue
        lead = context if group else 0  # equal lines that close the open hunk
        trail = context if index + 1 < len(codes) else 0  # equal lines that open the next one
        if group and i2 - i1 <= lead + trail:
            group.append((tag, i1, i2, j1, j2))  # short enough to keep the hunks joined
            continue
        if group:
            group.append((tag, i1, i1 + lead, j1, j1 + lead))
            yield group
        group = [(tag, max(i1, i2 - trail), i2, max(j1, j2 - trail), j2)] if trail else []
    if any(code[0] != "equal" for code in group):
        yield group


def _range(start: int, stop: int) -> str:
    """A hunk's line range: `start,length`, one-based; an empty range names the line before it."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def unified_diff(a: Sequence[str], b: Sequence[str], fromfile: str, tofile: str, context: int = 3) -> list[str]:
    """A unified diff like difflib.unified_diff's (lines keep their ends), [] when a == b."""
    out: list[str] = []
    for group in _groups(opcodes(a, b), context):
        if not out:
            out += [f"--- {fromfile}\n", f"+++ {tofile}\n"]
        out.append(f"@@ -{_range(group[0][1], group[-1][2])} +{_range(group[0][3], group[-1][4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [" " + line for line in a[i1:i2]]
                continue
            out += ["-" + line for line in a[i1:i2]]
            out += ["+" + line for line in b[j1:j2]]
    return out


def counts(a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    """Lines added and deleted by the diff from a to b."""
    added = deleted = 0
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        if tag != "equal":
            deleted += i2 - i1
            added += j2 - j1
    return added, deleted
