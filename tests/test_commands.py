"""The commands beside generate and validate, as a user runs them: targets, explain, export, init,
--format for diagnostics, --templates, and each command's --help."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.validate import load_catalog
from tests.helpers import ROOT, SPEC, errgen, tree

COMMANDS = ("generate", "validate", "explain", "export", "targets", "init", "diff", "changelog", "package")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_s_help_has_a_description_examples_and_exit_codes(command: str) -> None:
    proc = errgen(command, "--help")
    assert proc.returncode == 0, proc.stderr
    assert "examples:\n  errgen " + command in proc.stdout
    assert "exit codes: 0 ok, 1 failed" in proc.stdout


def test_targets_lists_the_built_in_targets() -> None:
    proc = errgen("targets")
    assert proc.returncode == 0
    assert [line.split()[0] for line in proc.stdout.splitlines()] == ["python", "typescript", "go", "docs", "html"]


def test_explain_shows_a_code_found_by_code_unsigned_code_or_name() -> None:
    by_code = errgen("explain", "-1015")
    assert by_code.returncode == 0, by_code.stderr
    assert by_code.stdout.splitlines()[:3] == [
        "-1015 TOO_MANY_ORDERS",
        "",
        "Category: GENERAL (General Server or Network issues; -1099..-1000)",
    ]
    assert "  1: Too many new orders; current limit is %s orders per %s." in by_code.stdout
    assert errgen("explain", "1015").stdout == by_code.stdout
    assert errgen("explain", "too_many_orders").stdout == by_code.stdout


def test_explain_matches_a_message_from_a_log() -> None:
    proc = errgen("explain", "-1015", "Too many new orders; current limit is 100 orders per 10 SECOND.")
    assert proc.stdout.endswith("\nThe message is variant 1; its values: '100', '10 SECOND'.\n")
    proc = errgen("explain", "-1015", "Something else.")
    assert proc.stdout.endswith("\nThe message fits none of the variants of -1015 TOO_MANY_ORDERS.\n")


def test_explain_an_unknown_code_says_what_is_close() -> None:
    proc = errgen("explain", "BAD_SYMBOLS")
    assert (proc.returncode, proc.stdout) == (1, "")
    assert proc.stderr == (
        "errgen: 'BAD_SYMBOLS' is not a code or name of the Binance Options API error codes; did you mean BAD_SYMBOL?\n"
    )


def test_export_writes_the_catalog_to_stdout_or_a_file(tmp_path: Path) -> None:
    proc = errgen("export", "--format", "json")
    exported = json.loads(proc.stdout)
    assert len(exported["errors"]) == len(load_catalog(SPEC.read_bytes()).errors)
    proc = errgen("export", "--output", str(tmp_path / "catalog.json"))
    assert proc.returncode == 0
    assert json.loads((tmp_path / "catalog.json").read_text(encoding="utf-8")) == exported


BAD_SPEC = SPEC.read_text(encoding="utf-8").replace("name: BAD_SYMBOL", "identifier: bad_symbol", 1)
BAD_INDEX = [e.name for e in load_catalog(SPEC.read_bytes()).errors].index("BAD_SYMBOL")


@pytest.fixture
def bad_project(tmp_path: Path) -> Path:
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "errors.yaml").write_text(BAD_SPEC, encoding="utf-8")
    return tmp_path


def test_problems_as_json_lines(bad_project: Path) -> None:
    proc = errgen("validate", "--format", "json", cwd=bad_project)
    assert proc.returncode == 1
    (record,) = map(json.loads, proc.stdout.splitlines())
    line = BAD_SPEC.splitlines().index("    identifier: bad_symbol") + 1
    assert record == {
        "file": "spec/errors.yaml",
        "line": line,
        "column": 17,
        "rule": "schema.pattern",
        "message": f'errors[{BAD_INDEX}].identifier: "bad_symbol" is not a SCREAMING_SNAKE_CASE name',
    }
    assert proc.stderr == "errgen: 1 problem(s); nothing was written\n"


def test_problems_as_github_annotations(bad_project: Path) -> None:
    proc = errgen("generate", "--format", "github", cwd=bad_project)
    assert proc.returncode == 1
    line = BAD_SPEC.splitlines().index("    identifier: bad_symbol") + 1
    assert proc.stdout == (
        f"::error file=spec/errors.yaml,line={line},col=17,title=errgen schema.pattern::"
        f'errors[{BAD_INDEX}].identifier: "bad_symbol" is not a SCREAMING_SNAKE_CASE name\n'
    )
    assert not (bad_project / "out").exists()


def test_templates_overlay_one_file_and_keep_the_rest(tmp_path: Path) -> None:
    overlay = tmp_path / "my-templates" / "python"
    overlay.mkdir(parents=True)
    (overlay / "py.typed.jinja").write_text("# {{ header }}\n# typed, says our team\n", encoding="utf-8")
    plain, custom = tmp_path / "plain", tmp_path / "custom"
    assert errgen("generate", "--spec", str(SPEC), "--out", str(plain)).returncode == 0
    proc = errgen("generate", "--spec", str(SPEC), "--out", str(custom), "--templates", str(tmp_path / "my-templates"))
    assert proc.returncode == 0, proc.stderr
    before, after = tree(plain), tree(custom)
    changed = sorted(path for path in before if before[path] != after[path])
    assert changed == ["python/binance_options_errors/py.typed"]
    assert after[changed[0]].decode().endswith("# typed, says our team\n")


def test_a_broken_custom_template_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    overlay = tmp_path / "t" / "docs"
    overlay.mkdir(parents=True)
    (overlay / "README.md.jinja").write_text("{{ no_such_value }}\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = errgen("generate", "--spec", str(SPEC), "--out", str(out), "--templates", str(tmp_path / "t"))
    assert proc.returncode == 1
    assert proc.stderr == "errgen: a template cannot be rendered: 'no_such_value' is undefined\n"
    assert not out.exists()
    proc = errgen("generate", "--templates", str(tmp_path / "missing"))
    assert proc.returncode == 2 and "is not a directory" in proc.stderr


def test_unknown_target_is_a_usage_error() -> None:
    proc = errgen("generate", "--target", "rust", "--check")
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == (
        "errgen generate: error: argument --target: unknown target 'rust'; "
        "available: python, typescript, go, docs, html"
    )


def test_init_starts_a_project_that_validates_generates_and_checks(tmp_path: Path) -> None:
    project = tmp_path / "Acme Payments API"
    proc = errgen("init", str(project), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()) == [
        ".github/workflows/errgen.yml",
        ".gitignore",
        ".pre-commit-config.yaml",
        "Makefile",
        "spec/errors.schema.json",
        "spec/errors.yaml",
    ]
    catalog = load_catalog((project / "spec" / "errors.yaml").read_bytes())
    assert (catalog.name, catalog.title) == ("acme-payments-api", "Acme Payments API error codes")
    assert (project / "spec" / "errors.schema.json").read_bytes() == (ROOT / "spec" / "errors.schema.json").read_bytes()
    command = f"{sys.executable} -m errgen"
    make = ["make", "--no-print-directory", f"ERRGEN={command}"]
    env = {**os.environ, "PYTHONPATH": ""}
    for target in ("generate", "check"):
        done = subprocess.run([*make, target], cwd=project, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
    (project / "spec" / "errors.yaml").write_text("edited: true\n", encoding="utf-8")
    again = errgen("init", str(project), cwd=tmp_path)
    assert "errgen: kept " in again.stdout and "spec/errors.yaml as it is (it exists)" in again.stdout
    assert (project / "spec" / "errors.yaml").read_text(encoding="utf-8") == "edited: true\n"


def test_init_into_a_path_under_a_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    proc = errgen("init", str(tmp_path / "file" / "project"))
    assert proc.returncode == 1 and proc.stderr.startswith("errgen: cannot write in ")
    assert "Traceback" not in proc.stderr
    shutil.rmtree(tmp_path)
