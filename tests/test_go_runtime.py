"""The hand-written Go runtime, tested directly (every generated module holds a copy of it).

generator/runtime/go is its own module: runtime.go beside a small catalog of each code type in its
tests (catalog_int_test.go, and under the build tag stringcodes catalog_string_test.go, with the
entries both share in catalog_entries_test.go), declaring what errors.go declares in a generated
package, so that gofmt, go vet and go test judge the runtime
as it is written. Go offline, as for the generated modules."""

from __future__ import annotations

import dataclasses
import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from generator.model import PLACEHOLDER_TYPES, TOLERANCES, ErrorDef, Template, fits
from generator.render import render
from generator.targets import go as go_target
from generator.targets.go import RUNTIME_CLAUSE, go_header, holes, templates
from generator.validate import load_catalog
from tests.conftest import SPECS
from tests.helpers import OUT, ROOT
from tests.snapshots import GOLDEN, NAMES
from tests.toolchains import gofmt, output, run_go

HERE = ROOT / "generator" / "runtime" / "go"


def test_gofmt(go: str) -> None:
    listed = run_go([gofmt(go), "-l", "."], cwd=HERE)
    assert listed.returncode == 0 and listed.stdout == "", output(listed)


def fits_table() -> list[tuple[str, str, bool]]:
    """The model's answer for every type and every text of up to four characters over those
    numbers are made of (and a letter), and for values of other shapes."""
    alphabet = "0-+.eE1x"
    values = [""] + ["".join(t) for n in range(1, 5) for t in itertools.product(alphabet, repeat=n)]
    values += ["true", "false", "True", "FALSE", "truee", " 1", "1 ", "\uff11", "\u0661", "1_000", "0x1F", "1,5"]
    values += ["9" * 40, "-" + "9" * 40 + ".5e-99", "1.5E+10", "NaN", "Infinity", "🎉"]
    return [(kind, value, fits(kind, value)) for kind in PLACEHOLDER_TYPES for value in values]


# Templates that drift as the wire drifts them from the docs: backticks around a value, final
# periods (. and 。), typed values, several placeholders, a text without any.
_LOOSE_TEMPLATES = (
    ("Too many requests.", "Too many; %s per %s."),
    ("Request weight `%s` is over the limit.", "Weight `%d`."),
    ("Limit %d.", "Limit %f.", "Limit %s.", "Limit 5."),
    ("Order failed. Insufficient %s balance。", "Order %s: `%s`/`%s`"),
    ("Parameter %s error", "Parameter %s error: %s"),
    (" Padded. ", "`quoted`"),
    ("Used %d%% of `%s`.", "100%% used."),  # literal parts that are not the text between the holes
)


def _drifts(text: str) -> list[str]:
    """A message and its drifts: whitespace, final periods, backticks dropped, detail appended."""
    out = [text, text + " ", " " + text, "\t" + text + "\n", text + ".", text + "..", text + " .", text + "。"]
    out += [text[:-1], text.replace("`", ""), text + " (order 42)", text + ": detail.", text.rstrip(".") + " x", ""]
    return out


def loose_table() -> list[dict[str, Any]]:
    """The model's match_loosely (generator.model) for each code of _LOOSE_TEMPLATES, under every set
    of tolerances, on each template filled in and drifted."""
    base = ErrorDef(0, "X", None, (), None, False, None, None, None)  # type: ignore[arg-type]
    rows = []
    for texts in _LOOSE_TEMPLATES:
        error = dataclasses.replace(base, messages=tuple(Template.parse(t) for t in texts))
        messages = {m: None for t in error.messages for m in _drifts(t.format(*("7" for _ in t.placeholders)))}
        for size in range(len(TOLERANCES) + 1):
            for tolerate in itertools.combinations(TOLERANCES, size):
                answers = []
                for message in messages:
                    match = error.match_loosely(message, frozenset(tolerate))
                    answers.append(
                        {
                            "message": message,
                            "variant": -1 if match.variant is None else match.variant,
                            "params": list(match.params),
                            "how": match.how,
                            "detail": match.detail or "",
                            "reason": match.reason or "",
                        }
                    )
                rows.append(
                    {
                        # The templates as errgen writes them into table.go.
                        "messages": templates(error.messages)[0],
                        "layout": templates(error.messages)[1],
                        "parts": [None if holes(t)[1] else list(t.parts) for t in error.messages],
                        "order": list(error.match_order),
                        "tolerate": list(tolerate),
                        "matches": answers,
                    }
                )
    return rows


@pytest.mark.parametrize("tags", [[], ["-tags", "stringcodes"]], ids=["integer-codes", "string-codes"])
def test_go_vet_and_go_test(go: str, tags: list[str], tmp_path: Path) -> None:
    """The runtime's tests, its fits and its tolerant matching held to the model's answers
    (ERRGEN_FITS, ERRGEN_LOOSE) too."""
    table, loose = tmp_path / "fits.json", tmp_path / "loose.json"
    table.write_text(json.dumps(fits_table()), encoding="utf-8")
    loose.write_text(json.dumps(loose_table()), encoding="utf-8")
    env = {"ERRGEN_FITS": str(table), "ERRGEN_LOOSE": str(loose)}
    for command in ([go, "vet", *tags, "./..."], [go, "test", "-count=1", "-v", *tags, "./..."]):
        result = run_go(command, cwd=HERE, env=env)
        assert result.returncode == 0, output(result)
    assert "--- PASS: TestFitsAgreeWithTheModel" in result.stdout, result.stdout
    assert "--- PASS: TestLooseMatchingAgreesWithTheModel" in result.stdout, result.stdout


def test_the_source_has_one_package_clause_and_no_build_constraint() -> None:
    lines = (HERE / "runtime.go").read_text(encoding="utf-8").split("\n")
    assert lines.count(RUNTIME_CLAUSE) == 1
    assert sum(line.startswith("package ") for line in lines) == 1
    assert "+build" not in "\n".join(lines) and "//go:build" not in "\n".join(lines)


def _copies() -> list[Path]:
    return [OUT / "go" / "runtime.go", *sorted(GOLDEN.glob("*/go/runtime.go"))]


def test_every_module_holds_the_runtime_verbatim_but_the_package_clause() -> None:
    source = (HERE / "runtime.go").read_text(encoding="utf-8").split("\n")
    copies = _copies()
    assert len(copies) == 1 + len(NAMES)
    for copy in copies:
        header, blank, *rest = copy.read_text(encoding="utf-8").split("\n")
        assert header.startswith("// Code generated by errgen") and header.endswith("DO NOT EDIT.") and blank == ""
        clause = source.index(RUNTIME_CLAUSE)
        assert rest[:clause] == source[:clause] and rest[clause + 1 :] == source[clause + 1 :], copy
        errors = (copy.parent / "errors.go").read_text(encoding="utf-8")
        assert f"\n{rest[clause]}\n" in errors and rest[clause] != RUNTIME_CLAUSE, copy


def test_only_runtime_go_is_copied() -> None:
    catalog = load_catalog(SPECS["minimal"].read_bytes())
    rendered = render(catalog, ["go"])
    assert sorted(rendered) == ["go/errors.go", "go/example_test.go", "go/go.mod", "go/runtime.go", "go/table.go"]
    assert rendered["go/runtime.go"].startswith(f"// {go_header(catalog)}\n\n")
    assert f"\npackage {go_target.package_name(catalog)}\n" in rendered["go/runtime.go"]
