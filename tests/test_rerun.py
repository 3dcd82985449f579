"""A re-run with nothing to do (generator.rerun): proved from the recorded digests, without
loading or rendering; and every kind of change, to an input or to out/, takes the full path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import generator.render
from generator.cli import EXIT_FAILED, EXIT_OK, main
from tests.helpers import ROOT, SPEC, tree

DOCS = "docs/README.md"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "spec").mkdir()
    shutil.copyfile(SPEC, tmp_path / "spec" / "errors.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ERRGEN_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["generate"]) == EXIT_OK
    return tmp_path


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times a run rendered (the full path; `render` renders through `render_each` too)."""
    calls: list[int] = []
    real = generator.render.render_each

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(generator.render, "render_each", counted)
    return calls


def test_a_re_run_with_the_same_inputs_renders_nothing(
    project: Path, renders: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree(project / "out")
    capsys.readouterr()
    assert main(["generate"]) == EXIT_OK
    assert main(["generate", "--check"]) == EXIT_OK
    assert renders == []
    assert tree(project / "out") == before
    assert capsys.readouterr().out == "errgen: out/ already up to date\n"


def test_a_hand_edited_output_is_still_reported_and_restored(
    project: Path, renders: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    page = project / "out" / DOCS
    original = page.read_bytes()
    page.write_bytes(original + b"edited\n")
    capsys.readouterr()
    assert main(["generate", "--check"]) == EXIT_FAILED
    assert "+edited" not in capsys.readouterr().out  # the diff removes the edit
    assert main(["generate"]) == EXIT_OK
    assert page.read_bytes() == original
    assert len(renders) == 2


@pytest.mark.parametrize("change", ["spec", "deleted output", "leftover temp", "templates", "target"])
def test_any_other_change_takes_the_full_path(project: Path, renders: list[int], change: str) -> None:
    args = ["generate"]
    if change == "spec":
        spec = project / "spec" / "errors.yaml"
        spec.write_bytes(spec.read_bytes().replace(b"Invalid symbol.", b"Invalid symbol!", 1))
    elif change == "deleted output":
        (project / "out" / DOCS).unlink()
    elif change == "leftover temp":
        (project / "out" / "docs" / ".README.md.errgen-tmp").write_text("half")
    elif change == "templates":
        overlay = project / "templates" / "docs"
        overlay.mkdir(parents=True)
        (overlay / "README.md.jinja").write_text("Overlaid.\n")
        args += ["--templates", "templates"]
    else:
        args += ["--target", "docs"]
    assert main(args) == EXIT_OK
    assert renders == [1]
    assert not (project / "out" / "docs" / ".README.md.errgen-tmp").exists()
    assert (project / "out" / DOCS).exists()
    if change == "templates":
        assert (project / "out" / DOCS).read_text() == "Overlaid.\n"


def test_a_changelog_beside_the_spec_is_an_input(project: Path, renders: list[int]) -> None:
    spec = project / "spec" / "errors.yaml"
    text = spec.read_text()
    assert "\ntargets:\n" in text
    spec.write_text(text.replace("\ntargets:\n", "\ntargets:\n  docs:\n    changelog: CHANGELOG.md\n", 1))
    changelog = project / "spec" / "CHANGELOG.md"
    changelog.write_text("# Changes\n")
    assert main(["generate"]) == EXIT_OK
    assert main(["generate"]) == EXIT_OK
    assert renders == [1]
    changelog.write_text("# Changes\n\n## 1.0.1\n")
    assert main(["generate"]) == EXIT_OK
    assert renders == [1, 1]
    assert "## 1.0.1" in (project / "out" / "docs" / "CHANGELOG.md").read_text()


def test_without_a_cache_every_run_takes_the_full_path(
    project: Path, renders: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ERRGEN_CACHE_DIR", "")
    assert main(["generate"]) == EXIT_OK
    assert main(["generate", "--check"]) == EXIT_OK
    assert renders == [1, 1]


def test_an_unreadable_record_takes_the_full_path(project: Path, renders: list[int]) -> None:
    (record,) = (project / "cache" / "runs").iterdir()
    record.write_text("{not json")
    assert main(["generate", "--check"]) == EXIT_OK
    assert renders == [1]


def test_a_re_run_with_nothing_to_do_loads_no_parser_validator_or_renderer(project: Path) -> None:
    """The usual run of a build: it reads bytes and digests, and pays for none of the imports
    a full run needs (libyaml, the schema validator, the targets, jinja2)."""
    probe = (
        "import sys\n"
        "from generator.cli import main\n"
        "assert main(['generate']) == 0\n"
        "heavy = ('jinja2', 'yaml', 'fastjsonschema', 'jsonschema', 'generator.targets', 'generator.validate')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", probe], cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "errgen: out/ already up to date\n[]\n"
