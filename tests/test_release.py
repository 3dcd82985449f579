"""The Go module zip's rules (as golang.org/x/mod/zip and module.CheckPathMajor state them), the
release tag pattern, and SOURCE_DATE_EPOCH; the whole build is tested in test_evolution_cli.py."""

from __future__ import annotations

import os
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from generator import release
from generator.evolution.sources import tag_version
from generator.release import gozip
from generator.release.goversion import path_major, suffix_problem


def test_a_module_path_names_its_major_version_from_v2_on() -> None:
    assert [path_major(p) for p in ("a.example/m", "a.example/m/v2", "a.example/m/v1", "a.example/v2/m")] == [
        None,
        2,
        None,
        None,
    ]
    assert suffix_problem("a.example/m", 1) is None
    assert suffix_problem("a.example/m/v2", 2) is None
    assert suffix_problem("a.example/m/v3", 3) is None
    assert suffix_problem("a.example/m", 2) == (
        "Go needs the module path of a v2 module to end in /v2: set targets.go.module to a.example/m/v2 "
        "(it is a.example/m)"
    )
    assert suffix_problem("a.example/m/v2", 3) is not None
    assert suffix_problem("a.example/m/v2", 1) == (
        "Go allows a /v2 module path only from v2.0.0 on: set targets.go.module to a.example/m"
    )
    assert suffix_problem("gopkg.in/yaml.v3", 3) is None


def _module(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_the_zip_holds_what_x_mod_zip_takes_in_its_walk_order(tmp_path: Path) -> None:
    root = _module(
        tmp_path / "m",
        {
            "go.mod": "module a.example/m\n",
            "a.go": "package m\n",
            "a/b.go": "package a\n",
            "vendor/keep.txt": "the root's vendor/ is kept\n",
            "sub/vendor/x.go": "package x\n",  # vendored below the root: left out
            "nested/go.mod": "module a.example/m/nested\n",  # a module of its own: left out
            "nested/n.go": "package nested\n",
            ".git/config": "",
            "_tools/t.go": "package tools\n",
        },
    )
    os.symlink(root / "a.go", root / "link.go")  # not a regular file: left out
    names = [name for name, _ in gozip.files(root)]
    assert names == ["_tools/t.go", "a/b.go", "a.go", "go.mod", "vendor/keep.txt"]  # a/ before a.go, as Walk goes
    (root / "naïve façade.txt").write_text("letters of any script, and spaces, are fine\n")
    gozip.zip_bytes("a.example/m", "v1.2.0", root)
    (root / "naïve façade.txt").unlink()
    data = gozip.zip_bytes("a.example/m", "v1.2.0", root)
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert archive.namelist() == [f"a.example/m@v1.2.0/{name}" for name in names]
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_DEFLATED}
    assert gozip.zip_bytes("a.example/m", "v1.2.0", root) == data


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        ({"a.go": "x"}, "has no go.mod"),
        ({"go.mod": "m", "A.go": "x", "a.go": "x"}, "differ only in case"),
        ({"go.mod": "m", "CON.go": "x"}, "is not a file name a Go module may hold"),
        ({"go.mod": "m", "a b?.go": "x"}, "is not a file name a Go module may hold"),
        ({"go.mod": "m", "PROGRA~1.go": "x"}, "is not a file name a Go module may hold"),
        ({"go.mod": "m", "trailing.": "x"}, "is not a file name a Go module may hold"),
    ],
)
def test_the_zip_refuses_what_a_module_cannot_hold(tmp_path: Path, files: dict[str, str], problem: str) -> None:
    root = _module(tmp_path / "m", files)
    if len(list(root.iterdir())) < len(files):
        pytest.skip("this file system folds case")
    with pytest.raises(gozip.ModuleError, match=problem):
        gozip.zip_bytes("a.example/m", "v1.0.0", root)


def test_proxy_files_are_laid_out_as_a_goproxy_directory(tmp_path: Path) -> None:
    root = _module(tmp_path / "m", {"go.mod": "module a.example/Big/m/v2\n"})
    files = gozip.proxy_files("a.example/Big/m/v2", "v2.0.0-rc.1", root, 315532800)
    assert sorted(files) == [f"a.example/!big/m/v2/@v/v2.0.0-rc.1.{ext}" for ext in ("info", "mod", "zip")]
    assert (
        files["a.example/!big/m/v2/@v/v2.0.0-rc.1.info"] == b'{"Version":"v2.0.0-rc.1","Time":"1980-01-01T00:00:00Z"}\n'
    )
    with pytest.raises(gozip.ModuleError, match="end in /v2"):
        gozip.proxy_files("a.example/m", "v2.0.0", root, 0)
    with pytest.raises(gozip.ModuleError, match="no build metadata"):
        gozip.proxy_files("a.example/m", "v1.0.0+build.1", root, 0)


def test_release_tags_name_versions_by_their_pattern() -> None:
    assert str(tag_version("v{version}", "v1.2.0")) == "1.2.0"
    assert str(tag_version("out/go/v{version}", "out/go/v2.0.0-rc.1")) == "2.0.0-rc.1"
    assert tag_version("v{version}", "v1.2") is None
    assert tag_version("v{version}", "release-1.2.0") is None


def test_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert release.epoch() == release.DEFAULT_EPOCH
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert release.epoch() == 1700000000
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # before the earliest time a zip holds
    assert release.epoch() == release.DEFAULT_EPOCH
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(release.PackageError):
        release.epoch()
