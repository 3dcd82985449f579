"""Same spec, same bytes: whatever the hash seed, and with no timestamps or paths leaking in."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import OUT, SPEC, errgen, tree, tree_diff
from tests.snapshots import GOLDEN, spec

SEEDS = ("0", "1", "42", "4294967295", "random")


@pytest.mark.parametrize(("spec_path", "golden"), [(SPEC, OUT), (spec("torture"), GOLDEN / "torture")])
def test_output_is_identical_under_every_hash_seed(spec_path: Path, golden: Path, tmp_path: Path) -> None:
    expected = tree(golden)
    for seed in SEEDS:
        out = tmp_path / f"seed-{seed}"
        result = errgen("generate", "--spec", str(spec_path), "--out", str(out), env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        difference = tree_diff(expected, tree(out))
        assert not difference, f"PYTHONHASHSEED={seed} changed the output:\n{difference}"


def test_output_does_not_depend_on_where_the_spec_or_out_dir_is(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    copy = tmp_path / "elsewhere" / "catalog.yaml"
    copy.write_bytes(SPEC.read_bytes())
    result = errgen("generate", "--spec", "catalog.yaml", "--out", "generated", cwd=tmp_path / "elsewhere")
    assert result.returncode == 0, result.stderr
    assert not tree_diff(tree(OUT), tree(tmp_path / "elsewhere" / "generated"))
