"""errgen diff, changelog and package as a user runs them: the goldens of a realistic evolution of
the Binance catalog, exit codes, specs at git refs and the last release, the changelog file, and
release artifacts that are the same bytes on every build."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from generator.evolution.diff import KINDS, compare
from generator.evolution.sources import parse
from generator.targets import docs
from tests.evolution_goldens import DATE, FIXTURES, GOLDEN, NEW, OLD, outputs, run
from tests.helpers import ROOT, entries


def test_the_binance_evolution_matches_its_reviewed_goldens() -> None:
    """Regenerate with `make update-snapshots` (python -m tests.snapshots), then review the diff."""
    for name, text in outputs().items():
        assert (GOLDEN / name).read_text(encoding="utf-8") == text, f"tests/golden/evolution/{name} is stale"


def test_the_binance_evolution_has_what_the_upstream_page_gained() -> None:
    changes = compare(parse((ROOT / OLD).read_bytes(), OLD), parse((ROOT / NEW).read_bytes(), NEW))
    added = {c.subject.code for c in changes if c.rule == "code-added"}
    new = parse((ROOT / NEW).read_bytes(), NEW).catalog
    categories = {e.category.name for e in new.errors if e.code in added and e.category is not None}
    assert categories == {"GENERAL", "REQUEST", "FILTER"}  # new codes in every category
    assert {c.rule for c in changes} >= {"code-retired", "message-text-changed", "variant-takes-over"}
    assert any("`%s`" in c.message for c in changes)  # placeholders now shown in backticks


def test_diff_exit_codes() -> None:
    assert run("diff", OLD, NEW)[0] == 1  # breaking changes
    assert run("diff", OLD, NEW, "--allow-breaking")[0] == 0  # meant, and 2.0.0 fits them
    assert run("diff", OLD, OLD)[:2] == (0, "")
    status, _, err = run("diff", OLD, "no/such.yaml")
    assert (status, err) == (2, "errgen: cannot read the spec no/such.yaml: No such file or directory\n")
    assert run("diff", OLD)[0] == 2
    assert run("diff", OLD, NEW, "--against", "HEAD")[0] == 2
    assert run("diff", OLD, NEW, "--format", "yaml")[0] == 2


def test_an_invalid_spec_is_reported_with_its_label_and_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text((ROOT / NEW).read_text(encoding="utf-8").replace("code_type: integer", "code_type: float"))
    status, out, err = run("diff", str(ROOT / OLD), "bad.yaml", cwd=tmp_path)
    assert (status, out) == (1, "")
    assert re.match(r'bad\.yaml:\d+:\d+: catalog\.code_type: "float" is not one of', err), err
    assert err.endswith("errgen: bad.yaml: 1 problem(s); nothing was compared\n")


def test_the_json_report_is_one_document_for_tools() -> None:
    status, out, _ = run("diff", OLD, NEW, "--format", "json")
    document = json.loads(out)
    assert status == document["exit_code"] == 1
    assert document["counts"] == {"breaking": 4, "deprecating": 2, "additive": 8, "cosmetic": 1}
    assert document["version"] == {
        "ok": True,
        "needs": "major",
        "minimum": "2.0.0",
        "message": "version 2.0.0 fits the changes (at least 2.0.0)",
        "go_module": None,
    }
    retired = next(c for c in document["changes"] if c["rule"] == "code-retired")
    assert (retired["kind"], retired["needs"], retired["code"], retired["name"]) == (
        "deprecating",
        "major",
        -1016,
        "SERVICE_SHUTTING_DOWN",
    )
    line = (ROOT / NEW).read_text(encoding="utf-8").splitlines()[retired["line"] - 1]
    assert line.strip().startswith("retired:")


def _git(cwd: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A catalog repository: 1.0.0 committed and tagged v1.0.0, 2.0.0 in the work tree."""
    (tmp_path / "spec").mkdir()
    spec = tmp_path / "spec" / "errors.yaml"
    shutil.copyfile(FIXTURES / "binance-1.0.0.yaml", spec)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "1.0.0")
    _git(tmp_path, "tag", "v1.0.0")
    shutil.copyfile(FIXTURES / "binance-2.0.0.yaml", spec)
    return tmp_path


def test_diff_against_a_git_ref_reads_git_s_objects_and_touches_nothing(repo: Path) -> None:
    before = (entries(repo / "spec"), _git(repo, "status", "--porcelain"))
    status, out, err = run("diff", "--against", "v1.0.0", "--allow-breaking", cwd=repo)
    assert status == 0, err
    assert out.splitlines()[0].startswith("spec/errors.yaml:26:13: breaking: catalog: the Go module is")
    assert err.startswith("errgen: v1.0.0:spec/errors.yaml (1.0.0) -> spec/errors.yaml (2.0.0): 4 breaking")
    assert (entries(repo / "spec"), _git(repo, "status", "--porcelain")) == before
    # From a subdirectory, and with the spec's path given absolute, too.
    nested = repo / "spec"
    assert run("diff", "--against", "v1.0.0", "--spec", "errors.yaml", "--allow-breaking", cwd=nested)[0] == 0
    assert run("diff", "--against", "v1.0.0", "--spec", str(nested / "errors.yaml"), "--allow-breaking")[0] == 0
    status, _, err = run("diff", "--against", "v9.9.9", cwd=repo)
    assert status == 2 and err.startswith("errgen: cannot read spec/errors.yaml at v9.9.9: "), err
    assert run("diff", "--against", "--all", cwd=repo)[0] == 2


def test_last_release_is_the_highest_tag_reachable_from_head(repo: Path) -> None:
    _git(repo, "tag", "v0.9.0", "v1.0.0")
    _git(repo, "tag", "not-a-release")
    _git(repo, "checkout", "-q", "-b", "elsewhere")
    _git(repo, "commit", "-q", "--allow-empty", "-m", "a release on another branch")
    _git(repo, "tag", "v1.5.0")
    _git(repo, "checkout", "-q", "main")
    status, _, err = run("diff", "--last-release", "--allow-breaking", cwd=repo)
    assert status == 0, err
    assert err.startswith("errgen: v1.0.0:spec/errors.yaml (1.0.0) -> spec/errors.yaml (2.0.0)")


def test_last_release_does_nothing_without_a_release_tag_or_a_release(repo: Path, tmp_path: Path) -> None:
    spec = repo / "spec" / "errors.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace('  release_tag: "v{version}"\n', ""))
    assert run("diff", "--last-release", cwd=repo) == (
        0,
        "",
        "errgen: spec/errors.yaml names no release (catalog.release_tag); nothing to compare\n",
    )
    shutil.copyfile(FIXTURES / "binance-2.0.0.yaml", spec)
    _git(repo, "tag", "-d", "v1.0.0")
    assert run("diff", "--last-release", cwd=repo) == (
        0,
        "",
        "errgen: no tag reachable from HEAD fits 'v{version}' yet; nothing to compare\n",
    )


def test_the_changelog_renders_as_the_changes_say_and_links_each_code_to_its_anchor() -> None:
    """Rendered by a CommonMark parser, each item reads exactly as the change (every spec text
    shown as itself, however many backticks it holds), and each link is an anchor of the page."""
    text = (GOLDEN / "CHANGELOG.md").read_text(encoding="utf-8")
    new = parse((ROOT / NEW).read_bytes(), NEW)
    changes = compare(parse((ROOT / OLD).read_bytes(), OLD), new)
    grouped = [c for kind in KINDS for c in changes if c.kind == kind]
    items = [t for t in MarkdownIt("commonmark").parse(text) if t.type == "inline" and t.level == 3]
    assert len(items) == len(grouped)
    for token, change in zip(items, grouped, strict=True):
        children = token.children or []
        shown = "".join(c.content for c in children if c.type in ("text", "code_inline"))
        subject = "The catalog" if change.subject.code is None else f"{change.subject.code} {change.subject.name}"
        message = "".join(p.replace("`", "") if isinstance(p, str) else p.text for p in change.parts)
        assert shown == f"{subject}: {message}"
        links = [c.attrs["href"] for c in children if c.type == "link_open"]
        assert links == ([f"README.md#code{change.subject.code}"] if change.subject.code is not None else [])
    page = docs.render(new.catalog)["README.md"]
    for anchor in re.findall(r"\(README\.md#([^)]+)\)", text):
        assert f'<a id="{anchor}"></a>' in page


def test_changelog_into_a_file_checks_the_version_and_never_repeats_a_section(tmp_path: Path) -> None:
    log = tmp_path / "CHANGELOG.md"
    log.write_text("# Changelog\n\nWhat changed, newest first.\n\n## 1.0.0 — 2025-01-01\n\nFirst release.\n")
    args = ("changelog", str(ROOT / OLD), str(ROOT / NEW), "--date", DATE, "--output", str(log))
    assert run(*args)[0] == 0
    text = log.read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n\nWhat changed, newest first.\n\n## 2.0.0 — 2025-06-01\n\n### Breaking")
    assert text.endswith("\n## 1.0.0 — 2025-01-01\n\nFirst release.\n")
    assert run(*args) == (1, "", f"errgen: {log}: it already has a section for 2.0.0\n")
    assert log.read_text(encoding="utf-8") == text
    assert run(*args[:-2], "--version", "2.1.0")[0] == 1  # NEW says 2.0.0
    status, _, err = run(*args[:3], "--date", "June 1st")
    assert status == 2 and "is not a date YYYY-MM-DD" in err
    assert run(*args[:3])[0] == 2  # --date is required: the clock is never read


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("errgen diff --last-release", "errgen changelog", "make package", "out/go/v"):
        assert command in readme


def _h1(files: dict[str, bytes]) -> str:
    """go.sum's h1: hash of a module's files (golang.org/x/mod/sumdb/dirhash.Hash1)."""
    summary = "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items()))
    return "h1:" + base64.b64encode(hashlib.sha256(summary.encode()).digest()).decode()


def test_package_builds_the_same_bytes_twice_outside_out_and_go_accepts_its_module(tmp_path: Path, go: str) -> None:
    before = entries(ROOT / "out")
    built = []
    for run_dir in ("a", "b"):
        dist = tmp_path / run_dir
        status, _, err = run("package", "--dist", str(dist))
        assert status == 0, err
        built.append({p.relative_to(dist).as_posix(): p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()})
    assert built[0] == built[1]
    assert entries(ROOT / "out") == before  # nothing written into out/
    at = "go/example.com/binance-options-errors/@v"
    assert sorted(built[0]) == [
        f"{at}/list",
        f"{at}/v1.0.0.info",
        f"{at}/v1.0.0.mod",
        f"{at}/v1.0.0.zip",
        "python/binance_options_errors-1.0.0-py3-none-any.whl",
        "python/binance_options_errors-1.0.0.tar.gz",
        "typescript/binance-options-errors-1.0.0.tgz",
    ]
    module = {p.name: p.read_bytes() for p in sorted((ROOT / "out" / "go").iterdir())}
    with zipfile.ZipFile(tmp_path / "a" / at / "v1.0.0.zip") as archive:
        prefix = "example.com/binance-options-errors@v1.0.0/"
        assert {n.removeprefix(prefix): archive.read(n) for n in archive.namelist()} == module
    # The go command downloads it from the directory as from any proxy, checks it, and hashes
    # the files errgen generated.
    env = {
        **os.environ,
        "GOPROXY": (tmp_path / "a" / "go").as_uri(),
        "GOSUMDB": "off",
        "GOFLAGS": "-modcacherw",
        "GOMODCACHE": str(tmp_path / "modcache"),
        "GOTOOLCHAIN": "local",
    }
    proc = subprocess.run(
        [go, "mod", "download", "-json", "example.com/binance-options-errors@v1.0.0"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout)["Sum"] == _h1({prefix + name: data for name, data in module.items()})


def test_package_refuses_a_stale_out_and_a_dist_inside_it(tmp_path: Path) -> None:
    assert run("package", "--dist", "out/dist") == (
        1,
        "",
        "errgen: the artifacts cannot go into out/: choose a directory outside it\n",
    )
    status, _, err = run("package", "--spec", NEW, "--dist", str(tmp_path))
    assert status == 1 and "is not what the spec generates; run `errgen generate` first" in err
    assert not any(tmp_path.iterdir())


def test_the_docs_target_includes_the_changelog_the_user_keeps(repo: Path) -> None:
    """The release flow: write the section beside the spec, generate, and the copy in out/docs/
    links to the anchors of the page beside it, which links back to it."""
    spec = repo / "spec" / "errors.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("targets:\n", "targets:\n  docs: {changelog: CHANGELOG.md}\n", 1))
    assert run("changelog", "--against", "v1.0.0", "--date", DATE, "--output", "spec/CHANGELOG.md", cwd=repo)[0] == 0
    status, _, err = run("generate", "--target", "docs", cwd=repo)
    assert status == 0, err
    kept = (repo / "spec" / "CHANGELOG.md").read_text(encoding="utf-8")
    copy = (repo / "out" / "docs" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert copy.startswith(
        "<!-- Code generated by errgen from the binance-options error catalog 2.0.0. DO NOT EDIT. -->"
    )
    assert copy.endswith("\n\n" + kept)
    page = (repo / "out" / "docs" / "README.md").read_text(encoding="utf-8")
    assert "**Changes:** [CHANGELOG.md](CHANGELOG.md)" in page
    anchors = re.findall(r"\(README\.md#([^)]+)\)", copy)
    assert anchors and all(f'<a id="{anchor}"></a>' in page for anchor in anchors)
    assert run("generate", "--target", "docs", "--check", cwd=repo)[0] == 0
    (repo / "spec" / "CHANGELOG.md").unlink()
    status, _, err = run("generate", "--target", "docs", cwd=repo)
    assert status == 1
    assert err.startswith(
        "errgen: the docs target: targets.docs.changelog: cannot read spec/CHANGELOG.md: No such file"
    )
